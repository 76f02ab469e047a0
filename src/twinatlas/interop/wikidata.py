"""The Wikidata side of a reconciliation: P190 pairs from SPARQL JSON results (a file, or the Query Service
over HTTP) or from the project's reference CSV (../shared/data/twinnings-reference.csv).

Wikidata's places become `Place`s with the id `wd:<Q-id>` (or `<CC>:city:<slug>` for reference rows that
have no Q-id), so that reconciliation compares like with like.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import httpx

from twinatlas import __version__
from twinatlas.errors import FetchError, InvalidInput, NotFound
from twinatlas.models import Level, PartialDate, Place, slug

WDQS_ENDPOINT = "https://query.wikidata.org/sparql"
USER_AGENT = f"twinatlas/{__version__} (+https://github.com/twinatlas; P190 reconciliation)"
SPARQL_JSON = "application/sparql-results+json"

# P190 statements (not deprecated) of items in one country, with what reconciliation needs: labels, the
# ISO codes of both countries (P17 → P297), coordinates (P625) and the start/end qualifiers with their
# precision. `{country}` is an ISO 3166-1 alpha-2 code.
P190_QUERY = """\
SELECT ?item ?itemLabel ?itemCountry ?itemCoord ?partner ?partnerLabel ?partnerCountry ?partnerCoord
       ?start ?startPrecision ?end ?endPrecision WHERE {{
  ?country wdt:P297 "{country}" .
  ?item wdt:P17 ?country ; p:P190 ?statement .
  ?statement ps:P190 ?partner ; wikibase:rank ?rank .
  FILTER(?rank != wikibase:DeprecatedRank)
  BIND("{country}" AS ?itemCountry)
  OPTIONAL {{ ?item wdt:P625 ?itemCoord }}
  OPTIONAL {{ ?partner wdt:P17/wdt:P297 ?partnerCountry }}
  OPTIONAL {{ ?partner wdt:P625 ?partnerCoord }}
  OPTIONAL {{ ?statement pqv:P580 [ wikibase:timeValue ?start ; wikibase:timePrecision ?startPrecision ] }}
  OPTIONAL {{ ?statement pqv:P582 [ wikibase:timeValue ?end ; wikibase:timePrecision ?endPrecision ] }}
  SERVICE wikibase:label {{ bd:serviceParam wikibase:language "en,de,fr,ru,uk,pl,bg,be" . }}
}}"""

_QID = re.compile(r"(Q\d+)$")
_POINT = re.compile(r"Point\(\s*(-?[\d.]+(?:[eE]-?\d+)?)\s+(-?[\d.]+(?:[eE]-?\d+)?)\s*\)")
_TIME = re.compile(r"^[+]?(\d{4,})-(\d\d)-(\d\d)")
_COUNTRY = re.compile(r"^[A-Za-z]{2}$")


@dataclass(frozen=True, slots=True)
class ExternalPair:
    """One unordered pair as an outside source (Wikidata, a reference list) states it."""

    a: Place
    b: Place
    start: PartialDate | None = None
    end: PartialDate | None = None
    origin: str = "wikidata"  # where the pair was read from, for messages and JSON

    def touches(self, country: str) -> bool:
        return country.upper() in {self.a.country, self.b.country}

    def to_json(self) -> dict[str, Any]:
        return {
            "a": self.a.to_json(),
            "b": self.b.to_json(),
            "start": self.start.iso() if self.start else None,
            "end": self.end.iso() if self.end else None,
            "origin": self.origin,
        }


def query_for_country(country: str) -> str:
    if not _COUNTRY.match(country or ""):
        raise InvalidInput(f"--country {country!r}: expected an ISO 3166-1 alpha-2 code such as BY")
    return P190_QUERY.format(country=country.upper())


# --- SPARQL 1.1 JSON results -------------------------------------------------------------------------


def _value(binding: Mapping[str, Any], var: str) -> str | None:
    cell = binding.get(var)
    if isinstance(cell, Mapping) and isinstance(cell.get("value"), str):
        return str(cell["value"]).strip() or None
    return None


def wikidata_time_value(text: str | None, precision: str | None = None) -> PartialDate | None:
    """'1996-01-01T00:00:00Z' with precision 9 → 1996. Without a precision, 1 January is taken as a year:
    the Query Service writes year-precise values that way, and twinnings are rarely dated to New Year's Day."""
    match = _TIME.match(text or "")
    if not match:
        return None
    year, month, day = (int(g) for g in match.groups())
    level = int(precision) if precision and precision.isdigit() else (9 if (month, day) in ((1, 1), (0, 0)) else 11)
    try:
        if level <= 9 or month == 0:
            return PartialDate(year)
        return PartialDate(year, month) if level == 10 or day == 0 else PartialDate(year, month, day)
    except InvalidInput:
        return None  # BCE or out-of-range values say nothing about a twinning


