"""Gazetteer speed and memory: open time, cold and warm look-ups per second on one core, RSS of the index.

Usage: .venv/bin/python bench/bench_gazetteer.py    (uses the index of the default cache dir; builds it if missing)
The name list is generated from the index itself (Zipf-like repetition, as in news), not from evaluation texts.
"""

from __future__ import annotations

import random
import resource
import sqlite3
import time

from twinatlas.config import load_settings
from twinatlas.gazetteer import open_gazetteer


def rss_mb() -> float:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def sample_names(path: str, n: int) -> list[str]:
    db = sqlite3.connect(path)
    rows = db.execute(
        "SELECT name FROM places WHERE level='city' AND population > 5000 ORDER BY rid LIMIT ?", (n,)
    ).fetchall()
    return [r[0] for r in rows]


def main() -> None:
    path = load_settings().gazetteer_path
    open_gazetteer(path).close()  # build if missing, outside the timing
    before = rss_mb()
    t0 = time.perf_counter()
    gaz = open_gazetteer(path, build_if_missing=False)
    opened = time.perf_counter() - t0
    vocabulary = sample_names(str(path), 5000)
    rng = random.Random(7)
    weights = [1 / (rank + 1) for rank in range(len(vocabulary))]
    stream = rng.choices(vocabulary, weights=weights, k=100_000)

    t0 = time.perf_counter()
    for name in vocabulary[:2000]:
        gaz.lookup(name, None)
    cold = 2000 / (time.perf_counter() - t0)
    for name in vocabulary:
        gaz.lookup(name, None)
    t0 = time.perf_counter()
    for name in stream:
        gaz.lookup(name, None)
    warm = len(stream) / (time.perf_counter() - t0)
    print(f"open: {opened * 1000:.1f} ms")
    print(f"cold look-ups (first sight, SQLite): {cold:,.0f}/s")
    print(f"warm look-ups (Zipf stream of 100k over 5k names): {warm:,.0f}/s")
    size = path.stat().st_size / 1e6
    print(f"RSS: {rss_mb():.0f} MB (process before opening: {before:.0f} MB; index file {size:.0f} MB)")


if __name__ == "__main__":
    main()
