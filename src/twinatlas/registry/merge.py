"""Assertions → relations: one unordered pair's history (steps with their sources), status, start, end.

Pure: the caller (the store) passes the assertions and the documents they come from, keyed by sha256.

How undated assertions are placed (DESIGN: "the registry places undated events by their document's
publication date"): an undated claim usually restates a known event ("X, twinned with Y, ..."), so it is
attached to the latest step of the same event dated on or before its publication date when no other
status change lies in between; otherwise it becomes a step at the publication date. Either way its Source
carries the publication date and `date_from_publication=True`. Without a publication date it joins the
latest dated step of its event, or else an undated step that sorts as unknown.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from datetime import date

from twinatlas.errors import InvalidInput
from twinatlas.models import (
    Assertion,
    Document,
    Event,
    HistoryStep,
    Kind,
    PartialDate,
    Place,
    Relation,
    Review,
    Source,
)
from twinatlas.registry.conflicts import DEFAULT_PLAN_HORIZON_YEARS, find_conflicts
from twinatlas.registry.timeline import EVENT_PRECEDENCE, AtDate, end_at, sort_steps, start_at, status_at

# Tie-break for the relation's kind: twinning beats partnership beats cooperation beats friendship.
KIND_PRIORITY: tuple[Kind, ...] = (Kind.TWINNING, Kind.PARTNERSHIP, Kind.COOPERATION, Kind.FRIENDSHIP)

StepKey = tuple[Event, PartialDate | None]


def pair_key(a_id: str, b_id: str) -> tuple[str, str]:
    """The identity of an unordered pair."""
    return (a_id, b_id) if a_id <= b_id else (b_id, a_id)


def usable(assertions: Iterable[Assertion], include_pending: bool = False) -> list[Assertion]:
    """Accepted assertions (and pending ones when asked); rejected ones never count."""
    allowed = {Review.ACCEPTED, Review.PENDING} if include_pending else {Review.ACCEPTED}
    return [x for x in assertions if x.review in allowed]


def dominant_kind(assertions: Sequence[Assertion]) -> Kind:
    """The most frequent kind; ties go to the stronger kind. Twinning when nothing is known."""
    counts = Counter(x.kind for x in assertions)
    if not counts:
        return Kind.TWINNING
    return max(KIND_PRIORITY, key=lambda k: (counts.get(k, 0), -KIND_PRIORITY.index(k)))


def _source(x: Assertion, documents: Mapping[str, Document], when: PartialDate | None, from_pub: bool) -> Source:
    doc = documents.get(x.doc)
    return Source(
        doc=doc.name if doc else (x.doc_name or x.doc),
        url=doc.url if doc else None,
        quote=x.quote,
        event=x.event,
        date=when,
        date_from_publication=from_pub,
        assertion_id=x.id,
        review=x.review,
    )


def _key_order(key: StepKey) -> tuple[int, PartialDate]:
    return (EVENT_PRECEDENCE.index(key[0]), key[1] or PartialDate(1))


def _absorb_imprecise(steps: dict[StepKey, list[Source]]) -> None:
    """Fold a step dated 1999 into the step dated 1999-05-12 of the same event when it is the only more
    precise date it contains: both sources then tell the same story. Ambiguous ones stay separate."""
    for event, when in sorted(steps, key=_key_order):
        if when is None:
            continue
        inside = [d for e, d in steps if e is event and d is not None and d != when and when.contains(d)]
        if not inside:
            continue
        target = max(inside, key=lambda d: (d.month is not None, d.day is not None))  # the most precise
        if all(d.contains(target) for d in inside):
            steps[(event, target)].extend(steps.pop((event, when)))


def _attach_target(steps: Mapping[StepKey, list[Source]], event: Event, pub: PartialDate | None) -> StepKey | None:
    """The existing step an undated claim most plausibly restates (see the module docstring)."""
    dated = sort_steps(HistoryStep(e, d, ()) for e, d in steps if d is not None)
    if pub is not None:
        dated = [s for s in dated if s.date is not None and s.date <= pub]
    target: StepKey | None = None
    for step in dated:
        if step.event is event:
            target = (step.event, step.date)
        elif step.event is not Event.PLANNED and target is not None:
            target = None  # a status change since the last such step: this is a new event
    return target


def build_history(
    assertions: Sequence[Assertion], documents: Mapping[str, Document], include_pending: bool = False
) -> tuple[HistoryStep, ...]:
    """The ordered steps of one pair's history, each with its sources."""
    steps: dict[StepKey, list[Source]] = defaultdict(list)
    chosen = usable(assertions, include_pending)
    for x in chosen:
        if x.date is not None:
            steps[(x.event, x.date)].append(_source(x, documents, x.date, False))
    _absorb_imprecise(steps)

    def publication(x: Assertion) -> PartialDate | None:
        doc = documents.get(x.doc)
        return doc.published if doc else None

    undated = [x for x in chosen if x.date is None]
    # Earlier publications first, so that later restatements attach to the earliest placed step.
    # Ties are broken by event and text so that the history never depends on the order assertions arrive in.
    undated.sort(
        key=lambda x: (
            publication(x) is None,
            publication(x) or PartialDate(1),
            EVENT_PRECEDENCE.index(x.event),
            x.doc,
            x.quote,
        )
    )
    for x in undated:
        pub = publication(x)
        key = _attach_target(steps, x.event, pub) or (x.event, pub)
        steps[key].append(_source(x, documents, pub, pub is not None))
    return tuple(
        sort_steps(
            HistoryStep(event, when, tuple(sorted(srcs, key=_source_order))) for (event, when), srcs in steps.items()
        )
    )


