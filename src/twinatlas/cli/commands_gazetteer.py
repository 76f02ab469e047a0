"""`twinatlas gazetteer build` and `twinatlas place NAME`: one library call each, printed for people or JSON."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import click
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from twinatlas.cli.app import AppContext, cli, json_option, pass_app, print_json, stderr, stdout


def _with_progress(work: Callable[[Callable[[str, float], None]], None]) -> None:
    with Progress(
        TextColumn("{task.description}"), BarColumn(), TimeElapsedColumn(), console=stderr, transient=True
    ) as bar:
        task = bar.add_task("gazetteer", total=1.0)
        work(lambda stage, fraction: bar.update(task, description=f"gazetteer: {stage}", completed=fraction))


def open_index(app: AppContext) -> Any:
    """The gazetteer of this invocation, opened once (built with a progress bar when missing)."""
    from twinatlas.gazetteer import Gazetteer, index_is_current, open_gazetteer

    def make() -> Gazetteer:
        path = app.settings.gazetteer_path
        if not index_is_current(path):
            _with_progress(lambda report: open_gazetteer(path, progress=report).close())
        return open_gazetteer(path, build_if_missing=False)

    return app.once("gazetteer", make)


@cli.group()
def gazetteer() -> None:
    """Build and inspect the offline place index."""


@gazetteer.command("build")
@click.option("--if-missing", is_flag=True, help="Only build when no current index exists.")
@pass_app
def gazetteer_build(app: AppContext, if_missing: bool) -> None:
    """Build the gazetteer index from GeoNames, admin units and country names."""
    from twinatlas.gazetteer import build_index, index_is_current

    path = app.settings.gazetteer_path
    if if_missing and index_is_current(path):
        click.echo(f"gazetteer: {path} is current")
        return
    _with_progress(lambda report: build_index(path, report))
    click.echo(f"gazetteer: built {path}")


@cli.command("place")
@click.argument("name")
@click.option("--lang", help="Language of the name (ru, bg, pl, ...).")
@click.option("--country", help="ISO 3166-1 code of a country the name is probably in.")
@json_option
@pass_app
def place(app: AppContext, name: str, lang: str | None, country: str | None, as_json: bool) -> None:
    """Show the candidates for NAME with their scores, and the choice."""
    from twinatlas.resolve import resolve_name

    resolution = resolve_name(name, open_index(app), lang=lang, country=country.upper() if country else None)
    if as_json:
        print_json(resolution.to_json())
        return
    table = Table(title=f"{name!r}: {resolution.reason}", show_lines=False)
    for column in ("score", "id", "name", "country", "level", "why"):
        table.add_column(column)
    for cand in resolution.candidates:
        mark = "*" if resolution.choice and cand.place.id == resolution.choice.id else ""
        table.add_row(
            f"{mark}{cand.score:.2f}", cand.place.id, cand.place.name, cand.place.country or "",
            cand.place.level.value, "; ".join(cand.why),
        )  # fmt: skip
    stdout.print(table)
    if resolution.choice is None:
        stdout.print("no choice (abstained)")
