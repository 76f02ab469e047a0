"""Everything that differs between SQLite and PostgreSQL, in one place.

The rest of the store writes portable SQLAlchemy Core. Here: turning a URL into an engine with clear
errors, SQLite's connection pragmas (WAL, foreign keys) and real transactions, and the one
non-standard statement the store needs ("insert unless the key exists").
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import URL, Engine, make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError

from twinatlas.errors import StoreError

SUPPORTED = ("sqlite", "postgresql")
PG_CONNECT_TIMEOUT = 10  # seconds; an unreachable server should fail fast, not hang the CLI


def parse_url(url: str) -> URL:
    """The URL as SQLAlchemy reads it; StoreError naming the text when it is not a database URL."""
    try:
        parsed = make_url(url)
    except (ArgumentError, ValueError) as exc:
        raise StoreError(f"{url!r} is not a database URL (expected e.g. sqlite:///twinatlas.db)") from exc
    if parsed.get_backend_name() not in SUPPORTED:
        raise StoreError(
            f"{shown(parsed)}: unsupported database {parsed.get_backend_name()!r} (use sqlite or postgresql+psycopg)"
        )
    return parsed


def shown(url: URL | str) -> str:
    """The URL for messages, never with its password."""
    if isinstance(url, str):
        return url
    return url.render_as_string(hide_password=True)


def sqlite_path(url: URL) -> Path | None:
    """The database file of a SQLite URL; None for in-memory databases."""
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        return None
    return Path(url.database)


def is_empty_location(url: URL) -> bool:
    """True when a SQLite URL points at a file that does not exist yet (opening would create it)."""
    path = sqlite_path(url)
    return path is not None and not path.exists()


def make_engine(url: URL) -> Engine:
    """An engine for the URL, with the SQLite setup the store relies on. Does not connect yet."""
    backend = url.get_backend_name()
    path = sqlite_path(url)
    if path is not None and not path.parent.is_dir():
        raise StoreError(f"{shown(url)}: the folder {path.parent} does not exist")
    connect_args: dict[str, Any] = {}
    if backend == "postgresql":
        connect_args["connect_timeout"] = PG_CONNECT_TIMEOUT
    try:
        engine = sa.create_engine(url, connect_args=connect_args)
    except NoSuchModuleError as exc:
        raise StoreError(f"{shown(url)}: no driver for this database URL ({exc})") from exc
    except (ArgumentError, ImportError) as exc:
        raise StoreError(f"{shown(url)}: cannot use this database URL: {exc}") from exc
    if backend == "sqlite":
        _configure_sqlite(engine)
    return engine


def _configure_sqlite(engine: Engine) -> None:
    """WAL and foreign keys on every connection, and transactions that really begin.

    Python's sqlite3 module (before 3.12) opens transactions lazily and never around DDL, which breaks
    SAVEPOINT and atomic migrations; the SQLAlchemy-documented fix is to turn that off and emit BEGIN
    ourselves.
    """

    @sa.event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        if engine.url.database not in (None, "", ":memory:"):
            cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=5000")  # wait for another writer instead of failing at once
        cursor.close()

    @sa.event.listens_for(engine, "begin")
    def _on_begin(connection: sa.Connection) -> None:
        connection.exec_driver_sql("BEGIN")


def _insert_or_nothing(conn: sa.Connection, table: sa.Table) -> Any:
    if conn.dialect.name == "postgresql":
        return postgresql.insert(table).on_conflict_do_nothing()
    if conn.dialect.name == "sqlite":
        return sqlite.insert(table).on_conflict_do_nothing()
    raise StoreError(f"unsupported database {conn.dialect.name}")  # pragma: no cover - parse_url stops it


def insert_ignoring_existing(conn: sa.Connection, table: sa.Table, rows: list[dict[str, Any]]) -> None:
    """INSERT rows whose primary key is not there yet; existing rows stay untouched."""
    if rows:
        conn.execute(_insert_or_nothing(conn, table), rows)


def insert_if_absent(conn: sa.Connection, table: sa.Table, row: dict[str, Any]) -> bool:
    """INSERT one row unless its primary key exists; True when it was inserted.

    One statement, so two writers racing on the same key cannot both insert (nor fail).
    """
    # RETURNING, not rowcount: drivers disagree on rowcount for ON CONFLICT DO NOTHING.
    statement = _insert_or_nothing(conn, table).returning(*table.primary_key.columns)
    return conn.execute(statement, row).first() is not None
