"""Network metrics of the twinning graph (places as nodes, unordered pairs as edges), through networkx.

Counting follows KONECT, whose published table for the Wikidata sister-city network is the reference
(tests/registry/test_network.py): the graph is simple and undirected, so a pair listed twice (in either
order) is one edge and a place paired with itself is not an edge. The KONECT file has neither, so this
choice is checked by the figures matching, and the dropped counts are reported so nothing is hidden.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass
from typing import Any

import networkx as nx

from twinatlas.models import Event, Relation

# Exact betweenness costs one BFS per node; above this many nodes it is estimated from a seeded sample.
EXACT_BETWEENNESS_LIMIT = 1000
DEFAULT_BETWEENNESS_SAMPLES = 64
DEFAULT_SEED = 42


@dataclass(frozen=True, slots=True)
class PairGraph:
    graph: nx.Graph
    duplicate_pairs: int  # pairs seen more than once (in either order), merged into one edge
    self_pairs: int  # a place paired with itself, left out


@dataclass(frozen=True, slots=True)
class NetworkMetrics:
    places: int
    pairs: int
    components: int
    largest_component: int
    max_degree: int
    mean_degree: float
    assortativity: float | None  # None when undefined (e.g. every place has the same degree)
    transitivity: float  # global clustering coefficient: 3 × triangles / connected triples
    triangles: int
    top_degree: tuple[tuple[str, int], ...]
    top_betweenness: tuple[tuple[str, float], ...]  # on the largest component
    betweenness_samples: int | None  # None when betweenness is exact
    duplicate_pairs: int = 0
    self_pairs: int = 0

    def to_json(self) -> dict[str, Any]:
        return {
            "places": self.places,
            "pairs": self.pairs,
            "components": self.components,
            "largest_component": self.largest_component,
            "max_degree": self.max_degree,
            "mean_degree": round(self.mean_degree, 4),
            "assortativity": None if self.assortativity is None else round(self.assortativity, 6),
            "transitivity": round(self.transitivity, 6),
            "triangles": self.triangles,
            "top_degree": [{"place": p, "degree": d} for p, d in self.top_degree],
            "top_betweenness": [{"place": p, "betweenness": round(b, 6)} for p, b in self.top_betweenness],
            "betweenness_samples": self.betweenness_samples,
            "duplicate_pairs": self.duplicate_pairs,
            "self_pairs": self.self_pairs,
        }


def graph_from_pairs(pairs: Iterable[tuple[str, str]]) -> PairGraph:
    """A simple undirected graph from pairs of place ids; duplicates merged, self-pairs left out."""
    graph: nx.Graph = nx.Graph()
    duplicates = selfs = 0
    for a, b in pairs:
        if a == b:
            selfs += 1
            graph.add_node(a)  # the place exists even if its only "pair" is itself
        elif graph.has_edge(a, b):
            duplicates += 1
        else:
            graph.add_edge(a, b)
    return PairGraph(graph, duplicates, selfs)


def pairs_of(relations: Iterable[Relation], statuses: Collection[Event] | None = None) -> list[tuple[str, str]]:
    """The (a id, b id) pairs of the relations, optionally only those with some statuses."""
    return [(r.a.id, r.b.id) for r in relations if statuses is None or r.status in statuses]


def _top(values: dict[str, Any], n: int) -> list[tuple[str, Any]]:
    return sorted(values.items(), key=lambda item: (-item[1], item[0]))[:n]


def _assortativity(graph: nx.Graph) -> float | None:
    """Degree assortativity; None where undefined: no edges, or every linked place has the same degree
    (the correlation's variance is zero then, and networkx would return NaN with a warning)."""
    if len({d for _, d in graph.degree() if d > 0}) < 2:
        return None
    return float(nx.degree_assortativity_coefficient(graph))


def network_metrics(
    pairs: Iterable[tuple[str, str]] | PairGraph,
    top: int = 10,
    betweenness_samples: int = DEFAULT_BETWEENNESS_SAMPLES,
    seed: int = DEFAULT_SEED,
) -> NetworkMetrics:
    """Size, components, degrees, assortativity, clustering, triangles and the most central places.

    Betweenness is computed on the largest component: exactly up to EXACT_BETWEENNESS_LIMIT nodes, else
    estimated from `betweenness_samples` seeded sources (0 skips it). Same input and seed, same answer.
    """
    built = pairs if isinstance(pairs, PairGraph) else graph_from_pairs(pairs)
    graph = built.graph
    n = graph.number_of_nodes()
    components = list(nx.connected_components(graph)) if n else []
    largest = max(components, key=len) if components else set()
    degrees = dict(graph.degree())
    triangles = sum(nx.triangles(graph).values()) // 3 if n else 0

    between: dict[str, float] = {}
    samples: int | None = None
    if len(largest) > 2 and betweenness_samples > 0:
        core = graph.subgraph(largest)
        if len(largest) > EXACT_BETWEENNESS_LIMIT:
            samples = min(betweenness_samples, len(largest))
            between = nx.betweenness_centrality(core, k=samples, seed=seed)
        else:
            between = nx.betweenness_centrality(core)

    return NetworkMetrics(
        places=n,
        pairs=graph.number_of_edges(),
        components=len(components),
        largest_component=len(largest),
        max_degree=max(degrees.values(), default=0),
        mean_degree=(2 * graph.number_of_edges() / n) if n else 0.0,
        assortativity=_assortativity(graph),
        transitivity=nx.transitivity(graph) if n else 0.0,
        triangles=triangles,
        top_degree=tuple(_top(degrees, top)),
        top_betweenness=tuple(_top(between, top)),
        betweenness_samples=samples,
        duplicate_pairs=built.duplicate_pairs,
        self_pairs=built.self_pairs,
    )
