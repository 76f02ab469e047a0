"""Inflected forms of place names, taken from simplemma's dictionaries once, at index build time.

Loading a simplemma dictionary costs 0.5–6 s per language and lemmatising every capitalised word drags in
ordinary words ("Byl" -> "být"). The index instead keeps, per language, only the dictionary entries whose
lemma is a proper noun that is also a gazetteer key (pl "Krakowem" -> "Kraków", de "Kölns" -> "Köln"),
keyed by the skeleton of the form so that Serbian Cyrillic meets the Latin dictionary. Look-ups are then
one indexed SQLite query per new word.
"""

from __future__ import annotations

from collections.abc import Iterator

from twinatlas.gazetteer.langdata import morphology
from twinatlas.gazetteer.names import skeleton
from twinatlas.lang import available_languages

SCHEMA = "CREATE TABLE lemmas (lang TEXT, key TEXT, lemma TEXT);"
INDEX = "CREATE INDEX lemmas_by_key ON lemmas(key, lang)"


def simplemma_languages() -> dict[str, str]:
    """twinatlas language code -> simplemma code, for the languages lemmatised with simplemma."""
    out = {}
    for code in available_languages():
        rules = morphology(code)
        if rules.lemmatiser == "simplemma" and rules.code:
            out[code] = rules.code
    return out


def simplemma_entries(code: str) -> dict[str, str]:
    """simplemma's whole form -> lemma dictionary of one language ({} when simplemma does not ship it)."""
    from simplemma.strategies.dictionaries.dictionary_factory import DefaultDictionaryFactory

    try:
        entries = DefaultDictionaryFactory(cache_max_size=1).get_dictionary(code)
    except (ValueError, OSError):
        return {}
    raw = getattr(entries, "_dict", None)  # its bytes -> bytes table: decoding it whole is 3x faster
    if isinstance(raw, dict):
        return {k.decode(): v.decode() for k, v in raw.items()}
    return dict(entries.items())


def proper_lemma_rows(code: str, entries: dict[str, str], keys: set[str]) -> Iterator[tuple[str, str, str]]:
    """(language, skeleton of the form, lemma) for inflected forms of proper nouns that are gazetteer keys."""
    seen: set[tuple[str, str]] = set()
    for form, lemma in entries.items():
        if lemma[:1].isupper() and form != lemma and form[:1].isupper() and skeleton(lemma) in keys:
            key = skeleton(form)
            if key != skeleton(lemma) and (key, lemma) not in seen:
                seen.add((key, lemma))
                yield code, key, lemma
