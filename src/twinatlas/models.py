"""The domain types every stage shares: frozen dataclasses and enums, no behaviour beyond value logic.

Stages pass these between each other; no bare dicts cross a module boundary. JSON shapes for the CLI and
the API are produced by `to_json()` methods here so that both speak the same contract (DESIGN.md).
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from typing import Any, Protocol

from twinatlas.errors import InvalidInput


class Level(StrEnum):
    """Administrative level of a party, as the text names it."""

    COUNTRY = "country"
    REGION = "region"  # oblast, province, voblasts, county (first level)
    DISTRICT = "district"  # raion, city district, county-level unit
    MUNICIPALITY = "municipality"  # obshtina, gmina, savivaldybe, Gemeinde named as such
    COMMUNITY = "community"  # rural council, hromada
    CITY = "city"  # towns, villages, urban-type settlements


class Event(StrEnum):
    SIGNED = "signed"
    PLANNED = "planned"
    TERMINATED = "terminated"
    SUSPENDED = "suspended"
    LAPSED = "lapsed"


class Kind(StrEnum):
    TWINNING = "twinning"
    PARTNERSHIP = "partnership"
    COOPERATION = "cooperation"
    FRIENDSHIP = "friendship"


class Review(StrEnum):
    ACCEPTED = "accepted"
    PENDING = "pending"
    REJECTED = "rejected"


class Precision(StrEnum):
    YEAR = "year"
    MONTH = "month"
    DAY = "day"


_DATE_RE = re.compile(r"^\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?\s*$")


@dataclass(frozen=True, slots=True)
class PartialDate:
    """A date known to the year, the month or the day.

    Ordering compares the known parts first, so 2025 < 2025-01 < 2025-01-01 < 2025-02: a less precise date
    sorts before the more precise dates it contains, which keeps timelines stable.
    """

    year: int
    month: int | None = None
    day: int | None = None

    def __post_init__(self) -> None:
        if not 1 <= self.year <= 9999:
            raise InvalidInput(f"year {self.year} is out of range 1..9999")
        if self.month is None and self.day is not None:
            raise InvalidInput("a day needs a month")
        if self.month is not None and not 1 <= self.month <= 12:
            raise InvalidInput(f"month {self.month} is out of range 1..12")
        if self.day is not None:
            try:
                date(self.year, self.month or 1, self.day)
            except ValueError as exc:
                raise InvalidInput(f"{self.year}-{self.month:02d}-{self.day:02d} is not a date") from exc

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Parse 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD'; raises InvalidInput naming the text otherwise."""
        match = _DATE_RE.match(text or "")
        if not match:
            raise InvalidInput(f"{text!r} is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD")
        year, month, day = (int(g) if g else None for g in match.groups())
        assert year is not None
        return cls(year, month, day)

    @classmethod
    def from_date(cls, value: date | datetime) -> PartialDate:
        return cls(value.year, value.month, value.day)

    @property
    def precision(self) -> Precision:
        if self.day is not None:
            return Precision.DAY
        return Precision.MONTH if self.month is not None else Precision.YEAR

    def iso(self) -> str:
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def earliest(self) -> date:
        """The first day this date can mean."""
        return date(self.year, self.month or 1, self.day or 1)

    def contains(self, other: PartialDate) -> bool:
        """True when `other` falls inside this (less or equally precise) date."""
        return (
            self.year == other.year
            and (self.month is None or self.month == other.month)
            and (self.day is None or self.day == other.day)
        )

    def _key(self) -> tuple[int, int, int]:
        return (self.year, self.month or 0, self.day or 0)

    def __lt__(self, other: PartialDate) -> bool:
        return self._key() < other._key()

    def __le__(self, other: PartialDate) -> bool:
        return self._key() <= other._key()

    def __gt__(self, other: PartialDate) -> bool:
        return self._key() > other._key()

    def __ge__(self, other: PartialDate) -> bool:
        return self._key() >= other._key()

    def __str__(self) -> str:
        return self.iso()


def iso_or_none(value: PartialDate | None) -> str | None:
    return value.iso() if value is not None else None


