"""The demo texts, the golden texts and the Belarus–Bulgaria CSV are well-formed gold data.

The gold files score the extractor, so a quote that is not in its text, a misspelt event or a malformed
date would silently distort every figure. These checks keep the hand-written data honest; the format is
the one of ../shared/eval/README.md.
"""

from __future__ import annotations

import csv
import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from twinatlas.models import Event, Kind, Level, PartialDate

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "src" / "twinatlas" / "demo"
DEMO_TEXTS = DEMO / "texts"
GOLDEN = ROOT / "tests" / "golden"
CORE_LANGS = ("ru", "bg", "be", "uk", "pl", "de", "en", "fr", "sr")
EXTRA_LANGS = ("cs", "es", "it", "lt")

DOC_KEYS = {"id", "lang", "source_url", "published", "type", "relations", "notes"}
REQUIRED_DOC_KEYS = DOC_KEYS - {"notes"}
RELATION_KEYS = {"a", "b", "event", "date", "kind", "quote", "uncertain"}
PLACE_KEYS = {"name", "name_in_text", "country", "level", "geonames_id", "iso3166_2"}
REQUIRED_PLACE_KEYS = PLACE_KEYS - {"iso3166_2"}
DOC_TYPES = {"news", "list", "negative", "hard"}
DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
ISO_SUBDIVISION_RE = re.compile(r"^[A-Z]{2}-[A-Z0-9]{1,3}$")

GOLD_FILES = sorted([*DEMO_TEXTS.glob("*.json"), *GOLDEN.glob("*/*.json")])


def load(path: Path) -> tuple[dict[str, Any], str]:
    gold = json.loads(path.read_text(encoding="utf-8"))
    text = path.with_suffix(".txt").read_text(encoding="utf-8")
    return gold, text


def test_gold_files_are_found() -> None:
    assert len(GOLD_FILES) >= 40, "the demo and golden folders should hold dozens of annotated texts"


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_document_header(path: Path) -> None:
    gold, text = load(path)
    assert REQUIRED_DOC_KEYS <= gold.keys() <= DOC_KEYS
    assert gold["id"] == path.stem
    assert gold["type"] in DOC_TYPES
    assert gold["source_url"] is None or gold["source_url"].startswith("https://example.org/")
    if gold["published"] is not None:
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", gold["published"])
        PartialDate.parse(gold["published"])
    if path.parent.parent == GOLDEN:
        assert gold["lang"] == path.parent.name, "a golden text lives in the folder of its language"
    assert (gold["type"] == "negative") == (gold["relations"] == []), "negative texts and only they are empty"
    assert text.strip(), "the text is not empty"


def _check_place(place: dict[str, Any], text: str, quote: str) -> None:
    assert REQUIRED_PLACE_KEYS <= place.keys() <= PLACE_KEYS
    assert place["name"] and place["name"] == place["name"].strip()
    assert re.fullmatch(r"[A-Z]{2}", place["country"])
    level = Level(place["level"])
    assert place["name_in_text"] in text, f"{place['name_in_text']!r} does not occur in the text"
    if place["geonames_id"] is not None:
        assert isinstance(place["geonames_id"], int) and place["geonames_id"] > 0
        assert level is Level.CITY, "only populated places carry a GeoNames id"
    elif level is Level.CITY:
        pytest.fail(f"city {place['name']} lacks its GeoNames id")
    iso = place.get("iso3166_2")
    if iso is not None:
        assert level is Level.REGION, "only first-level regions carry an ISO 3166-2 code"
        assert ISO_SUBDIVISION_RE.fullmatch(iso) and iso.startswith(place["country"] + "-")


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_relations(path: Path) -> None:
    gold, text = load(path)
    seen: set[tuple[frozenset[str], str]] = set()
    for relation in gold["relations"]:
        assert relation.keys() == RELATION_KEYS
        Event(relation["event"])
        Kind(relation["kind"])
        assert isinstance(relation["uncertain"], bool)
        quote = relation["quote"]
        assert quote and quote in text, f"quote is not a verbatim substring: {quote!r}"
        if relation["date"] is not None:
            assert DATE_RE.fullmatch(relation["date"]), relation["date"]
            PartialDate.parse(relation["date"])
        _check_place(relation["a"], text, quote)
        _check_place(relation["b"], text, quote)
        key = (frozenset((relation["a"]["name"], relation["b"]["name"])), relation["event"])
        assert key not in seen, f"one relation per (pair, event): {sorted(key[0])} {key[1]} twice"
        seen.add(key)


