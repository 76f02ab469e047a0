"""Dates in a stretch of text: full dates, month and year, years, ranges, relative dates.

Month names come from each language's months.tsv (every case form or a stem); relative phrases from
relative.tsv, resolved against the publication date when it is known (else they give no date).
Digits with the 年/月/日 markers (Chinese, Japanese) are read for every language: a script convention.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta
from functools import lru_cache
from typing import NamedTuple

from twinatlas.extract.langdata import LangData
from twinatlas.extract.text import words
from twinatlas.models import Mention, PartialDate

_TOKEN = re.compile(r"[^\W\d_]+|\d+")
_DIGIT = re.compile(r"\d")
SIGNED_REACH = 12  # characters between a signing word and the date it gives ('signed in 1997', '1997 m. pasirašytą')
DATED_REACH = 8  # characters before a date in which 'of' / 'від' / 'vom' names the agreement's date
ATTACHED_REACH = 16  # characters between a partner and the date that is its own: ' (2003)', ' since 1955'
_NUMERIC = re.compile(
    r"(?<!\d)(\d{1,2})(?:\. ?|/)(\d{1,2})(?:\. ?|/)((?:19|20)\d\d)(?!\d)"  # 19.06.2025, 9. 8. 2018
    r"|(?<!\d)((?:19|20)\d\d)-(\d\d)-(\d\d)(?!\d)"  # 2025-06-19
)
_CJK = re.compile(
    r"((?:19|20)\d\d)\s?年(?:\s?(\d{1,2})\s?月(?:\s?(\d{1,2})\s?[日号])?)?"  # 2024年11月19日
    r"|(?<!\d)(\d{1,2})\s?月\s?(\d{1,2})\s?[日号]"  # 11月19日
)
_RANGE = re.compile(r"(?<!\d)((?:19|20)\d\d)\s?[-–—‒]\s?((?:19|20)\d\d)(?!\d)")
MIN_YEAR, MAX_YEAR = 1900, 2099


@dataclass(frozen=True, slots=True)
class DateSpan:
    """A date found in the text; `until` is the end of a range ('1995–2022')."""

    start: int
    end: int
    value: PartialDate
    until: PartialDate | None = None


class _Tok(NamedTuple):  # a tuple: built for every word of every clause, cheaper than a dataclass
    text: str
    start: int
    end: int


def _partial(year: int, month: int | None = None, day: int | None = None) -> PartialDate | None:
    if not MIN_YEAR <= year <= MAX_YEAR:
        return None
    try:
        return PartialDate(year, month, day if month else None)
    except ValueError:
        return None
    except Exception:  # InvalidInput for impossible days such as 31 June
        return PartialDate(year, month) if month else None


@lru_cache(maxsize=64)
def _relative_keys(data: LangData) -> dict[tuple[str, ...], tuple[str, int]]:
    return {tuple(_TOKEN.findall(phrase)): value for phrase, value in data.relative.items()}


@lru_cache(maxsize=256)
def _relative_firsts(data: LangData) -> frozenset[str]:
    """The first words of the relative phrases: most tokens start none, so the phrase look-up is skipped."""
    return frozenset(key[0] for key in _relative_keys(data) if key)


def _resolve_relative(unit: str, offset: int, published: PartialDate) -> PartialDate | None:
    if unit == "year":
        return _partial(published.year + offset)
    if published.precision.value != "day":
        return None
    today = published.earliest()
    if unit == "day":
        return PartialDate.from_date(today + timedelta(days=offset))
    if unit == "weekday":
        back = (today.weekday() - offset) % 7
        return PartialDate.from_date(today - timedelta(days=back))
    return None


def _year_of(tok: _Tok) -> int | None:
    if len(tok.text) == 4 and tok.text.isdigit():
        value = int(tok.text)
        return value if MIN_YEAR <= value <= MAX_YEAR else None
    return None


def _day_of(tok: _Tok, folded: str) -> int | None:
    if tok.text.isdigit() and len(tok.text) <= 2 and 1 <= int(tok.text) <= 31:
        if folded[tok.end : tok.end + 1] == ":":  # a time of day such as 19:30
            return None
        return int(tok.text)
    return None


def find_dates(
    folded: str, start: int, end: int, data: LangData, published: PartialDate | None = None
) -> list[DateSpan]:
    """Every date in folded[start:end], most specific reading first for each stretch of text."""
    if published is None and _DIGIT.search(folded, start, end) is None:
        return []  # without a publication date, every reading needs a number (a year, a day)
    found: list[DateSpan] = []
    used: list[tuple[int, int]] = []

    def free(s: int, e: int) -> bool:
        return all(e <= us or s >= ue for us, ue in used)

    def add(s: int, e: int, value: PartialDate | None, until: PartialDate | None = None) -> None:
        if value is not None and free(s, e):
            found.append(DateSpan(s, e, value, until))
            used.append((s, e))

    for match in _NUMERIC.finditer(folded, start, end):
        if match.group(1):
            day, month, year = int(match.group(1)), int(match.group(2)), int(match.group(3))
        else:
            year, month, day = int(match.group(4)), int(match.group(5)), int(match.group(6))
        if 1 <= month <= 12:
            add(match.start(), match.end(), _partial(year, month, day))
    for match in _CJK.finditer(folded, start, end):
        if match.group(1):
            cjk_month = int(match.group(2)) if match.group(2) else None
            cjk_day = int(match.group(3)) if match.group(3) else None
            add(match.start(), match.end(), _partial(int(match.group(1)), cjk_month, cjk_day))
        elif published is not None:
            add(match.start(), match.end(), _month_day(int(match.group(4)), int(match.group(5)), published))
    for match in _RANGE.finditer(folded, start, end):
        since, until = _partial(int(match.group(1))), _partial(int(match.group(2)))
        if since and until and since.year <= until.year:
            add(match.start(), match.end(), since, until)

    toks = [_Tok(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(folded, start, end)]
    relative = _relative_keys(data)
    firsts = _relative_firsts(data)
    for index, tok in enumerate(toks):
        if not tok.text.isalpha():
            continue
        month_number = data.month_of(tok.text)
        if month_number is not None:
            _month_date(folded, toks, index, month_number, data, published, relative, add)
        if published is not None and tok.text in firsts:
            for size in (3, 2, 1):
                key = tuple(t.text for t in toks[index : index + size])
                if len(key) == size and key in relative:
                    unit, offset = relative[key]
                    add(tok.start, toks[index + size - 1].end, _resolve_relative(unit, offset, published))
                    break
    for tok in toks:
        bare_year = _year_of(tok)
        if bare_year is not None:
            add(tok.start, tok.end, _partial(bare_year))
    found.sort(key=lambda span: span.start)
    return found


def _month_day(month: int, day: int, published: PartialDate) -> PartialDate | None:
    """A day and month without a year: the most recent such day up to the publication date."""
    year = published.year
    if (month, day) > (published.month or 12, published.day or 31):
        year -= 1
    return _partial(year, month, day)


def _joined(folded: str, end: int, start: int) -> bool:
    """A day and its month stand together: at most a space and a dot between them ('5. März'), not a comma
    ('Issue 12, September 14' gives the 14th)."""
    return start - end <= 2 and "," not in folded[end:start]


def _month_date(folded, toks, index, month, data, published, relative, add) -> None:
    """Read a date around the month word toks[index]: its day, its year, or a relative year."""
    tok = toks[index]
    before = toks[index - 1] if index > 0 else None
    after = toks[index + 1] if index + 1 < len(toks) else None
    day = None
    first, last = tok.start, tok.end
    if before is not None and _day_of(before, folded) and _joined(folded, before.end, tok.start):
        day, first = _day_of(before, folded), before.start
    elif before is not None and before.text in data.words("date_link") and index > 1:
        linked = toks[index - 2]  # '9 de abril'
        if _day_of(linked, folded) and before.start - linked.end <= 2 and tok.start - before.end <= 2:
            day, first = _day_of(linked, folded), linked.start
    elif after is not None and _day_of(after, folded) and after.start - tok.end <= 2:
        day, last = _day_of(after, folded), after.end
    year = None
    for other in toks[index + 1 : index + 5]:
        if data.month_of(other.text) is not None:
            break
        if (found := _year_of(other)) is not None and other.start - last <= 12:
            year, last = found, other.end
            break
    if year is None:
        for other in reversed(toks[max(0, index - 4) : index]):
            if (found := _year_of(other)) is not None and first - other.end <= 8:
                year, first = found, other.start
                break
    if tok.text in data.months_need_number and day is None:
        # 'may', 'march' are words too: a month only next to a year or after 'last'
        year_before = before is not None and first == before.start
        year_after = after is not None and last == after.end
        next_to_year = year is not None and (year_before or year_after)
        after_last = before is not None and any(before.text.startswith(word) for word in data.words("last"))
        if not next_to_year and not after_last:
            return
    if year is None:
        if published is None:
            return
        year, last = _year_without_number(toks, index, month, data, published, relative, last)
    value = _partial(year, month, day)
    if value is not None:
        add(first, last, value)


def _year_without_number(toks, index, month, data, published, relative, last):
    """'в марте прошлого года', 'last March', 'в марте': the year the text means, given the publication date."""
    for size in (3, 2, 1):
        key = tuple(t.text for t in toks[index + 1 : index + 1 + size])
        if len(key) == size and key in relative and relative[key][0] == "year":
            return int(published.year + relative[key][1]), toks[index + size].end
    neighbours = [t.text for t in toks[max(0, index - 1) : index] + toks[index + 1 : index + 2]]
    is_last = any(word.startswith(last) for word in neighbours for last in data.words("last"))
    current = published.month or 12
    if is_last:
        return int(published.year if month < current else published.year - 1), last
    return int(published.year if month <= current else published.year - 1), last


def nearest(dates: list[DateSpan], position: int) -> DateSpan | None:
    """The date closest to a position (a trigger), preferring the more specific one at equal distance."""
    best = None
    best_key: tuple[int, int] | None = None
    for span in dates:
        distance = 0 if span.start <= position < span.end else min(abs(span.start - position), abs(span.end - position))
        key = (distance, -len(span.value.iso()))
        if best_key is None or key < best_key:
            best, best_key = span, key
    return best


def attached_date(partner: Mention, dates: list[DateSpan], parties: Sequence[Mention]) -> DateSpan | None:
    """A date written right after a partner and before the next place ('with Stuttgart since 1955 and with
    Nantes since 1964', 'Tula (2003), Kaluga (2010)') is that partner's own."""
    following = [party.start for party in parties if party.start >= partner.end]
    limit = min([partner.end + ATTACHED_REACH, *following])
    return next((span for span in dates if partner.end <= span.start < limit), None)


def agreement_date(folded: str, dates: list[DateSpan], part_cues: list, data: LangData) -> DateSpan | None:
    """The date an agreement is named by ('угода ... від 15 вересня 2007', 'the agreement of 1995')."""
    relation_starts = [hit.start for hit in part_cues if hit.role in ("twin", "agree")]
    for span in dates:
        head = words(folded[max(0, span.start - DATED_REACH) : span.start])
        if head and head[-1] in data.words("dated") and any(start < span.start for start in relation_starts):
            return span
    # 'ended the agreement signed in 1997', «nutraukti 1997 m. pasirašytą sutartį»: a date right beside a
    # signing word in a clause that ends or suspends names the signing
    signings = [hit for hit in part_cues if hit.role == "sign"]
    for span in dates:
        if any(
            -SIGNED_REACH <= hit.start - span.end <= SIGNED_REACH or 0 <= span.start - hit.end <= SIGNED_REACH
            for hit in signings
        ):
            return span
    # 'beschloss am Montag, die seit 1992 bestehende Partnerschaft auszusetzen': beside another date, the year
    # the relation has existed 'since' is its start (alone, 'frozen since 2022' dates the ending itself)
    if len(dates) > 1:
        for span in dates:
            head = words(folded[max(0, span.start - DATED_REACH) : span.start])
            if head and head[-1] in data.words("since"):
                return span
    return None
