"""A country or region written right after a place says where it is, with the real gazetteer."""

from __future__ import annotations

from twinatlas.ingest.readers import read_text
from twinatlas.pipeline import process


def _partners(text: str, lang: str, gazetteer) -> dict[str, str | None]:
    doc = read_text(text, name="t.txt", lang=lang)
    return {a.b.name: a.b.country for a in process(doc, gazetteer)} | {
        a.a.name: a.a.country for a in process(doc, gazetteer)
    }


def test_a_country_or_region_after_a_town_picks_that_towns_namesake(gazetteer):
    found = _partners("Leeds has been twinned with Orléans in France and with Alexandria in Virginia.", "en", gazetteer)
    assert found.get("Orléans") == "FR"
    assert found.get("Alexandria") == "US"


def test_a_bracketed_country_in_a_list_row(gazetteer):
    text = "Miasta partnerskie Torunia\nCzerkasy (Ukraina) – od 1995\nKaliningrad (Rosja) – od 1991\n"
    found = _partners(text, "pl", gazetteer)
    assert found.get("Cherkasy") == "UA"


def test_a_region_named_with_its_level_word_right_after_a_town_only_locates_it(gazetteer):
    text = "Гомель расце. Летась мы падпісалі пагадненне аб пабрацімстве з Выксай Ніжагародскай вобласці."
    doc = read_text(text, name="t.txt", lang="be")
    assert {(a.a.name, a.b.name) for a in process(doc, gazetteer)} == {("Homyel'", "Vyksa")}


def test_a_country_of_two_words_is_a_country_not_a_place(gazetteer):
    from twinatlas.gazetteer.spot import spot_mentions

    mentions = spot_mentions("Битоля (Северна Македония)", "bg", gazetteer)
    assert [(m.surface, m.country_hint) for m in mentions][-1] == ("Северна Македония", "MK")
