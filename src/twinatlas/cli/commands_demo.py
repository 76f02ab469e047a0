"""`twinatlas demo`: load the packaged demo data and show what the registry holds."""

from __future__ import annotations

from collections import Counter
from importlib import resources
from pathlib import Path

import click
from rich.table import Table

from twinatlas.cli.app import AppContext, cli, json_option, pass_app, print_json, stdout
from twinatlas.cli.commands_registry import atlas_of

TABLE_ROWS = 15


def demo_dir() -> Path:
    return Path(str(resources.files("twinatlas").joinpath("demo")))


@cli.command()
@json_option
@pass_app
def demo(app: AppContext, as_json: bool) -> None:
    """Ingest the demo texts and the Belarus–Bulgaria list into the database, then summarise the registry."""
    atlas = atlas_of(app)
    folder = demo_dir()
    report = atlas.ingest([str(folder / "texts")])
    imported = atlas.import_pairs(folder / "belarus-bulgaria.csv")
    relations = atlas.relations()
    counts = atlas.store.counts()
    by_countries: Counter[tuple[str, str]] = Counter()
    by_event: Counter[tuple[str, str, str]] = Counter()
    for rel in relations:
        pair = tuple(sorted((rel.a.country or "?", rel.b.country or "?")))
        by_countries[pair] += 1  # type: ignore[index]
        by_event[(*pair, rel.status.value if rel.status else "unknown")] += 1  # type: ignore[index]
    if as_json:
        print_json(
            {
                "ingest": report.to_json(),
                "import": imported.to_json(),
                "documents": counts.documents,
                "places": counts.places,
                "pairs": len(relations),
                "by_country_pair": [{"countries": list(k), "pairs": v} for k, v in by_countries.most_common()],
            }
        )
        return
    stdout.print(
        f"[bold]{app.settings.db}[/bold]: {counts.documents} documents, {counts.places} places, "
        f"{len(relations)} pairs, {counts.assertions} assertions ({counts.pending} pending review)"
    )
    if report.failed:
        for failure in report.failed:
            stdout.print(f"[red]failed:[/red] {failure.error}")
    table = Table(title="Pairs by country pair and status today")
    statuses = ["signed", "planned", "suspended", "lapsed", "terminated"]
    for column in ("countries", "pairs", *statuses):
        table.add_column(column, justify="right")
    shown = by_countries.most_common(TABLE_ROWS)
    for (c1, c2), total in shown:
        table.add_row(f"{c1}–{c2}", str(total), *(str(by_event[(c1, c2, s)] or "") for s in statuses))
    stdout.print(table)
    if len(by_countries) > len(shown):
        stdout.print(f"… and {len(by_countries) - len(shown)} more country pairs (twinatlas stats --country CC)")
    click.echo("Try: twinatlas partners Vitebsk · twinatlas stats --countries BY BG · twinatlas conflicts")
