"""`export` (the registry as CSV, JSONL, GeoJSON, GraphML or QuickStatements) and `reconcile` (the registry
against Wikidata or the reference list)."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

import click
from rich.table import Table

from twinatlas.cli.app import AppContext, cli, json_option, pass_app, print_json, stderr, stdout
from twinatlas.cli.commands_registry import atlas_of, badge
from twinatlas.errors import InvalidInput
from twinatlas.interop.exports import (
    csv_lines,
    jsonl_lines,
    quickstatements_lines,
    quickstatements_skipped,
    relations_geojson,
    relations_graphml,
)
from twinatlas.interop.reconcile import reconcile
from twinatlas.interop.wikidata import load_external_pairs
from twinatlas.models import Place, Relation, Source

FORMATS = ("csv", "jsonl", "geojson", "graphml", "quickstatements")


@contextmanager
def output_to(target: str) -> Iterator[TextIO]:
    """stdout for '-', else the file (its folder must exist); a write failure names the file."""
    if target == "-":
        yield sys.stdout
        return
    try:
        with Path(target).open("w", encoding="utf-8", newline="") as handle:
            yield handle
    except OSError as exc:
        raise InvalidInput(f"--output {target}: cannot write the file: {exc.strerror}") from exc


def _chunks(fmt: str, relations: list[Relation], quote_langs: dict[str, str | None]) -> Iterable[str]:
    if fmt == "csv":
        return csv_lines(relations)
    if fmt == "jsonl":
        return jsonl_lines(relations)
    if fmt == "geojson":
        return [json.dumps(relations_geojson(relations), ensure_ascii=False) + "\n"]
    if fmt == "graphml":
        return [relations_graphml(relations)]

    def quote_lang(src: Source) -> str | None:
        return quote_langs.get(src.doc)

    return quickstatements_lines(relations, quote_lang)


@cli.command("export")
@click.option("--format", "fmt", type=click.Choice(FORMATS), required=True, help="File format.")
@click.option("--place", metavar="NAME", help="Only the relations of this place (any script or case).")
@click.option("--output", "-o", "target", default="-", metavar="FILE", help="Where to write; '-' is stdout.")
@click.option("--pending", is_flag=True, help="Include assertions still pending review.")
@pass_app
def export_cmd(app: AppContext, fmt: str, place: str | None, target: str, pending: bool) -> None:
    """Write the registry (or one place's relations) as a file.

    QuickStatements V1 gives Wikidata editors dated, sourced P190 statements (both directions) for the
    pairs whose two places have a Q-id; what is left out is counted on stderr.
    """
    atlas = atlas_of(app)
    relations = atlas.relations(atlas.place(place) if place else None, include_pending=pending)
    quote_langs: dict[str, str | None] = {}
    if fmt == "quickstatements":
        wanted = {src.doc for rel in relations for step in rel.history for src in step.sources}
        quote_langs = {doc.name: doc.lang for doc in atlas.store.documents() if doc.name in wanted}
    with output_to(target) as handle:
        for chunk in _chunks(fmt, relations, quote_langs):
            handle.write(chunk)
    if fmt == "geojson":
        skipped = sum(1 for rel in relations if None in (rel.a.lat, rel.a.lon, rel.b.lat, rel.b.lon))
        if skipped:
            stderr.print(f"{skipped} of {len(relations)} pair(s) left out: a place has no coordinates")
    if fmt == "quickstatements":
        reasons: dict[str, int] = {}
        for skip in quickstatements_skipped(relations):
            reasons[skip.reason] = reasons.get(skip.reason, 0) + 1
        for reason, count in sorted(reasons.items()):
            stderr.print(f"{count} of {len(relations)} pair(s) left out: {reason}")


def _label(place: Place) -> str:
    return f"{place.name} ({place.country or '?'}{', ' + place.wikidata if place.wikidata else ''})"


@cli.command("reconcile")
@click.argument("source")
@click.option("--country", metavar="CC", help="Only pairs touching this country (ISO code); needed for Wikidata.")
@click.option(
    "--no-gazetteer", "without_gazetteer", is_flag=True, help="Match by ids and names only (no GeoNames look-up)."
)
@json_option
@pass_app
def reconcile_cmd(app: AppContext, source: str, country: str | None, without_gazetteer: bool, as_json: bool) -> None:
    """Compare the registry with SOURCE: a SPARQL JSON result file, the reference CSV, a SPARQL endpoint URL,
    or 'wikidata' (the Query Service, online).

    Lists the pairs only here (candidates for Wikidata), only there (no source here yet) and those whose
    status or start year disagree. Labels of the other side are looked up in the gazetteer, so that
    'Gomel' or 'Witebsk' meet the registry's Homyel' and Vitebsk.
    """
    there = load_external_pairs(source, country, timeout=app.settings.fetch_timeout)
    atlas = atlas_of(app)
    result = reconcile(atlas.relations(), there, country, gazetteer=None if without_gazetteer else atlas.gazetteer)
    if as_json:
        print_json(result.to_json())
        return
    stdout.print(
        f"{result.matched} pair(s) on both sides, {len(result.only_here)} only here, "
        f"{len(result.only_there)} only there, {len(result.disagree)} disagreement(s)"
    )
    if result.only_here:
        table = Table(title="Only here (candidates for Wikidata)")
        for column in ("a", "b", "status", "start", "end"):
            table.add_column(column)
        for rel in result.only_here:
            status = rel.status.value if rel.status else None
            table.add_row(_label(rel.a), _label(rel.b), badge(status), str(rel.start or ""), str(rel.end or ""))
        stdout.print(table)
    if result.only_there:
        table = Table(title=f"Only there ({len(result.only_there)}; no source here)")
        for column in ("a", "b", "start", "end"):
            table.add_column(column)
        for pair in result.only_there:
            table.add_row(_label(pair.a), _label(pair.b), str(pair.start or ""), str(pair.end or ""))
        stdout.print(table)
    for item in result.disagree:
        stdout.print(f"[yellow]{item.kind}[/yellow] {_label(item.here.a)} – {_label(item.here.b)}: {item.detail}")
