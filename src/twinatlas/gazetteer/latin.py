"""Readable Latin names for parties the gazetteer does not know («Знаменски селски изпълнителен комитет» ->
"Znamenski Rural Council"), so that registries and exports can show them next to resolved places.

The base table is the BGN/PCGN romanisation of Russian; a language overrides single letters in its
morphology.toml (`latin = [["х", "h"], ...]`: Bulgarian, Ukrainian, Serbian write some letters differently).
Latin-script names keep their letters; level words are replaced by one English level word.
"""

from __future__ import annotations

from functools import cache

from twinatlas.gazetteer.langdata import level_of_words, morphology
from twinatlas.gazetteer.names import fold, words
from twinatlas.models import Level

_BASE = {
    "а": "a", "б": "b", "в": "v", "г": "g", "ґ": "g", "д": "d", "ђ": "dj", "е": "e", "ё": "yo", "є": "ye",
    "ж": "zh", "з": "z", "ѕ": "dz", "и": "i", "і": "i", "ї": "yi", "й": "y", "ј": "j", "к": "k", "л": "l",
    "љ": "lj", "м": "m", "н": "n", "њ": "nj", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "ћ": "c",
    "ќ": "kj", "у": "u", "ў": "w", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "џ": "dzh", "ш": "sh",
    "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya", "ѓ": "gj", "'": "", "’": "",
}  # fmt: skip
LEVEL_WORDS = {
    Level.REGION: "Region", Level.DISTRICT: "District", Level.MUNICIPALITY: "Municipality",
    Level.COMMUNITY: "Rural Council", Level.CITY: "", Level.COUNTRY: "",
}  # fmt: skip


@cache
def _table(lang: str | None) -> dict[str, str]:
    return {**_BASE, **dict(morphology(lang).latin)}


def romanise(word: str, lang: str | None = None) -> str:
    """One word in Latin letters, keeping its capitalisation: «Банкя» -> "Bankya" (bg)."""
    table = _table(lang)
    out = []
    for char in word:
        latin = table.get(char.lower(), char)
        out.append(latin.capitalize() if char.isupper() else latin)
    return "".join(out)


def name_words(text: str) -> list[str]:
    """The words of a mention that are not level words: «Знаменски» of «Знаменски селски ... комитет», none
    of "City Council" (a level alone names no place)."""
    parts = words(text)
    folded = [fold(w) for w in parts]
    kept: list[str] = []
    i = 0
    while i < len(parts):
        found = level_of_words(folded[i:])
        if found is not None:
            i += found[1]
            continue
        kept.append(parts[i])
        i += 1
    return kept


def latin_name(text: str, level: Level, lang: str | None = None) -> str:
    """The name's own words romanised, its level words replaced by one English level word."""
    kept = [romanise(w, lang) for w in name_words(text)]
    suffix = LEVEL_WORDS.get(level, "")
    name = " ".join(kept) or romanise(text.strip(), lang)
    return f"{name} {suffix}".strip()
