"""Agreements of companies, clubs, ministries, universities and museums name towns but twin none of them.

Example sentences written for the test; a stand-in gazetteer spots the places (tests/extract/extract_fakes.py).
"""

from __future__ import annotations

import pytest
from extract_fakes import document, pairs, spot

from twinatlas.extract import extract_claims, load_lang_data
from twinatlas.extract.orgs import is_organisation_word


def run(text: str, lang: str) -> set[tuple[str, str, str, str | None]]:
    return pairs(extract_claims(document(text, lang), spot(text)))


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # the subject is an organisation
        ("Футбольный клуб и перевозчик из Омска заключили партнёрское соглашение о поездках в Витебск.", "ru"),
        ("Музей підписав угоду про співпрацю з галереєю, і виставка з Києва поїде до Мінська.", "uk"),
        ("The two companies signed a partnership agreement for a through ticket from Leeds to Lyon.", "en"),
        ("Das Ministerium und die Stadt Dortmund haben eine Vereinbarung mit Köln unterzeichnet.", "de"),
        # the partner is an organisation, and the place says where it is based
        ("Омск подписал договор о сотрудничестве с транспортной компанией из Витебска.", "ru"),
        ("Община Плевен сключи договор за сътрудничество с фирма от Габрово.", "bg"),
        ("Dortmund hat einen Partnerschaftsvertrag mit einer Spezialfirma aus Köln geschlossen.", "de"),
        ("Leeds signed a cooperation agreement with a bus company from Lyon.", "en"),
        # the place is written into the organisation's name
        ("Kraków podpisał umowę o współpracy ze Lwowską Narodową Galerią Sztuki.", "pl"),
    ],
)
def test_an_organisations_agreement_twins_no_towns(text, lang):
    assert run(text, lang) == set()


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # councils, administrations and mayors speak for their towns: those agreements stay
        ("Администрация Омска подписала соглашение о сотрудничестве с Витебском.", "ru", ("Omsk", "Vitebsk")),
        ("Leeds council signed a partnership agreement with Lyon, a company said.", "en", ("Leeds", "Lyon")),
        # an organisation after the agreement does not undo it
        ("Омск и Витебск подписали соглашение о побратимстве, сообщил банк.", "ru", ("Omsk", "Vitebsk")),
    ],
)
def test_town_agreements_next_to_organisation_words_stay(text, lang, expected):
    assert [tuple(sorted(pair[:2])) for pair in run(text, lang)] == [tuple(sorted(expected))]


@pytest.mark.parametrize(
    ("word", "lang", "is_org"),
    [
        ("компанией", "ru", True),
        ("umweltministerium", "de", True),
        ("spezialfirma", "de", True),
        ("vereinbarung", "de", False),  # the agreement itself, not an association
        ("universities", "en", True),
        ("ооо", "ru", True),
        ("омск", "ru", False),
    ],
)
def test_organisation_words(word, lang, is_org):
    assert is_organisation_word(word, load_lang_data(lang).words("org")) is is_org
