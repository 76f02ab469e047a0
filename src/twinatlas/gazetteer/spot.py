"""Mention spotting: every span of a text that may name a place, with level and country hints.

Greedy longest match over 1..4-word windows that start with a word that can start a name (capitalised in
cased scripts). Level words next to the name join the mention («Минская область», «община Опан»,
«Витебского горисполкома»); a country adjective just before it sets the country hint («российским
Геленджиком»). Scripts without spaces are matched character by character over the index's keys.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from twinatlas.gazetteer.langdata import (
    all_stopwords,
    country_of_words,
    given_names,
    level_of_words,
    morphology,
    stem_matches,
    suffix_levels,
)
from twinatlas.gazetteer.names import adjective_key, fold, is_spaceless_script, skeleton, tokens
from twinatlas.models import Level, Mention, NameMatch, PlaceIndex

MAX_WINDOW = 4
MAX_CONNECTOR = 3  # lowercase words inside a name: "Frankfurt am Main", "Castellón de la Plana"
_GAP = re.compile(r"^[ \t\u00a0-]{1,2}$")  # what may separate the words of one name
_GAP_BEFORE_NAME = re.compile(r"^\.?[ \t\u00a0]{0,2}$")  # after a level word, abbreviated or not
_SPACELESS_RUN = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]+")
MIN_POPULATION_INFLECTED = 1000  # an inflected or adjectival match of a hamlet is more likely a word
# A common word of the document's language («То», "Byl", "Ruhen") is a place only when it names a town at
# least this big (Bath, Split, Nice) or a level word or country adjective stands next to it.
MIN_POPULATION_COMMON_WORD = 50_000
# ... or a town this big in a country where the language is spoken, in any spelling of its script: «Буча» is
# also a rare Ukrainian word, but a Ukrainian text that starts a sentence with it means the town.
MIN_POPULATION_COMMON_WORD_HOME = 20_000
# ... or a city this big anywhere, in any spelling of its script («Рига», «Вена»: also a barn and a vein).
MIN_POPULATION_COMMON_WORD_LOOSE = 200_000
MIN_LOOSE_WORD = 4  # shorter words meet too much loosely: «Сам» an old name of Damascus
# A given name before a capitalised word is a person («Vladimir Putin») unless it is a city this big and the
# language capitalises its nouns (German "mit Wladimir Verständnis" is about the city).
MIN_POPULATION_GIVEN_NAME = 100_000
# After "mayor", "regime", "said" ... a capitalised word is a person unless it names a town at least this big.
MIN_POPULATION_AFTER_PERSON_CUE = 15_000
# A lowercase town adjective before "councillors", "authorities" ... ("gdańscy radni") names a town this big.
MIN_POPULATION_TOWN_ADJECTIVE = 20_000


def _capitalised(word: str) -> bool:
    return word[:1].isupper()


class _Tokens(list[tuple[int, int, str]]):
    """A document's (start, end, word) tokens, with whether each is joined to the next by a space or hyphen
    only (worked out once: every window and level look-around asks it again)."""

    def __init__(self, text: str, toks: list[tuple[int, int, str]]) -> None:
        super().__init__(toks)
        self.gap_ok = [bool(_GAP.match(text[toks[k][1] : toks[k + 1][0]])) for k in range(len(toks) - 1)]


def _joined(text: str, toks: list[tuple[int, int, str]], i: int, j: int) -> bool:
    """Tokens i..j sit next to each other with only a space or a hyphen between them."""
    if isinstance(toks, _Tokens):
        return i >= j or (j - i == 1 and toks.gap_ok[i]) or all(toks.gap_ok[i:j])
    return all(_GAP.match(text[toks[k][1] : toks[k + 1][0]]) for k in range(i, j))


def _level_after(text: str, toks: list[tuple[int, int, str]], j: int) -> tuple[Level, int] | None:
    """A level phrase starting right after token j: returns its level and the index of its last token."""
    folded = []
    for k in range(j + 1, min(j + 4, len(toks))):
        if not _joined(text, toks, k - 1, k):
            break
        folded.append(fold(toks[k][2]))
    found = level_of_words(folded) if folded else None
    if found is None or len(folded[0]) <= 2:  # abbreviations («гр.», "m.") stand before names, not after
        return None
    return found[0], j + found[1]


def _shared_level_after(text: str, toks: list[tuple[int, int, str]], j: int) -> tuple[Level, int, int] | None:
    """A level phrase after 'X and Y' that covers X too: (level, first token, last token of the phrase)."""
    if j + 3 >= len(toks) or not _joined(text, toks, j, j + 2):
        return None
    connector, second = toks[j + 1][2], toks[j + 2][2]
    if not (connector.islower() and len(connector) <= MAX_CONNECTOR and _capitalised(second)):
        return None
    after = _level_after(text, toks, j + 2)
    return (after[0], j + 3, after[1]) if after else None


def _level_before(text: str, toks: list[tuple[int, int, str]], i: int) -> tuple[Level, int] | None:
    """A level phrase ending right before token i (often abbreviated: «гр.», "m."): its level and first token."""
    for n in (3, 2, 1):
        start = i - n
        if start < 0:
            continue
        gap = text[toks[i - 1][1] : toks[i][0]]
        if not _GAP_BEFORE_NAME.match(gap) or not _joined(text, toks, start, i - 1):
            continue
        if len(toks[i - 1][2]) <= 2 and not gap.startswith("."):
            continue  # abbreviations («гр.», "m.") need their dot: «с», «у» are prepositions
        found = level_of_words([fold(t[2]) for t in toks[start:i]])
        if found and found[1] == n:
            return found[0], start
    return None


def _country_before(text: str, toks: list[tuple[int, int, str]], i: int) -> str | None:
    if i == 0 or not _joined(text, toks, i - 1, i):
        return None
    found = country_of_words([fold(toks[i - 1][2])])
    return found[0] if found else None


def _country_at(text: str, toks: list[tuple[int, int, str]], i: int, index: PlaceIndex) -> tuple[Mention, int] | None:
    """A country word or phrase starting at token i, as a mention of the country: (mention, last token).

    Longer place names that start with a country word («České Budějovice») win, as the caller tries longer
    windows first.
    """
    last = i
    while last + 1 < len(toks) and last - i < 2 and _joined(text, toks, last, last + 1):
        last += 1
    found = country_of_words([fold(t[2]) for t in toks[i : last + 1]])
    if found is None:
        return None
    code, n = found
    place_of = getattr(index, "country_place", None)
    place = place_of(code) if place_of is not None else None
    start, end = toks[i][0], toks[i + n - 1][1]
    matches = (NameMatch(place=place, key="", how="lemma", name=place.name),) if place is not None else ()
    return Mention(start, end, text[start:end], matches, level_hint=Level.COUNTRY, country_hint=code), i + n - 1


def _big_town(
    matches: Sequence[NameMatch], population: int, loose: bool = False, countries: Sequence[str] = ()
) -> bool:
    """A town of at least `population` spelled as written, or in another script or spelling when `loose`
    (not by default: loose keys meet codes like 'BIL' for Billings); only in `countries` when given."""
    spellings = ("exact", "folded", "transliterated") if loose else ("exact", "folded")
    return any(
        m.place.level == Level.CITY
        and (m.place.population or 0) >= population
        and m.how in spellings
        and (not countries or m.place.country in countries)
        for m in matches
    )


def _big_town_for_common_word(matches: Sequence[NameMatch], lang: str | None, word: str) -> bool:
    """A common word names a town when the town is big, or fairly big and in the language's own countries
    (there its name may only be known to the dictionary as a transliteration: «Луцьк»)."""
    if _big_town(matches, MIN_POPULATION_COMMON_WORD):
        return True
    if len(word) < MIN_LOOSE_WORD:
        return False
    home = morphology(lang).countries
    return _big_town(matches, MIN_POPULATION_COMMON_WORD_LOOSE, loose=True) or (
        bool(home) and _big_town(matches, MIN_POPULATION_COMMON_WORD_HOME, loose=True, countries=home)
    )


def _sentence_initial(text: str, start: int) -> bool:
    """Nothing but an opening mark or a sentence end before this word: its capital letter says nothing."""
    before = text[max(0, start - 12) : start].rstrip(" \t\u00a0")
    return not before or before[-1] in _SENTENCE_OPENERS


_SENTENCE_OPENERS = frozenset(".!?:;\n\r\"'«»„“”‘(…")


def _is_common(index: PlaceIndex, word: str, lang: str | None) -> bool:
    """An ordinary word of the language that meets a gazetteer key (indexes without word lists know none)."""
    check = getattr(index, "is_common_word", None)
    return bool(check(word, lang)) if check is not None else False


def _looks_common(text: str, token: tuple[int, int, str], lang: str | None, index: PlaceIndex) -> bool:
    """An ordinary word written with a capital: at a sentence start («То», "Byl"), as a German noun
    ("Ruhen"), or an acronym ("PDF", «РБК»)."""
    start, _, word = token
    if word.isupper() and len(word) <= 4:
        return True
    if not _is_common(index, word, lang):
        return False
    return morphology(lang).nouns_capitalised or _sentence_initial(text, start)


def _plausible(
    matches: tuple[NameMatch, ...], single_word: bool, common: bool = False, lang: str | None = None, word: str = ""
) -> bool:
    """Drop hamlets reached only through inflection or adjectives: they are usually ordinary words; and
    drop places a common word of the language names, unless it names a big town."""
    if not single_word:
        return True
    if common:
        return _big_town_for_common_word(matches, lang, word)
    for match in matches:
        if match.how in ("exact", "folded", "transliterated") or match.place.level != Level.CITY:
            return True
        if (match.place.population or 0) >= MIN_POPULATION_INFLECTED:
            return True
    return False


def spot_mentions(text: str, lang: str | None, index: PlaceIndex) -> list[Mention]:
    """Every span of `text` that may name a place, left to right, non-overlapping."""
    mentions = _spot_words(text, lang, index)
    if is_spaceless_script(text):
        mentions += _spot_spaceless(text, index)
    return sorted(mentions, key=lambda m: m.start)


@lru_cache(maxsize=64)
def _stopwords(lang: str | None) -> frozenset[str]:
    return morphology(lang).stopwords | all_stopwords()


def _spot_words(text: str, lang: str | None, index: PlaceIndex) -> list[Mention]:
    stop = _stopwords(lang)
    toks = _Tokens(text, [t for t in tokens(text) if not is_spaceless_script(t[2])])
    mentions: list[Mention] = []
    i = 0
    while i < len(toks):
        word = toks[i][2]
        if not word[:1].isupper() and adjective_key(word) is None:
            i += 1  # most words: a lowercase word starts a mention only as a place adjective ("obwód lwowski")
            continue
        person_end = _person_at(text, toks, i, lang, index)
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


def _person_at(text: str, toks: list[tuple[int, int, str]], i: int, lang: str | None, index: PlaceIndex) -> int | None:
    """A given name followed by a capitalised word that is no level, country or common word: a person's name
    ("Glenn Youngkin", «Юлиян Найденов»). Returns the surname's token index; None when not a person."""
    word = toks[i][2]
    if i + 1 >= len(toks) or not _capitalised(word) or skeleton(word) not in given_names():
        return None
    surname = toks[i + 1][2]
    if not _capitalised(surname) or not _joined(text, toks, i, i + 1) or _is_common(index, surname, lang):
        return None
    folded = fold(surname)
    if level_of_words([folded]) is not None or country_of_words([folded]) is not None:
        return None
    if any(m.how in ("exact", "folded") for m in index.lookup(text[toks[i][0] : toks[i + 1][1]], lang)):
        return None  # "Alice Springs", "San José": the two words name a place
    if morphology(lang).nouns_capitalised and _big_town(index.lookup(word, lang), MIN_POPULATION_GIVEN_NAME, True):
        return None
    if _is_common(index, word, lang) and _big_town_for_common_word(index.lookup(surname, lang), lang, surname):
        return None  # «Сам Витебск»: a pronoun that happens to be a name abroad, before a town
    return i + 1


