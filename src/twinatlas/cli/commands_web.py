"""`twinatlas serve`: the web app and HTTP API over the configured database."""

from __future__ import annotations

import secrets
from dataclasses import replace

import click

from twinatlas.cli.app import AppContext, cli, pass_app, stdout


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535), help="Port to listen on.")
@pass_app
def serve(app: AppContext, host: str, port: int) -> None:
    """Serve the web pages and the JSON API (docs at /api/docs).

    Writes (ingest, review) need the token of TWINATLAS_TOKEN; without one, a token is made up for this
    run and printed, so nobody else on the network can write.
    """
    import uvicorn

    from twinatlas.atlas import Atlas
    from twinatlas.web.app import create_app

    settings = app.settings
    if not settings.token:
        settings = replace(settings, token=secrets.token_urlsafe(18))
        stdout.print(f"write token for this run: {settings.token}  (set TWINATLAS_TOKEN to choose one)")
    atlas = Atlas(settings)
    shown_host = "127.0.0.1" if host in ("0.0.0.0", "::") else host
    stdout.print(f"twinatlas is at http://{shown_host}:{port}/  (API docs: http://{shown_host}:{port}/api/docs)")
    try:
        uvicorn.run(create_app(settings, atlas), host=host, port=port, log_level="warning")
    finally:
        atlas.close()
