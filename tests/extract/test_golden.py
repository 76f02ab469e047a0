"""Every golden folder (tests/golden/<lang>/NAME.txt + NAME.json) through the real pipeline, with floors.

Needs the built gazetteer index (the `gazetteer` fixture of tests/conftest.py); skips with the reason otherwise.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from twinatlas.evaluation import load_gold, score
from twinatlas.ingest.readers import read_path

GOLDEN = Path(__file__).resolve().parents[1] / "golden"
# Floors per language: strict F1 on our own hard cases. Raise them as the extractor improves.
STRICT_F1_FLOOR = 0.5
PAIR_PRECISION_FLOOR = 0.6


def golden_languages() -> list[str]:
    return sorted(p.name for p in GOLDEN.iterdir() if p.is_dir()) if GOLDEN.is_dir() else []


@pytest.mark.slow
@pytest.mark.parametrize("lang", golden_languages())
def test_golden_language_meets_its_floor(lang, request):
    try:
        index = request.getfixturevalue("gazetteer")
    except pytest.FixtureLookupError:
        pytest.skip("the gazetteer fixture is not available yet (tests/conftest.py)")
    from twinatlas.pipeline import process

    gold = load_gold(GOLDEN / lang)
    predictions = {
        doc.name: [a.to_json() for a in process(read_path(doc.text_path, lang=doc.lang), index)] for doc in gold
    }
    row = score(gold, predictions).rows.get(lang) or score(gold, predictions).rows["ALL"]
    assert row["strict_f1"] >= STRICT_F1_FLOOR, row
    assert row["pair_p"] >= PAIR_PRECISION_FLOOR, row
