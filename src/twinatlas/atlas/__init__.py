"""The library API: one object that answers what the CLI, the HTTP API and the web pages ask.

`Atlas` composes the stages (ingest -> pipeline -> store -> registry) and opens the store and the
gazetteer lazily, so a command that needs neither pays for neither. Each method is one question.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from datetime import date
from functools import cached_property
from pathlib import Path

from twinatlas.atlas.importing import ImportReport, import_pairs
from twinatlas.atlas.ingesting import IngestReport, ingest_sources
from twinatlas.atlas.places import PlaceFinder
from twinatlas.config import Settings
from twinatlas.errors import NotFound
from twinatlas.gazetteer import Gazetteer, open_gazetteer
from twinatlas.gazetteer.selection import cities_over, regional_centres
from twinatlas.models import Assertion, Conflict, Document, Event, PartialDate, Place, Relation, Resolution, Review
from twinatlas.registry.conflicts import all_conflicts
from twinatlas.registry.coverage import Coverage, coverage
from twinatlas.registry.merge import merge_relation, merge_relations, pair_key
from twinatlas.registry.network import NetworkMetrics, network_metrics, pairs_of
from twinatlas.registry.queries import Change, Partnership, changes_since, partners
from twinatlas.registry.stats import PairStats, country_pair_stats
from twinatlas.resolve import resolve_name
from twinatlas.store import Store, open_store

AtDate = PartialDate | date | None


class Atlas:
    def __init__(self, settings: Settings, store: Store | None = None, gazetteer: Gazetteer | None = None):
        self.settings = settings
        self._store = store
        self._gazetteer = gazetteer

    # --- resources, opened on first use ----------------------------------------------------------------

    @property
    def store(self) -> Store:
        if self._store is None:
            self._store = open_store(self.settings.db)
        return self._store

    @property
    def gazetteer(self) -> Gazetteer:
        if self._gazetteer is None:
            self._gazetteer = open_gazetteer(self.settings.gazetteer_path)
        return self._gazetteer

    @cached_property
    def places(self) -> PlaceFinder:
        return PlaceFinder(self.store, self.gazetteer)

    def close(self) -> None:
        if self._store is not None:
            self._store.close()

    # --- writing -------------------------------------------------------------------------------------

    def ingest(self, sources: Sequence[str], on_progress: Callable[[str], None] | None = None) -> IngestReport:
        return ingest_sources(self.store, self.gazetteer, sources, self.settings, on_progress)

    def import_pairs(self, path: Path, **options: object) -> ImportReport:
        return import_pairs(self.store, self.gazetteer, path, **options)  # type: ignore[arg-type]

    # --- places --------------------------------------------------------------------------------------

    def resolve(self, name: str, lang: str | None = None, country: str | None = None) -> Resolution:
        """What the gazetteer makes of a name (independent of the registry)."""
        return resolve_name(name, self.gazetteer, lang=lang, country=country)

    def place(self, name: str) -> Place:
        """A place of the registry named in any script or case, or by its id; NotFound otherwise."""
        return self.places.find(name)

    # --- relations -----------------------------------------------------------------------------------

    def _documents(self, shas: Collection[str]) -> dict[str, Document]:
        return self.store.document_infos(shas)  # views cite documents; they never need the texts

    def relations(self, place: Place | None = None, at: AtDate = None, include_pending: bool = False) -> list[Relation]:
        assertions = self.store.assertions(place_id=place.id if place else None, include_pending=include_pending)
        docs = self._documents({a.doc for a in assertions})
        return merge_relations(assertions, docs, at=at, include_pending=include_pending)

    def partners(
        self,
        name: str,
        at: AtDate = None,
        statuses: Collection[Event] | None = None,
        include_pending: bool = False,
    ) -> tuple[Place, list[Partnership]]:
        place = self.place(name)
        found = partners(place.id, self.relations(place, include_pending=include_pending), at=at, statuses=statuses)
        return place, found

    def timeline(self, name: str, include_pending: bool = False) -> tuple[Place, list[Change]]:
        """Every dated step of every relation of a place, oldest first."""
        place = self.place(name)
        steps = changes_since(self.relations(place, include_pending=include_pending), PartialDate(1))
        return place, list(reversed(steps))

    def pair(self, name_a: str, name_b: str, include_pending: bool = False) -> Relation:
        a, b = self.place(name_a), self.place(name_b)
        if a.id == b.id:
            raise NotFound(f"{name_a!r} and {name_b!r} are the same place ({a.name})")
        assertions = self.store.assertions(pair=pair_key(a.id, b.id), include_pending=include_pending)
        if not assertions:
            raise NotFound(f"no source links {a.name} ({a.country}) and {b.name} ({b.country})")
        docs = self._documents({x.doc for x in assertions})
        first, second = (a, b) if a.id <= b.id else (b, a)
        return merge_relation(first, second, assertions, docs, include_pending=include_pending)

    def stats(self, country: str, other: str | None = None, at: AtDate = None) -> PairStats:
        return country_pair_stats(self.relations(at=at), country, other, at=at)

    def changes(self, since: AtDate, include_pending: bool = False) -> list[Change]:
        return changes_since(self.relations(include_pending=include_pending), since or PartialDate(1))

    def conflicts(self) -> list[Conflict]:
        return all_conflicts(self.relations())

    def network(self, statuses: Collection[Event] | None = None, top: int = 10) -> NetworkMetrics:
        return network_metrics(pairs_of(self.relations(), statuses), top=top)

    def coverage(self, sources: Sequence[str | Place], targets: Sequence[str | Place], at: AtDate = None) -> Coverage:
        """Which of the target places each source place is related to, with the evidence, and which not.

        Places are names (looked up in the registry) or Place objects (e.g. from `cities_over` or
        `regional_centres`; a place the registry does not hold simply covers nothing).
        """
        source_places = [x if isinstance(x, Place) else self.place(x) for x in sources]
        target_places = [x if isinstance(x, Place) else self.place(x) for x in targets]
        relations = [rel for place in source_places for rel in self.relations(place)]
        return coverage(source_places, target_places, relations, at=at)

    def cities_over(self, country: str, min_population: int) -> list[Place]:
        """The gazetteer's cities of a country with at least that many people, largest first."""
        return cities_over(self.gazetteer, country, min_population)

    def regional_centres(self, country: str) -> list[Place]:
        """The seats of a country's first-level regions, from the gazetteer."""
        return regional_centres(self.gazetteer, country)

    # --- review --------------------------------------------------------------------------------------

    def pending(self) -> list[Assertion]:
        """Assertions waiting for a review decision, oldest first."""
        return [a for a in self.store.assertions(include_pending=True) if a.review is Review.PENDING]

    def decide(self, assertion_id: int, decision: Review, reason: str, by: str | None = None) -> Assertion:
        if self.store.assertion(assertion_id) is None:
            raise NotFound(f"no assertion with id {assertion_id}")
        self.store.decide(assertion_id, decision, reason, by)
        decided = self.store.assertion(assertion_id)
        assert decided is not None
        return decided