@lru_cache(maxsize=100_000)
def _is_person_cue(folded: str, lang: str | None) -> bool:
    return any(stem_matches(cue, folded) for cue in morphology(lang).person_before)


def _person_after_cue(
    text: str, toks: list[tuple[int, int, str]], i: int, lang: str | None, index: PlaceIndex
) -> int | None:
    """A capitalised word right after a word such as regime, president, mayor or said («reżim Putina», "said
    Janik") is a person: returns its last token (a surname may follow). Not when it names a town of some size
    or a region: Slavic languages put them there in the genitive («мэр Минска»). Districts do not count: many
    are named after people (Hendricks County)."""
    if i == 0 or not _capitalised(toks[i][2]) or not _joined(text, toks, i - 1, i):
        return None
    if not _is_person_cue(fold(toks[i - 1][2]), lang):
        return None
    for match in index.lookup(toks[i][2], lang):
        if match.how not in ("adjective", "level-phrase") and (
            match.place.level in (Level.REGION, Level.COUNTRY)
            or (match.place.level == Level.CITY and (match.place.population or 0) >= MIN_POPULATION_AFTER_PERSON_CUE)
        ):
            return None
    last = i
    while (
        last + 1 < len(toks)
        and last - i < 1
        and _capitalised(toks[last + 1][2])
        and _joined(text, toks, last, last + 1)
    ):
        last += 1
    return last


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
    country = _country_at(text, toks, i, index) if _capitalised(word) else None
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
        if i == j and fold(word) in stop and before is None:
            return None
        matches = tuple(index.lookup(text[toks[i][0] : toks[j][1]], lang))
        if not matches:
            continue
        found = _with_level(text, toks, i, j, lang, index, matches, before)
        if found is not None:
            return found
    # No entity, but a name-like word with a level word beside it (a rural council): keep it as a mention.
    after = _level_after(text, toks, i)
    starts_level = level_of_words([fold(t[2]) for t in toks[i : i + 3]]) is not None  # "City Council"
    if _capitalised(word) and fold(word) not in stop and not starts_level and (after or before):
        level, first, last = (after[0], i, after[1]) if after else (before[0], before[1], i)  # type: ignore[index]
        start, end = toks[first][0], toks[last][1]
        hint = _country_before(text, toks, first)
        return Mention(start, end, text[start:end], (), level_hint=level, country_hint=hint), last
    return None


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
    common = country is None and i == j and _looks_common(text, toks[i], lang, index)
    if level is None and not _plausible(matches, i == j, common, lang, toks[i][2]):
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
