"""What the API and the pages share: the app's Atlas, the write token check, reading an ingest request."""

from __future__ import annotations

import hmac
from dataclasses import dataclass, replace

from fastapi import Request, UploadFile

from twinatlas.atlas import Atlas
from twinatlas.atlas.web_support import WebSupport
from twinatlas.config import Settings
from twinatlas.errors import InvalidInput, TooLarge, Unauthorized
from twinatlas.ingest import read_bytes, read_text
from twinatlas.ingest.readers import kind_of
from twinatlas.models import Document, PartialDate

FORM_OVERHEAD = 64 * 1024  # multipart boundaries and the other fields around an uploaded file


@dataclass
class WebState:
    settings: Settings
    atlas: Atlas
    support: WebSupport


def state_of(request: Request) -> WebState:
    return request.app.state.web


def bearer(request: Request) -> str | None:
    scheme, _, value = request.headers.get("authorization", "").partition(" ")
    return value.strip() if scheme.lower() == "bearer" and value.strip() else None


def check_token(settings: Settings, given: str | None) -> None:
    """Writes need the configured token; without one configured, the server refuses every write."""
    if not settings.token:
        raise Unauthorized("writing is disabled: this server has no write token (set TWINATLAS_TOKEN)")
    if not given:
        raise Unauthorized("this request writes: send the write token as 'Authorization: Bearer <token>'")
    if not hmac.compare_digest(given.encode(), settings.token.encode()):
        raise Unauthorized("the write token is wrong")


def parse_date(value: str | None, name: str) -> PartialDate | None:
    if value is None or not value.strip():
        return None
    try:
        return PartialDate.parse(value)
    except InvalidInput as exc:
        raise InvalidInput(f"{name}: {exc}") from exc


async def document_from_request(
    settings: Settings,
    text: str | None,
    upload: UploadFile | None,
    name: str | None,
    url: str | None = None,
    published: str | None = None,
) -> Document:
    """The document an ingest request carries: pasted text or an uploaded file (exactly one of them)."""
    cap = settings.fetch_max_bytes
    has_file = upload is not None and bool(upload.filename)
    if has_file and text and text.strip():
        raise InvalidInput("send either 'text' or 'file', not both")
    when = parse_date(published, "published")
    if has_file:
        assert upload is not None
        data = await upload.read(cap + 1)
        if len(data) > cap:
            raise TooLarge(f"{upload.filename}: larger than the limit of {cap} bytes")
        label = name or upload.filename or "upload"
        doc = read_bytes(data, label, kind_of(upload.filename or "", upload.content_type or ""), url=url)
        return doc if when is None else replace(doc, published=when)
    if not text or not text.strip():
        raise InvalidInput("nothing to ingest: give 'text' (pasted text) or 'file' (an upload)")
    if len(text.encode("utf-8")) > cap:
        raise TooLarge(f"the text is larger than the limit of {cap} bytes")
    return read_text(text, name or "pasted text", url=url, published=when)
