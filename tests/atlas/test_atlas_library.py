"""The library API (`Atlas`) on its own: coverage over gazetteer-selected places with planned relations,
regional centres derived from the gazetteer, and cheap document citations."""

from __future__ import annotations

import pytest

from twinatlas.atlas import Atlas
from twinatlas.config import Settings
from twinatlas.models import Assertion, Document, Event, Kind, PartialDate, Place
from twinatlas.store import open_store

SHA_PLAN, SHA_SIGN = "a" * 64, "b" * 64


def assertion(doc: str, a: Place, b: Place, event: Event, date: PartialDate) -> Assertion:
    quote = f"{a.name} and {b.name}: {event.value}"
    return Assertion(doc, a, b, a.name, b.name, event, Kind.TWINNING, date, quote, 0, len(quote), 0.9)


@pytest.fixture
def atlas(tmp_path, gazetteer):
    atlas = Atlas(Settings(db=f"sqlite:///{tmp_path / 'registry.db'}"), gazetteer=gazetteer)
    yield atlas
    atlas.close()


def test_belarus_regional_centres_are_its_six_oblast_seats(atlas):
    names = [p.geonames_id for p in atlas.regional_centres("by")]
    assert sorted(names) == sorted([625144, 629634, 627904, 627907, 625665, 620127])


def test_cities_over_a_population_are_the_countrys_largest_first(atlas):
    cities = atlas.cities_over("RU", 1_000_000)
    assert cities[0].name == "Moscow" and all((c.population or 0) >= 1_000_000 for c in cities)
    assert "Omsk" in {c.name for c in cities} and {c.country for c in cities} == {"RU"}


def test_coverage_over_selected_places_shows_planned_agreements_among_the_missing(atlas):
    omsk = atlas.cities_over("RU", 1_000_000)
    centres = atlas.regional_centres("BY")
    by_name = {p.name: p for p in [*omsk, *centres]}
    planned = [
        assertion(SHA_PLAN, by_name["Omsk"], by_name[n], Event.PLANNED, PartialDate(2025, 6))
        for n in ("Brest", "Hrodna")
    ]
    signed = [assertion(SHA_SIGN, by_name["Omsk"], by_name["Vitebsk"], Event.SIGNED, PartialDate(2025, 6, 19))]
    atlas.store.add_document(Document("plans", SHA_PLAN, "plans.txt"), planned)
    atlas.store.add_document(Document("signing", SHA_SIGN, "signing.txt"), signed)

    result = atlas.coverage(omsk, centres)

    first = result.rows[0]
    assert first.place.name == "Omsk" and not first.complete
    assert [t.name for t, _ in first.covered] == ["Vitebsk"]
    assert sorted(t.name for t, _ in first.planned) == ["Brest", "Hrodna"]
    assert {t.name for t in first.missing} == {"Brest", "Hrodna", "Homyel'", "Mahilyow", "Minsk"}
    as_json = first.to_json()
    assert [p["status"] for p in as_json["planned"]] == ["planned", "planned"]
    assert as_json["planned"][0]["sources"][0]["doc"] == "plans.txt"


def test_views_cite_documents_without_reading_their_texts(atlas):
    with open_store(atlas.settings.db) as store:
        store.add_document(Document("a long text " * 1000, SHA_SIGN, "long.txt", url="https://example.org/x"), [])
        info = store.document_infos({SHA_SIGN, "c" * 64})
    assert list(info) == [SHA_SIGN]
    assert (info[SHA_SIGN].name, info[SHA_SIGN].url, info[SHA_SIGN].text) == ("long.txt", "https://example.org/x", "")
