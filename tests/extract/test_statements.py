"""Statements inside one sentence: gapping ('A with B, C with D'), 'did the same', keeping a relation."""

from __future__ import annotations

import pytest
from extract_fakes import document, pairs, spot

from twinatlas.extract import extract_claims


def run(text: str, lang: str) -> set[tuple[str, str, str, str | None]]:
    return pairs(extract_claims(document(text, lang), spot(text)))


def test_each_subject_keeps_its_own_verb_and_partner():
    text = (
        "Leeds ended its twinning with Rostov, Riga suspended its own with Tver "
        "and Dortmund did the same with Novgorod."
    )
    assert run(text, "en") == {
        ("Leeds", "Rostov", "terminated", None),
        ("Riga", "Tver", "suspended", None),
        ("Dortmund", "Novgorod", "suspended", None),
    }


def test_an_elided_verb_is_shared_with_its_date():
    text = "In 2019 Kraków signed a partnership agreement with Lyon, Leeds with Riga."
    assert run(text, "en") == {("Krakow", "Lyon", "signed", "2019"), ("Leeds", "Riga", "signed", "2019")}


def test_a_partner_list_is_not_split():
    text = "Kraków signed partnership agreements with Lyon, Riga and Leeds."
    assert {pair[:2] for pair in run(text, "en")} == {("Krakow", "Lyon"), ("Krakow", "Riga"), ("Krakow", "Leeds")}


def test_did_the_same_takes_the_event_of_the_previous_statement():
    text = "Кельн разорвал связи с Казанью. То же самое сделал Омск в отношении своих побратимов — Бреста и Гродно."
    assert run(text, "ru") == {
        ("Cologne", "Kazan", "terminated", None),
        ("Brest", "Omsk", "terminated", None),
        ("Grodno", "Omsk", "terminated", None),
    }


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The council of Leeds decided to keep its sister city ties with Rostov despite calls to end them.", "en"),
        ("Riga rechazó la propuesta de anular su hermanamiento con Tver.", "es"),
        ("Le maire de Lyon a décidé de conserver le jumelage avec Riga.", "fr"),
    ],
)
def test_a_kept_or_surviving_relation_is_signed(text, lang):
    assert {claim[2] for claim in run(text, lang)} == {"signed"}
    assert len(run(text, lang)) == 1


def test_a_region_written_right_before_its_city_only_locates_it():
    assert run("江苏省苏州市与大阪签署了友好城市协议。", "zh") == {("Osaka", "Suzhou", "signed", None)}


def test_a_verb_after_the_last_pair_serves_every_pair():
    text = "2019年,苏州与大阪、明斯克与维捷布斯克签署了友好城市协议。"
    assert run(text, "zh") == {("Osaka", "Suzhou", "signed", "2019"), ("Minsk", "Vitebsk", "signed", "2019")}


def test_a_prose_line_with_a_dash_under_a_list_header_is_read_as_prose():
    text = (
        "Побратимени градове\n"
        "1997 година: Могильов – Габрово\n"
        "През 2009 г. Варна подписа споразумение за сътрудничество с Пинск — град близо до Брест."
    )
    assert run(text, "bg") == {("Gabrovo", "Mogilev", "signed", "1997"), ("Pinsk", "Varna", "signed", "2009")}


def test_a_region_after_a_locative_preposition_is_where_the_party_is_not_a_party():
    assert run("Місто Мінськ на Київщині припинило дію угоди з Брестом.", "uk") == {
        ("Brest", "Minsk", "terminated", None)
    }


def test_listed_partners_may_each_carry_an_adjective():
    text = "Омск подписал договоры о сотрудничестве с польским Брестом, венгерским Гродно и словацким Пинском."
    assert {pair[:2] for pair in run(text, "ru")} == {("Brest", "Omsk"), ("Grodno", "Omsk"), ("Omsk", "Pinsk")}


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Общинският съвет на Варна отказа побратимяване с Пинск.", "bg"),
        ("Совет Омска отказал в побратимстве Казани.", "ru"),
    ],
)
def test_refusing_a_twinning_is_neither_a_termination_nor_a_relation(text, lang):
    assert run(text, lang) == set()


def test_renouncing_an_existing_twinning_is_a_termination():
    assert run("Омск отказался от побратимства с Казанью.", "ru") == {("Kazan", "Omsk", "terminated", None)}


def test_a_title_line_opens_a_bullet_list_of_its_partners():
    text = "Партньори на Варна\n\n2004 г.\n– Пинск\n\n2012 г.\n– Брест (Беларус)\n\nВарна посети Плевен."
    assert run(text, "bg") == {("Pinsk", "Varna", "signed", "2004"), ("Brest", "Varna", "signed", "2012")}


def test_ending_an_agreement_named_by_its_date_also_states_its_signing():
    text = "Рада вирішила припинити дію угоди про співробітництво між Мінськом та Брестом від 3 березня 2011 року."
    assert run(text, "uk") == {("Brest", "Minsk", "terminated", None), ("Brest", "Minsk", "signed", "2011-03-03")}


def test_a_conditional_signing_is_a_plan():
    text = "El Ayuntamiento de Leeds estudia un acuerdo de cooperación con Lyon, que podría firmarse el próximo año."
    assert run(text, "es") == {("Leeds", "Lyon", "planned", None)}


def test_a_plan_fixed_to_the_day_keeps_its_date_but_a_month_is_only_a_target():
    assert run("Leeds will sign a twinning agreement with Lyon on 12 May 2031.", "en") == {
        ("Leeds", "Lyon", "planned", "2031-05-12")
    }
    assert run("Leeds will sign a twinning agreement with Lyon in May 2031.", "en") == {
        ("Leeds", "Lyon", "planned", None)
    }


