"""Extraction speed in MB of text (UTF-8 bytes) per second on one core.

Corpus: the project's own texts, each with its gold file: the demo texts (src/twinatlas/demo/texts) and the
golden cases (tests/golden/<lang>/), in ru, be, bg, uk, pl, de, en, fr, sr, cs, es, it and lt. Part of them
report twinnings; the rest are news that name many places and use the same vocabulary (delegations, company
contracts, club partnerships, country-level statements) without any town-to-town agreement. Figures:
- extract_claims alone (mentions from a cheap stand-in spotter: the extractor's own cost);
- the whole pipeline (spot -> extract -> resolve) on the mixed corpus, first pass (caches cold) and repeated;
- the same on its two halves: the texts that report twinnings (the worst case: every sentence is about
  twinning) and the news without any.
The pipeline figures need a built gazetteer index (`twinatlas gazetteer build`).
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "extract"))

from extract_fakes import document, spot  # noqa: E402

from twinatlas.extract import extract_claims  # noqa: E402
from twinatlas.models import Document  # noqa: E402

TARGET_BYTES = 4_000_000


def corpus() -> list[tuple[Document, bool]]:
    """(document, reports a twinning) per text that has a gold file beside it."""
    files = sorted((ROOT / "src" / "twinatlas" / "demo" / "texts").glob("*.txt"))
    files += sorted((ROOT / "tests" / "golden").glob("*/*.txt"))
    out = []
    for path in files:
        gold_path = path.with_suffix(".json")
        if not gold_path.is_file():
            continue
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        doc = document(path.read_text(encoding="utf-8"), gold.get("lang") or path.name.split("-")[0])
        out.append((doc, bool(gold.get("relations"))))
    return out


def size_of(docs: list[Document]) -> int:
    return sum(len(doc.text.encode()) for doc in docs)


def speed(docs: list[Document], run: Callable[[Document], object], target: int = TARGET_BYTES) -> float:
    """MB/s of CPU time over passes of `docs` adding up to about `target` bytes."""
    repeat = max(1, target // max(1, size_of(docs)))
    started = time.process_time()
    for _ in range(repeat):
        for doc in docs:
            run(doc)
    return size_of(docs) * repeat / 1e6 / (time.process_time() - started)


def main() -> None:
    texts = corpus()
    if not texts:
        sys.exit("no texts with gold files under src/twinatlas/demo/texts or tests/golden")
    docs = [doc for doc, _ in texts]
    twinning = [doc for doc, reports in texts if reports]
    other = [doc for doc, reports in texts if not reports]
    print(
        f"corpus: {len(docs)} texts, {size_of(docs) / 1e6:.3f} MB; {len(twinning)} reporting twinnings "
        f"({size_of(twinning) / 1e6:.3f} MB), {len(other)} without ({size_of(other) / 1e6:.3f} MB)"
    )
    mentions = {id(doc): spot(doc.text) for doc in docs}
    print(f"extract_claims alone: {speed(docs, lambda doc: extract_claims(doc, mentions[id(doc)])):.2f} MB/s")
    try:
        from twinatlas.config import load_settings
        from twinatlas.gazetteer import open_gazetteer  # type: ignore[attr-defined]
        from twinatlas.pipeline import process

        index = open_gazetteer(load_settings().gazetteer_path)
    except Exception as exc:  # the gazetteer is optional for this benchmark
        print(f"pipeline: skipped ({exc})")
        return

    def run(doc: Document) -> object:
        return process(doc, index)

    print(f"pipeline, mixed corpus, first pass (cold caches): {speed(docs, run, target=0):.2f} MB/s")
    print(f"pipeline, mixed corpus: {speed(docs, run):.2f} MB/s")
    print(f"pipeline, texts reporting twinnings only: {speed(twinning, run):.2f} MB/s")
    if other:
        print(f"pipeline, texts without twinnings only: {speed(other, run):.2f} MB/s")


if __name__ == "__main__":
    main()