@dataclass(frozen=True, slots=True)
class Document:
    """One input text. `sha256` is of the normalised text and is the document's identity."""

    text: str
    sha256: str
    name: str  # file name or a label such as '<stdin>'
    lang: str | None = None
    url: str | None = None
    title: str | None = None
    published: PartialDate | None = None
    retrieved: datetime | None = None


@dataclass(frozen=True, slots=True)
class Place:
    """A gazetteer entity, or an unresolved party kept by its text form (`resolved` is False then).

    `id` is stable: `gn:<geonames id>` for GeoNames entities, `iso:<ISO 3166-2>` for regions known only by
    code, `<CC>:<level>:<slug>` otherwise (also for unresolved parties).
    """

    id: str
    name: str
    country: str | None
    level: Level
    geonames_id: int | None = None
    iso3166_2: str | None = None
    wikidata: str | None = None
    lat: float | None = None
    lon: float | None = None
    population: int | None = None
    parent: str | None = None  # id of the enclosing unit
    seat: str | None = None  # id of the city a district or municipality is named after
    names: tuple[tuple[str, str], ...] = ()  # (language, name) pairs
    resolved: bool = True

    def __hash__(self) -> int:
        # Equal places have equal ids; hashing every field (all localised names) made each cache look-up in
        # resolution cost more than the scoring it saves.
        return hash((self.id, self.name, self.level))

    def name_in(self, lang: str) -> str:
        for code, value in self.names:
            if code == lang:
                return value
        return self.name

    def to_json(self, text: str | None = None) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.id,
            "name": self.name,
            "country": self.country,
            "level": self.level.value,
            "geonames_id": self.geonames_id,
            "iso3166_2": self.iso3166_2,
            "wikidata": self.wikidata,
        }
        if text is not None:
            out["text"] = text
        return out


def distance_km(a: Place, b: Place) -> float | None:
    """Great-circle distance between two places, or None when either has no coordinates."""
    if a.lat is None or a.lon is None or b.lat is None or b.lon is None:
        return None
    la1, lo1, la2, lo2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, h)))


def slug(text: str) -> str:
    """A lowercase ASCII-ish id fragment; keeps letters of any script so that ids stay readable."""
    return re.sub(r"[^\w]+", "-", text.casefold()).strip("-_") or "unnamed"


def unresolved_place(text: str, country: str | None = None, level: Level = Level.CITY) -> Place:
    """A party the gazetteer could not resolve: kept by its text form, never dropped."""
    cc = (country or "xx").upper()
    return Place(id=f"{cc}:{level.value}:{slug(text)}", name=text, country=country, level=level, resolved=False)


@dataclass(frozen=True, slots=True)
class NameMatch:
    """One way a surface form matched the gazetteer: the place, the key and how the key was made."""

    place: Place
    key: str  # the index key that matched
    how: str  # 'exact' | 'folded' | 'lemma' | 'variant' | 'adjective' | 'transliterated' | 'level-phrase'
    name: str = ""  # the gazetteer name that produced the key
    lang: str | None = None  # language of that name, when the gazetteer knows it


class PlaceIndex(Protocol):
    """What extraction and resolution need from the gazetteer. Passed in; they do no I/O of their own."""

    def lookup(self, surface: str, lang: str | None = None) -> Sequence[NameMatch]:
        """Every place the surface form (any script, case or inflection) may name; empty when none."""
        ...

    def get(self, place_id: str) -> Place | None: ...


@dataclass(frozen=True, slots=True)
class Mention:
    """A stretch of a document that may name a place: its span, its surface form, its matches and hints."""

    start: int
    end: int
    surface: str
    matches: tuple[NameMatch, ...] = ()
    level_hint: Level | None = None  # a level word next to the name ("район", "obwód", "община")
    country_hint: str | None = None  # an adjective or header naming the country ("российским", "Belarus –")


@dataclass(frozen=True, slots=True)
class DocContext:
    """What resolution may use about the whole document."""

    lang: str | None = None
    countries: tuple[str, ...] = ()  # countries the document names or implies, most frequent first
    published: PartialDate | None = None


@dataclass(frozen=True, slots=True)
class Candidate:
    place: Place
    score: float
    why: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {"place": self.place.to_json(), "score": round(self.score, 4), "why": list(self.why)}


