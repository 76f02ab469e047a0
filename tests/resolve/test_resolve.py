"""Resolution on examples written for these tests: homonyms, levels, inflection, scripts, and bad input."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from twinatlas.gazetteer.spot import spot_mentions
from twinatlas.models import Claim, Event, Kind, Level
from twinatlas.resolve import build_context, resolve_claims, resolve_name

pytestmark = pytest.mark.slow


def _choice(resolution):
    assert resolution.choice is not None, resolution.reason
    return resolution.choice


def test_vileyka_in_a_belarusian_context_is_the_belarusian_town(gazetteer):
    text = "Беларус и България: Вилейка – Етрополе."
    mentions = spot_mentions(text, "bg", gazetteer)
    context = build_context(text, "bg", mentions, gazetteer)
    place = _choice(resolve_name("Вилейка", gazetteer, "bg", context=context))
    assert (place.country, place.level) == ("BY", Level.CITY)


def test_novi_pazar_is_the_bulgarian_municipality_when_named_as_one(gazetteer):
    place = _choice(resolve_name("община Нови Пазар", gazetteer, "bg"))
    assert (place.country, place.level) == ("BG", Level.MUNICIPALITY)


def test_novi_pazar_is_the_serbian_city_in_a_serbian_text(gazetteer):
    text = "Градоначелник Новог Пазара у Србији потписао је споразум. Нови Пазар је град у Србији."
    mentions = spot_mentions(text, "sr", gazetteer)
    context = build_context(text, "sr", mentions, gazetteer)
    place = _choice(resolve_name("Нови Пазар", gazetteer, "sr", context=context))
    assert (place.country, place.level) == ("RS", Level.CITY)


@pytest.mark.parametrize(
    ("name", "lang", "country", "level"),
    [
        ("Минска област", "bg", "BY", Level.REGION),
        ("Брестски район", "bg", "BY", Level.DISTRICT),
        ("Gomel", "en", "BY", Level.CITY),
        ("Krakowem", "pl", "PL", Level.CITY),
        ("Кёльном", "ru", "DE", Level.CITY),
    ],
)
def test_names_resolve_to_the_right_level(gazetteer, name, lang, country, level):
    place = _choice(resolve_name(name, gazetteer, lang))
    assert (place.country, place.level) == (country, level)


def test_region_carries_its_iso_code(gazetteer):
    assert _choice(resolve_name("Минская область", gazetteer, "ru")).iso3166_2 == "BY-MI"


def test_rural_council_unknown_to_the_gazetteer_is_kept_unresolved_in_the_other_country(gazetteer):
    text = "Беларус – България. 2019: Снежински селски изпълнителен комитет – община Опан."
    mentions = spot_mentions(text, "bg", gazetteer)
    council = next(m for m in mentions if "селски" in m.surface)
    opan = next(m for m in mentions if "Опан" in m.surface)
    context = build_context(text, "bg", mentions, gazetteer)
    claim = Claim(council, opan, Event.SIGNED, Kind.TWINNING, None, text, 0, len(text), 0.9)
    resolved = resolve_claims([claim], context, gazetteer)[0]
    assert resolved.a.choice is not None and not resolved.a.choice.resolved
    assert (resolved.a.choice.country, resolved.a.choice.level) == ("BY", Level.COMMUNITY)
    assert resolved.b.choice is not None and resolved.b.choice.country == "BG"


def test_unknown_name_abstains_with_a_reason(gazetteer):
    resolution = resolve_name("Qxzvbnmtrk", gazetteer, "en")
    assert resolution.choice is None and resolution.reason.startswith("abstained")


@settings(max_examples=60, deadline=None)
@given(
    st.one_of(st.text(max_size=40), st.binary(max_size=40).map(lambda b: b.decode("latin-1")), st.just("A" * 10_000))
)
def test_any_input_gives_a_resolution_never_an_exception(gazetteer, name):
    resolution = resolve_name(name, gazetteer, "ru")
    assert resolution.choice is None or resolution.choice.name
    assert resolution.reason


def test_a_town_in_the_instrumental_is_the_town_even_beside_a_district(gazetteer):
    from twinatlas.models import Claim, DocContext, Event, Kind, Mention
    from twinatlas.resolve import resolve_claims

    text = "Совет Кобринского района прекратил сотрудничество с белорусским Слонимом."
    district = Mention(6, 25, "Кобринского района", tuple(gazetteer.lookup("Кобринского района", "ru")))
    town = Mention(64, 72, "Слонимом", tuple(gazetteer.lookup("Слонимом", "ru")), country_hint="BY")
    assert text[town.start : town.end] == "Слонимом"
    claim = Claim(district, town, Event.TERMINATED, Kind.TWINNING, None, text, 0, len(text), 1.0)
    resolved = resolve_claims([claim], DocContext(lang="ru", countries=("BY",)), gazetteer)[0]
    assert resolved.b.choice is not None and resolved.b.choice.level.value == "city"
