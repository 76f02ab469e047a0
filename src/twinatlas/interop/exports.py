"""The registry as files: CSV, JSON Lines, GeoJSON, GraphML and QuickStatements V1 for Wikidata editors.

All are pure functions of `Relation`s. The line-based formats come as generators of lines (`*_lines`),
so that a caller can stream them to a file or an HTTP response; `relations_*` join them for small sets.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

import networkx as nx

from twinatlas.models import Event, PartialDate, Place, Precision, Relation, Review, Source, iso_or_none
from twinatlas.registry.queries import relation_sources

CSV_COLUMNS = (
    "a_id", "a_name", "a_country", "a_level", "a_geonames_id", "a_wikidata",
    "b_id", "b_name", "b_country", "b_level", "b_geonames_id", "b_wikidata",
    "status", "kind", "start", "end", "sources", "first_source_url",
)  # fmt: skip

# --- CSV and JSON Lines ------------------------------------------------------------------------------


def _csv_line(values: Iterable[object]) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerow(values)
    return out.getvalue()


def _place_cells(place: Place) -> list[object]:
    return [
        place.id, place.name, place.country or "", place.level.value, place.geonames_id or "", place.wikidata or "",
    ]  # fmt: skip


def csv_lines(relations: Iterable[Relation]) -> Iterator[str]:
    """The header, then one row per pair (each line ends with a newline)."""
    yield _csv_line(CSV_COLUMNS)
    for rel in relations:
        sources = relation_sources(rel)
        url = next((s.url for s in sources if s.url), "")
        yield _csv_line([
            *_place_cells(rel.a), *_place_cells(rel.b),
            rel.status.value if rel.status else "", rel.kind.value,
            iso_or_none(rel.start) or "", iso_or_none(rel.end) or "", len({s.doc for s in sources}), url,
        ])  # fmt: skip


def relations_csv(relations: Iterable[Relation]) -> str:
    return "".join(csv_lines(relations))


def jsonl_lines(relations: Iterable[Relation]) -> Iterator[str]:
    """`Relation.to_json()` (the `pair --json` shape), one per line."""
    for rel in relations:
        yield json.dumps(rel.to_json(), ensure_ascii=False) + "\n"


def relations_jsonl(relations: Iterable[Relation]) -> str:
    return "".join(jsonl_lines(relations))


# --- GeoJSON and GraphML -----------------------------------------------------------------------------


def _point(place: Place) -> list[float] | None:
    if place.lat is None or place.lon is None:
        return None
    return [round(place.lon, 5), round(place.lat, 5)]  # GeoJSON order: longitude first


def relations_geojson(relations: Iterable[Relation]) -> dict[str, Any]:
    """A line per pair whose two places have coordinates; `skipped` (a foreign member) counts the others."""
    features = []
    skipped = 0
    for rel in relations:
        a, b = _point(rel.a), _point(rel.b)
        if a is None or b is None:
            skipped += 1
            continue
        features.append({
            "type": "Feature",
            "geometry": {"type": "LineString", "coordinates": [a, b]},
            "properties": {
                "a": rel.a.id, "a_name": rel.a.name, "a_country": rel.a.country, "a_wikidata": rel.a.wikidata,
                "b": rel.b.id, "b_name": rel.b.name, "b_country": rel.b.country, "b_wikidata": rel.b.wikidata,
                "status": rel.status.value if rel.status else None, "kind": rel.kind.value,
                "start": iso_or_none(rel.start), "end": iso_or_none(rel.end),
                "sources": len({s.doc for s in relation_sources(rel)}),
            },
        })  # fmt: skip
    return {"type": "FeatureCollection", "features": features, "skipped": skipped}


def _without_none(values: dict[str, Any]) -> dict[str, Any]:
    """GraphML has no null: an unknown attribute is simply absent."""
    return {key: value for key, value in values.items() if value is not None}


def relations_graph(relations: Iterable[Relation]) -> nx.Graph:
    """Places as nodes (with their attributes), pairs as edges (status, kind, start, end, sources)."""
    graph = nx.Graph()
    for rel in relations:
        for place in (rel.a, rel.b):
            graph.add_node(place.id, **_without_none({
                "name": place.name, "country": place.country, "level": place.level.value,
                "geonames_id": place.geonames_id, "wikidata": place.wikidata, "lat": place.lat, "lon": place.lon,
            }))  # fmt: skip
        graph.add_edge(rel.a.id, rel.b.id, **_without_none({
            "status": rel.status.value if rel.status else None, "kind": rel.kind.value,
            "start": iso_or_none(rel.start), "end": iso_or_none(rel.end),
            "sources": len({s.doc for s in relation_sources(rel)}),
        }))  # fmt: skip
    return graph


def relations_graphml(relations: Iterable[Relation]) -> str:
    out = io.BytesIO()
    nx.write_graphml(relations_graph(relations), out, encoding="utf-8")
    return out.getvalue().decode("utf-8")


# --- QuickStatements V1 ------------------------------------------------------------------------------

TWINNED = "P190"  # twinned administrative body
START_TIME, END_TIME = "P580", "P582"
REFERENCE_URL, QUOTE = "S854", "S1683"
MAX_QUOTE = 400  # longer quotes are left out of the reference; the URL is enough to check them
_PRECISION = {Precision.YEAR: 9, Precision.MONTH: 10, Precision.DAY: 11}
ENDING = (Event.TERMINATED,)  # only a termination ends a P190 statement; a suspension may be lifted

QuoteLang = Callable[[Source], str | None]  # the language code of a source's quote, when known


def wikidata_time(value: PartialDate) -> str:
    """'+2019-05-00T00:00:00Z/10': Wikidata's time value with unknown parts as zeros, then its precision."""
    return f"+{value.year:04d}-{value.month or 0:02d}-{value.day or 0:02d}T00:00:00Z/{_PRECISION[value.precision]}"


