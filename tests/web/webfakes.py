"""A small registry for web tests: a handful of real-looking places, stories told by hand-written sources,
a stand-in gazetteer that knows those places in several scripts, and a stand-in extractor for ingest.

The stand-ins keep these tests fast and independent of the full gazetteer index; the browser test over
the real gazetteer and pipeline lives in test_browser.py.
"""

from __future__ import annotations

import hashlib
import sys
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "extract"))

from extract_fakes import spot

from twinatlas.config import Settings
from twinatlas.gazetteer.names import skeleton
from twinatlas.models import (
    Assertion,
    Candidate,
    DocContext,
    Document,
    Event,
    Kind,
    Level,
    NameMatch,
    PartialDate,
    Place,
    Resolution,
    ResolvedClaim,
    Review,
)
from twinatlas.pipeline import process
from twinatlas.store import Store

TOKEN = "test-write-token"


def city(gid: int, name: str, country: str, lat: float, lon: float, pop: int, **names: str) -> Place:
    return Place(
        f"gn:{gid}",
        name,
        country,
        Level.CITY,
        geonames_id=gid,
        lat=lat,
        lon=lon,
        population=pop,
        names=tuple(names.items()),
    )


# ids follow tests/extract/extract_fakes.py where they overlap, so ingested texts meet stored places
OMSK = city(1, "Omsk", "RU", 54.99, 73.37, 1_100_000, ru="Омск", bg="Омск")
VITEBSK = city(2, "Vitebsk", "BY", 55.19, 30.20, 360_000, ru="Витебск", bg="Витебск", be="Віцебск")
COLOGNE = city(5, "Cologne", "DE", 50.94, 6.96, 1_080_000, ru="Кёльн", de="Köln")
MOGILEV = city(
    8, "Mogilev", "BY", 53.91, 30.34, 360_000, ru="Могилёв", uk="Могильов", be="Магілёў", en="Mogilev", pl="Mohylew"
)
HASKOVO = city(30, "Haskovo", "BG", 41.93, 25.56, 75_000, ru="Хасково", bg="Хасково")
VOLGOGRAD = city(31, "Volgograd", "RU", 48.72, 44.50, 1_000_000, ru="Волгоград")
PETERSBURG = city(32, "Saint Petersburg", "RU", 59.94, 30.31, 5_300_000, ru="Санкт-Петербург")
TULA = city(33, "Tula", "RU", 54.20, 37.62, 470_000, ru="Тула")
PLACES = (OMSK, VITEBSK, COLOGNE, MOGILEV, HASKOVO, VOLGOGRAD, PETERSBURG, TULA)
# Spellings a user may type that are not the place's names: the gazetteer knows them as alternates.
ALTERNATES = {"Mahilyow": MOGILEV, "Mogilyov": MOGILEV}


class StandInGazetteer:
    """Knows PLACES by every name, compared by the cross-script skeleton key (the PlaceIndex protocol)."""

    def __init__(self) -> None:
        self.keys: dict[str, list[Place]] = {}
        for place in PLACES:
            for name in {place.name, *(n for _, n in place.names)}:
                self.keys.setdefault(skeleton(name), []).append(place)
        for name, place in ALTERNATES.items():
            self.keys.setdefault(skeleton(name), []).append(place)

    def lookup(self, surface: str, lang: str | None = None) -> Sequence[NameMatch]:
        return [NameMatch(p, skeleton(surface), "variant", p.name) for p in self.keys.get(skeleton(surface), [])]

    def get(self, place_id: str) -> Place | None:
        return next((p for p in PLACES if p.id == place_id), None)


def document(name: str, text: str, url: str | None = None, published: str | None = None) -> Document:
    return Document(
        text=text,
        sha256=hashlib.sha256(text.encode()).hexdigest(),
        name=name,
        url=url,
        lang="ru",
        title=name,
        published=PartialDate.parse(published) if published else None,
    )


