"""Queries over a collection of relations: a place's partners, and what changed since a date.

Pure: the store feeds the relations (ideally only those touching the place, through its index).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from twinatlas.models import Event, HistoryStep, Kind, PartialDate, Place, Relation, Source, iso_or_none
from twinatlas.registry.merge import relation_at
from twinatlas.registry.timeline import AtDate, last_day, status_at


def other_side(relation: Relation, place_id: str) -> Place | None:
    """The partner of `place_id` in the relation, or None when the place is not part of it."""
    if relation.a.id == place_id:
        return relation.b
    if relation.b.id == place_id:
        return relation.a
    return None


def relation_sources(relation: Relation) -> tuple[Source, ...]:
    """Every source of the relation, in history order, each (doc, event, quote) once."""
    seen: set[tuple[str, Event, str]] = set()
    out = []
    for step in relation.history:
        for src in step.sources:
            key = (src.doc, src.event, src.quote)
            if key not in seen:
                seen.add(key)
                out.append(src)
    return tuple(out)


@dataclass(frozen=True, slots=True)
class Partnership:
    """One partner of an asked place: the partner and the relation (read at the asked date)."""

    place: Place
    relation: Relation

    @property
    def status(self) -> Event | None:
        return self.relation.status

    def to_json(self) -> dict[str, Any]:
        """The item shape of `partners PLACE --json` (DESIGN.md)."""
        rel = self.relation
        return {
            "place": self.place.to_json(),
            "status": rel.status.value if rel.status else None,
            "start": iso_or_none(rel.start),
            "end": iso_or_none(rel.end),
            "kind": rel.kind.value,
            "sources": [s.to_json() for s in relation_sources(rel)],
        }


def index_by_place(relations: Iterable[Relation]) -> dict[str, list[Relation]]:
    """Relations by each of their place ids, for answering many `partners` questions quickly."""
    index: dict[str, list[Relation]] = defaultdict(list)
    for rel in relations:
        index[rel.a.id].append(rel)
        index[rel.b.id].append(rel)
    return dict(index)


def partners(
    place_id: str,
    relations: Iterable[Relation],
    at: AtDate = None,
    statuses: Collection[Event] | None = None,
    kinds: Collection[Kind] | None = None,
) -> list[Partnership]:
    """The partners of a place, read at `at` when given (else as merged), optionally only some statuses.

    Pairs with no known status at that date (not yet signed or planned) are left out. Sorted by start
    date (undated last), then by partner name.
    """
    found = []
    for rel in relations:
        other = other_side(rel, place_id)
        if other is None:
            continue
        if at is not None:
            rel = relation_at(rel, at, recheck_conflicts=False)
        if rel.status is None or (statuses is not None and rel.status not in statuses):
            continue
        if kinds is not None and rel.kind not in kinds:
            continue
        found.append(Partnership(other, rel))
    found.sort(key=lambda p: (p.relation.start is None, p.relation.start or PartialDate(1), p.place.name))
    return found


@dataclass(frozen=True, slots=True)
class Change:
    """One dated step of one pair's history, for `changes --since`."""

    a: Place
    b: Place
    step: HistoryStep

    def to_json(self) -> dict[str, Any]:
        return {"a": self.a.to_json(), "b": self.b.to_json(), **self.step.to_json()}


def changes_since(relations: Iterable[Relation], since: PartialDate | date) -> list[Change]:
    """Every step that may have happened on or after `since`, newest first.

    An imprecise step counts when its last possible day is on or after `since` (a step dated 2025 is
    listed for since=2025-06-01: it may have happened then). Undated steps are never listed.
    """
    start = since.earliest() if isinstance(since, PartialDate) else since
    found = [
        Change(rel.a, rel.b, step)
        for rel in relations
        for step in rel.history
        if step.date is not None and last_day(step.date) >= start
    ]
    found.sort(key=lambda c: (c.a.name, c.b.name))
    found.sort(key=lambda c: c.step.date or PartialDate(1), reverse=True)  # stable: names stay A→Z per date
    return found


def active_on(relation: Relation, at: AtDate = None) -> bool:
    """True when the pair is signed (not suspended, lapsed or ended) at the date."""
    return status_at(relation.history, at) is Event.SIGNED


def relations_of(place_ids: Sequence[str], relations: Iterable[Relation]) -> list[Relation]:
    """Relations touching any of the places."""
    wanted = set(place_ids)
    return [rel for rel in relations if rel.a.id in wanted or rel.b.id in wanted]
