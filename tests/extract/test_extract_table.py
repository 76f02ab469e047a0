"""`twinatlas extract --format table` off a terminal: one row per relation at a fixed wide width, not wrapped."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "cli"))
from cli_run import Twinatlas

from twinatlas.cli.commands_extract import TABLE_WIDTH_OFF_TERMINAL


def test_the_table_keeps_each_relation_on_one_line_when_piped(gazetteer, tmp_path):
    cli = Twinatlas(tmp_path / "t.db", gazetteer)
    text = "Омск и Витебск стали городами-побратимами в 2019 году.\n"
    result = cli.run("extract", "-", "--lang", "ru", "--format", "table", stdin=text)
    rows = [line for line in result.stdout.splitlines() if "Omsk" in line or "Vitebsk" in line]
    assert len(rows) == 1, result.stdout  # both places and the quote on one row
    assert "Омск и Витебск стали городами-побратимами в 2019 году." in rows[0]
    assert max(len(line) for line in result.stdout.splitlines()) <= TABLE_WIDTH_OFF_TERMINAL
