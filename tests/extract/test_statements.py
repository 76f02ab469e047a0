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
