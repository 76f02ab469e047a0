"""Coverage: checking claims such as "city X is twinned with every regional centre of country Y".

Given source places (e.g. Russian cities over a million people) and target places (e.g. the Belarusian
regional centres), report for each source which targets it is related to, with the evidence, and which
are missing. Selecting the places (population, regional centres) is the gazetteer's business; this module
only compares them with the registry.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from twinatlas.models import Event, Place, Relation
from twinatlas.registry.merge import pair_key, relation_at
from twinatlas.registry.queries import relation_sources
from twinatlas.registry.timeline import AtDate

# What counts as "twinned with" by default: an agreement in force, or one only put on hold.
DEFAULT_COVERING_STATUSES: frozenset[Event] = frozenset({Event.SIGNED, Event.SUSPENDED})


@dataclass(frozen=True, slots=True)
class CoverageRow:
    """One source place: the targets it covers (with the relation as evidence) and those it misses."""

    place: Place
    covered: tuple[tuple[Place, Relation], ...]
    missing: tuple[Place, ...]
    planned: tuple[tuple[Place, Relation], ...] = ()  # missing targets with an agreement only planned so far

    @property
    def complete(self) -> bool:
        return not self.missing

    def to_json(self) -> dict[str, Any]:
        return {
            "place": self.place.to_json(),
            "complete": self.complete,
            "covered": [
                {
                    "place": target.to_json(),
                    "status": rel.status.value if rel.status else None,
                    "start": rel.start.iso() if rel.start else None,
                    "sources": [s.to_json() for s in relation_sources(rel)],
                }
                for target, rel in self.covered
            ],
            "missing": [target.to_json() for target in self.missing],
            "planned": [
                {
                    "place": target.to_json(),
                    "status": "planned",
                    "sources": [s.to_json() for s in relation_sources(rel)],
                }
                for target, rel in self.planned
            ],
        }


@dataclass(frozen=True, slots=True)
class Coverage:
    rows: tuple[CoverageRow, ...]

    @property
    def complete_places(self) -> tuple[Place, ...]:
        """The source places related to every target: the ones the claim holds for."""
        return tuple(row.place for row in self.rows if row.complete)

    def to_json(self) -> dict[str, Any]:
        return {
            "complete": [p.to_json() for p in self.complete_places],
            "rows": [row.to_json() for row in self.rows],
        }


def coverage(
    sources: Sequence[Place],
    targets: Sequence[Place],
    relations: Iterable[Relation],
    at: AtDate = None,
    statuses: Collection[Event] = DEFAULT_COVERING_STATUSES,
) -> Coverage:
    """For each source place, which targets it is related to (status among `statuses` at `at`) and which not.

    Rows are sorted with the most complete sources first, then by name; a place never covers itself.
    """
    wanted = {p.id for p in sources} | {p.id for p in targets}
    by_pair = {pair_key(rel.a.id, rel.b.id): rel for rel in relations if rel.a.id in wanted and rel.b.id in wanted}
    rows = []
    for source in sources:
        covered: list[tuple[Place, Relation]] = []
        missing: list[Place] = []
        planned: list[tuple[Place, Relation]] = []
        for target in targets:
            if target.id == source.id:
                continue
            rel = by_pair.get(pair_key(source.id, target.id))
            if rel is not None and at is not None:
                rel = relation_at(rel, at, recheck_conflicts=False)
            if rel is not None and rel.status in statuses:
                covered.append((target, rel))
            else:
                missing.append(target)
                if rel is not None and rel.status is Event.PLANNED:
                    planned.append((target, rel))
        rows.append(CoverageRow(source, tuple(covered), tuple(missing), tuple(planned)))
    rows.sort(key=lambda row: (len(row.missing), row.place.name))
    return Coverage(tuple(rows))
