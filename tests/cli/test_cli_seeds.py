"""Issue 5, "Done when", through the CLI: after `twinatlas ingest ../shared/seeds/` the registry answers the
seed articles' questions (Belarus–Bulgaria pairs, Vitebsk's partners, the Cologne conflict, the Omsk claim),
and ingesting the same files again changes nothing."""

from __future__ import annotations

import pytest
from cli_run import Twinatlas, source_docs

from conftest import SEEDS, need_shared
from twinatlas.store import open_store

pytestmark = pytest.mark.shared

OMSK_DOC = "omsk-vitebsk-ru.txt"
LIST_DOC = "belarus-bulgaria-bg.txt"
COLOGNE, SAINT_PETERSBURG = 2886242, 498817  # GeoNames ids
BELARUS_REGIONAL_CENTRES = {
    625144: "Minsk",
    629634: "Brest",
    627904: "Grodno",
    627907: "Gomel",
    625665: "Mogilev",
    620127: "Vitebsk",
}


@pytest.fixture(scope="module")
def seeded(gazetteer, tmp_path_factory):
    seeds = need_shared(SEEDS)
    cli = Twinatlas(tmp_path_factory.mktemp("seeds") / "registry.db", gazetteer)
    report = cli.json("ingest", str(seeds))
    return cli, report


def test_both_seed_files_are_stored_without_failures(seeded):
    _, report = seeded
    assert sorted(report["added"]) == [LIST_DOC, OMSK_DOC]
    assert report["failed"] == [] and report["assertions"] > 45


def test_stats_count_at_least_45_belarus_bulgaria_pairs(seeded):
    cli, _ = seeded
    stats = cli.json("stats", "--countries", "BY", "BG")
    assert stats["countries"] == ["BY", "BG"]
    assert stats["pairs"] >= 45
    assert sum(stats["by_level"].values()) == stats["pairs"] == sum(stats["by_status"].values())


@pytest.mark.parametrize(
    ("partner", "status", "start", "doc"),
    [
        ("Omsk", "signed", "2025-06-19", OMSK_DOC),
        ("Haskovo", "signed", "1999", LIST_DOC),
        ("Gelendzhik", "signed", "2009", OMSK_DOC),
        ("Simferopol", "signed", "2024", OMSK_DOC),
    ],
)
def test_partners_of_vitebsk_with_their_sources(seeded, partner, status, start, doc):
    cli, _ = seeded
    by_name = {item["place"]["name"]: item for item in cli.json("partners", "Vitebsk")}
    assert partner in by_name, f"{partner} is not among Vitebsk's partners {sorted(by_name)}"
    item = by_name[partner]
    assert (item["status"], item["start"]) == (status, start)
    assert doc in source_docs(item)
    assert all(s["quote"] for s in item["sources"])


def test_partners_accepts_any_script_and_case(seeded):
    cli, _ = seeded
    latin = [item["place"]["id"] for item in cli.json("partners", "Vitebsk")]
    assert [item["place"]["id"] for item in cli.json("partners", "ВИТЕБСК")] == latin
    assert [item["place"]["id"] for item in cli.json("partners", "Віцебск")] == latin


def test_conflicts_list_cologne_breaking_with_saint_petersburg(seeded):
    cli, _ = seeded
    conflicts = cli.json("conflicts")
    found = [c for c in conflicts if {c["a"]["geonames_id"], c["b"]["geonames_id"]} == {COLOGNE, SAINT_PETERSBURG}]
    assert [c["kind"] for c in found] == ["termination-without-establishment"]
    assert "2025-03" in found[0]["detail"]


def omsk_claim(cli: Twinatlas) -> dict:
    return cli.json("coverage", "--sources-country", "RU", "--min-population", "1000000", "--targets-centres", "BY")


def test_coverage_answers_the_omsk_claim_with_the_evidence_it_has(seeded):
    """«Omsk would become the first Russian city of over a million to be linked with every Belarusian regional
    centre»: the registry shows the sources for Vitebsk and that the other five are not (yet) covered."""
    cli, _ = seeded
    result = omsk_claim(cli)
    rows = {row["place"]["name"]: row for row in result["rows"]}
    assert {"Moscow", "Saint Petersburg", "Novosibirsk", "Omsk"} <= set(rows)  # every city over a million
    omsk = rows["Omsk"]
    targets = [t["place"] for t in omsk["covered"]] + omsk["missing"]
    assert {t["geonames_id"] for t in targets} == set(BELARUS_REGIONAL_CENTRES)
    assert [t["place"]["geonames_id"] for t in omsk["covered"]] == [620127]  # Vitebsk
    assert OMSK_DOC in source_docs(omsk["covered"][0])
    assert result["complete"] == []  # the claim is not (yet) true of any city, Omsk included
    assert result["rows"][0]["place"]["name"] == "Omsk"  # the most covered first


def test_coverage_shows_omsk_plans_with_brest_and_grodno_as_planned(seeded):
    cli, _ = seeded
    omsk = next(row for row in omsk_claim(cli)["rows"] if row["place"]["name"] == "Omsk")
    assert {p["place"]["geonames_id"] for p in omsk["planned"]} == {629634, 627904}


def test_ingesting_both_files_again_changes_nothing(seeded):
    cli, _ = seeded
    before = cli.counts()
    with open_store(cli.url) as store:
        documents_before = store.documents()
    again = cli.json("ingest", str(SEEDS / OMSK_DOC), str(SEEDS / LIST_DOC))
    assert again["added"] == [] and sorted(again["unchanged"]) == [LIST_DOC, OMSK_DOC] and again["assertions"] == 0
    assert cli.counts() == before
    with open_store(cli.url) as store:
        assert store.documents() == documents_before