def _source_order(src: Source) -> tuple[bool, PartialDate, str, str, int]:
    """Explicitly dated sources first, then by date and document: the same input in any order, same history."""
    return (src.date_from_publication, src.date or PartialDate(1), src.doc, src.quote, src.assertion_id or 0)


def merge_relation(
    a: Place,
    b: Place,
    assertions: Sequence[Assertion],
    documents: Mapping[str, Document],
    at: PartialDate | date | None = None,
    include_pending: bool = False,
    plan_horizon_years: int = DEFAULT_PLAN_HORIZON_YEARS,
) -> Relation:
    """Merge every assertion about the unordered pair {a, b} into a Relation read at `at` (default today)."""
    if a.id == b.id:
        raise InvalidInput(f"a relation needs two different places, got {a.id!r} twice")
    wanted = pair_key(a.id, b.id)
    for x in assertions:
        if pair_key(x.a.id, x.b.id) != wanted:
            raise InvalidInput(
                f"assertion {x.id or x.quote[:40]!r} is about {x.a.id}–{x.b.id}, not about {a.id}–{b.id}"
            )
    history = build_history(assertions, documents, include_pending)
    relation = Relation(
        a=a,
        b=b,
        status=status_at(history, at),
        kind=dominant_kind(usable(assertions, include_pending)),
        start=start_at(history, at),
        end=end_at(history, at),
        history=history,
    )
    return replace(relation, conflicts=tuple(find_conflicts(relation, at, plan_horizon_years)))


def merge_relations(
    assertions: Iterable[Assertion],
    documents: Mapping[str, Document],
    at: PartialDate | date | None = None,
    include_pending: bool = False,
    plan_horizon_years: int = DEFAULT_PLAN_HORIZON_YEARS,
) -> list[Relation]:
    """Group assertions by unordered pair and merge each group; pairs with nothing usable are left out.

    Assertions of a place with itself (a resolution error upstream) cannot form a relation and are skipped.
    """
    groups: dict[tuple[str, str], list[Assertion]] = defaultdict(list)
    for x in assertions:
        if x.a.id != x.b.id:
            groups[pair_key(x.a.id, x.b.id)].append(x)
    relations = []
    for group in groups.values():
        if not usable(group, include_pending):
            continue
        first = group[0]
        a, b = (first.a, first.b) if first.a.id <= first.b.id else (first.b, first.a)
        relations.append(merge_relation(a, b, group, documents, at, include_pending, plan_horizon_years))
    return relations


def relation_at(
    relation: Relation,
    at: AtDate,
    plan_horizon_years: int = DEFAULT_PLAN_HORIZON_YEARS,
    recheck_conflicts: bool = True,
) -> Relation:
    """The same relation read at another date: status, start and end recomputed from its history, and its
    conflicts too unless `recheck_conflicts` is False (queries that do not show conflicts skip that work)."""
    moved = replace(
        relation,
        status=status_at(relation.history, at),
        start=start_at(relation.history, at),
        end=end_at(relation.history, at),
    )
    if not recheck_conflicts:
        return moved
    return replace(moved, conflicts=tuple(find_conflicts(moved, at, plan_horizon_years)))
