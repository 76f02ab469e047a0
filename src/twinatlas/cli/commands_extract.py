"""`twinatlas extract` and `twinatlas eval`: one library call each, plus output."""

from __future__ import annotations

import importlib
import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.table import Table

from twinatlas.cli.app import AppContext, cli, pass_app, print_json, stdout
from twinatlas.errors import GazetteerError
from twinatlas.models import Assertion, PlaceIndex


def _gazetteer(app: AppContext) -> PlaceIndex:
    def make() -> PlaceIndex:
        gazetteer = importlib.import_module("twinatlas.gazetteer")
        opener = getattr(gazetteer, "open_gazetteer", None)
        if opener is None:
            raise GazetteerError("this build has no gazetteer yet: twinatlas.gazetteer.open_gazetteer is missing")
        index: PlaceIndex = opener(app.settings.gazetteer_path)
        return index

    index: PlaceIndex = app.once("gazetteer", make)
    return index


def _sources(files: Sequence[str]) -> list[str]:
    """Command-line sources with folders expanded; '-' and URLs pass through."""
    from twinatlas.ingest.readers import is_url, iter_paths

    out: list[str] = []
    for arg in files:
        if arg == "-" or is_url(arg):
            out.append(arg)
        else:
            out.extend(str(path) for path in iter_paths([arg]))
    return out


def _assertion_table(assertions: Sequence[Assertion]) -> Table:
    table = Table("doc", "a", "b", "event", "date", "kind", "conf", "quote", show_lines=False)
    for item in assertions:
        table.add_row(
            item.doc_name or item.doc[:12],
            f"{item.a_text} → {item.a.name} ({item.a.country or '?'}, {item.a.level.value})",
            f"{item.b_text} → {item.b.name} ({item.b.country or '?'}, {item.b.level.value})",
            item.event.value,
            item.date.iso() if item.date else "",
            item.kind.value,
            f"{item.confidence:.2f}",
            item.quote if len(item.quote) <= 120 else item.quote[:117] + "...",
        )
    return table


@cli.command("extract")
@click.argument("files", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["jsonl", "table"]), default="jsonl", show_default=True)
@click.option("--lang", metavar="XX", help="Language of every input (skips language identification).")
@pass_app
def extract_command(app: AppContext, files: tuple[str, ...], fmt: str, lang: str | None) -> None:
    """Extract twinning relations from FILES (text, HTML, Markdown, folders, URLs; '-' reads stdin).

    Prints one JSON object per relation (the output contract of DESIGN.md), or a table with --format table.
    """
    from dataclasses import replace

    from twinatlas.ingest.readers import read_source
    from twinatlas.pipeline import process, reportable

    settings = replace(app.settings, default_lang=lang) if lang else app.settings
    index = _gazetteer(app)
    collected: list[Assertion] = []
    for source in _sources(files):
        assertions = reportable(process(read_source(source, settings), index), settings.review_threshold)
        if fmt == "jsonl":
            for assertion in assertions:
                click.echo(json.dumps(assertion.to_json(), ensure_ascii=False))
        else:
            collected.extend(assertions)
    if fmt == "table":
        _table_console().print(_assertion_table(collected))


TABLE_WIDTH_OFF_TERMINAL = 200  # piped or redirected, rich would wrap a wide table into unreadable columns


def _table_console() -> Console:
    """The terminal's console; off a terminal (a pipe, a file) one of a fixed, wide width."""
    if stdout.is_terminal:
        return stdout
    return Console(width=TABLE_WIDTH_OFF_TERMINAL, file=stdout.file, no_color=True)


def _relation_line(relation: Mapping[str, Any]) -> str:
    def side(place: Mapping[str, Any]) -> str:
        shown = place.get("name_in_text") or place.get("text") or ""
        return f"{place.get('name')} [{shown}]" if shown else str(place.get("name"))

    date = relation.get("date") or "-"
    return f"{side(relation['a'])} ~ {side(relation['b'])} {relation.get('event')} {date}: {relation.get('quote', '')}"


@cli.command("eval")
@click.argument("gold_dir", type=click.Path(path_type=Path, file_okay=False))
@click.option("--lang", metavar="XX", help="Force the language instead of the gold file's.")
@click.option("--json", "as_json", is_flag=True, help="Print the figures and the errors as JSON.")
@pass_app
def eval_command(app: AppContext, gold_dir: Path, lang: str | None, as_json: bool) -> None:
    """Run extraction over GOLD_DIR (NAME.txt + NAME.json pairs) and score it as ../shared/eval/score.py does.

    Prints strict and pair-only P/R/F1 and date accuracy per language and overall, then each miss and each
    false positive with its quote.
    """
    from twinatlas.evaluation import load_gold, score
    from twinatlas.evaluation.scoring import table
    from twinatlas.ingest.readers import read_path
    from twinatlas.pipeline import process, reportable

    gold = load_gold(gold_dir)
    index = _gazetteer(app)
    predictions = {}
    for doc in gold:
        document = read_path(doc.text_path, lang=lang)  # language detected as `extract` does, so figures agree
        found = reportable(process(document, index), app.settings.review_threshold)
        predictions[doc.name] = [a.to_json() for a in found]
    scores = score(gold, predictions)
    if as_json:
        print_json(
            {
                "rows": scores.rows,
                "documents": {
                    name: {"misses": o.misses, "false_positives": o.false_positives}
                    for name, o in scores.outcomes.items()
                },
            }
        )
        return
    for line in table(scores):
        click.echo(line)
    for name, outcome in scores.outcomes.items():
        if not (outcome.misses or outcome.false_positives or outcome.wrong_dates):
            continue
        click.echo(f"\n{name} ({scores.langs[name]})")
        for relation in outcome.misses:
            click.echo(f"  MISS  {_relation_line(relation)}")
        for relation in outcome.false_positives:
            click.echo(f"  FALSE {_relation_line(relation)}")
        for gold_relation, predicted in outcome.wrong_dates:
            click.echo(f"  DATE  {_relation_line(gold_relation)} (predicted {predicted.get('date') or '-'})")
