"""`twinatlas db info` and `twinatlas db migrate`: the database itself, before anything is in it."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

import click
from rich.table import Table

from twinatlas.cli.app import AppContext, cli, json_option, pass_app, print_json, stdout
from twinatlas.store import SCHEMA_VERSION, open_store


@cli.group()
def db() -> None:
    """Inspect and migrate the database (--db URL, TWINATLAS_DB)."""


@db.command("info")
@json_option
@pass_app
def db_info(app: AppContext, as_json: bool) -> None:
    """Show the database URL, its schema version and what it holds."""
    with open_store(app.settings.db, create=False, migrate=False) as store:
        version = store.schema_version()
        info: dict[str, Any] = {"url": store.url, "schema_version": version, "latest_version": SCHEMA_VERSION}
        info["counts"] = asdict(store.counts()) if version == SCHEMA_VERSION else None
    if as_json:
        print_json(info)
        return
    table = Table(show_header=False, box=None)
    table.add_row("database", info["url"])
    table.add_row("schema version", f"{version} (latest {SCHEMA_VERSION})")
    if info["counts"] is None:
        table.add_row("counts", "unavailable until migrated: run `twinatlas db migrate`")
    else:
        for name, value in info["counts"].items():
            table.add_row(name, f"{value:,}")
    stdout.print(table)


@db.command("migrate")
@pass_app
def db_migrate(app: AppContext) -> None:
    """Create the database or bring its schema up to date (a no-op when it is)."""
    with open_store(app.settings.db, migrate=False) as store:
        before = store.schema_version()
        applied = store.migrate()
        url = store.url
    if not applied:
        click.echo(f"{url}: schema version {before}, up to date")
        return
    for step in applied:
        click.echo(f"applied migration {step.version}: {step.description}")
    click.echo(f"{url}: schema version {before} -> {applied[-1].version}")
