"""Extraction rules, each on example sentences written for the test (a stand-in gazetteer spots the places)."""

from __future__ import annotations

import pytest
from extract_fakes import document, pairs, spot

from twinatlas.extract import extract_claims
from twinatlas.models import Kind


def run(text: str, lang: str, published: str | None = None) -> set[tuple[str, str, str, str | None]]:
    return pairs(extract_claims(document(text, lang, published), spot(text)))


def test_coordination_with_a_full_date():
    assert run("5 мая 2021 года Омск и Витебск стали городами-побратимами.", "ru") == {
        ("Omsk", "Vitebsk", "signed", "2021-05-05")
    }


def test_several_partners_after_with_share_the_subject():
    found = run("Leeds signed partnership agreements with Lyon, Dortmund and Rostov in 2019.", "en")
    assert found == {
        ("Leeds", "Lyon", "signed", "2019"),
        ("Dortmund", "Leeds", "signed", "2019"),
        ("Leeds", "Rostov", "signed", "2019"),
    }


def test_planned_partners_take_the_subject_from_the_previous_sentence():
    text = "Делегация Казани прибыла в Минск. Планируется, что соглашения о побратимстве будут подписаны с Брестом."
    assert run(text, "ru") == {("Brest", "Kazan", "planned", None)}


def test_termination_does_not_leak_into_the_next_clause():
    text = "Кельн разорвал договор с Казанью, но Омск и Витебск подписали соглашение о сотрудничестве."
    assert run(text, "ru") == {("Cologne", "Kazan", "terminated", None), ("Omsk", "Vitebsk", "signed", None)}


def test_a_date_of_another_clause_is_not_borrowed():
    text = "В 2015 году Кельн разорвал договор с Казанью; Омск и Витебск стали побратимами."
    assert ("Omsk", "Vitebsk", "signed", None) in run(text, "ru")


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Омск не подписал соглашение о побратимстве с Казанью.", "ru"),
        ("The council of Leeds refused to sign a twinning agreement with Tver.", "en"),
        ("Dortmund ist nicht mit Riga verschwistert.", "de"),
    ],
)
def test_negation_and_refusal_state_no_relation(text, lang):
    assert run(text, lang) == set()


def test_a_negated_termination_keeps_the_relation():
    assert run("Leeds will not revoke its sister city ties with Rostov.", "en") == {("Leeds", "Rostov", "signed", None)}


def test_country_level_statements_yield_no_pair():
    text = "Латвийские города разорвали связи с российскими партнерами, Латвия прекратила сотрудничество."
    assert run(text, "ru") == set()


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Kraków zerwał współpracę z Rostov w marcu 2022 roku.", "pl", ("Krakow", "Rostov", "terminated", "2022-03")),
        ("Київ розірвав угоду про побратимство з Мінськом у лютому.", "uk", ("Kyiv", "Minsk", "terminated", "2022-02")),
        (
            "Dortmund hat die Partnerschaft mit Rostov im März ausgesetzt.",
            "de",
            ("Dortmund", "Rostov", "suspended", "2022-03"),
        ),
        ("Lyon a suspendu son jumelage avec Novgorod.", "fr", ("Lyon", "Novgorod", "suspended", None)),
        ("苏州与大阪于2024年11月19日缔结友好城市关系。", "zh", ("Osaka", "Suzhou", "signed", "2024-11-19")),
    ],
)
def test_events_and_dates_across_languages(text, lang, expected):
    assert run(text, lang, "2022-05-21") == {expected}


def test_list_header_year_applies_to_every_pair_on_its_line():
    text = "Побратимени градове\n\n1997 година: Могильов – Габрово, Брест — Плевен\n1999 година: Пинск ‒ Варна\n"
    assert run(text, "bg") == {
        ("Gabrovo", "Mogilev", "signed", "1997"),
        ("Brest", "Pleven", "signed", "1997"),
        ("Pinsk", "Varna", "signed", "1999"),
    }


def test_partner_list_after_a_colon_with_item_years():
    text = "Partner cities of Leeds: Lyon (1995), Dortmund (Germany, 2003)\n"
    assert run(text, "en") == {("Leeds", "Lyon", "signed", "1995"), ("Dortmund", "Leeds", "signed", "2003")}


def test_list_quote_runs_from_the_header_to_the_item():
    text = "Twin towns\n1997: Lyon – Riga, Leeds – Tver\n"
    claims = extract_claims(document(text, "en"), spot(text))
    last = max(claims, key=lambda claim: claim.end)
    assert last.quote == "1997: Lyon – Riga, Leeds – Tver"
    assert text[last.start : last.end] == last.quote


def test_kind_comes_from_the_trigger_words():
    text = "Riga and Lyon signed a cooperation agreement. Leeds and Tver became sister cities."
    kinds = {claim.b.surface: claim.kind for claim in extract_claims(document(text, "en"), spot(text))}
    assert kinds == {"Lyon": Kind.COOPERATION, "Tver": Kind.TWINNING}


def test_text_without_triggers_yields_nothing_even_with_places():
    assert run("Omsk, Vitebsk and Brest hosted a football tournament.", "en") == set()


def test_bullet_separated_items_after_a_year():
    text = "Twin towns\n2022 • Leeds – Riga • Lyon – Tver\n"
    assert run(text, "en") == {("Leeds", "Riga", "signed", "2022"), ("Lyon", "Tver", "signed", "2022")}


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Dortmund will im Frühjahr eine Partnerschaft mit Riga unterzeichnen.", "de"),
        ("Lyon signera une charte de jumelage avec Riga.", "fr"),
        ("Київ готується підписати угоду про побратимство з Мінськом.", "uk"),
    ],
)
def test_intentions_are_planned(text, lang):
    assert {event for _, _, event, _ in run(text, lang)} == {"planned"}


