"""Writing to the registry (`ingest`, `import csv`) and asking it questions (`partners`, `timeline`, `pair`,
`stats`, `changes`, `conflicts`, `network`). Each command is one Atlas call plus output."""

from __future__ import annotations

from pathlib import Path

import click
from rich.markup import escape
from rich.progress import Progress
from rich.table import Table

from twinatlas.atlas import Atlas
from twinatlas.cli.app import AppContext, cli, json_option, pass_app, print_json, stderr, stdout
from twinatlas.errors import InvalidInput
from twinatlas.interop.csv_rows import parse_mapping
from twinatlas.models import Event, PartialDate, iso_or_none

STATUS_STYLE = {"signed": "green", "planned": "cyan", "suspended": "yellow", "lapsed": "magenta", "terminated": "red"}


def atlas_of(app: AppContext) -> Atlas:
    atlas: Atlas = app.once("atlas", lambda: Atlas(app.settings))
    return atlas


def parse_date_option(value: str | None, option: str) -> PartialDate | None:
    if value is None:
        return None
    try:
        return PartialDate.parse(value)
    except InvalidInput as exc:
        raise click.BadParameter(str(exc), param_hint=option) from exc


def badge(status: str | None) -> str:
    if status is None:
        return "unknown"
    return f"[{STATUS_STYLE.get(status, 'white')}]{status}[/]"


@cli.command()
@click.argument("sources", nargs=-1, required=True)
@json_option
@pass_app
def ingest(app: AppContext, sources: tuple[str, ...], as_json: bool) -> None:
    """Read texts (files, folders, URLs, '-' for stdin), extract their relations and store them.

    Each document is stored once (by content hash) in its own transaction: ingesting again changes
    nothing, and an interrupted folder resumes where it stopped.
    """
    atlas = atlas_of(app)
    atlas.gazetteer  # noqa: B018  open (or build) the index before the progress bar starts
    with Progress(transient=True, disable=as_json) as progress:
        task = progress.add_task("ingesting", total=None)
        report = atlas.ingest(
            list(sources), on_progress=lambda label: progress.update(task, advance=1, description=label)
        )
    if as_json:
        print_json(report.to_json())
    else:
        stdout.print(
            f"{len(report.added)} document(s) added, {len(report.unchanged)} unchanged, "
            f"{report.assertions} assertion(s) ({report.pending} pending review)"
        )
    for failure in report.failed:  # one line each on stderr, naming the source; the good ones are stored
        stderr.print(f"[red]error:[/red] {escape(failure.error)}", markup=True, highlight=False)
    if report.failed:
        raise SystemExit(1)


@cli.group("import")
def import_group() -> None:
    """Import structured lists of pairs."""