def _langs(folder_files: list[Path]) -> Counter[str]:
    return Counter(json.loads(p.read_text(encoding="utf-8"))["lang"] for p in folder_files)


def test_demo_texts_cover_every_language_and_event() -> None:
    demo_files = sorted(DEMO_TEXTS.glob("*.json"))
    langs = _langs(demo_files)
    for lang in CORE_LANGS:
        assert langs[lang] >= 2, f"demo needs two texts in {lang}"
    for lang in EXTRA_LANGS:
        assert langs[lang] >= 1, f"demo needs a text in {lang}"
    events = Counter(r["event"] for p in demo_files for r in load(p)[0]["relations"])
    assert set(events) == {e.value for e in Event}
    types = Counter(load(p)[0]["type"] for p in demo_files)
    assert types["list"] >= 3 and types["news"] >= 9


def test_serbian_demo_has_both_scripts() -> None:
    texts = [load(p)[1] for p in DEMO_TEXTS.glob("*.json") if load(p)[0]["lang"] == "sr"]
    assert any(re.search("[а-яђјљњћџ]", t) for t in texts)
    assert any(re.search("[čćšžđ]", t) for t in texts)


def test_golden_folders_hold_hard_cases_per_language() -> None:
    for lang in CORE_LANGS:
        files = sorted((GOLDEN / lang).glob("*.json"))
        hard = [p for p in files if "-news-" not in p.name and "-web-" not in p.name]
        news = [p for p in files if "-news-" in p.name]
        assert 3 <= len(hard) <= 5, f"tests/golden/{lang} should hold 3-5 hard cases"
        assert any(load(p)[0]["type"] == "negative" for p in hard), f"{lang} needs a negative hard case"
        # and long news that name many places around agreements of companies, clubs and ministries
        assert len(news) >= 2 and all(load(p)[0]["type"] == "negative" for p in news), lang


CSV_COLUMNS = [
    "a_name", "a_country", "a_level", "a_geonames_id",
    "b_name", "b_country", "b_level", "b_geonames_id",
    "event", "date", "kind", "source_url",
]  # fmt: skip


def test_belarus_bulgaria_csv() -> None:
    with (DEMO / "belarus-bulgaria.csv").open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        assert reader.fieldnames == CSV_COLUMNS
        rows = list(reader)
    assert len(rows) == 48, "the embassy page lists 48 pairs"
    assert len({(r["a_name"], r["a_level"], r["b_name"], r["b_level"]) for r in rows}) == 48
    for row in rows:
        assert (row["a_country"], row["b_country"]) == ("BY", "BG")
        assert row["event"] == "signed" and row["kind"] == "twinning"
        assert re.fullmatch(r"(199[4-9]|20[0-2]\d)", row["date"])
        assert row["source_url"] == "https://bulgaria.mfa.gov.by/bg/bilateral_relations/bulgaria_regional/"
        for side in ("a", "b"):
            level = Level(row[f"{side}_level"])
            assert (level is Level.CITY) == (row[f"{side}_geonames_id"] != ""), row
    years = Counter(r["date"] for r in rows)
    assert years["1999"] == 8 and years["2000"] == 11 and years["2021"] == 4


def test_demo_readme_names_the_sources() -> None:
    readme = (DEMO / "README.md").read_text(encoding="utf-8")
    assert "illustrative" in readme
    assert "bulgaria.mfa.gov.by" in readme
