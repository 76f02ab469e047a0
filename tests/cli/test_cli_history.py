"""Review, history and changes through the CLI, on small texts written for these tests: a Russian report of
a signing, a later English report of the same pair's suspension, and an unrelated Russian signing."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_run import Twinatlas

TEXTS = {
    "ru-tula-tampere.txt": (
        "Тула и Тампере стали городами-побратимами\n\nОпубликовано: 15 июня 1991\n\n"
        "14 июня 1991 года Тула и Тампере подписали соглашение о побратимстве. "
        "Первые обмены школьников намечены на осень.\n"
    ),
    "en-tampere-suspends.txt": (
        "Council suspends twinning with Russian city\n\nPublished: 4 March 2022\n\n"
        "The city council of Tampere voted on 3 March 2022 to suspend its twinning agreement with Tula until "
        "further notice.\n"
    ),
    "ru-mogilev-tula.txt": (
        "Могилёв и Тула подписали соглашение о побратимстве\n\n"
        "12 мая 2016 года в Туле мэр города и председатель Могилёвского горисполкома подписали соглашение об "
        "установлении побратимских связей между Могилёвом и Тулой.\n"
    ),
}


def write_texts(folder: Path) -> Path:
    folder.mkdir()
    for name, text in TEXTS.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def registry(gazetteer, tmp_path_factory):
    tmp = tmp_path_factory.mktemp("history")
    cli = Twinatlas(tmp / "registry.db", gazetteer)
    cli.run("ingest", str(write_texts(tmp / "texts")))
    return cli


def test_pair_history_joins_the_signing_and_the_later_suspension(registry):
    pair = registry.json("pair", "Тампере", "tula")
    assert {pair["a"]["name"], pair["b"]["name"]} == {"Tampere", "Tula"}
    assert pair["status"] == "suspended" and pair["start"] == "1991-06-14"
    steps = [(step["event"], step["date"]) for step in pair["history"]]
    assert steps == [("signed", "1991-06-14"), ("suspended", "2022-03-03")]
    suspension = pair["history"][1]["sources"]
    assert [s["doc"] for s in suspension] == ["en-tampere-suspends.txt"]
    assert "suspend" in suspension[0]["quote"]


def test_partners_at_a_date_read_the_timeline(registry):
    def status_of_tampere(*args: str) -> str | None:
        found = {p["place"]["name"]: p["status"] for p in registry.json("partners", "Tula", *args)}
        return found.get("Tampere")

    assert status_of_tampere() == "suspended"
    assert status_of_tampere("--at", "2020") == "signed"
    assert status_of_tampere("--at", "1990") is None  # not yet twinned
    assert [p["place"]["name"] for p in registry.json("partners", "Tula", "--status", "signed")] == ["Mahilyow"]


def test_timeline_of_a_place_is_oldest_first(registry):
    steps = [(c["event"], c["date"]) for c in registry.json("timeline", "Тула")]
    assert steps == [("signed", "1991-06-14"), ("signed", "2016-05-12"), ("suspended", "2022-03-03")]


def test_changes_since_a_date_lists_only_later_steps(registry):
    changes = registry.json("changes", "--since", "2016-01")
    assert [(c["event"], c["date"]) for c in changes] == [("suspended", "2022-03-03"), ("signed", "2016-05-12")]
    assert registry.json("changes", "--since", "2023") == []


def test_a_bad_date_is_a_one_line_usage_error(registry):
    result = registry.run("changes", "--since", "March 2022", expect=2)
    assert "'March 2022' is not a date" in result.output


@pytest.fixture
def strict_review(gazetteer, tmp_path):
    """A registry whose review threshold is above every extraction's confidence: everything starts pending."""
    cli = Twinatlas(tmp_path / "registry.db", gazetteer, env={"TWINATLAS_REVIEW_THRESHOLD": "0.999"})
    report = cli.json("ingest", str(write_texts(tmp_path / "texts")))
    assert report["pending"] == report["assertions"] > 0
    return cli


def test_pending_assertions_are_listed_with_quotes_and_left_out_of_default_views(strict_review):
    cli = strict_review
    pending = cli.json("review")
    assert {p["review"] for p in pending} == {"pending"}
    assert all(p["quote"] and p["id"] for p in pending)
    assert cli.json("partners", "Tula") == []
    assert {p["place"]["name"] for p in cli.json("partners", "Tula", "--pending")} == {"Tampere", "Mahilyow"}
    assert cli.json("changes", "--since", "2000") == []
    assert len(cli.json("changes", "--since", "2000", "--pending")) == 2
    cli.run("pair", "Tula", "Tampere", expect=1)  # no accepted source links them yet
    assert cli.json("pair", "Tula", "Tampere", "--pending")["status"] == "suspended"


def test_accepting_and_rejecting_change_what_default_views_see(strict_review):
    cli = strict_review
    pending = cli.json("review")
    signing = next(p for p in pending if p["doc"] == "ru-mogilev-tula.txt")
    suspension = next(p for p in pending if p["doc"] == "en-tampere-suspends.txt" and p["event"] == "suspended")

    accepted = cli.json("review", "accept", str(signing["id"]), "--reason", "checked against the city's site")
    rejected = cli.json("review", "reject", str(suspension["id"]), "--reason", "wrong council")

    assert (accepted["review"], rejected["review"]) == ("accepted", "rejected")
    assert [p["place"]["name"] for p in cli.json("partners", "Tula")] == ["Mahilyow"]
    still_pending = {p["id"] for p in cli.json("review")}
    assert signing["id"] not in still_pending and suspension["id"] not in still_pending
    with_pending = {p["place"]["name"]: p["status"] for p in cli.json("partners", "Tula", "--pending")}
    assert with_pending["Tampere"] == "signed"  # the rejected suspension is gone even from --pending


def test_review_of_an_unknown_assertion_is_a_one_line_error(strict_review):
    result = strict_review.run("review", "accept", "999999", "--reason", "x", expect=1)
    assert result.stderr.strip().splitlines() == ["error: no assertion with id 999999"]