def test_an_agreement_that_will_not_be_ended_continues():
    text = "Из градске управе Сомбора поручено је да споразум са Зрењанином неће бити раскинут."
    assert run(text, "sr") == {("Sombor", "Zrenjanin", "signed", None)}


def test_a_bare_header_lists_the_partners_of_the_page_topic_and_a_former_header_ends_them():
    text = (
        "Омск – международные связи\n\nОмск поддерживает связи со многими городами.\n\nГорода-побратимы\n"
        "Витебск (Беларусь) – с 1999 г.\nКазань, Россия (2004)\n\nПрекращённые связи\nKöln (Германия)\n"
        "Омск посетил Брест."
    )
    assert run(text, "ru") == {
        ("Omsk", "Vitebsk", "signed", "1999"),
        ("Kazan", "Omsk", "signed", "2004"),
        ("Cologne", "Omsk", "terminated", None),
    }


def test_year_headers_on_lines_of_their_own_date_the_rows_led_by_a_place():
    text = "Partnerstädte von Dortmund\n\n1960\nLeeds (England)\nEin Austausch von Schulen.\n\n1988\nRostov (Russland)"
    assert run(text, "de") == {("Dortmund", "Leeds", "signed", "1960"), ("Dortmund", "Rostov", "signed", "1988")}


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "The mayor of Leeds welcomed guests from Tver. The two cities signed a partnership in 2001.", "2001"),
        ("ru", "Мэр Омска принял гостей из Бреста. Два города подписали соглашение в 2003 году.", "2003"),
        ("pl", "Prezydent Krakowa przyjął delegację z Tveru. Oba miasta są partnerami od 1993 roku.", "1993"),
        ("de", "Dortmunds Bürgermeister empfing Gäste aus Riga. Beide Städte sind seit 1992 Partnerstädte.", "1992"),
    ],
)
def test_the_two_cities_are_the_two_places_the_sentence_before_named(lang, text, expected):
    (found,) = run(text, lang)
    assert found[3] == expected and found[2] == "signed"


def test_the_two_cities_need_exactly_two_places_in_the_sentence_before():
    text = "Guests from Leeds, Tver and Riga met. The two cities signed a partnership in 2001."
    assert run(text, "en") == set()


def test_a_date_written_right_after_a_partner_is_that_partners_own():
    text = "Leeds has been twinned with Lyon since 1955 and with Dortmund since 1964."
    assert run(text, "en") == {("Leeds", "Lyon", "signed", "1955"), ("Dortmund", "Leeds", "signed", "1964")}
    text = "Городами-побратимами Бреста являются Омск (1997), Казань (2003) и Пинск (2010)."
    assert run(text, "ru") == {
        ("Brest", "Omsk", "signed", "1997"),
        ("Brest", "Kazan", "signed", "2003"),
        ("Brest", "Pinsk", "signed", "2010"),
    }


def test_one_date_for_several_partners_dates_them_all():
    text = "In 2003 Leeds signed agreements with Lyon and Dortmund."
    assert run(text, "en") == {("Leeds", "Lyon", "signed", "2003"), ("Dortmund", "Leeds", "signed", "2003")}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Riga City Council will sign a sister city agreement between Leeds and the French city of Lyon."),
        ("ru", "Администрация Риги подготовила соглашение о побратимстве между Омском и Витебском."),
        ("de", "Der Rat von Riga unterstützt die Partnerschaft zwischen Dortmund und Leeds."),
    ],
)
def test_between_a_and_b_pairs_a_and_b_whoever_else_the_clause_names(lang, text):
    found = run(text, lang)
    assert {(a, b) for a, b, _, _ in found} == {
        {"en": ("Leeds", "Lyon"), "ru": ("Omsk", "Vitebsk"), "de": ("Dortmund", "Leeds")}[lang]
    }


def test_a_signing_date_beside_the_partner_is_not_the_endings_own():
    text = "Le conseil de Lyon a suspendu lundi le jumelage avec Tver, conclu en 1959."
    found = pairs(extract_claims(document(text, "fr", "2022-03-09"), spot(text)))
    assert found == {("Lyon", "Tver", "signed", "1959"), ("Lyon", "Tver", "suspended", "2022-03-07")}


def test_since_a_year_beside_another_date_in_an_ending_is_the_start():
    text = "In Dortmund beschloss der Rat am Montag, die seit 1992 bestehende Partnerschaft mit Rostov auszusetzen."
    found = pairs(extract_claims(document(text, "de", "2022-03-09"), spot(text)))
    assert found == {("Dortmund", "Rostov", "signed", "1992"), ("Dortmund", "Rostov", "suspended", "2022-03-07")}
    alone = "Die Partnerschaft zwischen Dortmund und Rostov ruht seit März 2022."
    assert pairs(extract_claims(document(alone, "de", "2022-06-01"), spot(alone))) == {
        ("Dortmund", "Rostov", "suspended", "2022-03")
    }


def test_between_a_list_of_places_pairs_nobody():
    text = "The festival signed a partnership with the railway: extra trains ran between Leeds, Riga and Lyon."
    assert run(text, "en") == set()


def test_a_place_after_with_in_a_clause_without_an_event_becomes_nobodys_subject():
    text = (
        "Kraków rozwija współpracę. Od 1997 r. gmina współpracuje z Tverem, "
        "a przed dwoma laty umowę o partnerstwie podpisała z Rostovem."
    )
    found = {(a, b) for a, b, _, _ in run(text, "pl")}
    assert ("Rostov", "Tver") not in found
    assert ("Krakow", "Rostov") in found
