"""The domain model: partial dates, place ids, the extract output contract."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from twinatlas.errors import InvalidInput
from twinatlas.models import Assertion, Event, Kind, Level, PartialDate, Place, unresolved_place


def test_partial_date_parses_each_precision():
    assert PartialDate.parse("2025").precision == "year"
    assert PartialDate.parse("2025-06").precision == "month"
    assert PartialDate.parse("2025-06-19") == PartialDate(2025, 6, 19)
    assert PartialDate.parse("2025-6-9").iso() == "2025-06-09"


@pytest.mark.parametrize("bad", ["", "June 2025", "2025-13", "2025-02-30", "20251", "0000", "2025-06-19T10:00"])
def test_partial_date_rejects_malformed_text_naming_it(bad):
    with pytest.raises(InvalidInput, match="not|out of range"):
        PartialDate.parse(bad)


def test_partial_date_orders_less_precise_first():
    dates = [PartialDate(2025, 2), PartialDate(2025, 1, 1), PartialDate(2025), PartialDate(2024, 12, 31)]
    assert [d.iso() for d in sorted(dates)] == ["2024-12-31", "2025", "2025-01-01", "2025-02"]


def test_partial_date_contains():
    assert PartialDate(2025).contains(PartialDate(2025, 3, 1))
    assert not PartialDate(2025, 4).contains(PartialDate(2025, 3, 1))


@given(st.dates())
def test_partial_date_iso_round_trips(day):
    for value in (PartialDate(day.year), PartialDate(day.year, day.month), PartialDate.from_date(day)):
        assert PartialDate.parse(value.iso()) == value


def test_unresolved_place_keeps_text_and_gets_stable_id():
    place = unresolved_place("Знаменски селсъвет", "BY", Level.COMMUNITY)
    assert place.id == "BY:community:знаменски-селсъвет"
    assert place.resolved is False
    assert unresolved_place("Знаменски селсъвет", "BY", Level.COMMUNITY) == place


def test_assertion_json_follows_the_extract_contract():
    omsk = Place("gn:1496153", "Omsk", "RU", Level.CITY, geonames_id=1496153)
    vitebsk = Place("gn:620127", "Vitebsk", "BY", Level.CITY, geonames_id=620127)
    row = Assertion(
        "abc",
        omsk,
        vitebsk,
        "Омск",
        "Витебск",
        Event.SIGNED,
        Kind.TWINNING,
        PartialDate(2025, 6, 19),
        "Омск и Витебск ...",
        0,
        20,
        0.9431,
        doc_name="x.txt",
    ).to_json()
    assert row["doc"] == "x.txt"
    assert row["a"] == {
        "id": "gn:1496153",
        "name": "Omsk",
        "country": "RU",
        "level": "city",
        "geonames_id": 1496153,
        "iso3166_2": None,
        "wikidata": None,
        "text": "Омск",
    }
    assert (row["event"], row["date"], row["kind"], row["confidence"]) == ("signed", "2025-06-19", "twinning", 0.943)
