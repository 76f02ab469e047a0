"""Reading a relation's history as a status timeline: the status, start and end at a date, and periods.

Everything here works on `HistoryStep`s (already merged and dated by merge.py), so a stored Relation can be
re-read at another date without going back to its assertions.

Date semantics, chosen so that imprecise dates behave predictably:
- a step dated `2022` or `2022-03` counts as having happened on the first day it can mean;
- an `at` given as a partial date means its last day ("status at 2022-06" = on 30 June 2022);
- steps on the same date are ordered planned < signed < suspended < lapsed < terminated, so that when
  sources disagree the conservative (ending) status wins; the disagreement is reported as a conflict.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from twinatlas.models import Event, HistoryStep, PartialDate, Source

# Same-date tie-break: later in this tuple = later in the timeline.
EVENT_PRECEDENCE: tuple[Event, ...] = (
    Event.PLANNED,
    Event.SIGNED,
    Event.SUSPENDED,
    Event.LAPSED,
    Event.TERMINATED,
)

AtDate = PartialDate | date | None


def last_day(value: PartialDate) -> date:
    """The last day a partial date can mean."""
    if value.day is not None:
        return value.earliest()
    month = value.month or 12
    return date(value.year, month, calendar.monthrange(value.year, month)[1])


def at_day(at: AtDate, today: date | None = None) -> date:
    """The concrete day a query is asked at: today by default, the last day of a partial date."""
    if at is None:
        return today or date.today()
    if isinstance(at, PartialDate):
        return last_day(at)
    return at


def add_years(day: date, years: int) -> date:
    """`day` moved by whole years; 29 February becomes 28 February in common years."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def step_sort_key(step: HistoryStep) -> tuple[int, tuple[int, int, int], int]:
    """Dated steps by date then event precedence; undated steps (unknown time) last."""
    rank = EVENT_PRECEDENCE.index(step.event)
    if step.date is None:
        return (1, (0, 0, 0), rank)
    return (0, (step.date.year, step.date.month or 0, step.date.day or 0), rank)


def sort_steps(steps: Iterable[HistoryStep]) -> list[HistoryStep]:
    return sorted(steps, key=step_sort_key)


def _dated_until(history: Sequence[HistoryStep], day: date) -> list[HistoryStep]:
    return [s for s in sort_steps(history) if s.date is not None and s.date.earliest() <= day]


def status_at(history: Sequence[HistoryStep], at: AtDate = None) -> Event | None:
    """The pair's status at a date: the latest signed/suspended/lapsed/terminated step on or before it.

    A plan never changes an established status; a pair known only from plans is `planned`. Undated steps
    (no date and no publication date) decide only when no dated status-changing step exists at all; among
    them the most final event wins (a termination presupposes the signing it ends).
    """
    day = at_day(at)
    dated = _dated_until(history, day)
    established = [s for s in dated if s.event is not Event.PLANNED]
    if established:
        return established[-1].event
    has_dated_change = any(s.date is not None and s.event is not Event.PLANNED for s in history)
    if not has_dated_change:
        undated = [s.event for s in history if s.date is None and s.event is not Event.PLANNED]
        if undated:
            return max(undated, key=EVENT_PRECEDENCE.index)
    if any(s.event is Event.PLANNED for s in dated) or any(
        s.event is Event.PLANNED and s.date is None for s in history
    ):
        return Event.PLANNED
    return None


def start_at(history: Sequence[HistoryStep], at: AtDate = None) -> PartialDate | None:
    """The earliest signing on or before the date (None when no dated signing is known by then)."""
    signed = [s for s in _dated_until(history, at_day(at)) if s.event is Event.SIGNED]
    return signed[0].date if signed else None


def end_at(history: Sequence[HistoryStep], at: AtDate = None) -> PartialDate | None:
    """The latest termination after the last signing on or before the date; None if signed again since."""
    end: PartialDate | None = None
    for step in _dated_until(history, at_day(at)):
        if step.event is Event.SIGNED:
            end = None
        elif step.event is Event.TERMINATED:
            end = step.date
    return end


@dataclass(frozen=True, slots=True)
class Period:
    """A stretch of time in one status (suspended or lapsed); `end` is None while it lasts."""

    event: Event
    start: PartialDate
    end: PartialDate | None
    sources: tuple[Source, ...]


def periods(history: Sequence[HistoryStep], event: Event, at: AtDate = None) -> list[Period]:
    """The periods the pair spent in `event` (suspended or lapsed) up to the date.

    A period starts at a step of that event and ends at the next signed/suspended/lapsed/terminated step of
    another event; repeated steps of the same event (several sources, or a reconfirmation) extend it.
    """
    found: list[Period] = []
    open_start: PartialDate | None = None
    open_sources: list[Source] = []
    for step in _dated_until(history, at_day(at)):
        if step.event is Event.PLANNED:
            continue
        if step.event is event:
            if open_start is None:
                open_start = step.date
            open_sources.extend(step.sources)
        elif open_start is not None:
            found.append(Period(event, open_start, step.date, tuple(open_sources)))
            open_start, open_sources = None, []
    if open_start is not None:
        found.append(Period(event, open_start, None, tuple(open_sources)))
    return found
