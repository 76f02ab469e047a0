"""Registry core speeds: merging assertions into relations, partners queries, conflicts, network metrics.

Run: .venv/bin/python bench/bench_registry.py   (needs ../shared/data; prints one line per figure)
Input: the 33k pairs of ../shared/data/twinnings-reference.csv turned into assertions in memory (a signing
at the start year when given, else undated with a made-up publication date; a termination at the end year),
and KONECT's sister-city network for the graph metrics. No store involved: this measures the pure core.
"""

from __future__ import annotations

import csv
import hashlib
import statistics
import time
from datetime import date
from pathlib import Path

from twinatlas.models import Assertion, Document, Event, Kind, Level, PartialDate, Place
from twinatlas.registry import all_conflicts, index_by_place, merge_relations, network_metrics, partners

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "data"


def reference_assertions() -> tuple[list[Assertion], dict[str, Document]]:
    text = "reference list"
    doc = Document(
        text=text,
        sha256=hashlib.sha256(text.encode()).hexdigest(),
        name="twinnings-reference.csv",
        published=PartialDate(2026, 1, 1),
    )
    places: dict[str, Place] = {}

    def place(qid: str, label: str, country: str) -> Place:
        if qid not in places:
            places[qid] = Place(id=f"wd:{qid}", name=label, country=country or None, level=Level.CITY, wikidata=qid)
        return places[qid]

    out = []
    with (SHARED / "twinnings-reference.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            a = place(row["a_qid"], row["a_label_en"], row["a_country"])
            b = place(row["b_qid"], row["b_label_en"], row["b_country"])
            events = [(Event.SIGNED, row["start"][:4] or None)]
            if row["end"]:
                events.append((Event.TERMINATED, row["end"][:4]))
            for event, year in events:
                out.append(
                    Assertion(
                        doc=doc.sha256,
                        a=a,
                        b=b,
                        a_text=a.name,
                        b_text=b.name,
                        event=event,
                        kind=Kind.TWINNING,
                        date=PartialDate(int(year)) if year else None,
                        quote=row["source"],
                        start=0,
                        end=0,
                        confidence=1.0,
                    )
                )
    return out, {doc.sha256: doc}


def timed(label: str, func, *args, **kwargs):
    started = time.perf_counter()
    result = func(*args, **kwargs)
    print(f"{label}: {time.perf_counter() - started:.2f} s")
    return result


def main() -> None:
    assertions, documents = reference_assertions()
    print(f"assertions: {len(assertions)}")
    relations = timed("merge_relations", merge_relations, assertions, documents, at=date(2026, 1, 1))
    print(f"relations: {len(relations)}")
    conflicts = timed("all_conflicts", all_conflicts, relations)
    print(f"conflicts: {len(conflicts)}")
    index = timed("index_by_place", index_by_place, relations)

    busiest = sorted(index, key=lambda pid: -len(index[pid]))[:200]
    spread = sorted(index)[:: max(1, len(index) // 800)]
    sample = busiest + spread
    for group, places in (("200 busiest places", busiest), (f"{len(spread)} places spread by id", spread)):
        for at in (None, PartialDate(2010)):
            times = []
            for place_id in places:
                started = time.perf_counter()
                partners(place_id, index[place_id], at=at)
                times.append((time.perf_counter() - started) * 1000)
            print(
                f"partners (indexed{', --at 2010' if at else ''}) {group}: median {statistics.median(times):.3f} ms,"
                f" max {max(times):.2f} ms (max degree {max(len(index[p]) for p in places)})"
            )
    started = time.perf_counter()
    for place_id in sample[:50]:
        partners(place_id, relations)
    print(f"partners full scan of {len(relations)} relations: {(time.perf_counter() - started) * 20:.1f} ms each")

    pairs = [
        tuple(line.split()[:2])
        for line in (SHARED / "konect-twin.tsv").read_text().splitlines()
        if line.strip() and not line.startswith("%")
    ]
    for samples in (0, 16, 64):
        timed(
            f"network_metrics konect, betweenness samples {samples}",
            network_metrics,
            pairs,
            betweenness_samples=samples,
        )


if __name__ == "__main__":
    main()
