"""`twinatlas gazetteer ...` and `twinatlas place NAME`: placeholders until the gazetteer lands."""

from __future__ import annotations

import click

from twinatlas.cli.app import cli


@cli.group()
def gazetteer() -> None:
    """Build and inspect the offline place index."""


@gazetteer.command("build")
@click.option("--if-missing", is_flag=True, help="Only build when no current index exists.")
def gazetteer_build(if_missing: bool) -> None:
    """Build the gazetteer index from GeoNames, admin units and country names."""
    click.echo("gazetteer: not built yet (coming with the gazetteer issue)")
