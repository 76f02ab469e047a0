"""Mention spotting: every span of a text that may name a place, with level and country hints.

Greedy longest match over 1..4-word windows that start with a word that can start a name (capitalised in
cased scripts). Level words next to the name join the mention («Минская область», «община Опан»,
«Витебского горисполкома»); a country adjective just before it sets the country hint («российским
Псковом»). Scripts without spaces are matched character by character over the index's keys.
"""

from __future__ import annotations

import re
from functools import lru_cache

from twinatlas.gazetteer.langdata import (
    _levels_starting,
    all_stopwords,
    country_of_words,
    level_of_words,
    morphology,
    stem_matches,
    suffix_levels,
)
from twinatlas.gazetteer.names import adjective_key, fold, is_spaceless_script, tokens
from twinatlas.gazetteer.names import words as name_words
from twinatlas.gazetteer.spot_filters import (
    _inflected_abroad_at_start,
    _looks_common,
    _person_after_cue,
    _person_at,
    _plausible,
    _sentence_initial,
)
from twinatlas.gazetteer.spot_lists import countries_after, share_list_levels
from twinatlas.gazetteer.spot_tokens import (
    MAX_CONNECTOR,
    _capitalised,
    _country_at,
    _country_before,
    _its_country_follows,
    _joined,
    _level_after,
    _level_before,
    _shared_level_after,
    _Tokens,
    _unknown_name_level_after,
)
from twinatlas.models import Level, Mention, NameMatch, PlaceIndex

MAX_WINDOW = 4
UNIT_LEVELS = frozenset({Level.REGION, Level.DISTRICT, Level.MUNICIPALITY, Level.COMMUNITY})
MIN_UNKNOWN_NAME = 3  # letters of a name the gazetteer lacks, kept for the level word beside it
MIN_UNIT_NAME = 5  # letters of a lowercase unit name after its level word
_SPACELESS_RUN = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]+")
# A lowercase town adjective before "councillors", "authorities" ... ("gdańscy radni") names a town this big.
MIN_POPULATION_TOWN_ADJECTIVE = 20_000


def spot_mentions(text: str, lang: str | None, index: PlaceIndex) -> list[Mention]:
    """Every span of `text` that may name a place, left to right, non-overlapping."""
    mentions = share_list_levels(text, _spot_words(text, lang, index))
    if is_spaceless_script(text):
        mentions += _spot_spaceless(text, index)
    return countries_after(text, sorted(mentions, key=lambda m: m.start))


@lru_cache(maxsize=64)
def _stopwords(lang: str | None) -> frozenset[str]:
    return morphology(lang).stopwords | all_stopwords()


def _spot_words(text: str, lang: str | None, index: PlaceIndex) -> list[Mention]:
    stop = _stopwords(lang)
    words = list(tokens(text))
    if is_spaceless_script(text):  # Chinese or Japanese runs are matched by _spot_spaceless
        words = [t for t in words if not is_spaceless_script(t[2])]
    toks = _Tokens(text, words)
    mentions: list[Mention] = []
    i = 0
    while i < len(toks):
        word = toks[i][2]
        if not word[:1].isupper() and adjective_key(word) is None:
            # most words: a lowercase word starts a mention only as a place adjective ("obwód lwowski") or as
            # a region's own name after its level word ("województwo podkarpackie")
            unit = _lowercase_unit(text, toks, i, lang, index) if i and _levels_starting(fold(toks[i - 1][2])) else None
            if unit is not None and (not mentions or unit.start >= mentions[-1].end):
                mentions.append(unit)
            i += 1
            continue
        person_end = _person_at(text, toks, i, lang, index, stop)
        if person_end is None:
            person_end = _person_after_cue(text, toks, i, lang, index)
        if person_end is not None:
            i = person_end + 1
            continue
        found = _mention_at(text, toks, i, lang, index, stop)
        if found is None:
            i += 1
            continue
        mention, last = found
        mentions.append(mention)
        i = last + 1
    return mentions


