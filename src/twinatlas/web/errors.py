"""One error shape for every error: `{"ok": false, "error": "...", "status": N}` under /api/, a page elsewhere.

TwinatlasError subclasses carry their status (InvalidInput 400, Unauthorized 401, NotFound 404,
TooLarge 413); FastAPI's own validation errors become 422 with the offending parameter named; anything
unexpected is a 500 whose message names no internals (the traceback goes to the server log only).
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from twinatlas.errors import TwinatlasError

log = logging.getLogger("twinatlas.web")

API_PREFIX = "/api/"
ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    code: {
        "description": text,
        "content": {"application/json": {"example": {"ok": False, "error": text, "status": code}}},
    }
    for code, text in (
        (400, "bad input"),
        (401, "missing or wrong write token"),
        (404, "not found"),
        (413, "upload too large"),
        (422, "malformed request"),
    )
}


def error_body(message: str, status: int) -> dict[str, Any]:
    return {"ok": False, "error": message, "status": status}


def _describe_validation(exc: RequestValidationError) -> str:
    parts = []
    for err in exc.errors():
        where = ".".join(str(x) for x in err.get("loc", ()) if x not in ("query", "body", "path", "header", "form"))
        parts.append(f"{where or 'request'}: {err.get('msg', 'invalid')}")
    return "; ".join(parts) or "malformed request"


def respond(request: Request, message: str, status: int, headers: dict[str, str] | None = None) -> Response:
    """The error as JSON for API calls, as a page for browsers."""
    if request.url.path.startswith(API_PREFIX) or request.url.path == API_PREFIX.rstrip("/"):
        return JSONResponse(error_body(message, status), status_code=status, headers=headers)
    render = getattr(request.app.state, "render_error", None)
    if render is not None:
        return render(request, message, status)
    return HTMLResponse(f"<h1>{status}</h1>", status_code=status, headers=headers)


def install_error_handlers(app: FastAPI) -> None:
    async def on_twinatlas_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, TwinatlasError)
        status = exc.status if 400 <= exc.status < 600 else 500
        if status >= 500:
            log.error("%s failed: %s", request.url.path, exc)
        headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
        return respond(request, str(exc), status, headers)

    async def on_http_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, StarletteHTTPException)
        message = exc.detail if isinstance(exc.detail, str) else "request failed"
        if exc.status_code == 404 and message == "Not Found":
            message = f"{request.url.path}: no such page or API route"
        return respond(request, message, exc.status_code, dict(exc.headers or {}) or None)

    async def on_validation_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, RequestValidationError)
        return respond(request, _describe_validation(exc), 422)

    async def on_unexpected(request: Request, exc: Exception) -> Response:
        log.exception("unexpected error on %s", request.url.path)
        return respond(request, "internal error: the server log has the details", 500)

    app.add_exception_handler(TwinatlasError, on_twinatlas_error)
    app.add_exception_handler(StarletteHTTPException, on_http_error)
    app.add_exception_handler(RequestValidationError, on_validation_error)
    app.add_exception_handler(Exception, on_unexpected)
