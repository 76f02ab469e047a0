"""Which spotted places can be parties, and which cues can state a relation, judged from the text around them.

The spotter finds every span that may name a place; some of them are plainly something else once the
language's extraction data is at hand: the 'Patto' of 'Patto di Gemellaggio' and the 'City Association' of
'Sister City Association' overlap a trigger, 'März' in 'im März' is a month, 'VII' of
'VII сустрэча' is an ordinal. Likewise a trigger inside a quoted, capitalised title that names no place
(«Города-побратимы: опыт и перспективы», a conference) names an event, not a relation.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from twinatlas.extract.langdata import LangData
from twinatlas.extract.text import CueHit
from twinatlas.models import Mention

_ROMAN = re.compile(r"[IVXLC]{2,7}")
# A quoted stretch on one line: «...», „...“, “...”, "...". Bounded and without nesting, so linear.
_QUOTED = re.compile(r"[«„“\"]([^«»„“”\"\n]{1,120})[»“”\"]")
HONORIFIC_REACH = 48  # a title and up to two given names before a surname: 'Dr. Anna Maria Berg'
GIVEN_NAMES = 2
DIGIT_REACH = 3  # characters between a month word and the number that makes it a date ('im März 2021')


def _overlaps_cue(mention: Mention, cues: Sequence[CueHit]) -> bool:
    """A cue covering the whole mention, or crossing one of its edges. A cue inside a longer name
    ('Uniontown') leaves the name alone, unless the name is only a level word after a trigger noun and names
    no place of the gazetteer ('Sister cities' read as 'Sister' + the level word 'cities')."""
    for hit in cues:
        if hit.end <= mention.start or hit.start >= mention.end:
            continue
        covers = hit.start <= mention.start and hit.end >= mention.end
        crosses = hit.start < mention.start < hit.end or hit.start < mention.end < hit.end
        # a trigger phrase opening the name: 'Bratski gradovi' (brother towns) is a heading, not a town
        phrase_first = hit.start == mention.start and " " in hit.cue.stem
        if covers or crosses or phrase_first or not mention.matches:
            return True
    return False


def _is_month(mention: Mention, folded: str, data: LangData) -> bool:
    """A month name of the language: its exact form ('März', 'juin') always; an inflected form by its stem, or a
    form that is also a common word ('May'), only next to a number (the stem 'май' would also take 'Майкоп')."""
    word = folded[mention.start : mention.end]
    if not word.isalpha() or data.month_of(word) is None:
        return False
    if word in data.months and word not in data.months_need_number:
        return True
    around = (
        folded[max(0, mention.start - DIGIT_REACH) : mention.start] + folded[mention.end : mention.end + DIGIT_REACH]
    )
    return any(ch.isdigit() for ch in around)


def _abbreviation_part(mention: Mention, folded: str) -> bool:
    """'Inf.Div.', 'Dr.Med.': a word glued to a period and another letter is part of an abbreviation,
    not a name (a town's name never touches a period with a letter right after it)."""
    after = folded[mention.end : mention.end + 2]
    before = folded[max(0, mention.start - 2) : mention.start]
    glued_after = len(after) == 2 and after[0] == "." and after[1].isalpha()
    glued_before = len(before) == 2 and before[1] == "." and before[0].isalpha()
    return glued_after or glued_before


def _after_honorific(mention: Mention, text: str, folded: str, honorifics: frozenset[str]) -> bool:
    """'Dr. Anna Berg', 'Herr Berg', 'Mrs Lyon': a name after a person's title (and any given names, all
    capitalised) is a person, whatever town shares it."""
    if not honorifics or not folded[mention.start - 1 : mention.start].isspace():
        return False
    start = max(0, mention.start - HONORIFIC_REACH)
    words = text[start : mention.start].split()[-(GIVEN_NAMES + 1) :]
    for at, word in enumerate(words):
        if word.lower().rstrip(".") in honorifics and all(name[:1].isupper() for name in words[at + 1 :]):
            return True
    return False


_ACRONYM_BEFORE = re.compile(r"(?:^|\s)([^\W\d_]{2,6})\s+$")
_WORD_AFTER = re.compile(r"\s+([^\W\d_]+)")


def _media_outlet(mention: Mention, text: str, folded: str, said: frozenset[str]) -> bool:
    """'ТАСС Минск сообщил', 'BBC Leeds reported': an acronym before a place name that is the subject of a
    verb of saying or writing is a newsroom, not the town."""
    if not said:
        return False
    before = _ACRONYM_BEFORE.search(text, max(0, mention.start - 8), mention.start)
    if before is None or not before.group(1).isupper():
        return False
    after = _WORD_AFTER.match(folded, mention.end)
    return after is not None and any(after.group(1).startswith(stem) for stem in said)


# A news dateline opening a paragraph names the reporting place: 'MOSCOW, March 3 (Reuters) -', 'МИНСК, 5 мая –',
# 'WARSZAWA (PAP) –' (the place in capitals, then a dated part or an agency in brackets, then a dash) ...
_CAPS_DATELINE_TAIL = re.compile(
    r"(?:,[^\n–—-]{0,32}?\d[^\n–—-]{0,24}?|(?:,[^\n–—-]{0,32}?)?\s*\([^()\n]{2,24}\))\s*[–—-]"
)
DATELINE_AGENCY = 8  # characters of an agency's name before the place ('新华社', '中新社')
DATELINE_DATE = 12  # characters of the date between the place and the dateline's closing word ('11月19日电')


def _in_dateline(mention: Mention, text: str, closers: frozenset[str]) -> bool:
    """... or, where the language closes a dateline with a word (data: dateline_end, Chinese '电'), an agency,
    the place, a date with its digits and that word: '新华社北京5月3日电'."""
    line_start = text.rfind("\n", 0, mention.start) + 1
    before = text[line_start : mention.start]
    if not before.strip():
        letters = [ch for ch in mention.surface if ch.isalpha()]
        if len(letters) >= 2 and mention.surface.isupper() and _CAPS_DATELINE_TAIL.match(text, mention.end):
            return True
    if not closers or len(before) > DATELINE_AGENCY or not all(ch.isalnum() for ch in before):
        return False
    after = text[mention.end : mention.end + DATELINE_DATE + max(map(len, closers))]
    for closer in closers:
        at = after.find(closer)
        if 0 < at <= DATELINE_DATE and any(ch.isdigit() for ch in after[:at]) and after[:at].isalnum():
            return True
    return False


def plausible_parties(
    parties: Sequence[Mention], folded: str, cues: Sequence[CueHit], data: LangData, text: str = ""
) -> list[Mention]:
    """The parties that are not a trigger word, a dated month name, a Roman numeral, part of an abbreviation,
    a person named with a title, a newsroom named after its town or the reporting place of a news dateline."""
    out = []
    honorifics = data.words("honorific") if text else frozenset()
    said = data.words("said") if text else frozenset()
    closers = data.words("dateline_end")
    for party in parties:
        if _ROMAN.fullmatch(party.surface) or _is_month(party, folded, data) or _abbreviation_part(party, folded):
            continue
        if _after_honorific(party, text, folded, honorifics) or _media_outlet(party, text, folded, said):
            continue
        if text and _in_dateline(party, text, closers):
            continue
        if _overlaps_cue(party, cues):
            continue
        out.append(party)
    return out


def cues_outside_titles(text: str, cues: Sequence[CueHit], parties: Sequence[Mention]) -> list[CueHit]:
    """Drop relation cues inside a quoted title that starts with a capital and names no place."""
    titles = []
    for match in _QUOTED.finditer(text):
        inner = match.group(1).lstrip()
        if not inner[:1].isupper():
            continue  # a quoted phrase of the statement itself: „wolę zakończenia współpracy”
        if any(match.start() <= p.start and p.end <= match.end() for p in parties):
            continue  # a quoted headline that names its places still states the relation
        titles.append((match.start(), match.end()))
    if not titles:
        return list(cues)
    return [hit for hit in cues if not any(start <= hit.start and hit.end <= end for start, end in titles)]
