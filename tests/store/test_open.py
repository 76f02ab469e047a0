"""Opening a database: clear one-line errors naming the URL, and SQLite set up the way the store needs."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from twinatlas.errors import StoreError
from twinatlas.store import open_store


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("sqlite:///nonexistent/dir/x.db", "sqlite:///nonexistent/dir/x.db: the folder nonexistent/dir does not exist"),
        ("nosuchdb://x", "nosuchdb://x: unsupported database 'nosuchdb'"),
        ("not a url at all", "'not a url at all' is not a database URL"),
        ("", "'' is not a database URL"),
        ("postgresql+nosuchdriver://u@localhost/db", "no driver for this database URL"),
    ],
)
def test_a_bad_url_is_a_store_error_naming_it(url, message):
    with pytest.raises(StoreError) as caught:
        open_store(url)
    assert message in str(caught.value)
    assert "\n" not in str(caught.value)


def test_an_unreachable_server_is_a_store_error_without_the_password():
    url = "postgresql+psycopg://someone:secret@127.0.0.1:1/db"  # nothing listens on port 1
    with pytest.raises(StoreError, match=r"postgresql\+psycopg://someone:\*\*\*@127.0.0.1:1/db: cannot open") as caught:
        open_store(url)
    assert "secret" not in str(caught.value)


def test_a_file_that_is_not_a_database_is_a_store_error(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("just some notes, not SQLite\n" * 100)
    with pytest.raises(StoreError, match="notes.db: cannot open the database"):
        open_store(f"sqlite:///{path}")


def test_without_create_a_missing_database_is_an_error_and_nothing_is_created(tmp_path):
    path = tmp_path / "absent.db"
    with pytest.raises(StoreError, match="absent.db: no database there"):
        open_store(f"sqlite:///{path}", create=False)
    assert not path.exists()


def test_sqlite_runs_with_wal_and_foreign_keys(tmp_path):
    url = f"sqlite:///{tmp_path / 'wal.db'}"
    open_store(url).close()
    from twinatlas.store.dialect import make_engine, parse_url

    engine = make_engine(parse_url(url))
    with engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        with pytest.raises(sa.exc.IntegrityError):  # an assertion about a document that is not there
            conn.execute(
                sa.text(
                    "INSERT INTO assertions (doc, place_a, place_b, a_text, b_text, event, kind, quote, start, "
                    '"end", confidence, extractor, extractor_version, review, created) VALUES '
                    "('0', 'x', 'y', 'x', 'y', 'signed', 'twinning', '', 0, 0, 1, 't', '1', 'accepted', '2025-01-01')"
                )
            )
    engine.dispose()
