"""Conflicts: what the sources of a pair disagree on. Listed for a person to judge, never silently resolved.

Kinds (the `kind` field of models.Conflict):
- termination-without-establishment: a termination, suspension or lapse of a pair no source ever signed;
- start-dates-differ: sources give different years for the first signing;
- planned-not-signed: a plan older than the horizon (default two years) with no signing since;
- signed-after-termination: the pair was signed again after a termination;
- contradictory-status: sources give different statuses for the same date, or a text calls a suspended or
  lapsed pair signed without dating a renewal.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace

from twinatlas.models import Conflict, Event, HistoryStep, PartialDate, Place, Relation, Source
from twinatlas.registry.timeline import AtDate, add_years, at_day, last_day, sort_steps

DEFAULT_PLAN_HORIZON_YEARS = 2
ENDING_EVENTS = (Event.TERMINATED, Event.SUSPENDED, Event.LAPSED)


def _docs(sources: Iterable[Source]) -> str:
    return ", ".join(sorted({s.doc for s in sources}))


def _when(step: HistoryStep) -> str:
    return step.date.iso() if step.date else "an unknown date"


def _termination_without_establishment(rel: Relation, steps: Sequence[HistoryStep]) -> list[Conflict]:
    if any(s.event is Event.SIGNED for s in steps):
        return []
    endings = [s for s in steps if s.event in ENDING_EVENTS]
    if not endings:
        return []
    said = "; ".join(f"{s.event.value} {_when(s)} ({_docs(s.sources)})" for s in endings)
    return [Conflict(rel.a, rel.b, "termination-without-establishment", f"{said}, but no source says it was signed")]


def _start_dates_differ(rel: Relation, steps: Sequence[HistoryStep]) -> list[Conflict]:
    """Explicit dates of signings before the first termination (re-signings are another conflict)."""
    first_end = next((s for s in steps if s.event is Event.TERMINATED and s.date is not None), None)
    years: dict[int, set[str]] = defaultdict(set)
    for step in steps:
        if first_end is not None and step is first_end:
            break
        if step.event is not Event.SIGNED:
            continue
        for src in step.sources:
            if src.date is not None and not src.date_from_publication:
                years[src.date.year].add(src.doc)
    if len(years) < 2:
        return []
    said = "; ".join(f"{year} ({', '.join(sorted(docs))})" for year, docs in sorted(years.items()))
    return [Conflict(rel.a, rel.b, "start-dates-differ", f"signed in {said}")]


def _planned_not_signed(rel: Relation, steps: Sequence[HistoryStep], at: AtDate, horizon_years: int) -> list[Conflict]:
    if any(s.event is Event.SIGNED and s.date is None for s in steps):
        return []  # an undated signing may well be the one that followed the plan
    cutoff = add_years(at_day(at), -horizon_years)
    out = []
    for plan in steps:
        if plan.event is not Event.PLANNED or plan.date is None or last_day(plan.date) >= cutoff:
            continue
        plan_date = plan.date
        if not any(s.event is Event.SIGNED and s.date is not None and s.date >= plan_date for s in steps):
            detail = f"planned {plan_date.iso()} ({_docs(plan.sources)}), no signing since after {horizon_years} years"
            out.append(Conflict(rel.a, rel.b, "planned-not-signed", detail))
    return out


def _signed_after_termination(rel: Relation, steps: Sequence[HistoryStep]) -> list[Conflict]:
    dated = [s for s in steps if s.date is not None]
    for i, ending in enumerate(dated):
        if ending.event is not Event.TERMINATED or ending.date is None:
            continue
        again = [s for s in dated[i + 1 :] if s.event is Event.SIGNED and s.date is not None and s.date > ending.date]
        if again:
            detail = (
                f"terminated {_when(ending)} ({_docs(ending.sources)}), "
                f"signed again {_when(again[0])} ({_docs(again[0].sources)})"
            )
            return [Conflict(rel.a, rel.b, "signed-after-termination", detail)]
    return []


def _contradictory_status(rel: Relation, steps: Sequence[HistoryStep]) -> list[Conflict]:
    by_date: dict[PartialDate, list[HistoryStep]] = defaultdict(list)
    for step in steps:
        if step.date is not None and step.event is not Event.PLANNED:
            by_date[step.date].append(step)
    out = []
    for when, same_day in sorted(by_date.items(), key=lambda item: item[0]):
        if len({s.event for s in same_day}) > 1:
            said = "; ".join(f"{s.event.value} ({_docs(s.sources)})" for s in same_day)
            out.append(Conflict(rel.a, rel.b, "contradictory-status", f"at {when.iso()}: {said}"))
    return out


def _undated_signing_after_an_end(rel: Relation, steps: Sequence[HistoryStep]) -> list[Conflict]:
    """An undated "twinned with" in a text published after a suspension or lapse moves the status back to
    signed (undated claims are placed at publication). It may be a real renewal or a stale restatement;
    a person has to decide, so it is listed. (After a termination, signed-after-termination covers it.)"""
    out = []
    last_end: HistoryStep | None = None
    for step in (s for s in steps if s.date is not None and s.event is not Event.PLANNED):
        if step.event in (Event.SUSPENDED, Event.LAPSED):
            last_end = step
        elif step.event is Event.TERMINATED:
            last_end = None
        elif last_end is not None and all(src.date_from_publication for src in step.sources):
            detail = (
                f"{last_end.event.value} {_when(last_end)} ({_docs(last_end.sources)}), then called signed without"
                f" a date in a text published {_when(step)} ({_docs(step.sources)})"
            )
            out.append(Conflict(rel.a, rel.b, "contradictory-status", detail))
            last_end = None
        else:
            last_end = None
    return out


def find_conflicts(
    relation: Relation, at: AtDate = None, plan_horizon_years: int = DEFAULT_PLAN_HORIZON_YEARS
) -> list[Conflict]:
    """Every disagreement in one relation's history, judged at `at` (default today)."""
    steps = sort_steps(relation.history)
    return [
        *_termination_without_establishment(relation, steps),
        *_start_dates_differ(relation, steps),
        *_planned_not_signed(relation, steps, at, plan_horizon_years),
        *_signed_after_termination(relation, steps),
        *_contradictory_status(relation, steps),
        *_undated_signing_after_an_end(relation, steps),
    ]


