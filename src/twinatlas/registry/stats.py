"""Counts over relations: pairs between two countries (or of one country) by level, status and partner country."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from twinatlas.errors import InvalidInput
from twinatlas.models import Relation
from twinatlas.registry.merge import pair_key, relation_at
from twinatlas.registry.timeline import AtDate

UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True)
class PairStats:
    """`pairs`: distinct unordered pairs; `by_level`: 'city–region'-style keys (first country's side first
    for two countries, sorted for one); `by_status`; `by_country`: partner countries (one-country stats)."""

    countries: tuple[str, ...]
    pairs: int
    by_level: dict[str, int] = field(default_factory=dict)
    by_status: dict[str, int] = field(default_factory=dict)
    by_country: dict[str, int] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "countries": list(self.countries),
            "pairs": self.pairs,
            "by_level": self.by_level,
            "by_status": self.by_status,
        }
        if self.by_country:
            out["by_country"] = self.by_country
        return out


def _country_code(value: str) -> str:
    code = value.strip().upper()
    if len(code) != 2 or not code.isalpha():
        raise InvalidInput(f"{value!r} is not a two-letter country code (ISO 3166-1 alpha-2, e.g. BY)")
    return code


def _sorted_counts(counter: Counter[str]) -> dict[str, int]:
    return dict(sorted(counter.items(), key=lambda item: (-item[1], item[0])))


def country_pair_stats(relations: Iterable[Relation], c1: str, c2: str | None = None, at: AtDate = None) -> PairStats:
    """Pairs between countries c1 and c2 (both sides may be the same country), or every pair touching c1.

    Each unordered pair counts once even if the collection repeats it. Status is read at `at` when given.
    """
    first = _country_code(c1)
    second = _country_code(c2) if c2 is not None else None
    seen: set[tuple[str, str]] = set()
    by_level: Counter[str] = Counter()
    by_status: Counter[str] = Counter()
    by_country: Counter[str] = Counter()
    for rel in relations:
        a, b = rel.a, rel.b
        if second is not None:
            if (a.country, b.country) == (second, first):
                a, b = b, a
            if (a.country, b.country) != (first, second):
                continue
            level = f"{a.level.value}–{b.level.value}"
        else:
            if first not in (a.country, b.country):
                continue
            if b.country == first and a.country != first:
                a, b = b, a
            by_country_key = b.country or UNKNOWN
            level = "–".join(sorted((a.level.value, b.level.value)))
        key = pair_key(a.id, b.id)
        if key in seen:
            continue
        seen.add(key)
        if at is not None:
            rel = relation_at(rel, at, recheck_conflicts=False)
        by_level[level] += 1
        by_status[rel.status.value if rel.status else UNKNOWN] += 1
        if second is None:
            by_country[by_country_key] += 1
    return PairStats(
        countries=(first, second) if second else (first,),
        pairs=len(seen),
        by_level=_sorted_counts(by_level),
        by_status=_sorted_counts(by_status),
        by_country=_sorted_counts(by_country),
    )
