"""Which spotted names are parties, and who is paired with whom when a clause names no 'with' (own sentences)."""

from __future__ import annotations

import pytest
from extract_fakes import document, pairs, spot

from twinatlas.extract import extract_claims


def run(text: str, lang: str, published: str | None = None) -> set[tuple[str, str, str, str | None]]:
    return pairs(extract_claims(document(text, lang, published), spot(text)))


def test_a_month_next_to_its_year_is_not_a_place():
    text = "Lyon und Riga haben die Partnerschaftsurkunde erst im März 2021 unterzeichnet."
    assert run(text, "de") == {("Lyon", "Riga", "signed", "2021-03")}


def test_a_roman_numeral_is_not_a_place():
    assert run("Im Herbst findet in Riga das VII. Treffen der Partnerstädte statt.", "de") == set()


def test_a_name_that_is_the_trigger_noun_itself_is_not_a_place():
    text = "Il Patto di gemellaggio tra Lyon e Riga è stato firmato nel 2010."
    assert run(text, "it") == {("Lyon", "Riga", "signed", "2010")}


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Towns such as Leeds or Lyon have cut their ties with their twins.", "en"),
        ("Des villes comme Lyon ou Riga ont suspendu leurs jumelages.", "fr"),
        # three places in one list share a partner the sentence does not name
        ("In Dortmund, Leeds und Lyon ruhen die Kontakte zu den russischen Partnerstädten.", "de"),
    ],
)
def test_alternatives_and_one_list_of_subjects_are_no_pairs(text, lang):
    assert run(text, lang) == set()


def test_a_place_and_the_list_after_it_are_pairs():
    text = "Die Partnerstädte von Riga sind seit 1998 Lyon und Dortmund."
    assert run(text, "de") == {("Lyon", "Riga", "signed", "1998"), ("Dortmund", "Riga", "signed", "1998")}


def test_two_coordinated_subjects_are_a_pair():
    assert run("Leeds and Lyon became sister cities in 1995.", "en") == {("Leeds", "Lyon", "signed", "1995")}


def test_a_subject_right_after_its_partner_is_not_listed_with_it():
    # a plan's 'next year' is a target, not the date of an event (the gold convention: planned has no date)
    text = "Подписать соглашение о побратимстве с Брестом Омск намерен в следующем году."
    assert run(text, "ru", "2024-03-01") == {("Brest", "Omsk", "planned", None)}


def test_places_whose_partner_is_a_twin_word_are_no_pair():
    text = "In Dortmund und Riga ruhen die Kontakte zu den russischen Partnerstädten."
    assert run(text, "de") == set()


def test_two_places_that_become_partners_are_still_a_pair():
    text = "Dortmund und Riga wollen Partnerstädte werden und beginnen Gespräche zu einem Vertrag."
    assert run(text, "de") == {("Dortmund", "Riga", "planned", None)}


def test_a_negated_future_is_no_plan():
    text = "Соглашение Омска с Витебском, подписанное в 2011 году, не будет пересматриваться."
    assert run(text, "ru") == {("Omsk", "Vitebsk", "signed", "2011")}


def test_a_trigger_inside_a_quoted_title_states_nothing():
    text = "В Могилёве пройдёт конференция «Города-побратимы: опыт и планы», приедут гости из Омска и Витебска."
    assert run(text, "ru") == set()


def test_a_quoted_phrase_of_the_statement_still_counts():
    text = "Rada Krakowa wyraziła „wolę zakończenia współpracy” z Rostov."
    assert {event for _, _, event, _ in run(text, "pl")} == {"terminated"}


def test_a_later_sentence_about_this_dates_the_statement_before_it():
    text = (
        "Київ припинив дію угоди про співробітництво з Мінськом. "
        "Про це йдеться в розпорядженні Київського міського голови від 12 квітня 2022 року."
    )
    assert run(text, "uk") == {("Kyiv", "Minsk", "terminated", "2022-04-12")}


def test_this_partnership_points_back_to_a_pair_only_mentioned():
    text = "Kraków od lat współpracował z Lwowem. W marcu 2022 roku radni wypowiedzieli to partnerstwo."
    assert run(text, "pl") == {("Krakow", "Lviv", "terminated", "2022-03")}


def test_an_originally_planned_signing_is_no_plan():
    text = "Изначально планировалось, что делегация Омска приедет в Витебск для подписания договора о побратимстве."
    assert run(text, "ru") == set()


def test_then_starts_a_new_statement_with_the_same_subject():
    text = "Lyon a mis fin en mars 2022 à son jumelage avec Kazan, puis a signé en mai 2022 un accord avec Riga."
    assert run(text, "fr") == {("Kazan", "Lyon", "terminated", "2022-03"), ("Lyon", "Riga", "signed", "2022-05")}


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        (
            "LEEDS, March 3 (Reuters) - Lyon and Riga signed a twinning agreement in 1998.",
            "en",
            {("Lyon", "Riga", "signed", "1998")},
        ),
        (
            "RIGA (LETA) – Leeds and Lyon signed a twinning agreement in 1995.",
            "en",
            {("Leeds", "Lyon", "signed", "1995")},
        ),
        (
            "МИНСК (БЕЛТА) – Брест и Омск подписали соглашение о побратимстве в 2010 году.",
            "ru",
            {("Brest", "Omsk", "signed", "2010")},
        ),
        ("新华社里加3月2日电 苏州与大阪于2010年缔结友好城市关系。", "zh", {("Osaka", "Suzhou", "signed", "2010")}),
        ("中新社里加3月2日电 苏州缔结了友好城市关系。", "zh", set()),
    ],
)
def test_the_place_of_a_news_dateline_reports_and_is_no_party(text, lang, expected):
    # only who is paired: the dateline's own date is not yet kept out of the agreement's date
    assert {claim[:3] for claim in run(text, lang, "2024-03-04")} == {claim[:3] for claim in expected}


def test_a_capitalised_list_row_is_no_dateline():
    assert run("Twin towns of Riga:\nLEEDS – 1995\nLYON – 1997", "en") == {
        ("Leeds", "Riga", "signed", "1995"),
        ("Lyon", "Riga", "signed", "1997"),
    }


def test_places_listed_with_the_enumeration_comma_and_he_share_an_unnamed_partner():
    # 和 means both 'with' and 'and': after a list of places joined by 、 it joins the list's last item
    assert run("友好城市大会已分别在里加、里昂、苏州和大阪举办。", "zh") == set()
    assert run("苏州和大阪结为友好城市。", "zh") == {("Osaka", "Suzhou", "signed", None)}


def test_a_place_followed_by_its_own_with_is_not_paired_with_the_place_before():
    # the partner after 与 is a town the gazetteer does not know: the conference's host town is no partner
    assert run("在里加举行的大会上,苏州与一个外国城市签署了友好城市协议书。", "zh") == set()
