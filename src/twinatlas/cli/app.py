"""The click group, the shared context object and the one place where errors become exit codes."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import click
from rich.console import Console

from twinatlas import __version__
from twinatlas.config import Settings, load_settings
from twinatlas.errors import TwinatlasError

F = TypeVar("F", bound=Callable[..., Any])

stdout = Console(highlight=False, soft_wrap=True)
stderr = Console(stderr=True, highlight=False, soft_wrap=True)


@dataclass
class AppContext:
    """What every command gets: the settings read once, and lazily opened resources."""

    settings: Settings
    debug: bool = False
    _cache: dict[str, Any] = field(default_factory=dict)

    def once(self, key: str, make: Callable[[], Any]) -> Any:
        """Open a resource (store, gazetteer) the first time a command asks for it."""
        if key not in self._cache:
            self._cache[key] = make()
        return self._cache[key]


pass_app = click.make_pass_decorator(AppContext)


def json_option(func: F) -> F:
    return click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")(func)


def print_json(value: Any) -> None:
    click.echo(json.dumps(value, ensure_ascii=False, indent=2, default=str))


class TwinatlasGroup(click.Group):
    """Turns TwinatlasError into one line on stderr and its exit code; tracebacks only with --debug."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except TwinatlasError as exc:
            app = ctx.find_object(AppContext)
            if app is not None and app.debug:
                raise
            stderr.print(f"[red]error:[/red] {exc}", markup=True, highlight=False)
            ctx.exit(exc.exit_code)


@click.group(cls=TwinatlasGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="twinatlas")
@click.option("--db", metavar="URL", help="SQLAlchemy database URL [env TWINATLAS_DB; default sqlite:///twinatlas.db].")
@click.option(
    "--config",
    "config_file",
    type=click.Path(path_type=Path, dir_okay=False),
    help="TOML settings file [env TWINATLAS_CONFIG; default ./twinatlas.toml if present].",
)
@click.option("--cache-dir", type=click.Path(path_type=Path, file_okay=False), help="Where the gazetteer index lives.")
@click.option("--debug", is_flag=True, help="Show tracebacks for errors.")
@click.pass_context
def cli(ctx: click.Context, db: str | None, config_file: Path | None, cache_dir: Path | None, debug: bool) -> None:
    """twinatlas: find twin-town agreements in texts and keep a sourced registry of them."""
    try:
        settings = load_settings(config_file, db=db, cache_dir=cache_dir)
    except TwinatlasError as exc:
        if debug:
            raise
        stderr.print(f"[red]error:[/red] {exc}")
        ctx.exit(exc.exit_code)
    ctx.obj = AppContext(settings=settings, debug=debug)


def main() -> None:
    try:
        cli.main(prog_name="twinatlas")
    except KeyboardInterrupt:
        stderr.print("interrupted")
        sys.exit(130)
