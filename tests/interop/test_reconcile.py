"""Reconciling a small hand-made registry with a small hand-made Wikidata side.

Here (the registry): Gomel–Chernihiv signed 1996 and ended 2022; Vitebsk–Omsk signed 2019 (Vitebsk without a
Q-id); Mogilev–Tula signed 2010; Lida–Olsztyn signed 2015; Brest–Terespol signed 2009; Minsk–Lyon only
planned. There (Wikidata): Gomel–Chernihiv with no end time; Vitebsk–Omsk from 2018; Mogilev and a
different Tula item; Lida–Olsztyn ended 2022; Gomel–Aarhus; Brest in France with Plymouth; Lyon–Turin.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from twinatlas.cli import cli
from twinatlas.interop.reconcile import (
    Reconciliation,
    distance_km,
    gazetteer_twin,
    reconcile,
    same_place,
    with_geonames,
)
from twinatlas.interop.wikidata import ExternalPair
from twinatlas.models import Assertion, Document, Event, Kind, Level, NameMatch, PartialDate, Place
from twinatlas.registry.merge import merge_relations
from twinatlas.store import open_store


def city(key: str, name: str, country: str, qid: str | None = None, gn: int | None = None, at=(None, None), **kw):
    return Place(
        id=key, name=name, country=country, level=Level.CITY, wikidata=qid, geonames_id=gn, lat=at[0], lon=at[1], **kw
    )


# here: gazetteer-like places (GeoNames ids, some Q-ids, names in other languages)
GOMEL = city("gn:103", "Gomel", "BY", "Q9003", 103, (52.43, 30.99))
CHERNIHIV = city("gn:104", "Chernihiv", "UA", "Q9004", 104, (51.5, 31.3))
VITEBSK = city("gn:101", "Vitebsk", "BY", None, 101, (55.19, 30.2), names=(("ru", "Витебск"), ("de", "Witebsk")))
OMSK = city("gn:102", "Omsk", "RU", "Q9002", 102, (54.99, 73.37))
MOGILEV = city("gn:109", "Mogilev", "BY", "Q9011", 109)
TULA = city("gn:112", "Tula", "RU", "Q9012", 112)
LIDA = city("gn:113", "Lida", "BY", None, 113)
OLSZTYN = city("gn:114", "Olsztyn", "PL", None, 114)
BREST = city("gn:108", "Brest", "BY", None, 108, (52.1, 23.7))
TERESPOL = city("gn:115", "Terespol", "PL", None, 115, (52.08, 23.62))
MINSK = city("gn:106", "Minsk", "BY", "Q9006", 106)
LYON = city("gn:107", "Lyon", "FR", "Q9007", 107)


def wd(qid: str | None, name: str, country: str | None, at=(None, None)) -> Place:
    return city(f"wd:{qid}" if qid else f"{country}:city:{name.lower()}", name, country or "", qid, None, at)


def there(a: Place, b: Place, start: str | None = None, end: str | None = None) -> ExternalPair:
    parse = PartialDate.parse
    return ExternalPair(a, b, parse(start) if start else None, parse(end) if end else None, "wikidata")


THERE = [
    there(wd("Q9003", "Homel", "BY"), wd("Q9004", "Chernihiv", "UA")),
    there(wd(None, "Witebsk", "BY", (55.2, 30.21)), wd("Q9002", "Omsk", "RU"), start="2018"),
    there(wd("Q9011", "Mogilev", "BY"), wd("Q9013", "Tula", "RU")),
    there(wd(None, "Lida", "BY"), wd(None, "Olsztyn", "PL"), end="2022-02"),
    there(wd("Q9003", "Homel", "BY"), wd("Q9020", "Aarhus", "DK")),
    there(wd("Q9010", "Brest", "FR", (48.39, -4.49)), wd("Q9021", "Plymouth", "GB")),
    there(wd("Q9007", "Lyon", "FR"), wd("Q9022", "Turin", "IT")),
]


def said(n: int, a: Place, b: Place, event: Event, when: str | None) -> tuple[Document, Assertion]:
    text = f"hand-written source {n}"
    d = Document(
        text=text, sha256=hashlib.sha256(text.encode()).hexdigest(), name=f"{n}.txt", url=f"https://x.example/{n}"
    )
    quote = f"{a.name} {b.name} {event.value}"
    x = Assertion(
        doc=d.sha256, a=a, b=b, a_text=a.name, b_text=b.name, event=event, kind=Kind.TWINNING,
        date=PartialDate.parse(when) if when else None, quote=quote, start=0, end=len(quote), confidence=0.9,
    )  # fmt: skip
    return d, x


STORY = [
    said(1, GOMEL, CHERNIHIV, Event.SIGNED, "1996"),
    said(2, GOMEL, CHERNIHIV, Event.TERMINATED, "2022-03"),
    said(3, VITEBSK, OMSK, Event.SIGNED, "2019-05-12"),
    said(4, MOGILEV, TULA, Event.SIGNED, "2010"),
    said(5, LIDA, OLSZTYN, Event.SIGNED, "2015"),
    said(6, BREST, TERESPOL, Event.SIGNED, "2009"),
    said(7, MINSK, LYON, Event.PLANNED, None),
]
RELATIONS = merge_relations([x for _, x in STORY], {d.sha256: d for d, _ in STORY}, at=PartialDate(2025))


@pytest.fixture(scope="module")
def result() -> Reconciliation:
    return reconcile(RELATIONS, THERE, country="BY")


def pairs(items) -> set[frozenset[str]]:
    return {frozenset((item.a.name, item.b.name)) for item in items}


def test_pairs_only_here_are_candidates_for_wikidata(result):
    # Tula differs by Q-id, so the Q-ids decide even though the names agree; Brest in France is not Brest in
    # Belarus; Minsk–Lyon was only ever planned and is left out.
    assert pairs(result.only_here) == {
        frozenset(("Mogilev", "Tula")),
        frozenset(("Brest", "Terespol")),
    }
    assert pairs(result.left_out) == {frozenset(("Minsk", "Lyon"))}


def test_pairs_only_there_have_no_source_here(result):
    assert pairs(result.only_there) == {
        frozenset(("Mogilev", "Tula")),
        frozenset(("Homel", "Aarhus")),
    }  # Lyon–Turin and Brest (FR)–Plymouth do not touch Belarus
    assert result.matched == 3


def test_disagreements_on_status_and_start_year(result):
    found = {(frozenset((d.here.a.name, d.here.b.name)), d.kind): d.detail for d in result.disagree}
    assert found == {
        (frozenset(("Gomel", "Chernihiv")), "ended-here-current-there"): (
            "twinatlas: terminated in 2022-03; wikidata: no end time"
        ),
        (frozenset(("Vitebsk", "Omsk")), "start-years-differ"): "twinatlas: 2019-05-12; wikidata: 2018",
        (frozenset(("Lida", "Olsztyn")), "ended-there-current-here"): (
            "wikidata: ended 2022-02; twinatlas: current, with no later signing"
        ),
    }


def test_json_has_the_three_lists_and_names_both_places_in_each_item(result):
    data = result.to_json()
    assert set(data) == {"only_here", "only_there", "disagree"}
    for items in data.values():
        for item in items:
            assert {"id", "name", "country", "level", "geonames_id", "wikidata"} <= set(item["a"]) & set(item["b"])
    ended = next(d for d in data["disagree"] if d["kind"] == "ended-here-current-there")
    assert ended["here"]["status"] == "terminated" and ended["there"]["end"] is None
    assert ended["here"]["sources"] == ["https://x.example/1", "https://x.example/2"]


def test_without_a_country_everything_on_the_there_side_counts():
    assert frozenset(("Lyon", "Turin")) in pairs(reconcile(RELATIONS, THERE).only_there)


def test_place_matching_rules():
    kyiv = city("gn:1", "Kyiv", "UA", None, 703448, (50.45, 30.52))
    assert same_place(kyiv, wd(None, "Kyiv", "UA", (50.4, 30.6)))  # name, country, a few km apart
    assert not same_place(kyiv, wd(None, "Kyiv", "UA", (48.0, 30.5)))  # same name, 270 km away
    assert not same_place(kyiv, wd(None, "Kyiv", None))  # a bare name with nothing to back it
    assert same_place(kyiv, wd(None, "Kyiv", None, (50.45, 30.5)))  # ... unless coordinates agree
    assert not same_place(kyiv, city("gn:2", "Kyiv", "UA", None, 999))  # GeoNames ids decide when both known
    assert same_place(city("x", "Kiew", "UA", "Q1"), city("y", "Kyiv", "UA", "Q1"))  # Q-ids decide over names
    assert distance_km(kyiv, kyiv) == 0.0 and distance_km(kyiv, wd(None, "Kyiv", "UA")) is None


GOMEL_DISTRICT = Place(id="gn:1030", name="Gomel District", country="BY", level=Level.DISTRICT, geonames_id=1030)
BREST_FR = city("gn:3030", "Brest", "FR", None, 3030, (48.39, -4.49))


class TinyGazetteer:
    """Stands in for the gazetteer: 'Homel' names the city Gomel (and, as a phrase, its district); 'Brest'
    names a city in Belarus and one in France."""

    def lookup(self, surface: str, lang: str | None = None) -> list[NameMatch]:
        if surface == "Homel":
            return [NameMatch(GOMEL, "homel", "transliterated"), NameMatch(GOMEL_DISTRICT, "homel", "level-phrase")]
        if surface == "Brest":
            return [NameMatch(BREST, "brest", "exact"), NameMatch(BREST_FR, "brest", "exact")]
        return []

    def get(self, place_id: str) -> Place | None:
        return None


def test_a_gazetteer_gives_there_side_labels_their_geonames_ids():
    pair = there(wd(None, "Homel", "BY"), wd("Q9004", "Chernihiv", "UA"))  # a label the registry does not use
    (enriched,) = with_geonames([pair], TinyGazetteer())
    assert (enriched.a.geonames_id, enriched.a.lat) == (103, 52.43)  # the city, with its coordinates
    assert reconcile(RELATIONS, [pair]).matched == 0  # 'Homel' is not 'Gomel' by name alone
    assert reconcile(RELATIONS, [pair], gazetteer=TinyGazetteer()).matched == 1


def test_the_gazetteer_twin_is_in_the_same_country_and_near():
    gazetteer = TinyGazetteer()
    assert gazetteer_twin(wd(None, "Brest", "FR", (48.4, -4.5)), gazetteer) == BREST_FR
    assert gazetteer_twin(wd(None, "Brest", "BY"), gazetteer) == BREST
    assert gazetteer_twin(wd(None, "Brest", "BY", (48.4, -4.5)), gazetteer) is None  # 1,900 km from Brest (BY)
    assert gazetteer_twin(wd(None, "Brest", None), gazetteer) is None  # no country, no coordinates


def test_the_reconcile_command_prints_the_three_lists(tmp_path: Path):
    store = open_store(f"sqlite:///{tmp_path / 'atlas.db'}")
    for document, assertion in STORY:
        store.add_document(document, [assertion])
    store.close()
    reference = tmp_path / "reference.csv"
    reference.write_text(
        "a_qid,a_label_en,a_country,a_lat,a_lon,b_qid,b_label_en,b_country,b_lat,b_lon,start,end,source\n"
        "Q9003,Gomel,BY,52.44,30.98,Q9004,Chernihiv,UA,51.49,31.29,,,wikidata-2016\n"
        "Q9003,Gomel,BY,52.44,30.98,Q9020,Aarhus,DK,56.16,10.2,,,wikidata-2016\n",
        encoding="utf-8",
    )
    db = ["--db", f"sqlite:///{tmp_path / 'atlas.db'}"]
    result = CliRunner().invoke(cli, [*db, "reconcile", str(reference), "--country", "by", "--no-gazetteer", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert [(d["a"]["name"], d["b"]["name"], d["kind"]) for d in data["disagree"]] == [
        ("Gomel", "Chernihiv", "ended-here-current-there")
    ]
    assert [(p["a"]["name"], p["b"]["name"]) for p in data["only_there"]] == [("Gomel", "Aarhus")]
    assert len(data["only_here"]) == 4  # Minsk–Lyon, only planned, is left out
    table = CliRunner().invoke(cli, [*db, "reconcile", str(reference), "--country", "BY", "--no-gazetteer"])
    assert table.output.startswith("1 pair(s) on both sides, 4 only here, 1 only there, 1 disagreement(s)")
    missing = CliRunner().invoke(cli, [*db, "reconcile", str(tmp_path / "nope.json"), "--no-gazetteer"])
    assert missing.exit_code != 0 and "nope.json: no such file" in missing.output
