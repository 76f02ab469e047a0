"""Agreements of organisations, not of towns.

News name towns around agreements that companies, clubs, ministries, universities and museums sign: "the
museum signed a loan agreement with the Lviv gallery", «Клуб и перевозчик заключили партнёрское
соглашение», "a contract with a firm from Regensburg". Such a clause states no twinning, whatever places it
names. Three readings, each from the language's grammar words (roles `org` and `from` of grammar.tsv):
- the subject is an organisation: an organisation word before the trigger, with no place before it;
- the partner is an organisation: a 'with' word a few words before an organisation word; places after it
  say where that organisation is, they are no partners;
- a place right after 'from' that follows an organisation («ТОВ «…» з Івано-Франківська») is where the
  organisation is based.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from twinatlas.extract.langdata import LangData
from twinatlas.extract.text import Span
from twinatlas.models import Mention

WITH_REACH = 3  # words between 'with' and its organisation: 'with a local transport company'
FROM_REACH = 4  # words between an organisation and 'from': 'a company Prykarpattia Roads from'
ATTRIBUTE_WORDS = 2  # adjectives between a place and its organisation noun: 'Lwowska Narodowa Galeria'
MAX_INFLECTION = 5  # letters after a stem: 'компани' -> 'компаниями'
COMPOUND_STEM = 5  # stems this long also count at the end of a compound: 'umweltministerium', 'spezialfirma'
_WORD = re.compile(r"[^\W\d_]+")

Pair = tuple[Mention, Mention, str, float]


@lru_cache(maxsize=50_000)
def is_organisation_word(word: str, stems: frozenset[str]) -> bool:
    """An organisation noun of the language: a stem with its ending, or inside a compound."""
    for stem in stems:
        if stem.endswith("$"):  # whole word only: Spanish 'firma' (a firm), not 'firmaron' (they signed)
            if word == stem[:-1]:
                return True
            continue
        if len(stem) <= 3:
            if word == stem:  # 'ооо', 'ag', 'ltd': abbreviations only as whole words
                return True
        elif word.startswith(stem) and len(word) - len(stem) <= MAX_INFLECTION:
            return True
        elif len(stem) >= COMPOUND_STEM and (at := word.rfind(stem)) > 0 and len(word) - at - len(stem) <= 2:
            return True  # the head of a compound, at its end: 'umweltministerium', not 'vereinbarung'
    return False


@dataclass(frozen=True)
class Organisations:
    """The organisation nouns of one statement, read once: the words outside the parties (`words`) and which of
    them are organisation nouns (`orgs`, indexes into `words`)."""

    words: tuple[re.Match[str], ...] = ()
    orgs: tuple[int, ...] = ()

    def parties(self, folded: str, parties: Sequence[Mention], data: LangData) -> list[Mention]:
        """The parties that are not written into an organisation's name or after its 'from'."""
        if not self.orgs:
            return list(parties)
        from_words = data.words("from")
        dropped = _attributes(folded, self.words, self.orgs, parties) | {
            id(party) for party in parties if _based_in(self.words, self.orgs, party, from_words)
        }
        return [party for party in parties if id(party) not in dropped]

    def pairs(self, found: list[Pair], anchor: int, parties: Sequence[Mention], data: LangData) -> list[Pair]:
        """The pairs that are not an organisation's agreement: none when an organisation is the subject, and
        no partner after 'with' + an organisation. `parties` are those `parties()` kept."""
        if not found or not self.orgs:
            return found
        first = self.words[self.orgs[0]].start()
        if first < anchor and all(party.start > first for party in parties):
            return []  # the organisation is the subject: 'the museum signed ...', 'the two companies had signed'
        with_words = data.words("with")
        words = self.words
        blocked = next(
            (
                words[k].start()
                for k in self.orgs
                if any(w.group() in with_words for w in words[max(0, k - WITH_REACH) : k])
            ),
            None,
        )
        return found if blocked is None else [pair for pair in found if pair[1].start <= blocked]


def read_organisations(folded: str, span: Span, parties: Sequence[Mention], data: LangData) -> Organisations:
    """The organisation nouns of a statement's span (outside its parties)."""
    stems = data.words("org")
    if not stems or _any_stem(stems).search(folded, span.start, span.end) is None:
        return Organisations()  # most statements name no organisation: one search instead of a word-by-word test
    words = tuple(m for m in _WORD.finditer(folded, span.start, span.end) if not _inside(m.start(), parties))
    return Organisations(words, tuple(k for k, m in enumerate(words) if is_organisation_word(m.group(), stems)))


@lru_cache(maxsize=64)
def _any_stem(stems: frozenset[str]) -> re.Pattern[str]:
    """Any organisation stem anywhere (compounds included): a cheap test before the word-by-word one."""
    return re.compile("|".join(re.escape(stem.rstrip("$")) for stem in sorted(stems, key=len, reverse=True)))


def _attributes(
    folded: str, words: Sequence[re.Match[str]], orgs: Sequence[int], parties: Sequence[Mention]
) -> set[int]:
    """ids of the parties that only say which organisation is meant: a place written into its name
    ('Plovdiv Chamber of Commerce', «Пловдивската търговско-промишлена палата», 'Lwowska Galeria',
    'University of Vilnius', «ААТ «Гродна Азот»»)."""
    out = set()
    for party in parties:
        after = [k for k, word in enumerate(words) if word.start() >= party.end][: ATTRIBUTE_WORDS + 1]
        before = [k for k, word in enumerate(words) if word.end() <= party.start][-2:]
        for k in after:
            if k in orgs and _tight(folded[party.end : words[k].start()]):
                out.add(id(party))
        for k in before:
            if k in orgs and _tight(folded[words[k].end() : party.start]) and len(before) - before.index(k) <= 2:
                out.add(id(party))
    return out


def _tight(gap: str) -> bool:
    """Words of one name: letters, spaces, hyphens and opening quotes only, at most two words."""
    return all(ch.isalpha() or ch in " -«„“\"'" for ch in gap) and len(gap.split()) <= ATTRIBUTE_WORDS


def _based_in(words: Sequence[re.Match[str]], orgs: Sequence[int], place: Mention, from_words: frozenset[str]) -> bool:
    """'from' right before the place, an organisation word at most FROM_REACH words before that."""
    before = [k for k, word in enumerate(words) if word.end() <= place.start]
    if not before or words[before[-1]].group() not in from_words:
        return False
    last = before[-1]
    return any(last - FROM_REACH <= k < last for k in orgs)


def _inside(position: int, parties: Sequence[Mention]) -> bool:
    return any(party.start <= position < party.end for party in parties)