def _place(binding: Mapping[str, Any], var: str, where: str) -> Place:
    uri = _value(binding, var)
    match = _QID.search(uri or "")
    if not match:
        raise InvalidInput(f"{where}: ?{var} is {uri!r}, not a Wikidata item URI")
    qid = match.group(1)
    label = _value(binding, f"{var}Label") or qid
    country = (_value(binding, f"{var}Country") or "").upper() or None
    lat = lon = None
    if point := _POINT.search(_value(binding, f"{var}Coord") or ""):
        lon, lat = float(point.group(1)), float(point.group(2))  # WKT order: longitude first
    return Place(
        id=f"wd:{qid}", name=label, country=country, level=Level.CITY, wikidata=qid, lat=lat, lon=lon, names=()
    )


def _merge_place(old: Place, new: Place) -> Place:
    """Fill what one result row lacked from another row about the same item."""
    return replace(
        old,
        country=old.country or new.country,
        lat=old.lat if old.lat is not None else new.lat,
        lon=old.lon if old.lon is not None else new.lon,
        name=old.name if old.name != old.wikidata else new.name,
    )


def merge_pairs(pairs: Iterable[ExternalPair]) -> list[ExternalPair]:
    """One pair per unordered couple of places (Wikidata states P190 from both sides), keeping the dates
    and the attributes any of its rows had."""
    places: dict[str, Place] = {}
    merged: dict[tuple[str, str], ExternalPair] = {}
    for pair in pairs:
        for place in (pair.a, pair.b):
            places[place.id] = _merge_place(places[place.id], place) if place.id in places else place
        key = (pair.a.id, pair.b.id) if pair.a.id <= pair.b.id else (pair.b.id, pair.a.id)
        if key[0] == key[1]:
            continue
        old = merged.get(key)
        merged[key] = replace(
            old or pair,
            start=(old.start if old and old.start else pair.start),
            end=(old.end if old and old.end else pair.end),
        )
    return [replace(pair, a=places[key[0]], b=places[key[1]]) for key, pair in merged.items()]


def parse_sparql_json(data: Any, where: str) -> list[ExternalPair]:
    """Pairs from a SPARQL 1.1 JSON result with the variables of P190_QUERY (?item and ?partner needed)."""
    try:
        variables = data["head"]["vars"]
        bindings = data["results"]["bindings"]
    except (KeyError, TypeError) as exc:
        raise InvalidInput(f"{where}: not a SPARQL JSON result (no head.vars / results.bindings)") from exc
    missing = {"item", "partner"} - set(variables)
    if missing:
        raise InvalidInput(f"{where}: the result has no ?{' ?'.join(sorted(missing))} variable (has {variables})")
    pairs = []
    for number, binding in enumerate(bindings, start=1):
        row = f"{where}: result {number}"
        pairs.append(
            ExternalPair(
                a=_place(binding, "item", row),
                b=_place(binding, "partner", row),
                start=wikidata_time_value(_value(binding, "start"), _value(binding, "startPrecision")),
                end=wikidata_time_value(_value(binding, "end"), _value(binding, "endPrecision")),
                origin="wikidata",
            )
        )
    return merge_pairs(pairs)


def read_sparql_json(path: Path) -> list[ExternalPair]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise NotFound(f"{path}: cannot read the file: {exc.strerror}") from exc
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise InvalidInput(f"{path}: not JSON: {exc}") from exc
    return parse_sparql_json(data, str(path))


