"""The Store: the one object through which twinatlas reads and writes its database."""

from __future__ import annotations

from collections.abc import Collection, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import URL

from twinatlas.errors import InvalidInput, StoreError
from twinatlas.models import Assertion, Document, Place, Review
from twinatlas.store import migrations
from twinatlas.store.assertions import (
    AssertionFilter,
    as_since,
    count_assertions,
    insert_assertions,
    insert_decision,
    select_assertions,
)
from twinatlas.store.dialect import (
    insert_if_absent,
    is_empty_location,
    make_engine,
    parse_url,
    shown,
)
from twinatlas.store.documents import (
    check_sha,
    document_row,
    has_document,
    select_document,
    select_document_infos,
    select_documents,
    select_documents_by_sha,
)
from twinatlas.store.places import select_places, select_places_named, upsert_places
from twinatlas.store.schema import assertions, documents, places, review_decisions


@dataclass(frozen=True, slots=True)
class AddResult:
    """What `Store.add_document` did. `added` is False when the document was already stored."""

    sha256: str
    added: bool
    assertion_ids: tuple[int, ...] = ()
    new_places: int = 0


@dataclass(frozen=True, slots=True)
class StoreCounts:
    documents: int
    places: int
    assertions: int
    pairs: int  # distinct unordered pairs with at least one assertion
    pending: int  # assertions whose effective review state is pending
    decisions: int


