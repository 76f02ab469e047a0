"""List items: the date after an item's brackets, a status note on an item, the owner of 'X's sister cities'."""

from __future__ import annotations

from extract_fakes import document, pairs, spot

from twinatlas.extract import extract_claims


def extract(text: str, lang: str = "en"):  # type: ignore[no-untyped-def]
    return pairs(extract_claims(document(text, lang), spot(text)))


def test_an_items_date_may_follow_its_brackets_after_a_dash_or_a_comma():
    text = "Partner cities of Leeds:\n\n• Lyon (France) — since 1972\n• Dortmund (Germany), since 1969\n"
    assert extract(text) == {("Leeds", "Lyon", "signed", "1972"), ("Dortmund", "Leeds", "signed", "1969")}


def test_a_status_note_on_a_bulleted_item_is_a_second_event_of_that_pair():
    text = (
        "Partnerstädte von Dortmund:\n"
        "- Leeds (Vereinigtes Königreich, 1969)\n"
        "- Rostov (Russland, 1977); Partnerschaft ruht seit März 2022\n"
    )
    assert extract(text, "de") == {
        ("Dortmund", "Leeds", "signed", "1969"),
        ("Dortmund", "Rostov", "signed", "1977"),
        ("Dortmund", "Rostov", "suspended", "2022-03"),
    }


def test_the_owner_of_sister_cities_is_the_subject_of_a_list_without_a_named_header():
    text = (
        "Twinning\n\nLeeds's sister city programme brings schools together.\n\n"
        "Our sister cities:\n- Lyon, France (1964)\n- Riga, Latvia (1992)\n"
    )
    assert extract(text) == {("Leeds", "Lyon", "signed", "1964"), ("Leeds", "Riga", "signed", "1992")}


def test_a_subject_in_a_later_clause_is_not_the_subject_of_a_fronted_partner():
    text = (
        "Krakow sister cities\n\nKrakow welcomes visitors from many countries. "
        "A twinning agreement with Lyon is expected to be signed next year, after a delegation from Riga "
        "visited the city in spring."
    )
    assert extract(text) == {("Krakow", "Lyon", "planned", None)}


def test_the_owner_named_in_a_list_header_is_the_topic_even_when_a_partner_is_named_more_often():
    text = (
        "Partnerships\n\nPartner cities of Leeds: Lyon (France, 1964), Dortmund (Germany, 1969).\n\n"
        "The partnership with Lyon was renewed in 2014. Lyon hosts a Leeds week."
    )
    found = extract(text)
    assert ("Leeds", "Lyon", "signed", "1964") in found and ("Dortmund", "Leeds", "signed", "1969") in found
    assert all("Leeds" in pair[:2] for pair in found)


def test_a_sentence_after_a_list_takes_the_lists_owner_as_its_subject():
    text = (
        "In Riga fand ein Treffen statt.\n\nPartnerstädte von Dortmund: Leeds (1969), Rostov (1977).\n\n"
        "Die Partnerschaft mit Rostov ruht seit 2022."
    )
    assert ("Dortmund", "Rostov", "suspended", "2022") in extract(text, "de")


def test_a_heading_that_opens_with_a_trigger_phrase_is_no_place_even_when_the_gazetteer_knows_the_name():
    text = (
        "Dortmund ima mnogo prijatelja.\n\n"
        "Bratski gradovi Dortmunda:\n• Leeds (Engleska), od 1969.\n• Lyon (Francuska), od 1972.\n"
    )
    assert extract(text, "sr") == {("Dortmund", "Leeds", "signed", "1969"), ("Dortmund", "Lyon", "signed", "1972")}


def test_a_note_after_a_dash_row_is_its_own_event_and_takes_its_date():
    text = "Twinning links:\n1993: Leeds – Lyon (France)\nDortmund – Rostov (Russia): link discontinued in 2015\n"
    found = extract(text)
    assert ("Dortmund", "Rostov", "terminated", "2015") in found
    assert not any(pair[:3] == ("Dortmund", "Rostov", "signed") and pair[3] == "2015" for pair in found)


def test_the_rows_of_a_table_under_a_title_are_the_titles_partners_with_their_notes():
    text = (
        "Sister cities of Leeds\n\n"
        "City | Country | Year of the agreement | Note\n"
        "Lyon | France | 1995 | twinning agreement\n"
        "Riga | Latvia | 2001 |\n"
        "Rostov | Russia | 1999 | cooperation suspended in 2022\n"
    )
    assert extract(text) == {
        ("Leeds", "Lyon", "signed", "1995"),
        ("Leeds", "Riga", "signed", "2001"),
        ("Leeds", "Rostov", "signed", "1999"),
        ("Leeds", "Rostov", "suspended", "2022"),
    }


def test_lines_of_dialogue_under_a_title_are_no_list_items():
    text = (
        "Sister cities of Leeds — the mayor on old partners and new plans\n\n"
        "— How many partners does the city have?\n"
        "— Six. Last month a delegation from Lyon visited us, and guests from Riga came too.\n"
    )
    assert extract(text) == set()


def test_a_heading_of_another_section_closes_the_list_above_it():
    text = (
        "Sister cities of Leeds\n\n"
        "• Lyon (France), since 1972\n\n"
        "Business round-up\n\n"
        "• A Dortmund valve maker won a contract.\n"
    )
    assert extract(text) == {("Leeds", "Lyon", "signed", "1972")}


def test_a_heading_of_ended_ties_and_a_rule_of_dashes_keep_the_list_open():
    text = (
        "Sister cities of Leeds\n\n"
        "• Lyon (France), since 1972\n"
        "━━━━━━━━━━━━\n"
        "Former partners\n"
        "• Rostov (Russia), ended in 2022\n"
    )
    found = extract(text)
    assert ("Leeds", "Lyon", "signed", "1972") in found
    assert any(pair[:3] == ("Leeds", "Rostov", "terminated") for pair in found)


def test_a_block_per_partner_takes_its_date_from_the_agreement_line_below_the_heading():
    description = "The exchange of pupils and choirs has grown every year, " * 8
    text = (
        "Partner cities of Leeds\n\n"
        "Lyon (France)\n"
        "Population: about half a million\n"
        "Twinning agreement: signed on 12 May 1998\n"
        f"{description}\n\n"
        "Riga (Latvia)\n"
        "Cooperation agreement: 2004\n"
    )
    assert extract(text) == {("Leeds", "Lyon", "signed", "1998-05-12"), ("Leeds", "Riga", "signed", "2004")}


def test_the_sole_place_of_the_first_line_about_partnerships_is_the_page_topic():
    text = (
        "Partner towns\n\n"
        "Leeds keeps partnerships with towns in Latvia and Poland.\n\n"
        "Town | Country | Year\n"
        "Lyon | France | 1995\n"
        "Riga | Latvia | 2001\n\n"
        "Riga hosted a fair in May. Riga also hosted a concert. Choirs from Riga sang.\n"
    )
    assert extract(text) == {("Leeds", "Lyon", "signed", "1995"), ("Leeds", "Riga", "signed", "2001")}