def fetch_sparql(query: str, endpoint: str = WDQS_ENDPOINT, timeout: float = 60.0) -> list[ExternalPair]:
    """GET the endpoint with the query (the Query Service asks for a descriptive User-Agent)."""
    headers = {"User-Agent": USER_AGENT, "Accept": SPARQL_JSON}
    try:
        with httpx.Client(timeout=timeout, headers=headers, follow_redirects=True) as client:
            response = client.get(endpoint, params={"query": query, "format": "json"})
    except httpx.TimeoutException as exc:
        raise FetchError(f"{endpoint}: no answer within {timeout:g} s (timed out)") from exc
    except httpx.HTTPError as exc:
        raise FetchError(f"{endpoint}: the SPARQL query failed: {exc}") from exc
    if response.status_code >= 400:
        raise FetchError(f"{endpoint}: the server answered {response.status_code} {response.reason_phrase}")
    try:
        data = response.json()
    except ValueError as exc:
        raise FetchError(f"{endpoint}: the answer is not JSON ({response.headers.get('content-type')})") from exc
    return parse_sparql_json(data, endpoint)


# --- the reference CSV -------------------------------------------------------------------------------

REFERENCE_COLUMNS = ("a_qid", "a_label_en", "a_country", "a_lat", "a_lon", "b_qid", "b_label_en", "b_country")


def _float(text: str | None) -> float | None:
    try:
        return float(text) if text else None
    except ValueError:
        return None


def _reference_place(row: Mapping[str, str], side: str) -> Place:
    qid = (row.get(f"{side}_qid") or "").strip() or None
    name = (row.get(f"{side}_label_en") or "").strip() or qid or "?"
    country = (row.get(f"{side}_country") or "").strip().upper() or None
    place_id = f"wd:{qid}" if qid else f"{country or 'XX'}:{Level.CITY.value}:{slug(name)}"
    return Place(
        id=place_id, name=name, country=country, level=Level.CITY, wikidata=qid,
        lat=_float(row.get(f"{side}_lat")), lon=_float(row.get(f"{side}_lon")), resolved=qid is not None,
    )  # fmt: skip


def read_reference_csv(path: Path, country: str | None = None) -> list[ExternalPair]:
    """Pairs of twinnings-reference.csv (a_qid, a_label_en, a_country, a_lat, a_lon, b_..., start, end,
    source), only those touching `country` when given."""
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            missing = set(REFERENCE_COLUMNS) - set(reader.fieldnames or ())
            if missing:
                raise InvalidInput(f"{path}: not the reference shape: no column(s) {', '.join(sorted(missing))}")
            pairs = []
            for row in reader:
                pair = ExternalPair(
                    a=_reference_place(row, "a"),
                    b=_reference_place(row, "b"),
                    start=_reference_date(row.get("start"), path, reader.line_num),
                    end=_reference_date(row.get("end"), path, reader.line_num),
                    origin=(row.get("source") or "reference").strip(),
                )
                if country is None or pair.touches(country):
                    pairs.append(pair)
    except OSError as exc:
        raise NotFound(f"{path}: cannot read the file: {exc.strerror}") from exc
    return merge_pairs(pairs)


def _reference_date(text: str | None, path: Path, line: int) -> PartialDate | None:
    if not text or not text.strip():
        return None
    try:
        return PartialDate.parse(text)
    except InvalidInput as exc:
        raise InvalidInput(f"{path}, line {line}: {exc}") from exc


def load_external_pairs(source: str, country: str | None = None, timeout: float = 60.0) -> list[ExternalPair]:
    """The 'there' side named by SOURCE: 'wikidata' (the Query Service, needs a country), an http(s) URL of a
    SPARQL endpoint (sent the P190 query) or a local .json (SPARQL results) or .csv (reference) file."""
    if source == "wikidata" or source.startswith(("http://", "https://")):
        if country is None:
            raise InvalidInput(f"{source}: querying Wikidata needs --country (an ISO code such as BY)")
        endpoint = WDQS_ENDPOINT if source == "wikidata" else source
        return fetch_sparql(query_for_country(country), endpoint, timeout)
    path = Path(source)
    if not path.is_file():
        raise NotFound(f"{source}: no such file (expected SPARQL JSON, a reference CSV, a URL or 'wikidata')")
    if path.suffix.lower() == ".csv":
        return read_reference_csv(path, country)
    pairs = read_sparql_json(path)
    return [p for p in pairs if country is None or p.touches(country)]
