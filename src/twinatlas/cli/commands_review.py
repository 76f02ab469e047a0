"""`twinatlas review` (pending assertions, accept, reject) and `twinatlas coverage`."""

from __future__ import annotations

import click
from rich.table import Table

from twinatlas.cli.app import AppContext, cli, json_option, pass_app, print_json, stdout
from twinatlas.cli.commands_registry import atlas_of, badge, parse_date_option
from twinatlas.models import Review, iso_or_none


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
@click.option(
    "--source",
    "sources",
    multiple=True,
    required=True,
    metavar="PLACE",
    help="A place whose coverage is asked (repeat).",
)
@click.option(
    "--target",
    "targets",
    multiple=True,
    required=True,
    metavar="PLACE",
    help="A place it should be related to (repeat).",
)
@click.option("--at", "at", metavar="DATE", help="Status at this date; default today.")
@json_option
@pass_app
def coverage_cmd(
    app: AppContext, sources: tuple[str, ...], targets: tuple[str, ...], at: str | None, as_json: bool
) -> None:
    """Check claims like "X is twinned with every regional centre of Y": covered targets with evidence, and
    missing ones."""
    result = atlas_of(app).coverage(list(sources), list(targets), parse_date_option(at, "--at"))
    if as_json:
        print_json(result.to_json())
        return
    for row in result.rows:
        mark = "[green]all[/green]" if row.complete else f"{len(row.covered)}/{len(row.covered) + len(row.missing)}"
        stdout.print(f"[bold]{row.place.name}[/bold] ({mark})")
        for target, rel in row.covered:
            stdout.print(
                f"  ✓ {target.name}: {badge(rel.status and rel.status.value)} since {iso_or_none(rel.start) or '?'}"
            )
        for target in row.missing:
            stdout.print(f"  ✗ {target.name}")
