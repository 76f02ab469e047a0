"""The JSON API: every route's answer and error shape, over the small registry of webfakes.fill."""

from __future__ import annotations

import csv
import io
import json

from fastapi.testclient import TestClient
from webfakes import OMSK_QUOTE, PENDING_QUOTE


def error_of(response, status: int) -> str:  # type: ignore[no-untyped-def]
    """The one error shape, with the status repeated in the body; returns the message."""
    assert response.status_code == status, response.text
    body = response.json()
    assert body["ok"] is False and body["status"] == status and body["error"]
    return body["error"]  # type: ignore[no-any-return]


def test_search_finds_one_city_from_any_script_or_spelling(client: TestClient):
    for typed in ("Могильов", "Магілёў", "Mogilev", "Mahilyow", "МОГИЛЁВ"):
        found = client.get("/api/search", params={"q": typed}).json()
        assert [item["place"]["id"] for item in found][:1] == ["gn:8"], typed


def test_search_completes_a_prefix_and_names_in_the_asked_language(client: TestClient):
    found = client.get("/api/search", params={"q": "vit", "lang": "ru"}).json()
    assert found[0]["place"]["name"] == "Vitebsk"
    assert found[0]["label"] == "Витебск"
    assert found[0]["url"] == "/place/gn:2"


def test_search_without_a_query_is_a_422(client: TestClient):
    assert "q" in error_of(client.get("/api/search"), 422)


def test_resolve_has_the_shape_of_place_json(client: TestClient):
    body = client.get("/api/resolve", params={"name": "Витебск"}).json()
    assert body["choice"]["id"] == "gn:2" and body["choice"]["text"] == "Витебск"
    assert set(body) == {"choice", "reason", "candidates"}


def test_place_by_name_or_id_and_unknown_place_is_404(client: TestClient):
    assert client.get("/api/place", params={"name": "Omsk"}).json()["id"] == "gn:1"
    assert client.get("/api/place", params={"name": "gn:2"}).json()["lat"] == 55.19
    assert "Atlantis" in error_of(client.get("/api/place", params={"name": "Atlantis"}), 404)


def test_partners_with_status_dates_and_sources(client: TestClient):
    found = client.get("/api/partners", params={"place": "Витебск"}).json()
    by_name = {p["place"]["name"]: p for p in found}
    assert set(by_name) == {"Omsk", "Haskovo"}
    omsk = by_name["Omsk"]
    assert (omsk["status"], omsk["start"], omsk["end"]) == ("signed", "2025-06-19", None)
    assert omsk["sources"][0]["quote"] == OMSK_QUOTE
    assert omsk["sources"][0]["url"] == "https://news.example/omsk-vitebsk"


def test_partners_at_a_date_and_by_status(client: TestClient):
    before = client.get("/api/partners", params={"place": "Vitebsk", "at": "2020"}).json()
    assert [p["place"]["name"] for p in before] == ["Haskovo"]
    suspended = client.get("/api/partners", params={"place": "Cologne", "status": "suspended"}).json()
    assert [p["place"]["name"] for p in suspended] == ["Volgograd"]


def test_partners_with_a_bad_date_is_400_and_a_bad_status_422(client: TestClient):
    assert "at" in error_of(client.get("/api/partners", params={"place": "Vitebsk", "at": "June"}), 400)
    error_of(client.get("/api/partners", params={"place": "Vitebsk", "status": "married"}), 422)


def test_pending_assertions_show_only_when_asked(client: TestClient):
    assert client.get("/api/partners", params={"place": "Tula"}).json() == []
    with_pending = client.get("/api/partners", params={"place": "Tula", "pending": "true"}).json()
    assert [(p["place"]["name"], p["status"]) for p in with_pending] == [("Mogilev", "planned")]


def test_timeline_is_oldest_first(client: TestClient):
    steps = client.get("/api/timeline", params={"place": "Vitebsk"}).json()
    assert [(s["date"], s["event"]) for s in steps] == [("1999", "signed"), ("2025-06-19", "signed")]
    error_of(client.get("/api/timeline", params={"place": "Nowhere"}), 404)


def test_pair_history_with_quotes_and_conflicts(client: TestClient):
    body = client.get("/api/pair", params={"a": "Vitebsk", "b": "Омск"}).json()
    assert {body["a"]["name"], body["b"]["name"]} == {"Omsk", "Vitebsk"}
    assert body["history"][0]["sources"][0]["quote"] == OMSK_QUOTE
    conflict = client.get("/api/pair", params={"a": "Cologne", "b": "Saint Petersburg"}).json()["conflicts"]
    assert [c["kind"] for c in conflict] == ["termination-without-establishment"]
    assert "no source" in error_of(client.get("/api/pair", params={"a": "Omsk", "b": "Haskovo"}), 404)


def test_stats_for_two_countries_and_for_one(client: TestClient):
    two = client.get("/api/stats", params=[("country", "BY"), ("country", "BG")]).json()
    assert (two["countries"], two["pairs"], two["by_status"]) == (["BY", "BG"], 1, {"signed": 1})
    one = client.get("/api/stats", params={"country": "RU"}).json()
    assert one["by_country"] == {"DE": 2, "BY": 1}
    assert "two-letter" in error_of(client.get("/api/stats", params={"country": "Belarus"}), 400)
    error_of(client.get("/api/stats"), 422)


def test_changes_newest_first_with_filters(client: TestClient):
    everything = client.get("/api/changes").json()
    dates = [c["date"] for c in everything]
    assert dates == sorted(dates, reverse=True) and dates[0] == "2025-06-19"
    only = client.get("/api/changes", params={"country": "DE", "event": "suspended"}).json()
    assert [({c["a"]["name"], c["b"]["name"]}, c["date"]) for c in only] == [({"Cologne", "Volgograd"}, "2022-03")]
    window = client.get("/api/changes", params={"since": "2022", "until": "2024"}).json()
    assert [c["date"] for c in window] == ["2022-03"]
    error_of(client.get("/api/changes", params={"since": "yesterday"}), 400)


