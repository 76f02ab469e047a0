"""The registry end to end through the library (`Atlas`): `import csv` at scale, then `partners` latency.

    .venv/bin/python bench/bench_registry_queries.py [--places 500]

Imports ../shared/data/twinnings-reference.csv (33,455 rows) into a fresh SQLite file with the column
mapping a user would give, times it, then asks `partners` for random places of the registry, by id and by
name (name resolution through the gazetteer included), and reports median and 90th percentile. Then
imports KONECT's network and times `network`. Results go into bench/README.md ("Registry queries").
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from pathlib import Path

from twinatlas.atlas import Atlas
from twinatlas.config import load_settings

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"
MAPPING = {"a_wikidata": "a_qid", "b_wikidata": "b_qid", "a_name": "a_label_en", "b_name": "b_label_en"}


def timed(label: str, work):  # type: ignore[no-untyped-def]
    started = time.perf_counter()
    result = work()
    print(f"{label}: {time.perf_counter() - started:.1f} s")
    return result


def latencies(ask, keys: list[str]) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    spent = []
    for key in keys:
        started = time.perf_counter()
        ask(key)
        spent.append(time.perf_counter() - started)
    spent.sort()
    return statistics.median(spent) * 1000, spent[int(0.9 * len(spent))] * 1000


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--places", type=int, default=500)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        atlas = Atlas(load_settings(db=f"sqlite:///{tmp}/reference.db"))
        timed("open gazetteer", lambda: atlas.gazetteer)
        report = timed(
            "import csv twinnings-reference.csv",
            lambda: atlas.import_pairs(SHARED / "twinnings-reference.csv", mapping=MAPPING),
        )
        counts = atlas.store.counts()
        print(
            f"  {report.rows} rows, {counts.pairs} pairs, {counts.places} places "
            f"({report.places_resolved} resolved, {report.places_unresolved} kept by name)"
        )
        places = atlas.store.places()
        sample = random.Random(5).sample(places, min(args.places, len(places)))
        for label, keys in (("id", [p.id for p in sample]), ("name", [p.name for p in sample])):
            latencies(lambda key: atlas.partners(key), keys[:20])  # warm caches
            median, p90 = latencies(lambda key: atlas.partners(key), keys)
            print(f"partners by {label}, {len(keys)} places: median {median:.2f} ms, p90 {p90:.2f} ms")
        atlas.close()

        konect = Atlas(load_settings(db=f"sqlite:///{tmp}/konect.db"), gazetteer=atlas.gazetteer)
        timed(
            "import csv konect-twin.tsv",
            lambda: konect.import_pairs(
                SHARED / "konect-twin.tsv",
                mapping={"a_id": "1", "b_id": "2"},
                delimiter="\t",
                comment="%",
                header=False,
            ),
        )
        metrics = timed("network (load + merge + metrics)", lambda: konect.network())
        print(f"  {metrics.to_json()['places']} places, largest component {metrics.to_json()['largest_component']}")
        konect.close()


if __name__ == "__main__":
    main()
