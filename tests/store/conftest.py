"""Every store test runs against SQLite (a temporary file) and PostgreSQL (TWINATLAS_TEST_PG).

The PostgreSQL variant skips, with the reason, where no server answers. Each PostgreSQL test gets its
own fresh schema (via search_path), dropped afterwards, so runs in parallel do not see each other.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator
from functools import cache
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import make_url

PG_URL = os.environ.get("TWINATLAS_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test")

DatabaseFactory = Callable[[], str]


@cache
def _pg_unavailable() -> str | None:
    """Why PostgreSQL cannot be used, or None when it answers."""
    try:
        engine = sa.create_engine(PG_URL, connect_args={"connect_timeout": 3})
        with engine.connect() as conn:
            conn.execute(sa.text("SELECT 1"))
        engine.dispose()
    except Exception as exc:  # any failure means: skip, and say why
        first = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
        return f"no PostgreSQL server answers at {PG_URL} (set TWINATLAS_TEST_PG): {first}"
    return None


def _sqlite_factory(tmp_path: Path) -> Iterator[DatabaseFactory]:
    counter = iter(range(1000))

    def make() -> str:
        return f"sqlite:///{tmp_path / f'store-{next(counter)}.db'}"

    yield make


def _pg_factory() -> Iterator[DatabaseFactory]:
    reason = _pg_unavailable()
    if reason:
        pytest.skip(reason)
    admin = sa.create_engine(PG_URL)
    schemas: list[str] = []

    def make() -> str:
        schema = f"twinatlas_test_{uuid.uuid4().hex[:12]}"
        with admin.begin() as conn:
            conn.execute(sa.text(f'CREATE SCHEMA "{schema}"'))
        schemas.append(schema)
        url = make_url(PG_URL).update_query_dict({"options": f"-csearch_path={schema}"})
        return url.render_as_string(hide_password=False)

    yield make
    with admin.begin() as conn:
        for schema in schemas:
            conn.execute(sa.text(f'DROP SCHEMA "{schema}" CASCADE'))
    admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def new_database(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[DatabaseFactory]:
    """A factory of URLs of fresh, empty databases on the parametrized backend."""
    if request.param == "sqlite":
        yield from _sqlite_factory(tmp_path)
    else:
        yield from _pg_factory()


@pytest.fixture
def db_url(new_database: DatabaseFactory) -> str:
    return new_database()


@pytest.fixture
def store(db_url: str):
    from twinatlas.store import open_store

    opened = open_store(db_url)
    yield opened
    opened.close()
