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


def plausible_parties(parties: Sequence[Mention], folded: str, cues: Sequence[CueHit], data: LangData) -> list[Mention]:
    """The parties that are not a trigger word, a dated month name, a Roman numeral or part of an abbreviation."""
    out = []
    for party in parties:
        if _ROMAN.fullmatch(party.surface) or _is_month(party, folded, data) or _abbreviation_part(party, folded):
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
