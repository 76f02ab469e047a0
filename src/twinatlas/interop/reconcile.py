"""Reconciling the registry ("here") with Wikidata or a reference list ("there").

Places match by Wikidata Q-id when both sides have one, else by GeoNames id when both have one, else by
country and folded name, with coordinates (when both sides have them) closer than 30 km. A pair matches
when both of its places match. What is left on either side, and matched pairs whose dates or status tell
different stories, are the three lists of `reconcile --json`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from twinatlas.gazetteer.names import fold
from twinatlas.interop.wikidata import ExternalPair
from twinatlas.models import Event, Place, PlaceIndex, Relation, distance_km, iso_or_none

MAX_DISTANCE_KM = 30.0
ENDED = (Event.TERMINATED, Event.SUSPENDED, Event.LAPSED)
# How a gazetteer match may name a there-side place: name forms, not adjectives or "X District" phrases.
NAME_MATCHES = ("exact", "folded", "transliterated", "lemma", "variant")


def name_keys(place: Place) -> set[str]:
    """The folded forms of every name the place is known by (a reference label may be German)."""
    return {key for key in (fold(place.name), *(fold(n) for _, n in place.names)) if key}


def same_place(here: Place, there: Place) -> bool:
    if here.wikidata and there.wikidata:
        return here.wikidata == there.wikidata
    if here.geonames_id and there.geonames_id:
        return here.geonames_id == there.geonames_id
    if not name_keys(here) & name_keys(there):
        return False
    if here.country and there.country and here.country != there.country:
        return False
    km = distance_km(here, there)
    if km is not None:
        return km < MAX_DISTANCE_KM
    return bool(here.country and there.country)  # a bare name with no country to back it is too weak


def gazetteer_twin(there: Place, gazetteer: PlaceIndex) -> Place | None:
    """The gazetteer place a there-side label names ('Gomel' → Homyel', gn:627907): same country and level,
    the nearest within 30 km when coordinates are known, else the most populous. None when nothing fits."""
    found = {
        m.place.id: m.place
        for m in gazetteer.lookup(there.name)
        if m.how in NAME_MATCHES
        and m.place.level is there.level
        and m.place.geonames_id
        and (there.country is None or m.place.country == there.country)
    }
    if not found:
        return None
    if there.lat is not None and there.lon is not None:
        near = [
            (km, p.id) for p in found.values() if (km := distance_km(there, p)) is not None and km < MAX_DISTANCE_KM
        ]
        return found[min(near)[1]] if near else None
    if there.country is None:
        return None  # a bare label anywhere in the world is too weak
    return max(found.values(), key=lambda p: (p.population or 0, p.id))


def with_geonames(pairs: Sequence[ExternalPair], gazetteer: PlaceIndex) -> list[ExternalPair]:
    """The pairs with GeoNames ids (and missing coordinates) filled in from the gazetteer, so that labels
    in another transliteration or language (Gomel, Mahiljou, Witebsk) still meet the registry's places."""
    cache: dict[str, Place] = {}

    def enrich(place: Place) -> Place:
        if place.geonames_id or place.id in cache:
            return cache.get(place.id, place)
        twin = gazetteer_twin(place, gazetteer)
        cache[place.id] = (
            place
            if twin is None
            else replace(
                place,
                geonames_id=twin.geonames_id,
                lat=place.lat if place.lat is not None else twin.lat,
                lon=place.lon if place.lon is not None else twin.lon,
            )
        )
        return cache[place.id]

    return [replace(pair, a=enrich(pair.a), b=enrich(pair.b)) for pair in pairs]


class ThereIndex:
    """The there-side places by Q-id, GeoNames id and folded name, so that each lookup is a few probes."""

    def __init__(self, places: Iterable[Place]):
        self.by_qid: dict[str, list[Place]] = defaultdict(list)
        self.by_geonames: dict[int, list[Place]] = defaultdict(list)
        self.by_name: dict[str, list[Place]] = defaultdict(list)
        for place in {p.id: p for p in places}.values():
            if place.wikidata:
                self.by_qid[place.wikidata].append(place)
            if place.geonames_id:
                self.by_geonames[place.geonames_id].append(place)
            for key in name_keys(place):
                self.by_name[key].append(place)

    def matches(self, here: Place) -> set[str]:
        """Ids of the there-side places that are `here`."""
        probes = [*self.by_qid.get(here.wikidata or "", ()), *self.by_geonames.get(here.geonames_id or 0, ())]
        for key in name_keys(here):
            probes.extend(self.by_name.get(key, ()))
        return {there.id for there in probes if same_place(here, there)}


@dataclass(frozen=True, slots=True)
class Disagreement:
    here: Relation
    there: ExternalPair
    kind: str  # 'ended-here-current-there' | 'ended-there-current-here' | 'start-years-differ'
    detail: str

    def to_json(self) -> dict[str, Any]:
        return {
            "a": self.here.a.to_json(),
            "b": self.here.b.to_json(),
            "kind": self.kind,
            "detail": self.detail,
            "here": _here_json(self.here),
            "there": self.there.to_json(),
        }


def _here_json(rel: Relation) -> dict[str, Any]:
    return {
        "a": rel.a.to_json(),
        "b": rel.b.to_json(),
        "status": rel.status.value if rel.status else None,
        "kind": rel.kind.value,
        "start": iso_or_none(rel.start),
        "end": iso_or_none(rel.end),
        "sources": sorted({src.url or src.doc for step in rel.history for src in step.sources}),
    }


@dataclass(frozen=True, slots=True)
class Reconciliation:
    only_here: tuple[Relation, ...]
    only_there: tuple[ExternalPair, ...]
    disagree: tuple[Disagreement, ...]
    matched: int = 0  # pairs found on both sides (whether or not they disagree)
    left_out: tuple[Relation, ...] = field(default=())  # here-side pairs never established (planned only)

    def to_json(self) -> dict[str, Any]:
        """The shape of `reconcile --json` (DESIGN.md); every item names both places."""
        return {
            "only_here": [_here_json(rel) for rel in self.only_here],
            "only_there": [pair.to_json() for pair in self.only_there],
            "disagree": [d.to_json() for d in self.disagree],
        }


def disagreements(here: Relation, there: ExternalPair) -> list[Disagreement]:
    """How a matched pair's two stories differ: status (an end on one side only) and start year."""
    found = []
    if here.status in ENDED and there.end is None:
        assert here.status is not None
        when = f" in {here.end}" if here.end else ""
        found.append(
            Disagreement(here, there, "ended-here-current-there", f"twinatlas: {here.status.value}{when}; "
                         f"{there.origin}: no end time")
        )  # fmt: skip
    if there.end is not None and here.status is Event.SIGNED and (here.start is None or here.start <= there.end):
        found.append(
            Disagreement(here, there, "ended-there-current-here", f"{there.origin}: ended {there.end}; "
                         "twinatlas: current, with no later signing")
        )  # fmt: skip
    if here.start and there.start and here.start.year != there.start.year:
        found.append(
            Disagreement(here, there, "start-years-differ", f"twinatlas: {here.start}; {there.origin}: {there.start}")
        )
    return found


def _touches(rel: Relation, country: str | None) -> bool:
    return country is None or country.upper() in {rel.a.country, rel.b.country}


def reconcile(
    relations: Sequence[Relation],
    there: Sequence[ExternalPair],
    country: str | None = None,
    gazetteer: PlaceIndex | None = None,
) -> Reconciliation:
    """Compare the registry's pairs (those touching `country` when given) with the there-side pairs; with a
    gazetteer, there-side places also get GeoNames ids from their labels (see `with_geonames`)."""
    scoped_there = [pair for pair in there if country is None or pair.touches(country)]
    if gazetteer is not None:
        scoped_there = with_geonames(scoped_there, gazetteer)
    index = ThereIndex(p for pair in scoped_there for p in (pair.a, pair.b))
    there_by_key: dict[frozenset[str], ExternalPair] = {frozenset((p.a.id, p.b.id)): p for p in scoped_there}
    established = [rel for rel in relations if _touches(rel, country) and _established(rel)]
    left_out = [rel for rel in relations if _touches(rel, country) and not _established(rel)]
    only_here: list[Relation] = []
    disagree: list[Disagreement] = []
    seen_there: set[frozenset[str]] = set()
    matched = 0
    for rel in established:
        keys = [
            key
            for a_id in index.matches(rel.a)
            for b_id in index.matches(rel.b)
            if (key := frozenset((a_id, b_id))) in there_by_key
        ]
        if not keys:
            only_here.append(rel)
            continue
        matched += 1
        seen_there.update(keys)
        disagree.extend(disagreements(rel, there_by_key[keys[0]]))
    only_there = [pair for key, pair in there_by_key.items() if key not in seen_there]
    return Reconciliation(tuple(only_here), tuple(only_there), tuple(disagree), matched, tuple(left_out))


def _established(rel: Relation) -> bool:
    """Wikidata's P190 records agreements that were made; a pair only ever planned is not one yet."""
    return any(step.event is not Event.PLANNED for step in rel.history)