def _mention_at(
    text: str, toks: list[tuple[int, int, str]], i: int, lang: str | None, index: PlaceIndex, stop: frozenset[str]
) -> tuple[Mention, int] | None:
    word = toks[i][2]
    capitalised = _capitalised(word)
    if not capitalised and adjective_key(word) is None:
        return None  # most words: checked before the costlier level look-behind
    before = _level_before(text, toks, i)
    if before is None and adjective_key(word) is not None:
        # an adjective before a word for the town's people or bodies ("gdańscy radni", «Витебские власти»)
        town = _town_adjective_at(text, toks, i, lang, index)
        if town is not None or not capitalised:
            return town  # lowercase otherwise only for an adjective after a level word: "obwód lwowski"
    if level_of_words([fold(word)]) is not None and before is None:
        return None  # a level word itself («Област»), not a name
    country = _country_at(text, toks, i, index) if capitalised else None
    reach = i  # the last token joined to token i by spaces or hyphens only, within the window
    while reach + 1 < min(i + MAX_WINDOW, len(toks)) and _joined(text, toks, reach, reach + 1):
        reach += 1
    for j in range(reach, i - 1, -1):
        if not (_capitalised(toks[j][2]) or i == j) or (i < j and _only_generic(toks[i : j + 1], stop)):
            continue
        if any(not _capitalised(t[2]) and len(t[2]) > MAX_CONNECTOR for t in toks[i + 1 : j]):
            continue
        if country is not None and country[1] == j:
            return country  # «Украине», "Rosji": the country (never a party), not a village of that spelling
        if i == j and fold(word) in stop and (before is None or _only_generic(toks[before[1] : i + 1], stop)):
            return None  # 'the Town Council': a level word and a stop word name no place
        matches = tuple(index.lookup(text[toks[i][0] : toks[j][1]], lang))
        if i < j and fold(word) in stop:
            # a name may open with an article ('Le Havre'), but a stop word is not folded into a one-word
            # name ('À Huy' is no 'Ahuy')
            matches = tuple(m for m in matches if len(name_words(m.name)) > 1)
        if not matches:
            continue
        found = _with_level(text, toks, i, j, lang, index, matches, before)
        if found is not None:
            return found
    # No entity, but a name-like word with a level word beside it (a rural council): keep it as a mention.
    if not capitalised or fold(word) in stop or len(word) < MIN_UNKNOWN_NAME or word.isupper():
        return None  # «ГОРОДОВ И РЕГИОНОВ»: a heading's capitals between level words name no unit
    after = _unknown_name_level_after(text, toks, i, reach, lang, index)
    starts_level = level_of_words([fold(t[2]) for t in toks[i : i + 3]]) is not None  # "City Council"
    if after and not before and adjective_key(word) is None and _sentence_initial(text, toks[i][0]):
        return None  # «Поред градова», 'Hlavní oblasti': an ordinary word opening a sentence, then a level word
    if not starts_level and (after or before):
        level, first, last = (after[0], i, after[1]) if after else (before[0], before[1], i)  # type: ignore[index]
        start, end = toks[first][0], toks[last][1]
        hint = _country_before(text, toks, first)
        return Mention(start, end, text[start:end], (), level_hint=level, country_hint=hint), last
    return None


def _lowercase_unit(
    text: str, toks: list[tuple[int, int, str]], i: int, lang: str | None, index: PlaceIndex
) -> Mention | None:
    """A unit the gazetteer knows by its level word and a lowercase name ("województwo podkarpackie",
    "kraj vysočina"): only what the index has under the whole phrase, never a guess."""
    before = _level_before(text, toks, i)
    if before is None or before[0] not in UNIT_LEVELS or len(toks[i][2]) < MIN_UNIT_NAME:
        return None  # 'город и', 'район был': towns and short words are never read this way
    level, first = before
    start, end = toks[first][0], toks[i][1]
    matches = tuple(m for m in index.lookup(text[start:end], lang) if m.place.level == level)
    return Mention(start, end, text[start:end], matches, level_hint=level) if matches else None


