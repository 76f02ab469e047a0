"""Running the twinatlas CLI in-process against one temporary database, the way a user types commands."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from click.testing import CliRunner, Result

from twinatlas.cli import cli


class Twinatlas:
    """`twinatlas --db <tmp db> --cache-dir <the session gazetteer's folder> ...` as a callable."""

    def __init__(self, db: Path, gazetteer: Any, env: dict[str, str] | None = None):
        self.db = db
        self.url = f"sqlite:///{db}"
        self.cache_dir = Path(gazetteer.path).parent
        self.env = env or {}

    def run(self, *args: str, expect: int = 0, stdin: str | None = None) -> Result:
        base = ["--db", self.url, "--cache-dir", str(self.cache_dir)]
        result = CliRunner().invoke(cli, [*base, *args], env=self.env, input=stdin)
        assert result.exit_code == expect, (args, result.exit_code, result.output, result.stderr, result.exception)
        assert "Traceback" not in result.stderr
        return result

    def json(self, *args: str, expect: int = 0) -> Any:
        return json.loads(self.run(*args, "--json", expect=expect).stdout)

    def counts(self) -> dict[str, int]:
        counts: dict[str, int] = self.json("db", "info")["counts"]
        return counts


def source_docs(item: dict[str, Any]) -> set[str]:
    """The document names cited by a partners/coverage item."""
    return {s["doc"] for s in item["sources"]}
