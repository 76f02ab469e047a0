"""Reading lists of pairs from CSV/TSV files into typed rows, with one clear error per bad row.

A column mapping (`--map COLUMN=FIELD`) names which file column feeds which field; without one, columns
named like the fields are used. Files without a header address columns by number (1-based). Nothing is
returned unless every row is good, so an import is never half done.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from twinatlas.errors import InvalidInput
from twinatlas.models import Event, Kind, Level, PartialDate

SIDE_FIELDS = ("name", "country", "level", "geonames_id", "wikidata", "lat", "lon", "id")
ROW_FIELDS = ("event", "date", "kind", "source_url", "source", "quote")
FIELDS = tuple(f"{side}_{f}" for side in "ab" for f in SIDE_FIELDS) + ROW_FIELDS
MAX_ERRORS_SHOWN = 20
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class PartyCell:
    """One side of a pair as a file states it; anything may be missing except a name or an id."""

    name: str | None
    country: str | None
    level: Level
    geonames_id: int | None
    wikidata: str | None
    lat: float | None
    lon: float | None
    id: str | None

    @property
    def label(self) -> str:
        return self.name or self.id or "?"


@dataclass(frozen=True, slots=True)
class PairRow:
    line: int  # 1-based line number in the file, for messages and quotes
    raw: str  # the row as it stands in the file: the quote of its assertion
    a: PartyCell
    b: PartyCell
    event: Event
    date: PartialDate | None
    kind: Kind
    source_url: str | None
    source: str | None


class RowErrors(InvalidInput):
    """Every bad row of a file, each with its line, column and what is wrong."""

    def __init__(self, path: str, problems: Sequence[str]):
        shown = "; ".join(problems[:MAX_ERRORS_SHOWN])
        more = f" (and {len(problems) - MAX_ERRORS_SHOWN} more)" if len(problems) > MAX_ERRORS_SHOWN else ""
        super().__init__(f"{path}: {len(problems)} bad row(s), nothing imported: {shown}{more}")
        self.problems = list(problems)


def parse_mapping(items: Sequence[str]) -> dict[str, str]:
    """['a_label_en=a_name', ...] -> {'a_name': 'a_label_en'} (field -> column)."""
    mapping: dict[str, str] = {}
    for item in items:
        column, sep, field = item.partition("=")
        if not sep or not column.strip() or not field.strip():
            raise InvalidInput(f"--map {item!r}: expected COLUMN=FIELD")
        if field.strip() not in FIELDS:
            raise InvalidInput(f"--map {item!r}: unknown field {field.strip()!r} (fields: {', '.join(FIELDS)})")
        mapping[field.strip()] = column.strip()
    return mapping


def _cell(values: Mapping[str, str], mapping: Mapping[str, str], field: str) -> str | None:
    column = mapping.get(field, field)
    value = values.get(column)
    return value.strip() or None if value is not None else None


class _RowReader:
    """Collects the problems of one row instead of stopping at the first."""

    def __init__(self, line: int, values: Mapping[str, str], mapping: Mapping[str, str]):
        self.line, self.values, self.mapping = line, values, mapping
        self.problems: list[str] = []

    def text(self, field: str) -> str | None:
        return _cell(self.values, self.mapping, field)

    def parse(self, field: str, convert: Callable[[str], T]) -> T | None:
        raw = self.text(field)
        if raw is None:
            return None
        try:
            return convert(raw)
        except (ValueError, InvalidInput) as exc:
            column = self.mapping.get(field, field)
            self.problems.append(f"line {self.line}, column {column!r} ({field}): {raw!r} is not valid: {exc}")
            return None

    def party(self, side: str) -> PartyCell:
        cell = PartyCell(
            name=self.text(f"{side}_name"),
            country=self.parse(f"{side}_country", _country),
            level=self.parse(f"{side}_level", Level) or Level.CITY,
            geonames_id=self.parse(f"{side}_geonames_id", int),
            wikidata=self.parse(f"{side}_wikidata", _qid),
            lat=self.parse(f"{side}_lat", _coordinate),
            lon=self.parse(f"{side}_lon", _coordinate),
            id=self.text(f"{side}_id"),
        )
        if not (cell.name or cell.id or cell.geonames_id or cell.wikidata):
            self.problems.append(f"line {self.line}: party {side} has no name, id, geonames_id or wikidata")
        return cell


def _country(raw: str) -> str:
    if len(raw) != 2 or not raw.isalpha():
        raise ValueError("expected an ISO 3166-1 alpha-2 code such as BY")
    return raw.upper()


def _qid(raw: str) -> str:
    raw = raw.rsplit("/", 1)[-1]
    if not (raw[:1] in "Qq" and raw[1:].isdigit()):
        raise ValueError("expected a Wikidata id such as Q1234")
    return "Q" + raw[1:]


def _coordinate(raw: str) -> float:
    value = float(raw)
    if not -180.0 <= value <= 180.0:
        raise ValueError("out of range")
    return value


def read_pair_rows(
    path: Path,
    mapping: Mapping[str, str] | None = None,
    delimiter: str = ",",
    comment: str | None = None,
    header: bool = True,
) -> list[PairRow]:
    """Every row of the file as a PairRow; raises RowErrors listing all bad rows, InvalidInput for the file."""
    mapping = dict(mapping or {})
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InvalidInput(f"{path}: not UTF-8 text (byte {exc.start})") from exc
    except OSError as exc:
        raise InvalidInput(f"{path}: cannot read: {exc.strerror}") from exc
    lines = [(n, line) for n, line in enumerate(text.splitlines(), 1) if line.strip()]
    if comment:
        lines = [(n, line) for n, line in lines if not line.startswith(comment)]
    if not lines:
        raise InvalidInput(f"{path}: no rows")
    records = list(csv.reader(io.StringIO("\n".join(line for _, line in lines)), delimiter=delimiter))
    if header:
        names = [c.strip() for c in records[0]]
        body = list(zip(lines[1:], records[1:], strict=True))
    else:
        names = [str(i) for i in range(1, max(len(r) for r in records) + 1)]
        body = list(zip(lines, records, strict=True))
    missing = sorted({c for c in mapping.values() if c not in names})
    if missing:
        raise InvalidInput(f"{path}: --map names column(s) not in the file: {', '.join(missing)}")
    rows, problems = [], []
    for (line, raw), record in body:
        reader = _RowReader(line, dict(zip(names, record, strict=False)), mapping)
        a, b = reader.party("a"), reader.party("b")
        row = PairRow(
            line=line,
            raw=raw,
            a=a,
            b=b,
            event=reader.parse("event", Event) or Event.SIGNED,
            date=reader.parse("date", PartialDate.parse),
            kind=reader.parse("kind", Kind) or Kind.TWINNING,
            source_url=reader.text("source_url"),
            source=reader.text("source"),
        )
        problems.extend(reader.problems)
        rows.append(row)
    if problems:
        raise RowErrors(str(path), problems)
    return rows
