"""`twinatlas review` (pending assertions, accept, reject) and `twinatlas coverage`."""

from __future__ import annotations

import click
from rich.table import Table

from twinatlas.cli.app import AppContext, cli, json_option, pass_app, print_json, stdout
from twinatlas.cli.commands_registry import atlas_of, badge, parse_date_option
from twinatlas.models import Place, Review, iso_or_none


@cli.group(invoke_without_command=True)
@json_option
@click.pass_context
def review(ctx: click.Context, as_json: bool) -> None:
    """Assertions under the confidence threshold wait here; list them, then accept or reject each."""
    if ctx.invoked_subcommand is not None:
        return
    pending = atlas_of(ctx.ensure_object(AppContext)).pending()
    if as_json:
        print_json([{"id": a.id, **a.to_json(), "review": a.review.value} for a in pending])
        return
    if not pending:
        stdout.print("nothing is pending review")
        return
    table = Table(title=f"{len(pending)} assertion(s) pending review")
    for column in ("id", "pair", "event", "date", "confidence", "quote"):
        table.add_column(column)
    for a in pending:
        table.add_row(
            str(a.id),
            f"{a.a.name} – {a.b.name}",
            badge(a.event.value),
            iso_or_none(a.date) or "",
            f"{a.confidence:.2f}",
            a.quote[:100],
        )
    stdout.print(table)


def _decide(app: AppContext, assertion_id: int, decision: Review, reason: str, as_json: bool) -> None:
    decided = atlas_of(app).decide(assertion_id, decision, reason)
    if as_json:
        print_json({"id": decided.id, "review": decided.review.value})
    else:
        stdout.print(f"assertion {assertion_id} ({decided.a.name} – {decided.b.name}): {decided.review.value}")


@review.command()
@click.argument("assertion_id", type=int)
@click.option("--reason", required=True, help="Why (kept with the decision).")
@json_option
@pass_app
def accept(app: AppContext, assertion_id: int, reason: str, as_json: bool) -> None:
    """Accept an assertion: default views will use it."""
    _decide(app, assertion_id, Review.ACCEPTED, reason, as_json)


@review.command()
@click.argument("assertion_id", type=int)
@click.option("--reason", required=True, help="Why (kept with the decision).")
@json_option
@pass_app
def reject(app: AppContext, assertion_id: int, reason: str, as_json: bool) -> None:
    """Reject an assertion: no view uses it any more (it stays stored, with the reason)."""
    _decide(app, assertion_id, Review.REJECTED, reason, as_json)


@cli.command("coverage")
@click.option("--source", "sources", multiple=True, metavar="PLACE", help="A place whose coverage is asked (repeat).")
@click.option("--target", "targets", multiple=True, metavar="PLACE", help="A place it should be related to (repeat).")
@click.option("--sources-country", metavar="CC", help="Sources: the cities of this country (with --min-population).")
@click.option("--min-population", type=click.IntRange(min=0), default=0, help="With --sources-country.")
@click.option("--targets-centres", metavar="CC", help="Targets: the regional centres of this country.")
@click.option("--at", "at", metavar="DATE", help="Status at this date; default today.")
@json_option
@pass_app
def coverage_cmd(
    app: AppContext,
    sources: tuple[str, ...],
    targets: tuple[str, ...],
    sources_country: str | None,
    min_population: int,
    targets_centres: str | None,
    at: str | None,
    as_json: bool,
) -> None:
    """Check claims like "X is twinned with every regional centre of Y": covered targets with evidence, missing
    ones (and which of those are only planned).

    Example: the Russian cities of over a million people against the Belarusian regional centres:
    twinatlas coverage --sources-country RU --min-population 1000000 --targets-centres BY
    """
    atlas = atlas_of(app)
    when = parse_date_option(at, "--at")
    if not (sources or sources_country) or not (targets or targets_centres):
        raise click.UsageError(
            "give sources (--source or --sources-country) and targets (--target or --targets-centres)"
        )
    if min_population and not sources_country:
        raise click.UsageError("--min-population selects cities of --sources-country; give that too")
    source_places: list[str | Place] = [*sources]
    target_places: list[str | Place] = [*targets]
    if sources_country:
        source_places += atlas.cities_over(sources_country, min_population)
    if targets_centres:
        target_places += atlas.regional_centres(targets_centres)
    result = atlas.coverage(source_places, target_places, when)
    if as_json:
        print_json(result.to_json())
        return
    complete = ", ".join(p.name for p in result.complete_places) or "none"
    stdout.print(f"related to every target: [bold]{complete}[/bold]")
    for row in result.rows:
        mark = "[green]all[/green]" if row.complete else f"{len(row.covered)}/{len(row.covered) + len(row.missing)}"
        stdout.print(f"[bold]{row.place.name}[/bold] ({mark})")
        if not row.covered and not row.planned:
            continue  # nothing known: listing every target again says nothing more
        for target, rel in row.covered:
            stdout.print(
                f"  ✓ {target.name}: {badge(rel.status and rel.status.value)} since {iso_or_none(rel.start) or '?'}"
            )
        planned = {target.id for target, _ in row.planned}
        for target in row.missing:
            stdout.print(f"  ✗ {target.name}" + (" ([cyan]planned[/cyan])" if target.id in planned else ""))
