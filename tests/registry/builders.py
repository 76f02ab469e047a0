"""Small hand-built places, documents and assertions, so that registry tests read like the stories they tell."""

from __future__ import annotations

import hashlib

from twinatlas.models import Assertion, Document, Event, Kind, Level, PartialDate, Place, Review, slug


def place(name: str, country: str, level: Level = Level.CITY, population: int | None = None) -> Place:
    return Place(
        id=f"{country}:{level.value}:{slug(name)}", name=name, country=country, level=level, population=population
    )


def document(name: str, published: str | None = None, url: str | None = None) -> Document:
    text = f"text of {name}"
    return Document(
        text=text,
        sha256=hashlib.sha256(text.encode()).hexdigest(),
        name=name,
        url=url or f"https://news.example/{name}",
        published=PartialDate.parse(published) if published else None,
    )


def said(
    doc: Document,
    a: Place,
    b: Place,
    event: Event,
    when: str | None = None,
    kind: Kind = Kind.TWINNING,
    review: Review = Review.ACCEPTED,
    quote: str | None = None,
) -> Assertion:
    """What one document says about one pair."""
    return Assertion(
        doc=doc.sha256,
        a=a,
        b=b,
        a_text=a.name,
        b_text=b.name,
        event=event,
        kind=kind,
        date=PartialDate.parse(when) if when else None,
        quote=quote or f"{a.name} and {b.name}: {event.value} {when or ''}".strip(),
        start=0,
        end=10,
        confidence=0.9,
        review=review,
        doc_name=doc.name,
    )


def docs(*documents: Document) -> dict[str, Document]:
    return {d.sha256: d for d in documents}


VITEBSK = place("Vitebsk", "BY")
OMSK = place("Omsk", "RU")
HASKOVO = place("Haskovo", "BG")
GELENDZHIK = place("Gelendzhik", "RU")
COLOGNE = place("Cologne", "DE")
ST_PETERSBURG = place("Saint Petersburg", "RU")
VOLGOGRAD = place("Volgograd", "RU")
