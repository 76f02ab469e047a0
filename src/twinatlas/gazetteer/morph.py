"""Lemma candidates for one word: pymorphy3 (ru, uk) with all its parses, simplemma (bg, pl, de, hbs, ...),
then the language's suffix rules (morphology.toml) for what the lemmatisers miss (Belarusian has none).

Lemmatisers are slow per word, so results are cached by (word, language); analysers load lazily, once.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import Any

from twinatlas.gazetteer.langdata import morphology

MAX_FORMS = 8


@cache
def _pymorphy(code: str) -> Any:
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang=code)


def known_word(code: str) -> Callable[[str], bool]:
    """A test "is this word in pymorphy3's dictionary of the language" (ru, uk), for choosing spellings."""
    analyser = _pymorphy(code)
    return lambda word: bool(analyser.word_is_known(word.casefold()))


# pymorphy3 grammemes that mark a word as a name of something, not an ordinary word.
PROPER = frozenset({"Name", "Surn", "Patr", "Geox", "Orgn", "Trad", "Abbr", "Init"})


def ordinary_lemmas(word: str, lang: str | None) -> tuple[str, ...] | None:
    """The lemmas of the lowercase word as an ordinary word (not a name) in pymorphy3's dictionary, () when
    it knows none; None for languages pymorphy3 does not analyse."""
    rules = morphology(lang)
    if rules.lemmatiser != "pymorphy3" or not rules.code:
        return None
    parses = _pymorphy(rules.code).parse(word)
    return tuple(dict.fromkeys(p.normal_form for p in parses if p.is_known and not (PROPER & p.tag.grammemes)))


def _pymorphy_forms(word: str, code: str) -> list[str]:
    forms = []
    for parse in _pymorphy(code).parse(word)[:6]:
        forms.append(parse.normal_form)
        if "plur" in parse.tag:  # plural names keep their number: «Великими Луками» -> «Великие Луки»
            plural = parse.inflect({"nomn", "plur"})
            if plural is not None:
                forms.append(plural.word)
        # Place names are nouns: also offer the nominative singular the parse inflects to.
        inflected = parse.inflect({"nomn", "sing"}) if "NOUN" in parse.tag else None
        if inflected is not None:
            forms.append(inflected.word)
    return forms


def _simplemma_forms(word: str, code: str) -> list[str]:
    import simplemma

    try:
        lemma = simplemma.lemmatize(word, lang=code)
    except ValueError:  # a language simplemma does not ship
        return []
    return [lemma] if lemma else []


@cache
def lemma_forms(word: str, lang: str | None, with_simplemma: bool = True) -> tuple[str, ...]:
    """Other forms the word may be an inflection of, most likely first; never the word itself.

    `with_simplemma=False` leaves simplemma out (the gazetteer index holds its place-name forms instead)."""
    if lang is None or len(word) < 3:
        return ()
    rules = morphology(lang)
    forms: list[str] = []
    if rules.lemmatiser == "pymorphy3" and rules.code:
        forms += _pymorphy_forms(word.lower(), rules.code)
    elif rules.lemmatiser == "simplemma" and rules.code and with_simplemma:
        forms += _simplemma_forms(word, rules.code)
    lowered = word.lower()
    for ending, replacement in rules.suffixes:
        if lowered.endswith(ending) and len(lowered) - len(ending) >= 2:
            forms.append(lowered[: len(lowered) - len(ending)] + replacement)
    out: list[str] = []
    for form in forms:
        if form.lower() != lowered and form not in out:
            out.append(form)
    return tuple(out[:MAX_FORMS])
