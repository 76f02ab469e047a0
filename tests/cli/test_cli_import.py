"""`twinatlas import csv`: column mappings, places kept by name when the gazetteer does not know them, all rows
or none, and KONECT's sister-city network rebuilt with KONECT's published figures."""

from __future__ import annotations

import sqlite3

import pytest
from cli_run import Twinatlas

from conftest import SHARED, need_shared
from twinatlas.store import open_store

# The columns of ../shared/data/twinnings-reference.csv, with made-up rows.
REFERENCE_HEADER = "a_qid,a_label_en,a_country,a_lat,a_lon,b_qid,b_label_en,b_country,b_lat,b_lon,start,end,source"
REFERENCE_MAPPING = [
    *("--map", "a_qid=a_wikidata", "--map", "b_qid=b_wikidata"),
    *("--map", "a_label_en=a_name", "--map", "b_label_en=b_name"),
    *("--map", "start=date"),
]


def test_reference_columns_are_mapped_and_unknown_places_kept_by_name_country_and_coordinates(tmp_path, gazetteer):
    csv = tmp_path / "pairs.csv"
    csv.write_text(
        f"{REFERENCE_HEADER}\n"
        "Q1000001,Vitebsk,BY,55.19048,30.20490,,Haskovo,BG,41.93415,25.55557,1999,,made-up-list\n"
        ",Vitebsk,BY,55.19048,30.20490,,Ostrava-Nordhollow,CZ,49.9,18.2,,,made-up-list\n",
        encoding="utf-8",
    )
    cli = Twinatlas(tmp_path / "registry.db", gazetteer)

    report = cli.json("import", "csv", str(csv), *REFERENCE_MAPPING)

    assert (report["rows"], report["documents_added"]) == (2, 1)
    partners = {p["place"]["name"]: p for p in cli.json("partners", "Vitebsk")}
    assert partners["Haskovo"]["place"]["geonames_id"] is not None and partners["Haskovo"]["start"] == "1999"
    unknown = partners["Ostrava-Nordhollow"]["place"]
    assert (unknown["country"], unknown["geonames_id"]) == ("CZ", None)
    with open_store(cli.url) as store:
        kept = store.place(unknown["id"])
    assert kept is not None and not kept.resolved and (kept.lat, kept.lon) == (49.9, 18.2)
    assert partners["Haskovo"]["sources"][0]["quote"].startswith("Q1000001,Vitebsk,BY")  # the row is the quote

    again = cli.json("import", "csv", str(csv), *REFERENCE_MAPPING)
    assert (again["documents_added"], again["documents_unchanged"]) == (0, 1)


def test_a_bad_row_imports_nothing_and_names_row_column_and_problem(tmp_path, gazetteer):
    csv = tmp_path / "pairs.csv"
    csv.write_text(
        "a_name,a_country,b_name,b_country,date,event\n"
        "Vitebsk,BY,Haskovo,BG,1999,signed\n"
        "Brest,BY,Burgas,Bulgaria,2005,signed\n"
        "Gomel,BY,Varna,BG,05/2001,signed\n",
        encoding="utf-8",
    )
    cli = Twinatlas(tmp_path / "registry.db", gazetteer)

    result = cli.run("import", "csv", str(csv), expect=2)

    (line,) = result.stderr.strip().splitlines()
    assert "pairs.csv" in line and "nothing imported" in line
    assert "line 3, column 'b_country'" in line and "'Bulgaria'" in line and "ISO 3166-1" in line
    assert "line 4, column 'date'" in line and "'05/2001'" in line
    assert cli.counts()["assertions"] == cli.counts()["documents"] == 0


@pytest.mark.shared
def test_konect_network_has_konects_published_figures(tmp_path, gazetteer):
    konect = need_shared(SHARED / "data" / "konect-twin.tsv")
    cli = Twinatlas(tmp_path / "konect.db", gazetteer)
    imported = cli.json(
        "import", "csv", str(konect), "--delimiter", "tab", "--comment", "%", "--no-header",
        "--map", "1=a_id", "--map", "2=b_id",
    )  # fmt: skip
    assert (imported["rows"], imported["places_unresolved"]) == (20573, 14274)

    network = cli.json("network")

    assert (network["places"], network["pairs"]) == (14274, 20573)
    assert network["largest_component"] == 10320
    assert network["max_degree"] == 99
    assert network["mean_degree"] == pytest.approx(2.8826, abs=1e-4)
    assert network["assortativity"] == pytest.approx(0.3868, abs=1e-4)
    assert network["transitivity"] == pytest.approx(0.1114, abs=1e-4)
    assert network["triangles"] == 6327
    with sqlite3.connect(cli.db) as conn:  # opaque ids stay opaque: no gazetteer place was made up for them
        assert conn.execute("SELECT COUNT(*) FROM places WHERE geonames_id IS NOT NULL").fetchone() == (0,)
