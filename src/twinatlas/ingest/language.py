"""Language identification with py3langid's bundled model, restricted to languages we expect.

Restricting the candidates makes the guesses sharper; a guess below the confidence threshold, or for a
text too short to tell, is None ("unsure") rather than a coin toss.
"""

from __future__ import annotations

from functools import cache
from typing import Any

# The project's languages, their close neighbours (to avoid forcing a neighbour into one of ours), and
# the major languages of news about twinning. Croatian and Bosnian are left out on purpose: Serbian data
# ('sr', both scripts) serves them, and with them in the set Latin-script Serbian splits three ways,
# below any threshold.
CANDIDATES = (
    "ru", "bg", "be", "uk", "pl", "de", "en", "fr", "sr", "mk", "sl", "cs", "sk", "lt", "lv", "et", "ro", "hu",
    "it", "es", "pt", "nl", "sv", "da", "no", "fi", "el", "tr", "ka", "hy", "az", "kk", "zh", "ja", "ko", "ar", "he",
)  # fmt: skip
MIN_PROBABILITY = 0.8
MIN_LETTERS = 12
SAMPLE_CHARS = 5000  # a text's first few thousand characters decide; the rest only costs time


@cache
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages(list(CANDIDATES))
    return identifier


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language, or None when too short or unsure."""
    sample = text[:SAMPLE_CHARS]
    if sum(ch.isalpha() for ch in sample) < MIN_LETTERS:
        return None
    code, probability = _identifier().classify(sample)
    return str(code) if probability >= MIN_PROBABILITY else None
