"""Reading a gold folder: each NAME.json with its NAME.txt beside it."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from twinatlas.errors import InvalidInput, NotFound


@dataclass(frozen=True, slots=True)
class GoldDoc:
    name: str  # the stem, as score.py keys documents
    lang: str
    text_path: Path
    published: str | None
    relations: tuple[dict[str, Any], ...]  # gold relations as written (the scorer's shape)


def load_gold(folder: Path) -> list[GoldDoc]:
    """Every annotated document of a gold folder, sorted by name; a malformed file names itself."""
    if not folder.is_dir():
        raise NotFound(f"{folder}: no such gold folder")
    docs = []
    for meta in sorted(folder.glob("*.json")):
        text = meta.with_suffix(".txt")
        if not text.exists():
            continue
        try:
            data = json.loads(meta.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as exc:
            raise InvalidInput(f"{meta}: not a readable gold file: {exc}") from exc
        if not isinstance(data, dict) or not isinstance(data.get("relations", []), list):
            raise InvalidInput(f"{meta}: a gold file is an object with a 'relations' list")
        docs.append(
            GoldDoc(
                name=meta.stem,
                lang=str(data.get("lang") or "?"),
                text_path=text,
                published=data.get("published"),
                relations=tuple(data.get("relations", [])),
            )
        )
    return docs