def test_the_partnership_opening_the_next_sentence_means_the_pair_just_named():
    text = (
        "Der Rat von Dortmund hat beschlossen, die Partnerschaft mit Rostov ruhen zu lassen. "
        "Die Partnerschaft besteht seit 1977."
    )
    claims = extract_claims(document(text, "de"), spot(text))
    assert pairs(claims) == {("Dortmund", "Rostov", "suspended", None), ("Dortmund", "Rostov", "signed", "1977")}


def test_a_name_glued_into_an_abbreviation_is_no_party():
    # 'Inf.Div.', 'Pz.Gren.': a word touching a period and a letter is a piece of an abbreviation
    text = "Der Stab der Pz.Riga.Div. und Leeds unterzeichneten eine Partnerschaft."
    assert run(text, "de") == set()
    assert run("Der Stab in Riga und Leeds unterzeichneten eine Partnerschaft.", "de") != set()


def test_a_name_after_a_persons_title_is_a_person_not_a_party():
    # 'Dr. Anna Riga': a title and capitalised given names before a word make it a surname
    text = "Der Brief von Botschafter Dr. Anna Riga wirbt für eine Städtepartnerschaft mit Dortmund."
    assert run(text, "de") == set()
    assert run("Mrs Riga signed a sister city agreement with Leeds.", "en") == set()
    # a lowercase word between the title and the town parts them: the town is a party again
    assert run("Dr. Berg aus Riga unterzeichnete eine Städtepartnerschaft mit Dortmund.", "de") == {
        ("Dortmund", "Riga", "signed", None)
    }


def test_a_name_after_a_regions_preposition_or_alone_in_brackets_only_locates_the_town_before_it():
    # French 'en' takes regions and countries, never towns: 'Floride' is where Leeds lies, not a partner
    text = "Le maire de Leeds, en Floride, a décidé de conserver son jumelage avec Dortmund."
    assert run(text, "fr") == {("Dortmund", "Leeds", "signed", None)}
    text = "The mayor of Leeds (Floride) said the sister city agreement with Dortmund stays."
    assert ("Dortmund", "Leeds", "signed", None) in run(text, "en")
    assert all("Florida" not in found for found in run(text, "en"))


def test_a_newsroom_named_after_its_town_is_no_party():
    # an acronym, then the town, then a verb of writing: the local newsroom of a media outlet
    assert run("Ранее ТВК Омск писал о разрыве побратимства с Брестом.", "ru") == set()
    assert run("Ранее в Омске писали, что Омск разорвал соглашение о побратимстве с Брестом.", "ru") == {
        ("Brest", "Omsk", "terminated", None)
    }


def test_a_council_resolution_to_establish_a_partnership_or_an_aim_is_a_plan():
    text = "Zastupitelstvo města Leeds přijalo usnesení o navázání partnerských vztahů s městem Lyon."
    assert run(text, "cs") == {("Leeds", "Lyon", "planned", None)}
    text = "Smlouva o partnerství si klade za cíl rozvíjet spolupráci měst Leeds a Lyon."
    assert run(text, "cs") == {("Leeds", "Lyon", "planned", None)}


def test_the_signing_date_inside_a_termination_dates_the_signing_not_the_end():
    found = run("В марте 2022 года Омск расторг подписанное в 1999 году соглашение с Витебском.", "ru")
    assert ("Omsk", "Vitebsk", "terminated", "2022-03") in found
    assert ("Omsk", "Vitebsk", "signed", "1999") in found


def test_an_ending_after_until_is_only_the_condition_of_a_suspension():
    found = run("Омск заморозил сотрудничество с Витебском до прекращения боевых действий.", "ru")
    assert found == {("Omsk", "Vitebsk", "suspended", None)}


def test_considering_the_same_is_no_event():
    found = run("Омск заморозил побратимство с Казанью, а Брест рассматривает то же самое.", "ru")
    assert found == {("Kazan", "Omsk", "suspended", None)}


def test_with_opens_a_list_after_a_dash():
    found = run(
        "After a visit to Riga, Leeds signed partnership agreements with its friends on the continent – Lyon, Dortmund "
        "and Rostov.",
        "en",
    )
    assert {pair[:3] for pair in found} == {
        ("Leeds", "Lyon", "signed"),
        ("Dortmund", "Leeds", "signed"),
        ("Leeds", "Rostov", "signed"),
    }


def test_a_dash_stands_for_the_verb_of_the_clause_before():
    found = run("Брест планирует подписать соглашение о партнёрстве с Казанью, а Гродно – с Витебском.", "ru")
    assert {pair[:3] for pair in found} == {("Brest", "Kazan", "planned"), ("Grodno", "Vitebsk", "planned")}


def test_a_days_dot_before_a_month_ends_no_sentence():
    from twinatlas.extract import load_lang_data
    from twinatlas.extract.text import Span, sentences

    text = "Am Dienstag, dem 12. März, wurde unterzeichnet. Das Jahr 2019. Danach kam Riga."
    data = load_lang_data("de")
    found = [text[s.start : s.end].strip() for s in sentences(text, Span(0, len(text)), month_of=data.month_of)]
    assert found == ["Am Dienstag, dem 12. März, wurde unterzeichnet.", "Das Jahr 2019.", "Danach kam Riga."]
