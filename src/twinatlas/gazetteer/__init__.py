"""The offline multilingual gazetteer: build it once into the cache dir, open it fast, look names up.

gaz = open_gazetteer(settings.gazetteer_path)        # builds on first use (about a minute)
gaz.lookup("Брестом", "ru")                            # -> (NameMatch(place=Brest, how='lemma'), ...)
spot_mentions(text, "bg", gaz)                         # -> [Mention(...), ...]
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from twinatlas.errors import GazetteerError
from twinatlas.gazetteer.build import Progress, build_index, source_versions
from twinatlas.gazetteer.lookup import Gazetteer

__all__ = ["Gazetteer", "build_index", "index_is_current", "open_gazetteer"]


def index_is_current(path: Path) -> bool:
    """True when an index exists at `path` and was built from the installed source versions."""
    if not path.is_file():
        return False
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
            meta = dict(db.execute("SELECT k, v FROM meta").fetchall())
    except sqlite3.Error:
        return False
    return meta == source_versions()


def open_gazetteer(path: Path, build_if_missing: bool = True, progress: Progress | None = None) -> Gazetteer:
    """Open the index at `path`, building (or rebuilding a stale one) first when allowed."""
    if not index_is_current(path):
        if not build_if_missing:
            state = "is out of date" if path.exists() else "does not exist"
            raise GazetteerError(f"{path}: the gazetteer index {state}; run `twinatlas gazetteer build`")
        build_index(path, progress)
    return Gazetteer(path)