def said(
    doc: Document,
    a: Place,
    b: Place,
    event: Event,
    when: str | None,
    quote: str,
    confidence: float = 0.9,
    review: Review = Review.ACCEPTED,
) -> Assertion:
    start = doc.text.index(quote)
    return Assertion(
        doc=doc.sha256,
        a=a,
        b=b,
        a_text=a.name,
        b_text=b.name,
        event=event,
        kind=Kind.TWINNING,
        date=PartialDate.parse(when) if when else None,
        quote=quote,
        start=start,
        end=start + len(quote),
        confidence=confidence,
        review=review,
        doc_name=doc.name,
    )


OMSK_QUOTE = "Омск и Витебск подписали соглашение о побратимстве 19 июня 2025 года."
PENDING_QUOTE = "Могилёв и Тула, возможно, станут побратимами."
SCRIPT_QUOTE = "<script>alert('x')</script> Хасково и Витебск — побратимы с 1999 года."


def fill(store: Store) -> None:
    """Vitebsk–Omsk (signed 2025-06-19), Vitebsk–Haskovo (1999, a quote with markup in it),
    Cologne–Volgograd (suspended 2022), Cologne–Saint Petersburg (terminated, never established: a conflict),
    Mogilev–Tula (pending review)."""
    news = document("omsk-vitebsk.txt", "Новости. " + OMSK_QUOTE + " Конец.", "https://news.example/omsk-vitebsk")
    store.add_document(news, [said(news, OMSK, VITEBSK, Event.SIGNED, "2025-06-19", OMSK_QUOTE)], [OMSK, VITEBSK])
    listing = document("haskovo.txt", SCRIPT_QUOTE, "javascript:alert(1)")
    store.add_document(
        listing, [said(listing, HASKOVO, VITEBSK, Event.SIGNED, "1999", SCRIPT_QUOTE)], [HASKOVO, VITEBSK]
    )
    cologne_text = (
        "Кёльн и Волгоград — побратимы с 1988 года. Кёльн приостановил связи с Волгоградом в марте 2022 года. "
        "Кёльн разорвал связи с Санкт-Петербургом."
    )
    cologne = document("cologne.txt", cologne_text, "https://news.example/cologne")
    store.add_document(
        cologne,
        [
            said(cologne, COLOGNE, VOLGOGRAD, Event.SIGNED, "1988", "Кёльн и Волгоград — побратимы с 1988 года."),
            said(cologne, COLOGNE, VOLGOGRAD, Event.SUSPENDED, "2022-03", "Кёльн приостановил связи с Волгоградом"),
            said(cologne, COLOGNE, PETERSBURG, Event.TERMINATED, "2025-03", "Кёльн разорвал связи с Санкт-Петербургом"),
        ],
        [COLOGNE, VOLGOGRAD, PETERSBURG],
    )
    maybe = document("mogilev-tula.txt", "Слухи. " + PENDING_QUOTE + " Подробности позже.")
    store.add_document(
        maybe,
        [said(maybe, MOGILEV, TULA, Event.PLANNED, "2026", PENDING_QUOTE, confidence=0.3, review=Review.PENDING)],
        [MOGILEV, TULA],
    )


def settings_for(tmp_path: Path, **changes: object) -> Settings:
    return replace(
        Settings(db=f"sqlite:///{tmp_path / 'web.db'}", cache_dir=tmp_path / "cache", token=TOKEN), **changes
    )  # type: ignore[arg-type]


def _context(text: str, lang: str | None, mentions: object, index: object, published: object = None) -> DocContext:
    return DocContext(lang=lang, published=published)  # type: ignore[arg-type]


def _resolve(claims, context, index):  # type: ignore[no-untyped-def]
    def first(mention):  # type: ignore[no-untyped-def]
        known = StandInGazetteer().get(mention.matches[0].place.id) or mention.matches[0].place
        return Resolution(mention.surface, known, "stand-in", (Candidate(known, 1.0),))

    return [ResolvedClaim(c, first(c.a), first(c.b)) for c in claims]


def stand_in_extract(doc: Document) -> list[Assertion]:
    """The real claim extraction with the stand-in spotter and resolver (no gazetteer index needed)."""
    return process(
        doc,
        None,
        spotter=lambda text, lang, index: spot(text),
        context_builder=_context,  # type: ignore[arg-type]
        resolver=_resolve,
    )
