"""The server-rendered pages: content, escaping of untrusted text, page language, errors as pages."""

from __future__ import annotations

import json
import re

from fastapi.testclient import TestClient
from webfakes import OMSK_QUOTE, TOKEN


def test_place_page_lists_partners_with_badges_and_feeds_the_map(client: TestClient):
    page = client.get("/place/gn:2")
    assert page.status_code == 200
    html = page.text
    assert 'data-partner="gn:1"' in html and 'class="badge status-signed"' in html
    data = json.loads(re.search(r'<script type="application/json" id="map-data">(.*?)</script>', html, re.S)[1])
    assert data["center"]["name"] == "Vitebsk"
    assert {(p["name"], p["status"]) for p in data["partners"]} == {("Omsk", "signed"), ("Haskovo", "signed")}


def test_untrusted_quotes_and_links_are_escaped(client: TestClient):
    html = client.get("/pair", params={"a": "Haskovo", "b": "Vitebsk"}).text
    assert "<script>alert('x')</script>" not in html
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in html
    assert 'href="javascript:' not in html  # a source URL that is not http(s) is shown, never linked
    place = client.get("/place/gn:2").text
    assert "<script>alert" not in place


def test_pair_page_shows_the_quote_with_its_source_and_date(client: TestClient):
    html = client.get("/pair", params={"a": "Omsk", "b": "Vitebsk"}).text
    assert OMSK_QUOTE in html
    assert 'href="https://news.example/omsk-vitebsk"' in html and "2025-06-19" in html


def test_page_language_from_the_switch_or_the_browser(client: TestClient):
    russian = client.get("/place/gn:2", headers={"Accept-Language": "ru-RU,ru;q=0.9,en;q=0.5"}).text
    assert "Партнёры" in russian and "Витебск" in russian
    bulgarian = client.get("/place/gn:2", params={"lang": "bg"})
    assert "Партньори" in bulgarian.text and bulgarian.cookies.get("twinatlas_lang") == "bg"
    assert "Partners" in client.get("/place/gn:2", params={"lang": "en"}).text


def test_search_page_and_the_other_pages_render(client: TestClient):
    assert "/place/gn:8" in client.get("/search", params={"q": "Магілёў"}).text
    assert "No place of that name" in client.get("/search", params={"q": "Atlantis"}).text
    countries = client.get("/countries", params={"a": "BY", "b": "BG"}).text
    assert 'id="pair-count">1<' in countries
    changes = client.get("/changes", params={"country": "DE"}).text
    assert "Volgograd" in changes and "Omsk" not in changes.split("<main>")[1]
    assert "Saint Petersburg" in client.get("/conflicts").text
    assert client.get("/").status_code == 200


def test_errors_render_as_pages_with_their_status(client: TestClient):
    missing = client.get("/place/Atlantis")
    assert missing.status_code == 404 and "Atlantis" in missing.text and "<html" in missing.text
    assert client.get("/changes", params={"since": "soon"}).status_code == 400


def test_ingest_page_previews_with_highlighted_quotes_then_saves(client: TestClient):
    text = "Новость дня. Омск и Брест стали побратимами в 2020 году. Остальное."
    preview = client.post("/ingest", data={"text": text, "action": "preview"}).text
    assert re.search(r"<mark>[^<]*Омск и Брест стали побратимами в 2020 году\.</mark> Остальное", preview)
    assert client.get("/api/partners", params={"place": "gn:3"}).status_code == 404
    assert client.post("/ingest", data={"text": text, "action": "save", "token": "bad"}).status_code == 401
    saved = client.post("/ingest", data={"text": text, "action": "save", "token": TOKEN})
    assert 'id="saved"' in saved.text
    assert [p["place"]["name"] for p in client.get("/api/partners", params={"place": "gn:3"}).json()] == ["Omsk"]


def test_review_page_accepts_a_pending_assertion(client: TestClient):
    page = client.get("/review").text
    ident = int(re.search(r'id="assertion-(\d+)"', page)[1])
    assert "<mark>Могилёв и Тула, возможно, станут побратимами.</mark>" in page
    refused = client.post(f"/review/{ident}", data={"decision": "accepted", "token": ""}, follow_redirects=False)
    assert refused.status_code == 401
    done = client.post(f"/review/{ident}", data={"decision": "accepted", "token": TOKEN}, follow_redirects=False)
    assert done.status_code == 303
    assert f'id="assertion-{ident}"' not in client.get("/review").text


def test_static_files_for_an_offline_map(client: TestClient):
    assert client.get("/static/leaflet/leaflet.js").status_code == 200
    outlines = client.get("/static/countries.geojson").json()
    assert "BY" in {f["properties"]["iso_a2"] for f in outlines["features"]}