def _partners_in(place: Place, country: str | None, by_place: Mapping[str, Sequence[Relation]]) -> list[str]:
    found = []
    for rel in by_place.get(place.id, ()):
        other = rel.b if rel.a.id == place.id else rel.a
        if other.country == country and any(s.event is Event.SIGNED for s in rel.history):
            found.append(f"{other.name} ({rel.status.value if rel.status else 'unknown'})")
    return sorted(found)


def all_conflicts(relations: Sequence[Relation]) -> list[Conflict]:
    """The conflicts of every relation, in relation order.

    A termination of a pair nobody established is often a resolution slip (the text meant another partner
    in the same country), so its detail names the partners each side is known to have in the other's country.
    """
    by_place: dict[str, list[Relation]] = defaultdict(list)
    for rel in relations:
        by_place[rel.a.id].append(rel)
        by_place[rel.b.id].append(rel)
    out = []
    for rel in relations:
        for conflict in rel.conflicts:
            if conflict.kind == "termination-without-establishment":
                hints = [
                    f"{side.name}'s known partners in {other.country}: {', '.join(known)}"
                    for side, other in ((rel.a, rel.b), (rel.b, rel.a))
                    if (known := _partners_in(side, other.country, by_place))
                ]
                if hints:
                    conflict = replace(conflict, detail=f"{conflict.detail}; {'; '.join(hints)}")
            out.append(conflict)
    return out
