"""Relations as files: CSV (one row per pair), JSON Lines (the `pair --json` shape) and GeoJSON (lines).

Pure functions of `Relation`s; the API streams what they return.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from typing import Any

from twinatlas.models import Place, Relation, iso_or_none
from twinatlas.registry.queries import relation_sources

CSV_COLUMNS = (
    "a_id", "a_name", "a_country", "a_level", "b_id", "b_name", "b_country", "b_level",
    "status", "kind", "start", "end", "sources", "first_source_url",
)  # fmt: skip


def relations_csv(relations: Iterable[Relation]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for rel in relations:
        sources = relation_sources(rel)
        url = next((s.url for s in sources if s.url), "")
        writer.writerow([
            rel.a.id, rel.a.name, rel.a.country or "", rel.a.level.value,
            rel.b.id, rel.b.name, rel.b.country or "", rel.b.level.value,
            rel.status.value if rel.status else "", rel.kind.value,
            iso_or_none(rel.start) or "", iso_or_none(rel.end) or "", len({s.doc for s in sources}), url,
        ])  # fmt: skip
    return out.getvalue()


def relations_jsonl(relations: Iterable[Relation]) -> str:
    return "".join(json.dumps(rel.to_json(), ensure_ascii=False) + "\n" for rel in relations)


def _point(place: Place) -> list[float] | None:
    if place.lat is None or place.lon is None:
        return None
    return [round(place.lon, 5), round(place.lat, 5)]


def relations_geojson(relations: Iterable[Relation]) -> dict[str, Any]:
    """A line per pair whose two places have coordinates; `skipped` counts the others."""
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
                "a": rel.a.id, "a_name": rel.a.name, "b": rel.b.id, "b_name": rel.b.name,
                "status": rel.status.value if rel.status else None, "kind": rel.kind.value,
                "start": iso_or_none(rel.start), "end": iso_or_none(rel.end),
            },
        })  # fmt: skip
    return {"type": "FeatureCollection", "features": features, "skipped": skipped}