@dataclass(frozen=True, slots=True)
class Resolution:
    """The outcome of resolving one name: a choice (or None when abstaining), its reason, the candidates."""

    text: str
    choice: Place | None
    reason: str
    candidates: tuple[Candidate, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            "choice": self.choice.to_json(self.text) if self.choice else None,
            "reason": self.reason,
            "candidates": [c.to_json() for c in self.candidates],
        }


@dataclass(frozen=True, slots=True)
class Claim:
    """One statement found in a text: two mentions, what happened between them, when, and the evidence."""

    a: Mention
    b: Mention
    event: Event
    kind: Kind
    date: PartialDate | None
    quote: str
    start: int
    end: int
    confidence: float
    rule: str = ""  # which pattern produced it, for debugging and calibration


@dataclass(frozen=True, slots=True)
class ResolvedClaim:
    """A claim with both parties resolved (or abstained on: then `choice` is None and the reason says why)."""

    claim: Claim
    a: Resolution
    b: Resolution


@dataclass(frozen=True, slots=True)
class Assertion:
    """One claim of one source about one pair of resolved places. Append-only once stored."""

    doc: str  # sha256 of the document
    a: Place
    b: Place
    a_text: str
    b_text: str
    event: Event
    kind: Kind
    date: PartialDate | None
    quote: str
    start: int
    end: int
    confidence: float
    extractor: str = "twinatlas"
    extractor_version: str = ""
    review: Review = Review.ACCEPTED
    doc_name: str | None = None  # the input's file name, for the extract output contract
    id: int | None = None  # set by the store

    def to_json(self) -> dict[str, Any]:
        """The output contract of `twinatlas extract --format jsonl` (see DESIGN.md)."""
        return {
            "doc": self.doc_name or self.doc,
            "a": self.a.to_json(self.a_text),
            "b": self.b.to_json(self.b_text),
            "event": self.event.value,
            "date": iso_or_none(self.date),
            "kind": self.kind.value,
            "quote": self.quote,
            "start": self.start,
            "end": self.end,
            "confidence": round(self.confidence, 3),
        }


@dataclass(frozen=True, slots=True)
class Source:
    """Where a step of a relation's history comes from."""

    doc: str
    url: str | None
    quote: str
    event: Event
    date: PartialDate | None
    date_from_publication: bool = False  # an undated event placed by its document's date
    assertion_id: int | None = None
    review: Review = Review.ACCEPTED

    def to_json(self) -> dict[str, Any]:
        return {
            "doc": self.doc,
            "url": self.url,
            "quote": self.quote,
            "event": self.event.value,
            "date": iso_or_none(self.date),
            "date_from_publication": self.date_from_publication,
            "review": self.review.value,
        }


@dataclass(frozen=True, slots=True)
class HistoryStep:
    event: Event
    date: PartialDate | None
    sources: tuple[Source, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "event": self.event.value,
            "date": iso_or_none(self.date),
            "sources": [s.to_json() for s in self.sources],
        }


@dataclass(frozen=True, slots=True)
class Conflict:
    a: Place
    b: Place
    kind: str  # e.g. 'termination-without-establishment', 'start-dates-differ'
    detail: str

    def to_json(self) -> dict[str, Any]:
        return {"a": self.a.to_json(), "b": self.b.to_json(), "kind": self.kind, "detail": self.detail}


@dataclass(frozen=True, slots=True)
class Relation:
    """An unordered pair and everything its assertions say, merged into a status timeline."""

    a: Place
    b: Place
    status: Event | None  # status today (or at the asked date); None when nothing is known yet
    kind: Kind
    start: PartialDate | None
    end: PartialDate | None
    history: tuple[HistoryStep, ...] = ()
    conflicts: tuple[Conflict, ...] = field(default=())

    def to_json(self) -> dict[str, Any]:
        return {
            "a": self.a.to_json(),
            "b": self.b.to_json(),
            "status": self.status.value if self.status else None,
            "kind": self.kind.value,
            "start": iso_or_none(self.start),
            "end": iso_or_none(self.end),
            "history": [h.to_json() for h in self.history],
            "conflicts": [c.to_json() for c in self.conflicts],
        }
