"""Language knowledge as data: one folder per language code (ISO 639-1, plus 'sr' for both scripts).

Stage code never branches on a language; it loads that language's tables from here. Each stage owns the
files it reads and has its own small loader:
- extraction: triggers.tsv (word stem -> event, kind, polarity), months.tsv, lists.tsv, negation.tsv;
- gazetteer and resolution: levels.tsv (level words -> level), morphology.toml (lemmatiser, suffix rules).
"""

from __future__ import annotations

from importlib import resources
from importlib.abc import Traversable


def lang_dir(code: str) -> Traversable | None:
    """The data folder of a language, or None when twinatlas has no data for it."""
    folder = resources.files(__package__).joinpath(code)
    return folder if folder.is_dir() else None


def available_languages() -> list[str]:
    root = resources.files(__package__)
    return sorted(p.name for p in root.iterdir() if p.is_dir() and not p.name.startswith("_"))


def read_tsv(code: str, filename: str) -> list[list[str]]:
    """Rows of a language's TSV file, without blank lines and '#' comments; [] when the file is absent."""
    folder = lang_dir(code)
    if folder is None or not folder.joinpath(filename).is_file():
        return []
    rows = []
    for line in folder.joinpath(filename).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            rows.append([cell.strip() for cell in line.split("\t")])
    return rows
