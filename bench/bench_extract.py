"""Extraction speed in MB of text per second on one core.

Corpus: the project's own texts (src/twinatlas/demo/texts/*.txt and tests/golden/*/*.txt), concatenated
per language and repeated to about 4 MB in total. Two figures:
- extract_claims alone (mentions from a cheap stand-in spotter, so the figure is the extractor's own cost);
- the whole pipeline (spot -> extract -> resolve) when a gazetteer index is built (`twinatlas gazetteer build`).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "extract"))

from extract_fakes import document, spot  # noqa: E402

from twinatlas.extract import extract_claims  # noqa: E402

TARGET_BYTES = 4_000_000


def corpus() -> list[tuple[str, str]]:
    """(language, text) per source file, the language taken from the file-name prefix."""
    files = sorted((ROOT / "src" / "twinatlas" / "demo" / "texts").glob("*.txt"))
    files += sorted((ROOT / "tests" / "golden").glob("*/*.txt"))
    return [(path.name.split("-")[0], path.read_text(encoding="utf-8")) for path in files]


def main() -> None:
    texts = corpus()
    size = sum(len(text.encode()) for _, text in texts)
    if not size:
        sys.exit("no texts found under src/twinatlas/demo/texts or tests/golden")
    repeat = max(1, TARGET_BYTES // size)
    docs = [(document(text, lang), spot(text)) for lang, text in texts]
    total = size * repeat
    started = time.perf_counter()
    claims = 0
    for _ in range(repeat):
        for doc, mentions in docs:
            claims += len(extract_claims(doc, mentions))
    seconds = time.perf_counter() - started
    print(f"corpus: {len(texts)} texts, {size / 1e6:.3f} MB x {repeat} = {total / 1e6:.1f} MB")
    print(f"extract_claims: {total / 1e6 / seconds:.2f} MB/s ({claims} claims, {seconds:.2f} s)")
    try:
        from twinatlas.config import load_settings
        from twinatlas.gazetteer import open_gazetteer  # type: ignore[attr-defined]
        from twinatlas.pipeline import process

        index = open_gazetteer(load_settings().gazetteer_path)
    except Exception as exc:  # the gazetteer is optional for this benchmark
        print(f"pipeline: skipped ({exc})")
        return
    started = time.perf_counter()
    for _ in range(repeat):
        for doc, _mentions in docs:
            process(doc, index)
    seconds = time.perf_counter() - started
    print(f"pipeline (spot + extract + resolve): {total / 1e6 / seconds:.2f} MB/s")


if __name__ == "__main__":
    main()
