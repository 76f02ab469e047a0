"""The current schema, as the store's queries see it.

Databases get this schema only through the steps in migrations.py; a test checks that a database
migrated step by step equals `metadata.create_all()`. Change both together, and add a new step.

Choices: dates the texts give are partial (2019, 2019-05, 2019-05-14), so they are stored as ISO text,
which also sorts correctly; timestamps of our own (retrieved, created, decided_at) are real timestamps.
A pair is stored with the smaller place id in `place_a`, so a pair has one spelling; both columns are
indexed because a place can sit on either side.
"""

from __future__ import annotations

import unicodedata

import sqlalchemy as sa

from twinatlas.models import Event, Kind, Level, Review

metadata = sa.MetaData()


def name_key(name: str) -> str:
    """The lookup form of a place name: NFC and casefolded, so 'ВИТЕБСК' finds 'Витебск'."""
    return unicodedata.normalize("NFC", name).casefold()


def _one_of(column: str, values: type[Event] | type[Kind] | type[Level] | type[Review]) -> str:
    listed = ", ".join(f"'{v.value}'" for v in values)
    return f"{column} IN ({listed})"


schema_version = sa.Table(
    "schema_version",
    metadata,
    sa.Column("version", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("description", sa.Text, nullable=False),
    sa.Column("applied_at", sa.DateTime(timezone=True), nullable=False),
)

documents = sa.Table(
    "documents",
    metadata,
    sa.Column("sha256", sa.String(64), primary_key=True),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("url", sa.Text),
    sa.Column("title", sa.Text),
    sa.Column("lang", sa.String(16)),
    sa.Column("published", sa.String(10)),  # ISO partial date
    sa.Column("retrieved", sa.DateTime(timezone=True)),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("stored_at", sa.DateTime(timezone=True), nullable=False),
)

places = sa.Table(
    "places",
    metadata,
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
    sa.Column("parent", sa.String(200)),  # a place id; not a foreign key, the parent may not be stored
    sa.Column("seat", sa.String(200)),
    sa.Column("resolved", sa.Boolean, nullable=False),
    sa.Column("names", sa.JSON, nullable=False),  # [[lang, name], ...]
    # name_key(name), for lookups blind to case and composition; added by migration 4, hence last.
    sa.Column("name_key", sa.Text, nullable=False, server_default=""),
    sa.CheckConstraint(_one_of("level", Level), name="places_level_known"),
    sa.Index("places_country_level", "country", "level"),
    sa.Index("places_geonames_id", "geonames_id"),
    sa.Index("places_name_key", "name_key"),
)

assertions = sa.Table(
    "assertions",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("doc", sa.String(64), sa.ForeignKey("documents.sha256"), nullable=False),
    sa.Column("place_a", sa.String(200), sa.ForeignKey("places.id"), nullable=False),
    sa.Column("place_b", sa.String(200), sa.ForeignKey("places.id"), nullable=False),
    sa.Column("a_text", sa.Text, nullable=False),
    sa.Column("b_text", sa.Text, nullable=False),
    sa.Column("event", sa.String(16), nullable=False),
    sa.Column("kind", sa.String(16), nullable=False),
    sa.Column("date", sa.String(10)),  # ISO partial date, as the text states it
    sa.Column("quote", sa.Text, nullable=False),
    sa.Column("start", sa.Integer, nullable=False),
    sa.Column("end", sa.Integer, nullable=False),
    sa.Column("confidence", sa.Float, nullable=False),
    sa.Column("extractor", sa.Text, nullable=False),
    sa.Column("extractor_version", sa.Text, nullable=False),
    sa.Column("review", sa.String(16), nullable=False),  # the state it was created with
    sa.Column("created", sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("place_a <= place_b", name="assertions_pair_canonical"),
    sa.CheckConstraint(_one_of("event", Event), name="assertions_event_known"),
    sa.CheckConstraint(_one_of("kind", Kind), name="assertions_kind_known"),
    sa.CheckConstraint(_one_of("review", Review), name="assertions_review_known"),
    sa.CheckConstraint("confidence >= 0 AND confidence <= 1", name="assertions_confidence_range"),
    sa.CheckConstraint('0 <= start AND start <= "end"', name="assertions_span_ordered"),
    sa.Index("assertions_place_a", "place_a"),
    sa.Index("assertions_place_b", "place_b"),
    sa.Index("assertions_doc", "doc"),
    sa.Index("assertions_created", "created"),
)

review_decisions = sa.Table(
    "review_decisions",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("assertion_id", sa.Integer, sa.ForeignKey("assertions.id"), nullable=False),
    sa.Column("decision", sa.String(16), nullable=False),
    sa.Column("reason", sa.Text, nullable=False),
    sa.Column("decided_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("decided_by", sa.Text),
    sa.CheckConstraint(_one_of("decision", Review), name="review_decisions_decision_known"),
    sa.Index("review_decisions_assertion", "assertion_id", "decided_at"),
)
