"""What the web app asks beyond `Atlas`: place search and autocomplete, the review queue, ingest preview.

Search goes through the gazetteer first, exactly as `Atlas.place` does (any script, case or inflection:
«Могильов», «Магілёў», "Mogilev"), then adds registry places whose names start like the query, compared
by the gazetteer's cross-script skeleton key so that "vit" finds «Витебск» while the user is typing.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from typing import Any

from twinatlas.atlas import Atlas
from twinatlas.atlas.ingesting import places_of, with_review_state
from twinatlas.errors import InvalidInput, NotFound, TwinatlasError
from twinatlas.gazetteer.names import fold, skeleton
from twinatlas.models import Assertion, Document, Event, PartialDate, Place, Review
from twinatlas.registry.queries import Change
from twinatlas.registry.timeline import last_day

CONTEXT_CHARS = 240  # how much text is shown around a quote under review
MIN_PREFIX = 2  # shorter queries match too much to be useful while typing

Extractor = Callable[[Document], list[Assertion]]


@dataclass(frozen=True, slots=True)
class Segment:
    """A piece of a text to show, marked when it is (part of) a quote; templates escape `text`."""

    text: str
    marked: bool = False


def segments(text: str, spans: Sequence[tuple[int, int]]) -> list[Segment]:
    """`text` cut into plain and marked pieces; overlapping spans are joined."""
    out: list[Segment] = []
    at = 0
    for start, end in sorted(spans):
        start, end = max(start, at), min(end, len(text))
        if end <= start:
            continue
        if start > at:
            out.append(Segment(text[at:start]))
        out.append(Segment(text[start:end], marked=True))
        at = end
    if at < len(text):
        out.append(Segment(text[at:]))
    return out


@dataclass(frozen=True, slots=True)
class PendingItem:
    """An assertion waiting for review, with the text around its quote."""

    assertion: Assertion
    document: Document | None
    context: tuple[Segment, ...]

    def to_json(self) -> dict[str, Any]:
        doc = self.document
        return {
            "id": self.assertion.id,
            **self.assertion.to_json(),
            "doc": doc.name if doc else self.assertion.doc,
            "url": doc.url if doc else None,
            "context": "".join(s.text for s in self.context),
        }


@dataclass(frozen=True, slots=True)
class Preview:
    """What ingesting a document would store: its assertions and its text with their quotes marked."""

    document: Document
    assertions: tuple[Assertion, ...]
    saved: bool = False  # stored now
    known: bool = False  # was stored before (same content hash)

    @property
    def marked_text(self) -> list[Segment]:
        return segments(self.document.text, [(a.start, a.end) for a in self.assertions])

    def to_json(self) -> dict[str, Any]:
        return {
            "doc": self.document.name,
            "sha256": self.document.sha256,
            "lang": self.document.lang,
            "saved": self.saved,
            "known": self.known,
            "relations": [{**a.to_json(), "review": a.review.value} for a in self.assertions],
        }


def filter_changes(
    changes: Sequence[Change],
    country: str | None = None,
    events: Collection[Event] | None = None,
    until: PartialDate | None = None,
) -> list[Change]:
    """Changes touching a country (ISO alpha-2), of some events, dated up to `until` (inclusive), order kept."""
    code = country.strip().upper() if country else None
    return [
        c
        for c in changes
        if (code is None or code in (c.a.country, c.b.country))
        and (events is None or c.step.event in events)
        and (until is None or c.step.date is None or c.step.date.earliest() <= last_day(until))
    ]


class WebSupport:
    """Web-side questions over one Atlas. `extract` turns a document into assertions (the pipeline by default)."""

    def __init__(self, atlas: Atlas, extract: Extractor | None = None):
        self.atlas = atlas
        self._extract = extract
        self._names: tuple[int, list[tuple[str, Place]]] | None = None  # (place count, (key, place) rows)

    # --- search ------------------------------------------------------------------------------------------

    def _name_rows(self) -> list[tuple[str, Place]]:
        """(skeleton key, place) for every name of every registry place, rebuilt when places were added."""
        count = self.atlas.store.counts().places
        if self._names is None or self._names[0] != count:
            rows: list[tuple[str, Place]] = []
            for place in self.atlas.store.places():
                keys = {skeleton(place.name), fold(place.name)} | {skeleton(n) for _, n in place.names}
                rows.extend((key, place) for key in keys if key)
            self._names = (count, rows)
        return self._names[1]

    def search(self, query: str, limit: int = 10) -> list[Place]:
        """Registry places the query names (best first): the gazetteer's reading, then name prefixes."""
        query = query.strip()
        if not query:
            return []
        found: dict[str, Place] = {}
        try:
            exact = self.atlas.place(query)
            found[exact.id] = exact
        except NotFound:
            pass
        if len(query) >= MIN_PREFIX:
            keys = {skeleton(query), fold(query)} - {""}
            hits = [p for key, p in self._name_rows() if any(key.startswith(k) for k in keys)]
            for place in sorted(hits, key=lambda p: (-(p.population or 0), p.name)):
                found.setdefault(place.id, place)
        return list(found.values())[:limit]

    # --- review ------------------------------------------------------------------------------------------

    def pending(self, limit: int = 200) -> list[PendingItem]:
        """Assertions waiting for review, oldest first, each with the text around its quote."""
        waiting = [a for a in self.atlas.store.assertions(include_pending=True) if a.review is Review.PENDING]
        waiting = waiting[:limit]
        docs = self.atlas.store.documents_by_sha({a.doc for a in waiting})
        return [self._item(a, docs.get(a.doc)) for a in waiting]

    @staticmethod
    def _item(assertion: Assertion, doc: Document | None) -> PendingItem:
        if doc is None:
            return PendingItem(assertion, None, (Segment(assertion.quote, marked=True),))
        start = max(0, assertion.start - CONTEXT_CHARS)
        end = min(len(doc.text), assertion.end + CONTEXT_CHARS)
        window = doc.text[start:end]
        marked = segments(window, [(assertion.start - start, assertion.end - start)])
        return PendingItem(assertion, doc, tuple(marked))

    def decide(self, assertion_id: int, decision: Review, reason: str, by: str | None = "web") -> Assertion:
        """Record a review decision; NotFound for an unknown assertion, InvalidInput for a non-decision."""
        if decision is Review.PENDING:
            raise InvalidInput("a review decision is 'accepted' or 'rejected', not 'pending'")
        if self.atlas.store.assertion(assertion_id) is None:
            raise NotFound(f"assertion {assertion_id}: no such assertion")
        self.atlas.store.decide(assertion_id, decision, reason.strip(), by)
        decided = self.atlas.store.assertion(assertion_id)
        assert decided is not None
        return decided

    # --- ingest ------------------------------------------------------------------------------------------

    def extract(self, doc: Document) -> list[Assertion]:
        if self._extract is not None:
            return self._extract(doc)
        from twinatlas.pipeline import process

        return process(doc, self.atlas.gazetteer)

    def preview(self, doc: Document) -> Preview:
        """What ingesting `doc` would store, without storing it."""
        assertions = with_review_state(self.extract(doc), self.atlas.settings.review_threshold)
        return Preview(doc, tuple(assertions), known=self.atlas.store.has_document(doc.sha256))

    def save(self, doc: Document) -> Preview:
        """Store `doc` and its assertions in one transaction; a known document changes nothing."""
        if self.atlas.store.has_document(doc.sha256):
            return Preview(doc, (), known=True)
        assertions = with_review_state(self.extract(doc), self.atlas.settings.review_threshold)
        result = self.atlas.store.add_document(doc, assertions, places_of(assertions))
        return Preview(doc, tuple(assertions), saved=result.added, known=not result.added)

    # --- names -------------------------------------------------------------------------------------------

    def display_name(self, place: Place, lang: str) -> str:
        """The place's name in `lang` when the registry or the gazetteer knows it, else its English name."""
        if any(code == lang for code, _ in place.names):
            return place.name_in(lang)
        if place.resolved and lang != "en":
            try:
                localised = dict(self.atlas.gazetteer.localised_names(place.id))
            except TwinatlasError:
                localised = {}
            if lang in localised:
                return localised[lang]
        return place.name