def _town_adjective_at(
    text: str, toks: list[tuple[int, int, str]], i: int, lang: str | None, index: PlaceIndex
) -> tuple[Mention, int] | None:
    """A lowercase adjective of a town followed by a word for its council, authorities or people
    (morphology.toml `town_people`): the town, as a city mention spanning the adjective."""
    nouns = morphology(lang).town_people
    if not nouns or i + 1 >= len(toks) or not _joined(text, toks, i, i + 1):
        return None
    following = fold(toks[i + 1][2])
    if not any(stem_matches(noun, following) for noun in nouns) or country_of_words([fold(toks[i][2])]):
        return None  # «польские власти» are the country's
    matches = tuple(
        m
        for m in index.lookup(toks[i][2], lang)
        if m.how == "adjective"
        and m.place.level == Level.CITY
        and (m.place.population or 0) >= MIN_POPULATION_TOWN_ADJECTIVE
    )
    if not matches:
        return None
    start, end = toks[i][0], toks[i][1]
    return Mention(start, end, text[start:end], matches, level_hint=Level.CITY), i


def _only_generic(window: list[tuple[int, int, str]], stop: frozenset[str]) -> bool:
    """Words that are all articles, stop words or level words ("The City Council's") name no place, whatever
    alternate name some entry of the gazetteer carries."""
    folded = [fold(t[2]) for t in window]
    k = 0
    while k < len(folded):
        found = level_of_words(folded[k:])
        if found is not None:
            k += found[1]
        elif folded[k] in stop:
            k += 1
        else:
            return False
    return True


def _with_level(
    text: str,
    toks: list[tuple[int, int, str]],
    i: int,
    j: int,
    lang: str | None,
    index: PlaceIndex,
    matches: tuple[NameMatch, ...],
    before: tuple[Level, int] | None,
) -> tuple[Mention, int] | None:
    """Attach an adjacent level phrase to the name i..j and narrow the matches to that level."""
    start, end = toks[i][0], toks[j][1]
    after = _level_after(text, toks, j)
    level, first, last = None, i, j
    shared = _shared_level_after(text, toks, j)
    if after is not None:
        level, last = after
    elif before is not None:
        level, first = before
    if shared is not None and level is None:
        # «Смоленской и Брянской областями»: the plural level word names both; the span stays the name.
        level_words = text[toks[shared[1]][0] : toks[shared[2]][1]]
        with_level = tuple(index.lookup(f"{text[start:end]} {level_words}", lang))
        if with_level:
            matches, level = with_level, shared[0]
    elif level is not None:
        with_level = tuple(index.lookup(text[toks[first][0] : toks[last][1]], lang))
        if with_level or i == j:
            matches = with_level
            start, end = toks[first][0], toks[last][1]
        else:
            level, first, last = None, i, j
    country = _country_before(text, toks, first)
    common = (
        country is None
        and i == j
        and _looks_common(text, toks[i], lang, index)
        and not _its_country_follows(text, toks, j, matches, index)
    )
    if level is None and not _plausible(matches, i == j, common, lang, toks[i][2]):
        return None
    if level is None and country is None and i == j and _inflected_abroad_at_start(text, toks[i], matches, lang):
        return None
    return Mention(start, end, text[start:end], matches, level_hint=level, country_hint=country), last


def _spot_spaceless(text: str, index: PlaceIndex) -> list[Mention]:
    """Character-level matching for Chinese and Japanese: longest key at each position, then level suffixes."""
    automaton = getattr(index, "spaceless_automaton", None)
    mentions = []
    for run in _SPACELESS_RUN.finditer(text):
        spans = automaton(run.group()) if automaton else _ngram_spans(run.group(), index)
        for s, e in spans:
            start, end = run.start() + s, run.start() + e
            level = next((p.level for p in suffix_levels() if text[start:end].endswith(p.stems[0])), None)
            for phrase in () if level else suffix_levels():
                suffix = phrase.stems[0]
                if text.startswith(suffix, end):
                    level, end = phrase.level, end + len(suffix)
                    break
            matches = tuple(index.lookup(text[start:end], None))
            if matches or level is not None:
                mentions.append(Mention(start, end, text[start:end], matches, level_hint=level))
    return mentions


def _ngram_spans(run: str, index: PlaceIndex) -> list[tuple[int, int]]:
    """Fallback for indexes without an automaton: greedy longest 2..6-character windows."""
    spans = []
    i = 0
    while i < len(run):
        for n in range(min(6, len(run) - i), 1, -1):
            if index.lookup(run[i : i + n], None):
                spans.append((i, i + n))
                i += n
                break
        else:
            i += 1
    return spans
