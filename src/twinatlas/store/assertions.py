"""Assertions (append-only) and review decisions.

An assertion's effective review state is its latest decision, else the state it was created with; it is
computed in the query so every reader sees the same answer.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time
from typing import Any

import sqlalchemy as sa

from twinatlas.errors import InvalidInput, NotFound
from twinatlas.models import Assertion, Event, Kind, PartialDate, Place, Review, iso_or_none
from twinatlas.store.documents import as_utc
from twinatlas.store.places import place_from_row
from twinatlas.store.schema import assertions, documents, places, review_decisions


@dataclass(frozen=True, slots=True)
class AssertionFilter:
    place_id: str | None = None
    pair: tuple[str, str] | None = None
    states: Collection[Review] = (Review.ACCEPTED,)
    since: datetime | None = None  # recorded at or after
    ids: Sequence[int] | None = None


def canonical(assertion: Assertion) -> Assertion:
    """The same assertion with the smaller place id first, so an unordered pair has one spelling."""
    if assertion.a.id <= assertion.b.id:
        return assertion
    return replace(assertion, a=assertion.b, b=assertion.a, a_text=assertion.b_text, b_text=assertion.a_text)


def assertion_row(assertion: Assertion, created: datetime) -> dict[str, Any]:
    item = canonical(assertion)
    return {
        "doc": item.doc,
        "place_a": item.a.id,
        "place_b": item.b.id,
        "a_text": item.a_text,
        "b_text": item.b_text,
        "event": item.event.value,
        "kind": item.kind.value,
        "date": iso_or_none(item.date),
        "quote": item.quote,
        "start": item.start,
        "end": item.end,
        "confidence": item.confidence,
        "extractor": item.extractor,
        "extractor_version": item.extractor_version,
        "review": item.review.value,
        "created": created,
    }


def insert_assertions(conn: sa.Connection, items: Sequence[Assertion]) -> list[int]:
    """Append the assertions; returns their new ids in the order given."""
    if not items:
        return []
    now = datetime.now(UTC)
    statement = assertions.insert().returning(assertions.c.id, sort_by_parameter_order=True)
    result = conn.execute(statement, [assertion_row(item, now) for item in items])
    return [int(row[0]) for row in result]


def _effective_review() -> sa.ColumnElement[Any]:
    latest = (
        sa.select(review_decisions.c.decision)
        .where(review_decisions.c.assertion_id == assertions.c.id)
        .order_by(review_decisions.c.decided_at.desc(), review_decisions.c.id.desc())
        .limit(1)
        .scalar_subquery()
    )
    return sa.func.coalesce(latest, assertions.c.review)


_PA, _PB = places.alias("pa"), places.alias("pb")
_EFFECTIVE = _effective_review()


def _base_query() -> sa.Select[Any]:
    pa, pb, effective = _PA, _PB, _EFFECTIVE
    return (
        sa.select(
            assertions,
            effective.label("effective_review"),
            documents.c.name.label("doc_name"),
            *[c.label(f"a_{c.name}") for c in pa.c],
            *[c.label(f"b_{c.name}") for c in pb.c],
        )
        .join(documents, documents.c.sha256 == assertions.c.doc)
        .join(pa, pa.c.id == assertions.c.place_a)
        .join(pb, pb.c.id == assertions.c.place_b)
        .order_by(assertions.c.id)
    )


# Built once: constructing the aliased select per call cost more than running it (partners must be fast).
_BASE_QUERY = _base_query()


def select_assertions(conn: sa.Connection, where: AssertionFilter) -> list[Assertion]:
    effective = _EFFECTIVE
    query = _BASE_QUERY.where(effective.in_([state.value for state in where.states]))
    if where.place_id is not None:
        query = query.where(sa.or_(assertions.c.place_a == where.place_id, assertions.c.place_b == where.place_id))
    if where.pair is not None:
        first, second = sorted(where.pair)
        query = query.where(assertions.c.place_a == first, assertions.c.place_b == second)
    if where.since is not None:
        query = query.where(assertions.c.created >= where.since)
    if where.ids is not None:
        query = query.where(assertions.c.id.in_(list(where.ids)))
    seen: dict[str, Place] = {}  # one Place object per id: rows repeat the same places many times
    return [_assertion_from_row(row, seen) for row in conn.execute(query).mappings()]


def count_assertions(conn: sa.Connection, states: Collection[Review]) -> int:
    """How many assertions have one of these effective review states."""
    query = sa.select(sa.func.count()).select_from(assertions)
    query = query.where(_effective_review().in_([state.value for state in states]))
    return int(conn.execute(query).scalar_one())


def _place(row: Mapping[Any, Any], prefix: str, seen: dict[str, Place]) -> Place:
    place_id = row[prefix + "id"]
    if place_id not in seen:
        seen[place_id] = place_from_row(row, prefix)
    return seen[place_id]


def _assertion_from_row(row: Mapping[Any, Any], seen: dict[str, Place]) -> Assertion:
    return Assertion(
        doc=row["doc"],
        a=_place(row, "a_", seen),
        b=_place(row, "b_", seen),
        a_text=row["a_text"],
        b_text=row["b_text"],
        event=Event(row["event"]),
        kind=Kind(row["kind"]),
        date=PartialDate.parse(row["date"]) if row["date"] else None,
        quote=row["quote"],
        start=row["start"],
        end=row["end"],
        confidence=row["confidence"],
        extractor=row["extractor"],
        extractor_version=row["extractor_version"],
        review=Review(row["effective_review"]),
        doc_name=row["doc_name"],
        id=row["id"],
    )


def as_since(value: datetime | date | None) -> datetime | None:
    """A moment to compare recording times with: a date means its first instant in UTC."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return as_utc(value)
    return datetime.combine(value, time.min, tzinfo=UTC)


def insert_decision(conn: sa.Connection, assertion_id: int, decision: Review, reason: str, by: str | None) -> None:
    if not isinstance(decision, Review):
        raise InvalidInput(f"review decision {decision!r} is not one of accepted, pending, rejected")
    exists = conn.execute(sa.select(assertions.c.id).where(assertions.c.id == assertion_id)).first()
    if exists is None:
        raise NotFound(f"assertion {assertion_id} does not exist")
    if decision is Review.REJECTED and not reason.strip():
        raise InvalidInput(f"rejecting assertion {assertion_id} needs a reason")
    conn.execute(
        review_decisions.insert().values(
            assertion_id=assertion_id,
            decision=decision.value,
            reason=reason,
            decided_at=datetime.now(UTC),
            decided_by=by,
        )
    )
