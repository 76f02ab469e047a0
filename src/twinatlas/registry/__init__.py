"""The registry's pure core: assertions merged into relations with status timelines, conflicts, queries.

No I/O and no SQL here: the store loads assertions and documents and hands them in.
"""

from twinatlas.registry.conflicts import all_conflicts, find_conflicts
from twinatlas.registry.coverage import Coverage, CoverageRow, coverage
from twinatlas.registry.merge import build_history, merge_relation, merge_relations, pair_key, relation_at
from twinatlas.registry.network import NetworkMetrics, graph_from_pairs, network_metrics, pairs_of
from twinatlas.registry.queries import Change, Partnership, changes_since, index_by_place, partners
from twinatlas.registry.stats import PairStats, country_pair_stats
from twinatlas.registry.timeline import Period, end_at, periods, start_at, status_at

__all__ = [
    "Change",
    "Coverage",
    "CoverageRow",
    "NetworkMetrics",
    "PairStats",
    "Partnership",
    "Period",
    "all_conflicts",
    "build_history",
    "changes_since",
    "country_pair_stats",
    "coverage",
    "end_at",
    "find_conflicts",
    "graph_from_pairs",
    "index_by_place",
    "merge_relation",
    "merge_relations",
    "network_metrics",
    "pair_key",
    "pairs_of",
    "partners",
    "periods",
    "relation_at",
    "start_at",
    "status_at",
]