class Store:
    """Documents, places, append-only assertions and review decisions in one database.

    Reads and writes each run in their own transaction, unless inside `with store.transaction():`, where
    they share one; `add_document` then runs in a savepoint so a failed document leaves the others.
    """

    def __init__(self, engine: sa.Engine, url: URL) -> None:
        self._engine = engine
        self._url = url
        self._conn: sa.Connection | None = None

    @property
    def url(self) -> str:
        return shown(self._url)

    def schema_version(self) -> int:
        with self._reading() as conn:
            return migrations.current_version(conn)

    def migrate(self) -> list[migrations.Step]:
        """Apply the pending migration steps; returns them (empty when up to date)."""
        with self._errors("cannot migrate"):
            return migrations.migrate(self._engine)

    # --- transactions -------------------------------------------------------------------------------

    @contextmanager
    def transaction(self) -> Iterator[Store]:
        """Group several writes: all of them are kept, or none when the block raises."""
        if self._conn is not None:
            raise StoreError("store transactions do not nest")
        with self._errors("transaction failed"), self._engine.begin() as conn:
            self._conn = conn
            try:
                yield self
            finally:
                self._conn = None

    @contextmanager
    def _writing(self) -> Iterator[sa.Connection]:
        if self._conn is not None:
            with self._conn.begin_nested():
                yield self._conn
        else:
            with self._engine.begin() as conn:
                yield conn

    @contextmanager
    def _reading(self) -> Iterator[sa.Connection]:
        if self._conn is not None:
            yield self._conn
        else:
            with self._errors("cannot read"), self._engine.connect() as conn:
                yield conn

    @contextmanager
    def _errors(self, doing: str) -> Iterator[None]:
        """Database errors become one StoreError line naming the database."""
        try:
            yield
        except sa.exc.SQLAlchemyError as exc:
            raise StoreError(f"{self.url}: {doing}: {_first_line(exc)}") from exc

    # --- documents ------------------------------------------------------------------------------------

    def add_document(self, doc: Document, assertions: Sequence[Assertion], places: Sequence[Place] = ()) -> AddResult:
        """Store a document with its places and assertions in one transaction, or nothing at all.

        A document whose SHA-256 is already stored changes nothing (`AddResult.added` is False).
        """
        check_sha(doc.sha256, f"document {doc.name!r}")
        for item in assertions:
            if item.doc != doc.sha256:
                raise InvalidInput(
                    f"document {doc.name!r}: an assertion about {item.a_text!r} - {item.b_text!r} belongs to "
                    f"document {item.doc!r}, not {doc.sha256}"
                )
        failed = f"could not store document {doc.name!r} (nothing of it was written)"
        with self._errors(failed), self._writing() as conn:
            if not insert_if_absent(conn, documents, document_row(doc)):
                return AddResult(doc.sha256, added=False)
            involved = [*places, *(p for item in assertions for p in (item.a, item.b))]
            new_places = upsert_places(conn, involved)
            ids = insert_assertions(conn, assertions)
        return AddResult(doc.sha256, added=True, assertion_ids=tuple(ids), new_places=new_places)

    def has_document(self, sha: str) -> bool:
        with self._reading() as conn:
            return has_document(conn, sha)

    def document(self, sha: str) -> Document | None:
        with self._reading() as conn:
            return select_document(conn, sha)

    def documents(self) -> list[Document]:
        with self._reading() as conn:
            return select_documents(conn)

    def documents_by_sha(self, shas: Collection[str]) -> dict[str, Document]:
        """The stored documents among `shas`, by SHA-256 (absent ones are left out)."""
        with self._reading() as conn:
            return select_documents_by_sha(conn, shas)

    def document_infos(self, shas: Collection[str]) -> dict[str, Document]:
        """The stored documents among `shas` without their texts (`text` is ''): cheap citations for views."""
        with self._reading() as conn:
            return select_document_infos(conn, shas)

    # --- places -------------------------------------------------------------------------------------

    def place(self, place_id: str) -> Place | None:
        with self._reading() as conn:
            found = select_places(conn, ids=[place_id])
        return found[0] if found else None

    def places(self) -> list[Place]:
        with self._reading() as conn:
            return select_places(conn)

    def places_named(self, name: str) -> list[Place]:
        """Places whose name is `name` in any case ('ВИТЕБСК' finds Витебск), ordered by id."""
        with self._reading() as conn:
            return select_places_named(conn, name)

    # --- assertions and review --------------------------------------------------------------------------

    def assertions(
        self,
        place_id: str | None = None,
        pair: tuple[str, str] | None = None,
        include_pending: bool = False,
        since: datetime | date | None = None,
        include_rejected: bool = False,
    ) -> list[Assertion]:
        """Assertions in the order they were stored, with their effective review state.

        By default only accepted ones; `since` keeps those recorded at or after that moment (a date means
        its first instant, UTC). `pair` is unordered.
        """
        states = [Review.ACCEPTED]
        if include_pending:
            states.append(Review.PENDING)
        if include_rejected:
            states.append(Review.REJECTED)
        where = AssertionFilter(place_id=place_id, pair=pair, states=states, since=as_since(since))
        with self._reading() as conn:
            return select_assertions(conn, where)

    def assertion(self, assertion_id: int) -> Assertion | None:
        where = AssertionFilter(states=list(Review), ids=[assertion_id])
        with self._reading() as conn:
            found = select_assertions(conn, where)
        return found[0] if found else None

    def decide(self, assertion_id: int, decision: Review, reason: str, by: str | None = None) -> None:
        """Record a review decision; the latest decision is the assertion's effective state."""
        with self._errors(f"could not record the decision on assertion {assertion_id}"), self._writing() as conn:
            insert_decision(conn, assertion_id, decision, reason, by)

    def counts(self) -> StoreCounts:
        def count(query: sa.Select[Any]) -> int:
            return int(conn.execute(query).scalar_one())

        pairs = sa.select(assertions.c.place_a, assertions.c.place_b).distinct().subquery()
        with self._reading() as conn:
            return StoreCounts(
                documents=count(sa.select(sa.func.count()).select_from(documents)),
                places=count(sa.select(sa.func.count()).select_from(places)),
                assertions=count(sa.select(sa.func.count()).select_from(assertions)),
                pairs=count(sa.select(sa.func.count()).select_from(pairs)),
                pending=count_assertions(conn, [Review.PENDING]),
                decisions=count(sa.select(sa.func.count()).select_from(review_decisions)),
            )

    def close(self) -> None:
        self._engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


def _first_line(exc: BaseException) -> str:
    original = getattr(exc, "orig", None) or exc
    return (str(original).strip().splitlines() or [type(original).__name__])[0]


def open_store(url: str, create: bool = True, migrate: bool = True) -> Store:
    """Open the database at a SQLAlchemy URL, creating it (create) and migrating it (migrate) as needed.

    Raises StoreError naming the URL when it is malformed, unsupported or unreachable, and, with
    create=False, when no twinatlas database is there yet.
    """
    parsed = parse_url(url)
    if not create and is_empty_location(parsed):
        raise StoreError(f"{shown(parsed)}: no database there (create it with `twinatlas db migrate`)")
    engine = make_engine(parsed)
    store = Store(engine, parsed)
    try:
        with store._errors("cannot open the database"), engine.connect() as conn:
            version = migrations.current_version(conn)
        if version == 0 and not create:
            raise StoreError(f"{shown(parsed)}: not a twinatlas database yet (create it with `twinatlas db migrate`)")
        if migrate:
            store.migrate()
    except BaseException:
        engine.dispose()
        raise
    return store
