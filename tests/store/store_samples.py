"""Small hand-made documents, places and assertions for the store tests (not from any real source)."""

from __future__ import annotations

import hashlib
from dataclasses import replace
from datetime import UTC, datetime

from twinatlas.models import Assertion, Document, Event, Kind, Level, PartialDate, Place, Review

VITEBSK = Place(
    id="gn:620127",
    name="Vitebsk",
    country="BY",
    level=Level.CITY,
    geonames_id=620127,
    lat=55.19,
    lon=30.2,
    population=342_700,
    names=(("be", "Віцебск"), ("ru", "Витебск")),
)
HASKOVO = Place(id="gn:730435", name="Haskovo", country="BG", level=Level.CITY, geonames_id=730435)
ZLIN = Place(id="gn:3061370", name="Zlín", country="CZ", level=Level.CITY, geonames_id=3061370)


def make_doc(text: str, name: str = "note.txt", **fields) -> Document:
    sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return Document(text=text, sha256=sha, name=name, **fields)


def make_assertion(doc: Document, a: Place = VITEBSK, b: Place = HASKOVO, **fields) -> Assertion:
    base = Assertion(
        doc=doc.sha256,
        a=a,
        b=b,
        a_text=a.name,
        b_text=b.name,
        event=Event.SIGNED,
        kind=Kind.TWINNING,
        date=PartialDate(1999),
        quote=doc.text[:40],
        start=0,
        end=min(40, len(doc.text)),
        confidence=0.9,
        extractor="test",
        extractor_version="1",
        review=Review.ACCEPTED,
    )
    return replace(base, **fields)


RETRIEVED = datetime(2025, 6, 20, 8, 30, tzinfo=UTC)
