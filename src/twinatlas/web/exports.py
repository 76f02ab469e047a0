"""Relations as files: the formats live in twinatlas.interop.exports; the web app imports them from here."""

from __future__ import annotations

from twinatlas.interop.exports import CSV_COLUMNS, relations_csv, relations_geojson, relations_jsonl

__all__ = ["CSV_COLUMNS", "relations_csv", "relations_geojson", "relations_jsonl"]
