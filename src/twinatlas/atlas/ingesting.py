"""Ingesting sources: read each one, extract and resolve its assertions, store it in its own transaction.

Every document is written whole or not at all, and a stored document is recognised by its content hash
and skipped; so running the same ingest twice changes nothing and an interrupted folder resumes where it
stopped.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from twinatlas.config import Settings
from twinatlas.errors import TwinatlasError
from twinatlas.ingest import iter_paths, read_source
from twinatlas.models import Assertion, Document, Place, PlaceIndex, Review
from twinatlas.pipeline import process
from twinatlas.store import Store


@dataclass(frozen=True, slots=True)
class IngestFailure:
    source: str
    error: str


@dataclass
class IngestReport:
    added: list[str] = field(default_factory=list)  # names of newly stored documents
    unchanged: list[str] = field(default_factory=list)  # already stored (same content hash)
    failed: list[IngestFailure] = field(default_factory=list)
    assertions: int = 0
    pending: int = 0

    def to_json(self) -> dict[str, object]:
        return {
            "added": self.added,
            "unchanged": self.unchanged,
            "failed": [{"source": f.source, "error": f.error} for f in self.failed],
            "assertions": self.assertions,
            "pending": self.pending,
        }


def expand_sources(sources: Sequence[str]) -> list[str]:
    """Folders become the text-like files below them; '-' and URLs stay as they are."""
    out: list[str] = []
    for source in sources:
        if source == "-" or source.startswith(("http://", "https://")):
            out.append(source)
        else:
            out.extend(str(p) for p in iter_paths([source]))
    return out


def with_review_state(assertions: Iterable[Assertion], threshold: float) -> list[Assertion]:
    """Assertions below the confidence threshold start as pending review."""
    return [replace(a, review=Review.PENDING) if a.confidence < threshold else a for a in assertions]


def places_of(assertions: Iterable[Assertion]) -> list[Place]:
    seen: dict[str, Place] = {}
    for a in assertions:
        seen.setdefault(a.a.id, a.a)
        seen.setdefault(a.b.id, a.b)
    return list(seen.values())


def store_document(store: Store, index: PlaceIndex, doc: Document, settings: Settings) -> tuple[bool, list[Assertion]]:
    """Extract and store one document; returns (added, its assertions). Skips known documents cheaply."""
    if store.has_document(doc.sha256):
        return False, []
    assertions = with_review_state(process(doc, index), settings.review_threshold)
    result = store.add_document(doc, assertions, places_of(assertions))
    return result.added, assertions


def naming(source: str, message: str) -> str:
    """The error message, prefixed with the source unless it already names it."""
    label = "<stdin>" if source == "-" else source
    return message if label in message or Path(source).name in message else f"{label}: {message}"


def ingest_sources(
    store: Store,
    index: PlaceIndex,
    sources: Sequence[str],
    settings: Settings,
    on_progress: Callable[[str], None] | None = None,
) -> IngestReport:
    """Ingest files, folders (recursively), URLs and '-' (stdin). A bad source is reported, not fatal."""
    report = IngestReport()
    for source in expand_sources(sources):
        label = Path(source).name if source not in ("-",) else "<stdin>"
        try:
            doc = read_source(source, settings)
            added, assertions = store_document(store, index, doc, settings)
        except TwinatlasError as exc:  # this document is not stored (or was rolled back); the others go on
            report.failed.append(IngestFailure(source, naming(source, str(exc))))
        else:
            (report.added if added else report.unchanged).append(doc.name or label)
            report.assertions += len(assertions)
            report.pending += sum(a.review is Review.PENDING for a in assertions)
        if on_progress is not None:
            on_progress(label)
    return report