@import_group.command("csv")
@click.argument("path", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--map", "mappings", multiple=True, metavar="COLUMN=FIELD", help="Feed FIELD from COLUMN.")
@click.option("--delimiter", default=",", help="Column separator; 'tab' for TSV.")
@click.option("--comment", default=None, help="Skip lines starting with this (e.g. '%').")
@click.option("--no-header", is_flag=True, help="The file has no header; columns are numbered from 1.")
@json_option
@pass_app
def import_csv(
    app: AppContext,
    path: Path,
    mappings: tuple[str, ...],
    delimiter: str,
    comment: str | None,
    no_header: bool,
    as_json: bool,
) -> None:
    """Import a CSV/TSV list of pairs (all rows or none; each bad row is named with its column)."""
    delimiter = "\t" if delimiter.lower() in ("tab", "\\t") else delimiter
    report = atlas_of(app).import_pairs(
        path, mapping=parse_mapping(mappings), delimiter=delimiter, comment=comment, header=not no_header
    )
    if as_json:
        print_json(report.to_json())
    else:
        stdout.print(
            f"{report.rows} row(s): {report.places_resolved} place(s) resolved, "
            f"{report.places_unresolved} kept by name; {report.documents_added} source(s) added, "
            f"{report.documents_unchanged} unchanged"
        )


@cli.command("partners")
@click.argument("place")
@click.option("--at", "at", metavar="DATE", help="Status at this date (YYYY[-MM[-DD]]); default today.")
@click.option("--status", "statuses", multiple=True, type=click.Choice([e.value for e in Event]))
@click.option("--pending", is_flag=True, help="Include assertions still pending review.")
@json_option
@pass_app
def partners_cmd(
    app: AppContext, place: str, at: str | None, statuses: tuple[str, ...], pending: bool, as_json: bool
) -> None:
    """The partners of PLACE (any script or case), with status, dates and sources."""
    wanted = {Event(s) for s in statuses} or None
    found_place, found = atlas_of(app).partners(place, parse_date_option(at, "--at"), wanted, pending)
    if as_json:
        print_json([p.to_json() for p in found])
        return
    table = Table(title=f"Partners of {found_place.name} ({found_place.country})")
    for column in ("partner", "country", "level", "status", "start", "end", "sources"):
        table.add_column(column)
    for p in found:
        rel = p.relation
        table.add_row(
            p.place.name,
            p.place.country or "",
            p.place.level.value,
            badge(p.status and p.status.value),
            iso_or_none(rel.start) or "",
            iso_or_none(rel.end) or "",
            str(len({s.doc for step in rel.history for s in step.sources})),
        )
    stdout.print(table)


@cli.command()
@click.argument("place")
@click.option("--pending", is_flag=True, help="Include assertions still pending review.")
@json_option
@pass_app
def timeline(app: AppContext, place: str, pending: bool, as_json: bool) -> None:
    """Every dated event of PLACE's relations, oldest first."""
    found_place, steps = atlas_of(app).timeline(place, pending)
    if as_json:
        print_json([c.to_json() for c in steps])
        return
    table = Table(title=f"Timeline of {found_place.name}")
    for column in ("date", "event", "partner", "quote"):
        table.add_column(column)
    for change in steps:
        other = change.b if change.a.id == found_place.id else change.a
        quote = change.step.sources[0].quote if change.step.sources else ""
        table.add_row(iso_or_none(change.step.date) or "", badge(change.step.event.value), other.name, quote[:90])
    stdout.print(table)


@cli.command()
@click.argument("a")
@click.argument("b")
@click.option("--pending", is_flag=True, help="Include assertions still pending review.")
@json_option
@pass_app
def pair(app: AppContext, a: str, b: str, pending: bool, as_json: bool) -> None:
    """The history of the pair A–B with every quote and source, and any conflict."""
    rel = atlas_of(app).pair(a, b, pending)
    if as_json:
        out = rel.to_json()
        print_json({k: out[k] for k in ("a", "b", "status", "kind", "start", "end", "history", "conflicts")})
        return
    stdout.print(
        f"[bold]{rel.a.name} ({rel.a.country}) – {rel.b.name} ({rel.b.country})[/bold]: "
        f"{badge(rel.status and rel.status.value)}, since {iso_or_none(rel.start) or '?'}"
    )
    for step in rel.history:
        stdout.print(f"  {iso_or_none(step.date) or 'undated'}  {badge(step.event.value)}")
        for src in step.sources:
            stdout.print(f"      «{src.quote}» — {src.url or src.doc}")
    for conflict in rel.conflicts:
        stdout.print(f"  [red]conflict[/red] {conflict.kind}: {conflict.detail}")


@cli.command()
@click.option("--countries", nargs=2, metavar="CC CC", help="Two countries, e.g. BY BG.")
@click.option("--country", metavar="CC", help="One country: its pairs by partner country.")
@click.option("--at", "at", metavar="DATE", help="Status at this date.")
@json_option
@pass_app
def stats(
    app: AppContext, countries: tuple[str, str] | None, country: str | None, at: str | None, as_json: bool
) -> None:
    """Pairs by level and status between two countries, or of one country by partner country."""
    if not countries and not country:
        raise click.UsageError("give --countries CC CC or --country CC")
    first, second = countries if countries else (country, None)
    result = atlas_of(app).stats(first or "", second, parse_date_option(at, "--at"))
    if as_json:
        print_json(result.to_json())
        return
    stdout.print(f"[bold]{' – '.join(result.countries)}[/bold]: {result.pairs} distinct pair(s)")
    for title, counts in (
        ("by level", result.by_level),
        ("by status", result.by_status),
        ("by partner country", result.by_country),
    ):
        if counts:
            stdout.print(f"  {title}: " + ", ".join(f"{k} {v}" for k, v in counts.items()))


@cli.command()
@click.option("--since", required=True, metavar="DATE", help="YYYY[-MM[-DD]]")
@click.option("--pending", is_flag=True, help="Include assertions still pending review.")
@json_option
@pass_app
def changes(app: AppContext, since: str, pending: bool, as_json: bool) -> None:
    """Events dated on or after DATE, newest first."""
    found = atlas_of(app).changes(parse_date_option(since, "--since"), pending)
    if as_json:
        print_json([c.to_json() for c in found])
        return
    for change in found:
        stdout.print(
            f"{iso_or_none(change.step.date)}  {badge(change.step.event.value)}  "
            f"{change.a.name} ({change.a.country}) – {change.b.name} ({change.b.country})"
        )


@cli.command()
@json_option
@pass_app
def conflicts(app: AppContext, as_json: bool) -> None:
    """Claims that contradict what is known: listed, never silently resolved."""
    found = atlas_of(app).conflicts()
    if as_json:
        print_json([c.to_json() for c in found])
        return
    if not found:
        stdout.print("no conflicts")
    for c in found:
        stdout.print(f"[red]{c.kind}[/red] {c.a.name} ({c.a.country}) – {c.b.name} ({c.b.country}): {c.detail}")


@cli.command()
@click.option(
    "--status",
    "statuses",
    multiple=True,
    type=click.Choice([e.value for e in Event]),
    help="Only pairs with this status today (default: every pair).",
)
@click.option("--top", default=10, show_default=True, help="How many central places to list.")
@json_option
@pass_app
def network(app: AppContext, statuses: tuple[str, ...], top: int, as_json: bool) -> None:
    """Network metrics of the registry: size, components, degrees, assortativity, clustering, centrality."""
    metrics = atlas_of(app).network({Event(s) for s in statuses} or None, top)
    if as_json:
        print_json(metrics.to_json())
        return
    out = metrics.to_json()
    for key in (
        "places",
        "pairs",
        "components",
        "largest_component",
        "max_degree",
        "mean_degree",
        "assortativity",
        "transitivity",
        "triangles",
    ):
        stdout.print(f"{key:>18}: {out[key]}")
    stdout.print("most partners: " + ", ".join(f"{p} ({d})" for p, d in metrics.top_degree))
