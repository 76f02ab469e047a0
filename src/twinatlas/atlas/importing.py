"""Importing structured lists of pairs (CSV/TSV) into the registry, all rows or none.

Each distinct source of a file (its `source_url`, else its `source` label, else the file itself) becomes
one document whose text is the file's rows for that source, so every imported relation points to the
row that states it, and importing the same file twice changes nothing (same content, same hash).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from twinatlas import __version__
from twinatlas.ingest.normalise import normalise_text, sha256_text
from twinatlas.interop.csv_rows import PairRow, PartyCell, read_pair_rows
from twinatlas.models import Assertion, Document, Place, PlaceIndex, distance_km, unresolved_place
from twinatlas.resolve import resolve_name
from twinatlas.store import Store

MAX_DISTANCE_KM = 50.0  # a gazetteer match farther than this from the file's coordinates is not the place
IMPORT_CONFIDENCE = 0.9


@dataclass(frozen=True, slots=True)
class ImportReport:
    rows: int
    documents_added: int
    documents_unchanged: int
    places_resolved: int
    places_unresolved: int
    same_place_rows: tuple[int, ...] = ()  # lines whose two sides resolved to one place: not imported

    def to_json(self) -> dict[str, object]:
        return {
            "same_place_rows": list(self.same_place_rows),
            "rows": self.rows,
            "documents_added": self.documents_added,
            "documents_unchanged": self.documents_unchanged,
            "places_resolved": self.places_resolved,
            "places_unresolved": self.places_unresolved,
        }


class PartyResolver:
    """Turns a file's party cells into places, caching by what the file says about them."""

    def __init__(self, index: PlaceIndex):
        self.index = index
        self.cache: dict[PartyCell, Place] = {}
        self.resolved = self.unresolved = 0

    def place(self, cell: PartyCell) -> Place:
        if cell not in self.cache:
            self.cache[cell] = self._place(cell)
            if self.cache[cell].resolved:
                self.resolved += 1
            else:
                self.unresolved += 1
        return self.cache[cell]

    def _place(self, cell: PartyCell) -> Place:
        if cell.geonames_id is not None:
            known = self.index.get(f"gn:{cell.geonames_id}")
            if known is not None:
                return known
        if cell.id is not None:  # an explicit id: kept as it is (e.g. opaque network ids)
            return self._kept(cell, cell.id)
        if cell.name:
            choice = resolve_name(cell.name, self.index, country=cell.country).choice
            if choice is not None and choice.resolved and self._near(choice, cell) and choice.level == cell.level:
                return choice
        if cell.wikidata:
            return self._kept(cell, f"wd:{cell.wikidata}")
        return self._kept(cell, unresolved_place(cell.label, cell.country, cell.level).id)

    @staticmethod
    def _kept(cell: PartyCell, place_id: str) -> Place:
        """A party the gazetteer does not know, kept with everything the file says about it."""
        return Place(
            place_id,
            cell.label,
            cell.country,
            cell.level,
            wikidata=cell.wikidata,
            lat=cell.lat,
            lon=cell.lon,
            resolved=False,
        )

    @staticmethod
    def _near(place: Place, cell: PartyCell) -> bool:
        km = distance_km(place, PartyResolver._kept(cell, place.id))
        return km is None or km <= MAX_DISTANCE_KM


def _source_key(row: PairRow, path: Path) -> tuple[str, str | None]:
    return (row.source_url or row.source or path.name, row.source_url)


def _document(path: Path, label: str, url: str | None, rows: list[PairRow]) -> tuple[Document, list[tuple[int, str]]]:
    """The document of one source: its rows as text, and each row's start and text (its quote).

    Rows are normalised one by one as ingest normalises a document, so the joined text is already in normal
    form and its hash is the document identity ingest would give it."""
    quotes, at = [], 0
    for row in rows:
        line = normalise_text(row.raw)
        quotes.append((at, line))
        at += len(line) + 1
    text = "\n".join(line for _, line in quotes)
    name = path.name if label == path.name else f"{path.name} [{label}]"
    doc = Document(
        text=text,
        sha256=sha256_text(text),
        name=name,
        url=url,
        title=f"{path.name}: {label}",
        retrieved=datetime.now(UTC),
    )
    return doc, quotes


def import_pairs(
    store: Store,
    index: PlaceIndex,
    path: Path,
    mapping: Mapping[str, str] | None = None,
    delimiter: str = ",",
    comment: str | None = None,
    header: bool = True,
) -> ImportReport:
    rows = read_pair_rows(path, mapping, delimiter=delimiter, comment=comment, header=header)
    resolver = PartyResolver(index)
    by_source: dict[tuple[str, str | None], list[PairRow]] = defaultdict(list)
    for row in rows:
        by_source[_source_key(row, path)].append(row)
    added = unchanged = 0
    same: list[int] = []
    with store.transaction():
        for (label, url), group in by_source.items():
            doc, quotes = _document(path, label, url, group)
            assertions = []
            for row, (start, quote) in zip(group, quotes, strict=True):
                a, b = resolver.place(row.a), resolver.place(row.b)
                if a.id == b.id:  # e.g. a city listed with its own municipality: no relation to record
                    same.append(row.line)
                    continue
                assertions.append(
                    Assertion(
                        doc=doc.sha256,
                        a=a,
                        b=b,
                        a_text=row.a.label,
                        b_text=row.b.label,
                        event=row.event,
                        kind=row.kind,
                        date=row.date,
                        quote=quote,
                        start=start,
                        end=start + len(quote),
                        confidence=IMPORT_CONFIDENCE,
                        extractor="import-csv",
                        extractor_version=__version__,
                        doc_name=doc.name,
                    )
                )
            places = list({p.id: p for x in assertions for p in (x.a, x.b)}.values())
            result = store.add_document(doc, assertions, places)
            added += result.added
            unchanged += not result.added
    return ImportReport(len(rows), added, unchanged, resolver.resolved, resolver.unresolved, tuple(same))
