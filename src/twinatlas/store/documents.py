"""Documents: rows <-> Document."""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa

from twinatlas.errors import InvalidInput
from twinatlas.models import Document, PartialDate, iso_or_none
from twinatlas.store.schema import documents

_SHA256 = re.compile(r"^[0-9a-f]{64}$")


def check_sha(sha: str, what: str) -> str:
    if not isinstance(sha, str) or not _SHA256.match(sha):
        raise InvalidInput(f"{what}: {sha!r} is not a SHA-256 hex digest (64 lowercase hex digits)")
    return sha


def document_row(doc: Document) -> dict[str, Any]:
    return {
        "sha256": check_sha(doc.sha256, f"document {doc.name!r}"),
        "name": doc.name,
        "url": doc.url,
        "title": doc.title,
        "lang": doc.lang,
        "published": iso_or_none(doc.published),
        "retrieved": doc.retrieved,
        "text": doc.text,
        "stored_at": datetime.now(UTC),
    }


def as_utc(value: datetime | None) -> datetime | None:
    """SQLite hands back naive timestamps; we only ever write UTC, so say so."""
    if value is None or value.tzinfo is not None:
        return value
    return value.replace(tzinfo=UTC)


def document_from_row(row: Mapping[Any, Any]) -> Document:
    return Document(
        text=row.get("text", ""),
        sha256=row["sha256"],
        name=row["name"],
        lang=row["lang"],
        url=row["url"],
        title=row["title"],
        published=PartialDate.parse(row["published"]) if row["published"] else None,
        retrieved=as_utc(row["retrieved"]),
    )


def has_document(conn: sa.Connection, sha: str) -> bool:
    found = conn.execute(sa.select(documents.c.sha256).where(documents.c.sha256 == sha)).first()
    return found is not None


def select_document(conn: sa.Connection, sha: str) -> Document | None:
    row = conn.execute(sa.select(documents).where(documents.c.sha256 == sha)).mappings().first()
    return document_from_row(row) if row is not None else None


def select_documents(conn: sa.Connection) -> list[Document]:
    query = sa.select(documents).order_by(documents.c.stored_at, documents.c.name)
    return [document_from_row(row) for row in conn.execute(query).mappings()]


def select_documents_by_sha(conn: sa.Connection, shas: Collection[str]) -> dict[str, Document]:
    ordered = sorted(shas)
    found: dict[str, Document] = {}
    for offset in range(0, len(ordered), 500):  # IN lists well below every database's parameter limit
        query = sa.select(documents).where(documents.c.sha256.in_(ordered[offset : offset + 500]))
        found.update((row["sha256"], document_from_row(row)) for row in conn.execute(query).mappings())
    return found


# Every column but the text: what views need to cite a document (name, url, publication date).
_INFO_COLUMNS = [c for c in documents.c if c.name != "text"]


def select_document_infos(conn: sa.Connection, shas: Collection[str]) -> dict[str, Document]:
    """Like select_documents_by_sha, without reading the texts (their `text` is '')."""
    ordered = sorted(shas)
    found: dict[str, Document] = {}
    for offset in range(0, len(ordered), 500):
        query = sa.select(*_INFO_COLUMNS).where(documents.c.sha256.in_(ordered[offset : offset + 500]))
        found.update((row["sha256"], document_from_row(row)) for row in conn.execute(query).mappings())
    return found