def _qs_string(text: str) -> str:
    """A QuickStatements string literal: no tabs or line breaks (they separate fields and commands), and
    straight double quotes (which delimit the literal) turned into typographic ones."""
    flat = " ".join(text.split())
    return '"' + flat.replace('"', "\u201d") + '"'


@dataclass(frozen=True, slots=True)
class QuickStatementsSkip:
    relation: Relation
    reason: str


def quickstatements_skip_reason(rel: Relation) -> str | None:
    """Why a relation yields no statement, or None when it does."""
    if not rel.a.wikidata or not rel.b.wikidata:
        return "a place has no Wikidata id"
    if all(step.event is Event.PLANNED for step in rel.history):
        return "never established (planned only)"
    if not _references(rel):
        return "no accepted source with a URL"
    return None


def _references(rel: Relation) -> list[Source]:
    """The accepted sources of the signing and, when the pair ended, of the termination: one per URL."""
    wanted = {Event.SIGNED, *(ENDING if rel.status in ENDING else ())}
    seen: set[str] = set()
    out = []
    for src in relation_sources(rel):
        if src.event in wanted and src.url and src.review is Review.ACCEPTED and src.url not in seen:
            seen.add(src.url)
            out.append(src)
    return out


def quickstatements_for(rel: Relation, quote_lang: QuoteLang | None = None) -> list[str]:
    """The V1 commands for one relation (no trailing newline), or [] when it is skipped.

    P190 is symmetric in practice, so each direction gets its statement. Each reference goes on a line of
    its own carrying the same qualifiers: QuickStatements adds it to the statement it finds (or creates).
    """
    if quickstatements_skip_reason(rel) is not None:
        return []
    qualifiers: list[str] = []
    if rel.start is not None:
        qualifiers += [START_TIME, wikidata_time(rel.start)]
    if rel.status in ENDING and rel.end is not None:
        qualifiers += [END_TIME, wikidata_time(rel.end)]
    lines = []
    for first, second in ((rel.a.wikidata, rel.b.wikidata), (rel.b.wikidata, rel.a.wikidata)):
        for src in _references(rel):
            assert src.url is not None
            reference = [REFERENCE_URL, _qs_string(src.url)]
            lang = quote_lang(src) if quote_lang else None
            if lang and src.quote and len(src.quote) <= MAX_QUOTE:
                reference += [QUOTE, f"{lang}:{_qs_string(src.quote)}"]
            lines.append("\t".join([str(first), TWINNED, str(second), *qualifiers, *reference]))
    return lines


def quickstatements_lines(relations: Iterable[Relation], quote_lang: QuoteLang | None = None) -> Iterator[str]:
    """Every command, one per line (each ends with a newline)."""
    for rel in relations:
        for line in quickstatements_for(rel, quote_lang):
            yield line + "\n"


def quickstatements_skipped(relations: Iterable[Relation]) -> list[QuickStatementsSkip]:
    """The relations that yield no statement, with the reason, so that the CLI can say what was left out."""
    return [QuickStatementsSkip(rel, reason) for rel in relations if (reason := quickstatements_skip_reason(rel))]
