"""Store speeds on SQLite: writing documents with assertions, and reading one place's assertions.

Synthetic data (no ../shared needed): N_PLACES places, N_DOCS documents of ASSERTIONS_PER_DOC assertions
each between random places (seeded). Run: .venv/bin/python bench/bench_store.py [sqlite-or-postgresql-url]
"""

from __future__ import annotations

import hashlib
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from twinatlas.models import Assertion, Document, Event, Kind, Level, Place
from twinatlas.store import open_store

N_PLACES = 15_000
N_DOCS = 3_000
ASSERTIONS_PER_DOC = 10


def main() -> None:
    url = sys.argv[1] if len(sys.argv) > 1 else f"sqlite:///{Path(tempfile.mkdtemp()) / 'bench.db'}"
    rng = random.Random(7)
    places = [Place(id=f"gn:{100000 + i}", name=f"Town {i}", country="BY", level=Level.CITY) for i in range(N_PLACES)]
    store = open_store(url)
    started = time.perf_counter()
    with store.transaction():
        for d in range(N_DOCS):
            text = f"Synthetic report number {d} about twinned towns."
            sha = hashlib.sha256(text.encode()).hexdigest()
            doc = Document(text=text, sha256=sha, name=f"doc-{d}.txt")
            items = []
            for _ in range(ASSERTIONS_PER_DOC):
                a, b = rng.sample(places, 2)
                items.append(Assertion(sha, a, b, a.name, b.name, Event.SIGNED, Kind.TWINNING, None, text, 0, 10, 0.9))
            store.add_document(doc, items)
    write = time.perf_counter() - started
    total = N_DOCS * ASSERTIONS_PER_DOC
    print(f"add_document: {N_DOCS} docs, {total} assertions in {write:.1f} s ({total / write:,.0f} assertions/s)")

    timings = []
    for place in rng.sample(places, 300):
        t = time.perf_counter()
        store.assertions(place_id=place.id)
        timings.append((time.perf_counter() - t) * 1000)
    print(f"assertions(place_id): median {statistics.median(timings):.2f} ms, max {max(timings):.2f} ms (300 places)")
    t = time.perf_counter()
    everything = store.assertions(include_pending=True)
    print(f"assertions() all {len(everything)}: {time.perf_counter() - t:.2f} s")
    t = time.perf_counter()
    store.counts()
    print(f"counts(): {(time.perf_counter() - t) * 1000:.0f} ms")
    store.close()


if __name__ == "__main__":
    main()
