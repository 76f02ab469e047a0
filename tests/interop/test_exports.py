"""Exports of a small registry, stored in a temporary SQLite file and read back through Atlas.

The story: Vitebsk and Omsk signed on 2019-05-12 (a Russian news item); Gomel and Chernihiv signed in 1996
and Chernihiv ended it in March 2022; Vitebsk and Haskovo signed in 1999 (Haskovo has no Wikidata id and no
coordinates here); Minsk and Lyon only plan to sign.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
from collections.abc import Iterator
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner

from twinatlas.atlas import Atlas
from twinatlas.cli import cli
from twinatlas.config import Settings
from twinatlas.interop.exports import (
    CSV_COLUMNS,
    quickstatements_lines,
    quickstatements_skipped,
    relations_csv,
    relations_geojson,
    relations_graphml,
    relations_jsonl,
    wikidata_time,
)
from twinatlas.models import Assertion, Document, Event, Kind, Level, PartialDate, Place, Relation
from twinatlas.store import open_store


def city(gn: int, name: str, country: str, qid: str | None, lat: float | None = None, lon: float | None = None):
    return Place(
        id=f"gn:{gn}", name=name, country=country, level=Level.CITY, geonames_id=gn, wikidata=qid, lat=lat, lon=lon
    )


VITEBSK = city(101, "Vitebsk", "BY", "Q9001", 55.19, 30.2)
OMSK = city(102, "Omsk", "RU", "Q9002", 54.99, 73.37)
GOMEL = city(103, "Gomel", "BY", "Q9003", 52.43, 30.99)
CHERNIHIV = city(104, "Chernihiv", "UA", "Q9004", 51.5, 31.3)
HASKOVO = city(105, "Haskovo", "BG", None)
MINSK = city(106, "Minsk", "BY", "Q9006", 53.9, 27.56)
LYON = city(107, "Lyon", "FR", "Q9007", 45.76, 4.84)


def doc(name: str, lang: str, url: str | None) -> Document:
    text = f"hand-written text {name}"
    return Document(text=text, sha256=hashlib.sha256(text.encode()).hexdigest(), name=name, lang=lang, url=url)


def said(d: Document, a: Place, b: Place, event: Event, when: str | None, quote: str) -> Assertion:
    return Assertion(
        doc=d.sha256, a=a, b=b, a_text=a.name, b_text=b.name, event=event, kind=Kind.TWINNING,
        date=PartialDate.parse(when) if when else None, quote=quote, start=0, end=len(quote), confidence=0.9,
        doc_name=d.name,
    )  # fmt: skip


DOCS = {
    "omsk": doc("omsk.txt", "ru", "https://news.example/omsk"),
    "gomel": doc("gomel-list.txt", "en", "https://city.example/partners"),
    "ended": doc("chernihiv-ends.txt", "uk", "https://chernihiv.example/ends"),
    "haskovo": doc("haskovo.txt", "bg", "https://haskovo.example/twins"),
    "lyon": doc("lyon.txt", "fr", None),
}


def registry(tmp_path: Path) -> Atlas:
    store = open_store(f"sqlite:///{tmp_path / 'atlas.db'}")
    store.add_document(
        DOCS["omsk"],
        [said(DOCS["omsk"], VITEBSK, OMSK, Event.SIGNED, "2019-05-12", 'Витебск и Омск подписали "соглашение"')],
    )
    store.add_document(DOCS["gomel"], [said(DOCS["gomel"], GOMEL, CHERNIHIV, Event.SIGNED, "1996", "Chernihiv 1996")])
    store.add_document(
        DOCS["ended"],
        [said(DOCS["ended"], CHERNIHIV, GOMEL, Event.TERMINATED, "2022-03", "Чернігів\tрозірвав побратимство")],
    )
    store.add_document(DOCS["haskovo"], [said(DOCS["haskovo"], VITEBSK, HASKOVO, Event.SIGNED, "1999", "Хасково")])
    store.add_document(DOCS["lyon"], [said(DOCS["lyon"], MINSK, LYON, Event.PLANNED, None, "Minsk et Lyon veulent")])
    return Atlas(Settings(db=store.url, cache_dir=tmp_path), store=store)


@pytest.fixture
def relations(tmp_path: Path) -> Iterator[list[Relation]]:
    atlas = registry(tmp_path)
    yield atlas.relations()
    atlas.close()


def names(rel_a: str, rel_b: str) -> frozenset[str]:
    return frozenset((rel_a, rel_b))


def test_csv_has_one_row_per_pair_with_both_places_and_the_first_source(relations):
    rows = list(csv.DictReader(io.StringIO(relations_csv(relations))))
    assert tuple(rows[0]) == CSV_COLUMNS
    by_pair = {names(r["a_name"], r["b_name"]): r for r in rows}
    assert len(rows) == 4
    ended = by_pair[names("Gomel", "Chernihiv")]
    assert (ended["status"], ended["start"], ended["end"], ended["sources"]) == ("terminated", "1996", "2022-03", "2")
    assert {ended["a_wikidata"], ended["b_wikidata"]} == {"Q9003", "Q9004"}
    assert ended["first_source_url"] == "https://city.example/partners"  # the signing comes first in history
    haskovo = by_pair[names("Vitebsk", "Haskovo")]
    assert (haskovo["b_geonames_id"], haskovo["b_wikidata"], haskovo["b_country"]) == ("105", "", "BG")


def test_jsonl_is_the_pair_shape_one_per_line(relations):
    lines = relations_jsonl(relations).splitlines()
    assert len(lines) == 4
    first = json.loads(lines[0])
    assert set(first) == {"a", "b", "status", "kind", "start", "end", "history", "conflicts"}
    assert {json.loads(line)["status"] for line in lines} == {"signed", "terminated", "planned"}


def test_geojson_draws_lines_lon_first_and_counts_places_without_coordinates(relations):
    geo = relations_geojson(relations)
    assert geo["type"] == "FeatureCollection" and geo["skipped"] == 1  # Haskovo has no coordinates
    line = next(f for f in geo["features"] if f["properties"]["a_name"] == "Vitebsk")
    assert line["geometry"] == {"type": "LineString", "coordinates": [[30.2, 55.19], [73.37, 54.99]]}
    assert line["properties"]["start"] == "2019-05-12" and line["properties"]["b_wikidata"] == "Q9002"


def test_graphml_round_trips_places_and_pairs(relations):
    graph = nx.parse_graphml(relations_graphml(relations))
    assert graph.number_of_nodes() == 7 and graph.number_of_edges() == 4
    assert graph.nodes["gn:101"]["name"] == "Vitebsk" and graph.nodes["gn:101"]["wikidata"] == "Q9001"
    assert "wikidata" not in graph.nodes["gn:105"]  # unknown stays absent rather than 'None'
    assert graph.edges["gn:103", "gn:104"] | {} == {
        "status": "terminated", "kind": "twinning", "start": "1996", "end": "2022-03", "sources": 2,
    }  # fmt: skip


def test_wikidata_time_zeroes_unknown_parts_and_states_precision():
    assert wikidata_time(PartialDate(1996)) == "+1996-00-00T00:00:00Z/9"
    assert wikidata_time(PartialDate(2022, 3)) == "+2022-03-00T00:00:00Z/10"
    assert wikidata_time(PartialDate(2019, 5, 12)) == "+2019-05-12T00:00:00Z/11"


def test_quickstatements_lines_are_exact_in_both_directions(relations):
    langs = {d.name: d.lang for d in DOCS.values()}
    lines = list(quickstatements_lines(relations, quote_lang=lambda src: langs.get(src.doc)))
    assert all(line.endswith("\n") for line in lines)
    assert [line.rstrip("\n") for line in lines] == [
        # Vitebsk–Omsk: a day-precise start; the quote's own double quotes must not end the literal
        'Q9001\tP190\tQ9002\tP580\t+2019-05-12T00:00:00Z/11\tS854\t"https://news.example/omsk"'
        '\tS1683\tru:"Витебск и Омск подписали \u201dсоглашение\u201d"',
        'Q9002\tP190\tQ9001\tP580\t+2019-05-12T00:00:00Z/11\tS854\t"https://news.example/omsk"'
        '\tS1683\tru:"Витебск и Омск подписали \u201dсоглашение\u201d"',
        # Gomel–Chernihiv: start and end, one reference per source (the signing list, the termination notice)
        "Q9003\tP190\tQ9004\tP580\t+1996-00-00T00:00:00Z/9\tP582\t+2022-03-00T00:00:00Z/10"
        '\tS854\t"https://city.example/partners"\tS1683\ten:"Chernihiv 1996"',
        "Q9003\tP190\tQ9004\tP580\t+1996-00-00T00:00:00Z/9\tP582\t+2022-03-00T00:00:00Z/10"
        '\tS854\t"https://chernihiv.example/ends"\tS1683\tuk:"Чернігів розірвав побратимство"',
        "Q9004\tP190\tQ9003\tP580\t+1996-00-00T00:00:00Z/9\tP582\t+2022-03-00T00:00:00Z/10"
        '\tS854\t"https://city.example/partners"\tS1683\ten:"Chernihiv 1996"',
        "Q9004\tP190\tQ9003\tP580\t+1996-00-00T00:00:00Z/9\tP582\t+2022-03-00T00:00:00Z/10"
        '\tS854\t"https://chernihiv.example/ends"\tS1683\tuk:"Чернігів розірвав побратимство"',
    ]


def test_quickstatements_leave_out_quotes_without_a_language_and_say_what_was_skipped(relations):
    lines = list(quickstatements_lines(relations))
    assert lines and not any("S1683" in line for line in lines)
    skipped = {names(s.relation.a.name, s.relation.b.name): s.reason for s in quickstatements_skipped(relations)}
    assert skipped == {
        names("Vitebsk", "Haskovo"): "a place has no Wikidata id",
        names("Minsk", "Lyon"): "never established (planned only)",
    }


def test_the_export_command_writes_a_file_or_stdout_and_counts_what_it_left_out(tmp_path: Path):
    registry(tmp_path).close()
    db = ["--db", f"sqlite:///{tmp_path / 'atlas.db'}"]
    target = tmp_path / "p190.qs"
    result = CliRunner().invoke(cli, [*db, "export", "--format", "quickstatements", "--output", str(target)])
    assert result.exit_code == 0, result.output
    lines = target.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 6 and lines[0].startswith("Q9001\tP190\tQ9002\tP580\t+2019-05-12T00:00:00Z/11\t")
    assert lines[0].endswith('\tS1683\tru:"Витебск и Омск подписали \u201dсоглашение\u201d"')  # the document's language
    assert "1 of 4 pair(s) left out: a place has no Wikidata id" in result.output  # on stderr
    stdout = CliRunner().invoke(cli, [*db, "export", "--format", "csv"])
    assert stdout.output.splitlines()[0] == ",".join(CSV_COLUMNS) and len(stdout.output.splitlines()) == 5
    bad = CliRunner().invoke(cli, [*db, "export", "--format", "csv", "-o", str(tmp_path / "no" / "such" / "dir.csv")])
    assert bad.exit_code == 2 and "cannot write the file" in bad.output
