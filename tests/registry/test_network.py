"""Network metrics of the twinning graph, checked on small graphs and against KONECT's published table."""

import pytest

from conftest import SHARED, need_shared
from registry.builders import HASKOVO, OMSK, VITEBSK, docs, document, said
from twinatlas.models import Event
from twinatlas.registry import graph_from_pairs, merge_relations, network_metrics, pairs_of


def test_a_triangle_with_a_tail():
    metrics = network_metrics([("a", "b"), ("b", "c"), ("c", "a"), ("c", "d"), ("x", "y")])
    assert (metrics.places, metrics.pairs, metrics.components, metrics.largest_component) == (6, 5, 2, 4)
    assert (metrics.max_degree, metrics.triangles) == (3, 1)
    assert metrics.mean_degree == pytest.approx(10 / 6)
    assert metrics.transitivity == pytest.approx(3 * 1 / 5)  # 3 triangles-worth of triples out of 5 connected ones
    assert metrics.top_degree[0] == ("c", 3)
    assert metrics.top_betweenness[0][0] == "c"  # every path to d passes through c
    assert metrics.betweenness_samples is None  # small graph: exact


def test_repeated_pairs_are_one_edge_and_self_pairs_none_and_both_are_counted():
    built = graph_from_pairs([("a", "b"), ("b", "a"), ("a", "b"), ("c", "c")])
    metrics = network_metrics(built)
    assert (metrics.places, metrics.pairs, metrics.duplicate_pairs, metrics.self_pairs) == (3, 1, 2, 1)


def test_assortativity_is_none_where_undefined_rather_than_nan():
    assert network_metrics([("a", "b"), ("c", "d")]).assortativity is None
    assert network_metrics([]).to_json()["places"] == 0


def test_relations_become_pairs_optionally_filtered_by_status():
    page = document("page.txt")
    relations = merge_relations(
        [said(page, OMSK, VITEBSK, Event.SIGNED, "2025"), said(page, HASKOVO, VITEBSK, Event.PLANNED, "2024")],
        docs(page),
    )
    assert len(pairs_of(relations)) == 2
    assert pairs_of(relations, {Event.SIGNED}) == [(VITEBSK.id, OMSK.id)]


def read_konect_pairs(path):
    pairs = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("%") or not line.strip():
            continue
        a, b = line.split()[:2]
        pairs.append((a, b))
    return pairs


@pytest.mark.shared
def test_the_konect_sister_city_network_matches_its_published_figures():
    pairs = read_konect_pairs(need_shared(SHARED / "data" / "konect-twin.tsv"))
    metrics = network_metrics(pairs, betweenness_samples=8)
    assert metrics.places == 14_274
    assert metrics.pairs == 20_573
    assert metrics.largest_component == 10_320
    assert metrics.max_degree == 99
    assert metrics.assortativity == pytest.approx(0.386786, abs=5e-7)
    assert metrics.transitivity == pytest.approx(0.111361, abs=5e-7)
    assert metrics.triangles == 6_327
    assert metrics.betweenness_samples == 8
    assert len(metrics.top_betweenness) == 10
