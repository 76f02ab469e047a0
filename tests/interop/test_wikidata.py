"""Reading the Wikidata side: SPARQL JSON results (a file, or a local stand-in for the Query Service) and the
project's reference CSV. No test touches the real network."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, ClassVar
from urllib.parse import parse_qs, urlsplit

import pytest

from conftest import SHARED, need_shared
from twinatlas.errors import FetchError, InvalidInput, NotFound
from twinatlas.interop.wikidata import (
    P190_QUERY,
    USER_AGENT,
    fetch_sparql,
    load_external_pairs,
    parse_sparql_json,
    query_for_country,
    read_reference_csv,
    wikidata_time_value,
)
from twinatlas.models import PartialDate

WD = "http://www.wikidata.org/entity/"


def uri(qid: str) -> dict[str, str]:
    return {"type": "uri", "value": WD + qid}


def literal(value: str, datatype: str | None = None) -> dict[str, str]:
    cell = {"type": "literal", "value": value}
    if datatype:
        cell["datatype"] = datatype
    return cell


def row(item: str, partner: str, **extra: dict[str, str]) -> dict[str, Any]:
    return {"item": uri(item), "partner": uri(partner), **extra}


# A hand-made result: Gomel–Chernihiv from both sides (one side carries the dates, day and month precise),
# Gomel–Lyon twice (two coordinates rows for Lyon), and an undated Gomel–Aarhus.
RESULT = {
    "head": {"vars": ["item", "itemLabel", "itemCountry", "itemCoord", "partner", "partnerLabel",
                      "partnerCountry", "partnerCoord", "start", "startPrecision", "end", "endPrecision"]},
    "results": {"bindings": [
        row("Q9003", "Q9004", itemLabel=literal("Gomel"), itemCountry=literal("BY"),
            itemCoord=literal("Point(30.99 52.43)"), partnerLabel=literal("Chernihiv"), partnerCountry=literal("UA"),
            start=literal("1996-04-15T00:00:00Z"), startPrecision=literal("11"),
            end=literal("2022-03-01T00:00:00Z"), endPrecision=literal("10")),
        row("Q9004", "Q9003", itemLabel=literal("Chernihiv"), itemCountry=literal("UA"),
            itemCoord=literal("Point(31.3 51.5)"), partnerLabel=literal("Gomel")),
        row("Q9003", "Q9007", itemLabel=literal("Gomel"), partnerLabel=literal("Lyon"), partnerCountry=literal("fr")),
        row("Q9003", "Q9007", partnerCoord=literal("Point(4.84 45.76)")),
        row("Q9003", "Q9008", itemLabel=literal("Gomel"), partnerLabel=literal("Q9008")),
    ]},
}  # fmt: skip


def by_pair(pairs):
    return {frozenset((p.a.wikidata, p.b.wikidata)): p for p in pairs}


def test_sparql_rows_become_one_pair_per_couple_with_dates_countries_and_coordinates():
    pairs = by_pair(parse_sparql_json(RESULT, "result.json"))
    assert len(pairs) == 3
    ended = pairs[frozenset(("Q9003", "Q9004"))]
    assert (ended.start, ended.end) == (PartialDate(1996, 4, 15), PartialDate(2022, 3))
    chernihiv = ended.a if ended.a.wikidata == "Q9004" else ended.b
    assert (chernihiv.id, chernihiv.name, chernihiv.country) == ("wd:Q9004", "Chernihiv", "UA")
    assert (chernihiv.lat, chernihiv.lon) == (51.5, 31.3)  # WKT gives longitude first
    lyon_pair = pairs[frozenset(("Q9003", "Q9007"))]
    lyon = lyon_pair.a if lyon_pair.a.wikidata == "Q9007" else lyon_pair.b
    assert (lyon.country, lyon.lat, lyon.lon) == ("FR", 45.76, 4.84)  # filled from the second row
    assert pairs[frozenset(("Q9003", "Q9008"))].start is None


def test_time_values_follow_their_precision_or_read_new_year_as_a_year():
    assert wikidata_time_value("1996-01-01T00:00:00Z") == PartialDate(1996)
    assert wikidata_time_value("1996-04-15T00:00:00Z") == PartialDate(1996, 4, 15)
    assert wikidata_time_value("+1996-04-15T00:00:00Z", "10") == PartialDate(1996, 4)
    assert wikidata_time_value("1996-04-15T00:00:00Z", "9") == PartialDate(1996)
    assert wikidata_time_value("-0500-01-01T00:00:00Z") is None
    assert wikidata_time_value(None) is None


def test_a_result_without_the_pair_variables_is_refused_by_name():
    with pytest.raises(InvalidInput, match=r"other\.json: the result has no \?partner variable"):
        parse_sparql_json({"head": {"vars": ["item"]}, "results": {"bindings": []}}, "other.json")
    with pytest.raises(InvalidInput, match="not a SPARQL JSON result"):
        parse_sparql_json([1, 2], "list.json")
    bad = {"head": {"vars": ["item", "partner"]}, "results": {"bindings": [row("Q1", "Q2") | {"item": literal("x")}]}}
    with pytest.raises(InvalidInput, match=r"result 1: \?item is 'x', not a Wikidata item URI"):
        parse_sparql_json(bad, "bad.json")


def test_query_names_the_country_and_the_qualifiers():
    query = query_for_country("by")
    assert '?country wdt:P297 "BY"' in query and "pqv:P580" in query and "pqv:P582" in query
    assert "wdt:P625" in query and "{country}" in P190_QUERY
    with pytest.raises(InvalidInput, match="--country 'Belarus'"):
        query_for_country("Belarus")


def test_files_are_read_by_their_kind_and_filtered_by_country(tmp_path: Path):
    path = tmp_path / "p190.json"
    path.write_text(json.dumps(RESULT), encoding="utf-8")
    assert len(load_external_pairs(str(path))) == 3
    assert {p.b.wikidata for p in load_external_pairs(str(path), country="UA")} | {"Q9003"} == {"Q9003", "Q9004"}
    (tmp_path / "broken.json").write_text("{", encoding="utf-8")
    with pytest.raises(InvalidInput, match="broken.json: not JSON"):
        load_external_pairs(str(tmp_path / "broken.json"))
    with pytest.raises(NotFound, match="missing.json: no such file"):
        load_external_pairs(str(tmp_path / "missing.json"))
    with pytest.raises(InvalidInput, match="needs --country"):
        load_external_pairs("wikidata")


REFERENCE = (
    "a_qid,a_label_en,a_country,a_lat,a_lon,b_qid,b_label_en,b_country,b_lat,b_lon,start,end,source\n"
    "Q9003,Gomel,BY,52.43,30.99,Q9004,Chernihiv,UA,51.5,31.3,,,wikidata-2016\n"
    ",Gomel,BY,52.43,30.99,,Aarhus,DK,56.16,10.2,,,wikipedia-en-2026\n"
    "Q9007,Lyon,FR,45.76,4.84,Q9009,Turin,IT,45.07,7.69,,,wikidata-2016\n"
)


def test_reference_rows_keep_qids_or_fall_back_to_country_and_name(tmp_path: Path):
    path = tmp_path / "reference.csv"
    path.write_text(REFERENCE, encoding="utf-8")
    pairs = read_reference_csv(path, country="BY")
    assert [(p.a.id, p.b.id, p.origin) for p in pairs] == [
        ("wd:Q9003", "wd:Q9004", "wikidata-2016"),
        ("BY:city:gomel", "DK:city:aarhus", "wikipedia-en-2026"),
    ]
    assert pairs[1].b.wikidata is None and (pairs[1].b.lat, pairs[1].b.lon) == (56.16, 10.2)
    assert len(load_external_pairs(str(path))) == 3
    (tmp_path / "other.csv").write_text("x,y\n1,2\n", encoding="utf-8")
    with pytest.raises(InvalidInput, match="other.csv: not the reference shape: no column"):
        read_reference_csv(tmp_path / "other.csv")


@pytest.mark.shared
def test_the_shared_reference_has_belarus_bulgaria_pairs():
    path = need_shared(SHARED / "data" / "twinnings-reference.csv")
    pairs = read_reference_csv(path, country="BY")
    bulgarian = [p for p in pairs if p.touches("BG")]
    assert len(bulgarian) == 16  # as the data README counts them


# --- a local stand-in for the Query Service ---------------------------------------------------------


class QueryService(BaseHTTPRequestHandler):
    seen: ClassVar[list[dict[str, Any]]] = []

    def log_message(self, *args) -> None:
        pass

    def do_GET(self) -> None:
        url = urlsplit(self.path)
        params = parse_qs(url.query)
        QueryService.seen.append({"path": url.path, "params": params, "agent": self.headers.get("User-Agent")})
        if url.path == "/broken":
            body, status = b"upstream trouble", 503
        elif url.path == "/html":
            body, status = b"<html>not json</html>", 200
        else:
            body, status = json.dumps(RESULT).encode(), 200
        self.send_response(status)
        self.send_header("Content-Type", "application/sparql-results+json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="module")
def endpoint() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), QueryService)
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_the_query_is_sent_with_a_descriptive_user_agent(endpoint: str):
    QueryService.seen.clear()
    pairs = load_external_pairs(f"{endpoint}/sparql", country="BY", timeout=5)
    assert len(pairs) == 3
    (request,) = QueryService.seen
    assert request["path"] == "/sparql" and request["agent"] == USER_AGENT
    assert request["params"]["query"] == [query_for_country("BY")]


def test_a_failing_endpoint_is_one_clear_error(endpoint: str):
    with pytest.raises(FetchError, match=r"/broken: the server answered 503"):
        fetch_sparql("SELECT 1", f"{endpoint}/broken", timeout=5)
    with pytest.raises(FetchError, match="the answer is not JSON"):
        fetch_sparql("SELECT 1", f"{endpoint}/html", timeout=5)