def test_conflicts_and_network(client: TestClient):
    conflicts = client.get("/api/conflicts").json()
    assert ("termination-without-establishment", {"Cologne", "Saint Petersburg"}) in [
        (c["kind"], {c["a"]["name"], c["b"]["name"]}) for c in conflicts
    ]
    network = client.get("/api/network").json()
    assert (network["places"], network["pairs"]) == (6, 4)
    error_of(client.get("/api/network", params={"top": 0}), 422)


def test_exports_in_three_formats(client: TestClient):
    rows = list(csv.DictReader(io.StringIO(client.get("/api/export/relations.csv").text)))
    pairs = {frozenset((r["a_name"], r["b_name"])) for r in rows}
    assert pairs == {
        frozenset(p)
        for p in (
            ("Omsk", "Vitebsk"),
            ("Haskovo", "Vitebsk"),
            ("Cologne", "Volgograd"),
            ("Cologne", "Saint Petersburg"),
        )
    }
    lines = client.get("/api/export/relations.jsonl", params={"place": "Vitebsk"}).text.splitlines()
    assert len(lines) == 2 and all(json.loads(line)["status"] == "signed" for line in lines)
    geo = client.get("/api/export/relations.geojson", params={"place": "Omsk"}).json()
    assert geo["features"][0]["geometry"]["coordinates"] == [[73.37, 54.99], [30.2, 55.19]]
    error_of(client.get("/api/export/relations.xml"), 422)


def test_writes_without_or_with_a_wrong_token_are_refused(client: TestClient):
    text = {"text": "Омск и Брест стали побратимами в 2020 году."}
    error_of(client.post("/api/ingest", data=text), 401)
    assert "wrong" in error_of(client.post("/api/ingest", data=text, headers={"Authorization": "Bearer nope"}), 401)
    error_of(client.post("/api/review/1", json={"decision": "accepted"}), 401)
    assert client.get("/api/partners", params={"place": "Brest"}).status_code == 404  # nothing was written


def test_ingest_preview_stores_nothing_and_save_stores_once(client: TestClient, auth):
    text = {"text": "Омск и Брест стали побратимами 3 марта 2020 года.", "name": "brest.txt"}
    preview = client.post("/api/ingest", data={**text, "preview": "true"}, headers=auth).json()
    assert preview["ok"] and not preview["saved"]
    assert [(r["a"]["name"], r["b"]["name"], r["event"]) for r in preview["relations"]] == [("Omsk", "Brest", "signed")]
    assert client.get("/api/partners", params={"place": "gn:3"}).status_code == 404
    saved = client.post("/api/ingest", data=text, headers=auth).json()
    assert saved["saved"] and not saved["known"]
    assert [p["place"]["name"] for p in client.get("/api/partners", params={"place": "gn:3"}).json()] == ["Omsk"]
    again = client.post("/api/ingest", data=text, headers=auth).json()
    assert (again["saved"], again["known"]) == (False, True)


def test_ingest_a_file_upload(client: TestClient, auth):
    upload = {"file": ("news.txt", "Казань и Габрово подписали соглашение о побратимстве.".encode(), "text/plain")}
    body = client.post("/api/ingest", files=upload, headers=auth).json()
    assert body["doc"] == "news.txt" and body["relations"][0]["b"]["name"] in ("Kazan", "Gabrovo")


def test_ingest_errors_empty_both_and_too_large(client: TestClient, auth):
    assert "nothing to ingest" in error_of(client.post("/api/ingest", data={"text": "  "}, headers=auth), 400)
    both = client.post("/api/ingest", data={"text": "x"}, files={"file": ("a.txt", b"y", "text/plain")}, headers=auth)
    assert "not both" in error_of(both, 400)
    big = "Омск " * 1000  # 5 kB of text against the 2 kB cap of these tests
    assert "limit" in error_of(client.post("/api/ingest", data={"text": big}, headers=auth), 413)
    huge = client.post("/api/ingest", files={"file": ("big.txt", b"x" * 200_000, "text/plain")}, headers=auth)
    error_of(huge, 413)


def test_review_queue_and_decisions(client: TestClient, auth):
    queue = client.get("/api/review").json()
    assert len(queue) == 1 and queue[0]["quote"] == PENDING_QUOTE
    assert PENDING_QUOTE in queue[0]["context"] and queue[0]["context"].startswith("Слухи.")
    ident = queue[0]["id"]
    assert "reason" in error_of(client.post(f"/api/review/{ident}", json={"decision": "rejected"}, headers=auth), 400)
    error_of(client.post(f"/api/review/{ident}", json={"decision": "maybe"}, headers=auth), 422)
    error_of(client.post("/api/review/99999", json={"decision": "accepted"}, headers=auth), 404)
    accepted = client.post(f"/api/review/{ident}", json={"decision": "accepted", "reason": "checked"}, headers=auth)
    assert accepted.json() == {"ok": True, "id": ident, "review": "accepted"}
    assert client.get("/api/review").json() == []
    assert [p["place"]["name"] for p in client.get("/api/partners", params={"place": "Tula"}).json()] == ["Mogilev"]


def test_unknown_routes_and_openapi(client: TestClient):
    error_of(client.get("/api/nothing-here"), 404)
    schema = client.get("/api/openapi.json").json()
    assert {"/api/partners", "/api/pair", "/api/ingest", "/api/review/{assertion_id}"} <= set(schema["paths"])
    assert client.get("/api/docs").status_code == 200
