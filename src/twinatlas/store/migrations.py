"""Versioned schema migrations: an ordered list of steps and a `schema_version` table.

Each step is frozen once released: it builds the tables *as they were at that version* in its own
MetaData, so later edits to schema.py cannot change what an old step does. A new schema change is a new
step appended to STEPS plus the matching edit in schema.py; tests/store/test_migrations.py checks that
a database migrated step by step equals a fresh `schema.metadata.create_all()`.

Every step runs in its own transaction together with its version row, so an interrupted migration
leaves the database at the previous version (PostgreSQL and SQLite both have transactional DDL).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

import sqlalchemy as sa

from twinatlas.errors import StoreError

_EVENTS = "'signed', 'planned', 'terminated', 'suspended', 'lapsed'"
_KINDS = "'twinning', 'partnership', 'cooperation', 'friendship'"
_LEVELS = "'country', 'region', 'district', 'municipality', 'community', 'city'"
_REVIEWS = "'accepted', 'pending', 'rejected'"


@dataclass(frozen=True)
class Step:
    version: int
    description: str
    apply: Callable[[sa.Connection], None]


def _version_table(md: sa.MetaData) -> sa.Table:
    return sa.Table(
        "schema_version",
        md,
        sa.Column("version", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("description", sa.Text, nullable=False),
        sa.Column("applied_at", sa.DateTime(timezone=True), nullable=False),
    )


def _v1_documents_places_assertions(conn: sa.Connection) -> None:
    md = sa.MetaData()
    sa.Table(
        "documents",
        md,
        sa.Column("sha256", sa.String(64), primary_key=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("url", sa.Text),
        sa.Column("title", sa.Text),
        sa.Column("lang", sa.String(16)),
        sa.Column("published", sa.String(10)),
        sa.Column("retrieved", sa.DateTime(timezone=True)),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("stored_at", sa.DateTime(timezone=True), nullable=False),
    )
    sa.Table(
        "places",
        md,
        sa.Column("id", sa.String(200), primary_key=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("country", sa.String(2)),
        sa.Column("level", sa.String(16), nullable=False),
        sa.Column("geonames_id", sa.Integer),
        sa.Column("iso3166_2", sa.String(16)),
        sa.Column("wikidata", sa.String(32)),
        sa.Column("lat", sa.Float),
        sa.Column("lon", sa.Float),
        sa.Column("population", sa.BigInteger),
        sa.Column("parent", sa.String(200)),
        sa.Column("seat", sa.String(200)),
        sa.Column("resolved", sa.Boolean, nullable=False),
        sa.Column("names", sa.JSON, nullable=False),
        sa.CheckConstraint(f"level IN ({_LEVELS})", name="places_level_known"),
        sa.Index("places_country_level", "country", "level"),
        sa.Index("places_geonames_id", "geonames_id"),
    )
    sa.Table(
        "assertions",
        md,
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("doc", sa.String(64), sa.ForeignKey("documents.sha256"), nullable=False),
        sa.Column("place_a", sa.String(200), sa.ForeignKey("places.id"), nullable=False),
        sa.Column("place_b", sa.String(200), sa.ForeignKey("places.id"), nullable=False),
        sa.Column("a_text", sa.Text, nullable=False),
        sa.Column("b_text", sa.Text, nullable=False),
        sa.Column("event", sa.String(16), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("date", sa.String(10)),
        sa.Column("quote", sa.Text, nullable=False),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("confidence", sa.Float, nullable=False),
        sa.Column("extractor", sa.Text, nullable=False),
        sa.Column("extractor_version", sa.Text, nullable=False),
        sa.Column("review", sa.String(16), nullable=False),
        sa.Column("created", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("place_a <= place_b", name="assertions_pair_canonical"),
        sa.CheckConstraint(f"event IN ({_EVENTS})", name="assertions_event_known"),
        sa.CheckConstraint(f"kind IN ({_KINDS})", name="assertions_kind_known"),
        sa.CheckConstraint(f"review IN ({_REVIEWS})", name="assertions_review_known"),
        sa.CheckConstraint("confidence >= 0 AND confidence <= 1", name="assertions_confidence_range"),
        sa.CheckConstraint('0 <= start AND start <= "end"', name="assertions_span_ordered"),
        sa.Index("assertions_place_a", "place_a"),
        sa.Index("assertions_place_b", "place_b"),
        sa.Index("assertions_doc", "doc"),
    )
    md.create_all(conn)


def _v2_review_decisions(conn: sa.Connection) -> None:
    md = sa.MetaData()
    sa.Table("assertions", md, sa.Column("id", sa.Integer, primary_key=True))  # for the foreign key only
    table = sa.Table(
        "review_decisions",
        md,
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("assertion_id", sa.Integer, sa.ForeignKey("assertions.id"), nullable=False),
        sa.Column("decision", sa.String(16), nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("decided_by", sa.Text),
        sa.CheckConstraint(f"decision IN ({_REVIEWS})", name="review_decisions_decision_known"),
        sa.Index("review_decisions_assertion", "assertion_id", "decided_at"),
    )
    table.create(conn)


def _v3_index_assertions_created(conn: sa.Connection) -> None:
    # `changes --since` asks for assertions recorded after a time.
    md = sa.MetaData()
    table = sa.Table("assertions", md, sa.Column("created", sa.DateTime(timezone=True)))
    sa.Index("assertions_created", table.c.created).create(conn)


def _v4_place_name_key(conn: sa.Connection) -> None:
    # Finding places by name in any case; filled here for rows written before this step.
    import unicodedata

    md = sa.MetaData()
    table = sa.Table("places", md, sa.Column("id", sa.String(200)), sa.Column("name", sa.Text))
    conn.execute(sa.text("ALTER TABLE places ADD COLUMN name_key TEXT NOT NULL DEFAULT ''"))
    key = sa.Table("places", sa.MetaData(), sa.Column("id", sa.String(200)), sa.Column("name_key", sa.Text))
    for pid, name in conn.execute(sa.select(table.c.id, table.c.name)).all():
        conn.execute(key.update().where(key.c.id == pid).values(name_key=unicodedata.normalize("NFC", name).casefold()))
    sa.Index("places_name_key", key.c.name_key).create(conn)


STEPS: tuple[Step, ...] = (
    Step(1, "documents, places and assertions", _v1_documents_places_assertions),
    Step(2, "review decisions", _v2_review_decisions),
    Step(3, "index assertions by creation time", _v3_index_assertions_created),
    Step(4, "places findable by name in any case", _v4_place_name_key),
)
LATEST = STEPS[-1].version


def current_version(conn: sa.Connection) -> int:
    """The schema version of the database; 0 for an empty database."""
    if not sa.inspect(conn).has_table("schema_version"):
        return 0
    table = _version_table(sa.MetaData())
    version = conn.execute(sa.select(sa.func.max(table.c.version))).scalar()
    return int(version or 0)


def migrate(engine: sa.Engine, target: int | None = None) -> list[Step]:
    """Bring the database up to `target` (default: the latest), one transaction per step; returns the steps applied."""
    target = LATEST if target is None else target
    with engine.begin() as conn:
        version_table = _version_table(sa.MetaData())
        version_table.create(conn, checkfirst=True)
        version = current_version(conn)
    if version > LATEST:
        raise StoreError(
            f"the database is at schema version {version}, newer than this twinatlas knows ({LATEST}); upgrade it"
        )
    applied = []
    for step in STEPS:
        if version < step.version <= target:
            with engine.begin() as conn:
                step.apply(conn)
                conn.execute(
                    version_table.insert().values(
                        version=step.version, description=step.description, applied_at=datetime.now(UTC)
                    )
                )
            applied.append(step)
    return applied
