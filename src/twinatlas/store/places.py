"""Places: rows <-> Place, and the merge-on-write upsert."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from typing import Any

import sqlalchemy as sa

from twinatlas.models import Level, Place
from twinatlas.store.dialect import insert_ignoring_existing
from twinatlas.store.schema import name_key, places

# Attributes that a later, better-informed Place may fill in; `id` is the key and never changes.
_MERGED = ("country", "geonames_id", "iso3166_2", "wikidata", "lat", "lon", "population", "parent", "seat")


def place_row(place: Place) -> dict[str, Any]:
    return {
        "id": place.id,
        "name": place.name,
        "country": place.country,
        "level": place.level.value,
        "geonames_id": place.geonames_id,
        "iso3166_2": place.iso3166_2,
        "wikidata": place.wikidata,
        "lat": place.lat,
        "lon": place.lon,
        "population": place.population,
        "parent": place.parent,
        "seat": place.seat,
        "resolved": place.resolved,
        "names": [list(pair) for pair in place.names],
        "name_key": name_key(place.name),
    }


def place_from_row(row: Mapping[Any, Any], prefix: str = "") -> Place:
    """A Place from a row; `prefix` selects columns labelled e.g. 'a_name' in a joined query."""

    def col(name: str) -> Any:
        return row[prefix + name]

    return Place(
        id=col("id"),
        name=col("name"),
        country=col("country"),
        level=Level(col("level")),
        geonames_id=col("geonames_id"),
        iso3166_2=col("iso3166_2"),
        wikidata=col("wikidata"),
        lat=col("lat"),
        lon=col("lon"),
        population=col("population"),
        parent=col("parent"),
        seat=col("seat"),
        names=tuple((lang, name) for lang, name in col("names") or ()),
        resolved=bool(col("resolved")),
    )


def merged(old: Place, new: Place) -> Place:
    """What we know after seeing `new`: its non-empty attributes win, gaps keep the old values.

    A resolved place is never downgraded by an unresolved one with the same id, and names are united, so
    documents stored in any order give the same row.
    """
    fields: dict[str, Any] = {name: getattr(new, name) or getattr(old, name) for name in _MERGED}
    names = dict(old.names)
    names.update(new.names)
    better = new if new.resolved or not old.resolved else old
    return replace(
        old,
        name=better.name,
        level=better.level,
        resolved=old.resolved or new.resolved,
        names=tuple(sorted(names.items())),
        **fields,
    )


def upsert_places(conn: sa.Connection, incoming: Iterable[Place]) -> int:
    """Insert new places and merge known ones; returns how many places were new."""
    by_id: dict[str, Place] = {}
    for place in incoming:
        by_id[place.id] = merged(by_id[place.id], place) if place.id in by_id else place
    if not by_id:
        return 0
    existing = {p.id: p for p in select_places(conn, ids=sorted(by_id))}
    insert_ignoring_existing(conn, places, [place_row(p) for pid, p in by_id.items() if pid not in existing])
    for pid, old in existing.items():
        new = merged(old, by_id[pid])
        if new != old:
            row = place_row(new)
            del row["id"]
            conn.execute(places.update().where(places.c.id == pid).values(**row))
    return len(by_id) - len(existing)


_CHUNK = 500  # ids per IN (...) list, well below every database's parameter limit


def select_places(conn: sa.Connection, ids: Sequence[str] | None = None) -> list[Place]:
    """Places ordered by id: all of them, or those among `ids`."""
    if ids is None:
        query = sa.select(places).order_by(places.c.id)
        return [place_from_row(row) for row in conn.execute(query).mappings()]
    found: list[Place] = []
    for offset in range(0, len(ids), _CHUNK):
        query = sa.select(places).where(places.c.id.in_(ids[offset : offset + _CHUNK]))
        found.extend(place_from_row(row) for row in conn.execute(query).mappings())
    return sorted(found, key=lambda p: p.id)


def select_places_named(conn: sa.Connection, name: str) -> list[Place]:
    """Places whose name is `name` up to case and Unicode composition."""
    query = sa.select(places).where(places.c.name_key == name_key(name)).order_by(places.c.id)
    return [place_from_row(row) for row in conn.execute(query).mappings()]
