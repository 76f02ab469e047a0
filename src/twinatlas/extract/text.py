"""Cheap, linear passes over a document: sentence and clause spans, cue hits, party mentions.

Every function here runs in time linear in the text: simple character classes, no nested quantifiers.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Generic, Protocol, TypeVar

from twinatlas.extract.langdata import Cue, LangData, fold_text, is_spaceless_script
from twinatlas.models import Level, Mention

# A sentence ends at . ! ? (and their CJK forms) followed by space; a newline always ends one.
_SENTENCE_END = re.compile(r"[.!?…]+[\"'»”)]?(?=\s)|[。！？]")
_WORD = re.compile(r"[^\W\d_]+|\d+")


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class CueHit:
    start: int
    end: int
    cue: Cue

    @property
    def role(self) -> str:
        return self.cue.role


def lines(text: str) -> list[Span]:
    """Non-blank lines with their offsets."""
    out = []
    pos = 0
    for line in text.split("\n"):
        if line.strip():
            out.append(Span(pos, pos + len(line)))
        pos += len(line) + 1
    return out


def _is_abbreviation(text: str, dot: int, abbreviations: frozenset[str]) -> bool:
    """A period after an initial ('A.') or a known abbreviation of the language ('г.', 'ul.', 'St.') does not end
    a sentence; after any other word it does ('... proud of it. Riga ...')."""
    begin = dot
    while begin > 0 and text[begin - 1].isalpha() and dot - begin <= 6:
        begin -= 1
    word = text[begin:dot]
    return len(word) == 1 or word.lower() in abbreviations


_ORDINAL_DAY = re.compile(r"(?<!\d)\d{1,2}\Z")
_NEXT_WORD = re.compile(r"\s{1,2}([^\W\d_]+)")


def _ordinal_day(text: str, dot: int, month_of: Callable[[str], int | None]) -> bool:
    """'12. März': a day's number with its dot, then a month name."""
    if not _ORDINAL_DAY.search(text[max(0, dot - 3) : dot]):
        return False
    following = _NEXT_WORD.match(text, dot + 1)
    return following is not None and month_of(following.group(1).lower()) is not None


def sentences(
    text: str,
    line: Span,
    abbreviations: frozenset[str] = frozenset(),
    month_of: Callable[[str], int | None] | None = None,
) -> list[Span]:
    """Sentence spans inside one line. `month_of` tells an ordinal day ('am 12. März', «20. септембра») from a
    number ending a sentence."""
    out = []
    begin = line.start
    segment = text[line.start : line.end]
    for match in _SENTENCE_END.finditer(segment):
        end = line.start + match.end()
        dot = line.start + match.start()
        if text[dot] == "." and _is_abbreviation(text, dot, abbreviations):
            continue
        if text[dot] == "." and month_of is not None and _ordinal_day(text, dot, month_of):
            continue
        after = text[end : end + 3].lstrip()
        if after and after[0].islower():
            continue
        if text[begin:end].strip():
            out.append(Span(begin, end))
        begin = end
    if text[begin : line.end].strip():
        out.append(Span(begin, line.end))
    return out


@lru_cache(maxsize=64)
def _clause_break(data: LangData) -> re.Pattern[str]:
    words = sorted(data.words("clause"), key=len, reverse=True)
    alternation = "|".join(re.escape(word) for word in words)
    pattern = r"[;；]" + (rf"|[,，]\s*(?:{alternation})(?!\w)" if alternation else "")
    return re.compile(pattern)


def clauses(folded: str, sentence: Span, data: LangData) -> list[Span]:
    """Clauses of a sentence, split where a clause break (';', ', but') starts a new statement."""
    out = []
    begin = sentence.start
    for match in _clause_break(data).finditer(folded, sentence.start, sentence.end):
        if match.start() > begin:
            out.append(Span(begin, match.start()))
        begin = match.start()
    out.append(Span(begin, sentence.end))
    return out


RELATION_ROLES = frozenset({"twin", "agree", "term", "susp", "lapse"})


@dataclass(frozen=True, slots=True)
class CueScan:
    """A document's folded text and every cue in it: read once, shared by the pipeline's pre-filter (no
    relation cue, nothing to spot or resolve) and by extraction."""

    folded: str
    hits: tuple[CueHit, ...]

    @property
    def has_relation(self) -> bool:
        return any(hit.role in RELATION_ROLES for hit in self.hits)


def scan_cues(text: str, data: LangData) -> CueScan:
    folded = fold_text(text)
    return CueScan(folded, tuple(find_cues(folded, data)))


def find_cues(folded: str, data: LangData) -> list[CueHit]:
    """Every trigger and modality cue in the (folded) text, in order of position."""
    hits: list[CueHit] = []
    if not data.cues or not folded:
        return hits
    size = len(folded)
    for last, entries in data.automaton.iter(folded):
        stem = entries[0].stem
        start = last - len(stem) + 1
        anywhere = is_spaceless_script(stem[0])
        if not anywhere and start > 0 and folded[start - 1].isalnum():
            continue
        for cue in entries:
            if cue.whole_word and last + 1 < size and folded[last + 1].isalnum():
                continue
            hits.append(CueHit(start, last + 1, cue))
    hits.sort(key=lambda hit: (hit.start, -hit.end))
    return hits


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def is_party(mention: Mention) -> bool:
    """A mention that can be a party to a twinning: names a place below the country level.

    A name that can mean a country means the country ('Россия', not the village of that name).
    """
    if mention.matches:
        return all(match.place.level is not Level.COUNTRY for match in mention.matches)
    return mention.level_hint is not None and mention.level_hint is not Level.COUNTRY


def place_ids(mention: Mention) -> frozenset[str]:
    if mention.matches:
        return frozenset(match.place.id for match in mention.matches)
    return frozenset({"text:" + mention.surface.casefold()})


def same_place(a: Mention, b: Mention) -> bool:
    return bool(place_ids(a) & place_ids(b))


class _Spanned(Protocol):
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


T = TypeVar("T", bound=_Spanned)


class Positions(Generic[T]):
    """Items sorted by start offset, with a fast 'which lie inside [start, end)' query."""

    def __init__(self, items: Sequence[T]) -> None:
        self.items = list(items)
        self.starts = [item.start for item in self.items]

    def inside(self, start: int, end: int) -> list[T]:
        first = bisect_left(self.starts, start)
        out = []
        for index in range(first, len(self.items)):
            item = self.items[index]
            if item.start >= end:
                break
            if item.end <= end:
                out.append(item)
        return out
