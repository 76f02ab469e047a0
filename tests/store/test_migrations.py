"""The schema evolves only through versioned migration steps, and they arrive where schema.py says."""

from __future__ import annotations

import re

import pytest
import sqlalchemy as sa

from twinatlas.errors import StoreError
from twinatlas.store import SCHEMA_VERSION, migrations, open_store, schema
from twinatlas.store.dialect import make_engine, parse_url


def engine_for(url: str) -> sa.Engine:
    return make_engine(parse_url(url))


def _normalised_sql(text: str | None) -> str:
    return re.sub(r"\s+|\"", "", (text or "")).lower()


def reflected_shape(url: str) -> dict:
    """Tables, columns, keys, indexes and checks as the database reports them (comparable across DBs)."""
    engine = engine_for(url)
    try:
        inspector = sa.inspect(engine)
        shape = {}
        for table in sorted(inspector.get_table_names()):
            shape[table] = {
                "columns": [
                    (c["name"], str(c["type"]), c["nullable"], _normalised_sql(c["default"]))
                    for c in inspector.get_columns(table)
                ],
                "primary_key": inspector.get_pk_constraint(table)["constrained_columns"],
                "foreign_keys": sorted(
                    (tuple(fk["constrained_columns"]), fk["referred_table"], tuple(fk["referred_columns"]))
                    for fk in inspector.get_foreign_keys(table)
                ),
                "indexes": sorted(
                    (ix["name"], tuple(ix["column_names"]), bool(ix["unique"])) for ix in inspector.get_indexes(table)
                ),
                "checks": sorted(
                    (ck["name"], _normalised_sql(ck["sqltext"])) for ck in inspector.get_check_constraints(table)
                ),
            }
        return shape
    finally:
        engine.dispose()


def test_migrated_step_by_step_equals_a_fresh_schema(new_database):
    fresh, migrated = new_database(), new_database()
    engine = engine_for(fresh)
    schema.metadata.create_all(engine)
    engine.dispose()

    engine = engine_for(migrated)
    for step in migrations.STEPS:  # one step per run, as a database that lived through each release
        applied = migrations.migrate(engine, target=step.version)
        assert [s.version for s in applied] == [step.version]
    engine.dispose()

    fresh_shape, migrated_shape = reflected_shape(fresh), reflected_shape(migrated)
    assert set(fresh_shape) == {"schema_version", "documents", "places", "assertions", "review_decisions"}
    assert migrated_shape == fresh_shape


def test_a_new_database_is_created_at_the_latest_version(db_url):
    with open_store(db_url) as store:
        assert store.schema_version() == SCHEMA_VERSION == migrations.STEPS[-1].version


def test_reopening_an_up_to_date_database_changes_nothing(db_url):
    open_store(db_url).close()
    before = reflected_shape(db_url)
    with open_store(db_url) as store:
        assert store.migrate() == []
        assert store.schema_version() == SCHEMA_VERSION
    assert reflected_shape(db_url) == before
    engine = engine_for(db_url)
    with engine.connect() as conn:
        versions = conn.execute(sa.text("SELECT version FROM schema_version ORDER BY version")).scalars().all()
    engine.dispose()
    assert versions == [step.version for step in migrations.STEPS]


def test_an_old_database_is_brought_up_to_date_on_open(db_url):
    engine = engine_for(db_url)
    migrations.migrate(engine, target=1)
    engine.dispose()
    with open_store(db_url, migrate=False) as store:
        assert store.schema_version() == 1
    with open_store(db_url) as store:
        assert store.schema_version() == SCHEMA_VERSION


def test_a_database_from_a_newer_twinatlas_is_refused(db_url):
    open_store(db_url).close()
    engine = engine_for(db_url)
    with engine.begin() as conn:
        conn.execute(
            sa.text("INSERT INTO schema_version (version, description, applied_at) VALUES (:v, 'future', :t)"),
            {"v": SCHEMA_VERSION + 1, "t": "2030-01-01 00:00:00"},
        )
    engine.dispose()
    with pytest.raises(StoreError, match=f"schema version {SCHEMA_VERSION + 1}, newer than"):
        open_store(db_url)


def test_a_failing_step_leaves_the_previous_version(db_url, monkeypatch):
    def broken(conn: sa.Connection) -> None:
        conn.execute(sa.text("CREATE TABLE half_done (x INTEGER)"))
        raise RuntimeError("power cut")

    steps = (*migrations.STEPS, migrations.Step(SCHEMA_VERSION + 1, "broken", broken))
    monkeypatch.setattr(migrations, "STEPS", steps)
    monkeypatch.setattr(migrations, "LATEST", SCHEMA_VERSION + 1)
    engine = engine_for(db_url)
    with pytest.raises(RuntimeError, match="power cut"):
        migrations.migrate(engine)
    with engine.connect() as conn:
        assert migrations.current_version(conn) == SCHEMA_VERSION
        assert not sa.inspect(conn).has_table("half_done")
    engine.dispose()


def test_places_stored_before_name_lookups_existed_are_found_by_name_after_migrating(db_url):
    engine = engine_for(db_url)
    migrations.migrate(engine, target=3)
    with engine.begin() as conn:
        conn.execute(
            sa.text(
                "INSERT INTO places (id, name, level, resolved, names) VALUES ('gn:1', 'Gödöllő', 'city', true, '[]')"
            )
        )
    engine.dispose()
    with open_store(db_url) as store:
        [place] = store.places_named("GÖDÖLLŐ")
        assert place.id == "gn:1"
