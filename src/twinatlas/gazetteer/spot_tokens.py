"""Token adjacency and the level and country words around a name: shared by the spotter and its filters."""

from __future__ import annotations

import re

from twinatlas.gazetteer.langdata import _countries_starting, _levels_starting, country_of_words, level_of_words
from twinatlas.gazetteer.names import fold
from twinatlas.gazetteer.spot_lists import COUNTRY_GAP
from twinatlas.models import Level, Mention, NameMatch, PlaceIndex

MAX_ABBREVIATION = 4  # «обл.», "gm.", «вул.»: longer words before a dot end a sentence
MAX_CONNECTOR = 3  # lowercase words inside a name: "Frankfurt am Main", "Castellón de la Plana"
_GAP = re.compile(r"[ \t\u00a0-]{1,2}\Z")  # what may separate the words of one name
_GAP_BEFORE_NAME = re.compile(r"\.?[ \t\u00a0]{0,2}\Z")  # after a level word, abbreviated or not


def _capitalised(word: str) -> bool:
    return word[:1].isupper()


class _Tokens(list[tuple[int, int, str]]):
    """A document's (start, end, word) tokens, with what every window and level look-around asks again and
    again worked out once: whether each token is joined to the next by a space or hyphen only."""

    def __init__(self, text: str, toks: list[tuple[int, int, str]]) -> None:
        super().__init__(toks)
        gap_ok = [bool(_GAP.match(text[toks[k][1] : toks[k + 1][0]])) for k in range(len(toks) - 1)]
        # breaks[k]: how many gaps before token k are not joins, so that "i..j joined" is one subtraction
        self.breaks = [0]
        for ok in gap_ok:
            self.breaks.append(self.breaks[-1] + (not ok))


def _joined(text: str, toks: list[tuple[int, int, str]], i: int, j: int) -> bool:
    """Tokens i..j sit next to each other with only a space or a hyphen between them."""
    if isinstance(toks, _Tokens):
        return i >= j or toks.breaks[j] == toks.breaks[i]
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
    if i == 0:
        return None
    gap = text[toks[i - 1][1] : toks[i][0]]
    if not _GAP_BEFORE_NAME.match(gap):
        return None
    if len(toks[i - 1][2]) <= 2 and not gap.startswith("."):
        return None  # abbreviations («гр.», "m.") need their dot: «с», «у» are prepositions
    attached = text[max(0, toks[i - 1][0] - 2) : toks[i - 1][0]]
    if len(toks[i - 1][2]) <= 2 and attached[-1:] == "-" and attached[:1].isdigit():
        return None  # an ordinal's ending («у 2005-м.», «2-й»), not an abbreviated level word
    if gap.startswith(".") and len(toks[i - 1][2]) > MAX_ABBREVIATION:
        return None  # a full word before a dot ends a sentence ("... Partnerstädte. Das ...")
    for n in (3, 2, 1):
        start = i - n
        if start < 0 or not _joined(text, toks, start, i - 1):
            continue
        if not _levels_starting(fold(toks[start][2])):
            continue  # no level phrase starts with this word: most tokens (the same test level_of_words makes)
        found = level_of_words([fold(toks[k][2]) for k in range(start, i)])
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
    if not _countries_starting(fold(toks[i][2])):
        return None  # most words start no country phrase (the test country_of_words makes first)
    last = i
    while last + 1 < len(toks) and last - i < 2 and _joined(text, toks, last, last + 1):
        last += 1
    found = country_of_words([fold(toks[k][2]) for k in range(i, last + 1)])
    if found is None:
        return None
    code, n = found
    place_of = getattr(index, "country_place", None)
    place = place_of(code) if place_of is not None else None
    start, end = toks[i][0], toks[i + n - 1][1]
    matches = (NameMatch(place=place, key="", how="lemma", name=place.name),) if place is not None else ()
    return Mention(start, end, text[start:end], matches, level_hint=Level.COUNTRY, country_hint=code), i + n - 1


def _unknown_name_level_after(
    text: str, toks: list[tuple[int, int, str]], i: int, reach: int, lang: str | None, index: PlaceIndex
) -> tuple[Level, int] | None:
    """The level word after a name the gazetteer lacks, which may be several capitalised words ('Nowe Dworki
    gmina'); not when the words after the first are a known unit themselves ('Later Gomel Oblast')."""
    names_end = i
    while names_end < reach and _capitalised(toks[names_end + 1][2]):
        names_end += 1
    for j in range(names_end, i, -1):
        after = _level_after(text, toks, j)
        if after:
            rest = text[toks[i + 1][0] : toks[after[1]][1]]
            return None if index.lookup(rest, lang) else after
    return _level_after(text, toks, i)


def _its_country_follows(
    text: str, toks: list[tuple[int, int, str]], j: int, matches: tuple[NameMatch, ...], index: PlaceIndex
) -> bool:
    """A country written right after the word, in brackets, after a comma or in the next table cell, that one
    of its places lies in ('Хелм | Польща', 'Telavi (Georgia)'): the word is that place, not a common word."""
    if j + 1 >= len(toks) or not COUNTRY_GAP.fullmatch(text[toks[j][1] : toks[j + 1][0]]):
        return False
    found = _country_at(text, toks, j + 1, index)
    return found is not None and any(m.place.country == found[0].country_hint for m in matches)
