"""Selecting sets of places from the gazetteer: cities over a population, the regional centres of a country.

These answer the place-set half of claims such as "the first Russian city of over a million people twinned
with every Belarusian regional centre"; the registry's coverage check does the other half. Read-only: the
index file is opened on its own read-only connection, the Gazetteer object is only asked for lookups.

A regional centre is the seat of a first-level region. The index's `seat` column is filled only where the
build could match a city to the region's name, so the rest is derived here, from the same evidence a reader
would use: the city the region is named after (Vitebsk Region -> Vitebsk, «Гродненская область» -> Grodno,
Leningrad Oblast -> Saint Petersburg), found inside the region or in a city that is a region of its own
(Minsk); else the region's most populous city (Tatarstan -> Kazan). Known misses: a region named after
neither its seat nor its largest city (North Rhine-Westphalia gives Cologne, not Düsseldorf), and a region
around a federal city that GeoNames files as a region (Moscow Oblast gives Khimki, Kyiv Oblast Bila Tserkva).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager

from twinatlas.errors import GazetteerError, InvalidInput
from twinatlas.gazetteer.build import core_name
from twinatlas.gazetteer.lookup import Gazetteer
from twinatlas.models import Level, Place

NAMED_AFTER = ("exact", "folded", "transliterated", "lemma", "adjective")  # how a region's name may name its city


@contextmanager
def _reading(gazetteer: Gazetteer) -> Iterator[sqlite3.Connection]:
    try:
        with closing(sqlite3.connect(f"file:{gazetteer.path}?mode=ro", uri=True)) as db:
            yield db
    except sqlite3.Error as exc:
        raise GazetteerError(f"{gazetteer.path}: cannot read the gazetteer index: {exc}") from exc


def _country_code(country: str) -> str:
    code = country.strip().upper()
    if len(code) != 2 or not code.isalpha():
        raise InvalidInput(f"country {country!r}: expected an ISO 3166-1 alpha-2 code such as BY")
    return code


def _places(gazetteer: Gazetteer, ids: list[str]) -> list[Place]:
    return [p for p in (gazetteer.get(i) for i in ids) if p is not None]


def cities_over(gazetteer: Gazetteer, country: str, min_population: int) -> list[Place]:
    """The cities of a country with at least `min_population` people (GeoNames figures), largest first."""
    code = _country_code(country)
    with _reading(gazetteer) as db:
        rows = db.execute(
            "SELECT id FROM places WHERE country=? AND level=? AND population>=? ORDER BY population DESC, id",
            (code, Level.CITY.value, min_population),
        ).fetchall()
    return _places(gazetteer, [r[0] for r in rows])


def first_level_units(gazetteer: Gazetteer, country: str) -> list[Place]:
    """The first-level administrative units of a country (oblasts, provinces, and cities that are units)."""
    code = _country_code(country)
    with _reading(gazetteer) as db:
        rows = db.execute(
            "SELECT u.id FROM places u JOIN places c ON c.id = u.parent AND c.level = ? "
            "WHERE u.country = ? AND u.level IN (?, ?) ORDER BY u.name",
            (Level.COUNTRY.value, code, Level.REGION.value, Level.CITY.value),
        ).fetchall()
    return _places(gazetteer, [r[0] for r in rows])


def _largest_city_in(db: sqlite3.Connection, unit_id: str) -> str | None:
    row = db.execute(
        "SELECT id FROM places WHERE parent=? AND level=? AND population > 0 ORDER BY population DESC LIMIT 1",
        (unit_id, Level.CITY.value),
    ).fetchone()
    return row[0] if row else None


def _named_after(gazetteer: Gazetteer, region: Place, allowed_parents: set[str]) -> Place | None:
    """The populated city the region is named after, lying in the region or in a city-unit of the country."""
    for name in (region.name, *(n for _, n in region.names)):
        core = core_name(name)
        if core == name and " " in name:
            continue  # no level word came off: a multi-word name that is not "<City> Region"
        for match in gazetteer.lookup(core):
            place = match.place
            if (
                match.how in NAMED_AFTER
                and place.level is Level.CITY
                and place.country == region.country
                and (place.population or 0) > 0
                and place.parent in allowed_parents
                and len(place.name.split()) <= len(core.split())  # Podlaskie is not named after Bielsk Podlaski
            ):
                return place
    return None


def regional_centres(gazetteer: Gazetteer, country: str) -> list[Place]:
    """The seats of a country's first-level regions (each city once), ordered by name.

    For Belarus: Brest, Gomel, Grodno, Minsk, Mogilev and Vitebsk (as GeoNames spells them).
    """
    units = first_level_units(gazetteer, country)
    if not units:
        raise InvalidInput(f"country {country!r}: the gazetteer knows no regions of it")
    city_units = {u.id for u in units if u.level is Level.CITY}
    centres: dict[str, Place] = {}
    with _reading(gazetteer) as db:
        for unit in units:
            centre: Place | None = None
            if unit.seat:
                centre = gazetteer.get(unit.seat)
            if centre is None and unit.level is Level.REGION:
                centre = _named_after(gazetteer, unit, {unit.id, *city_units})
            if centre is None:
                largest = _largest_city_in(db, unit.id)
                centre = gazetteer.get(largest) if largest else None
            if centre is not None:
                centres[centre.id] = centre
    return sorted(centres.values(), key=lambda p: p.name)
