"""The FastAPI application: the JSON API under /api/, the pages, static files, and one error shape."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path

import xstatic.pkg.leaflet
from fastapi import FastAPI, Request
from fastapi.responses import Response
from fastapi.staticfiles import StaticFiles

from twinatlas import __version__
from twinatlas.atlas import Atlas
from twinatlas.atlas.web_support import Extractor, WebSupport
from twinatlas.config import Settings
from twinatlas.errors import TooLarge
from twinatlas.web import api, pages
from twinatlas.web.errors import install_error_handlers, respond
from twinatlas.web.shared import FORM_OVERHEAD, WebState

STATIC = Path(__file__).parent / "static"
UPLOAD_PATHS = ("/api/ingest", "/ingest")


def create_app(settings: Settings, atlas: Atlas | None = None, extract: Extractor | None = None) -> FastAPI:
    """The app over `atlas` (one is opened from `settings` when not given). `extract` replaces the pipeline
    (tests use a stand-in that needs no gazetteer index)."""
    atlas = atlas or Atlas(settings)
    app = FastAPI(
        title="twinatlas",
        version=__version__,
        description="Twin-town and sister-city agreements with their sources. Reads are open; writes need "
        "`Authorization: Bearer <token>` (the TWINATLAS_TOKEN setting). Every error is "
        '`{"ok": false, "error": "...", "status": N}`.',
        docs_url="/api/docs",
        redoc_url=None,
        openapi_url="/api/openapi.json",
    )
    app.state.web = WebState(settings, atlas, WebSupport(atlas, extract))
    app.state.render_error = pages.render_error
    install_error_handlers(app)

    @app.middleware("http")
    async def refuse_large_uploads(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        """Refuse an upload announced as too large before its body is read."""
        if request.method == "POST" and request.url.path in UPLOAD_PATHS:
            declared = request.headers.get("content-length", "")
            cap = settings.fetch_max_bytes
            if declared.isdigit() and int(declared) > cap + FORM_OVERHEAD:
                error = TooLarge(f"the request is {int(declared)} bytes; the limit is {cap} bytes of text or file")
                return respond(request, str(error), error.status)
        return await call_next(request)

    app.include_router(api.router)
    app.include_router(pages.router)
    app.mount("/static/leaflet", StaticFiles(directory=xstatic.pkg.leaflet.BASE_DIR), name="leaflet")
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    return app
