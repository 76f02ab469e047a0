"""`twinatlas db info` and `db migrate` as a user meets them."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from twinatlas.cli import cli
from twinatlas.store import SCHEMA_VERSION, open_store


def run(*args: str):
    return CliRunner().invoke(cli, list(args))


def test_migrate_creates_the_database_then_has_nothing_to_do(tmp_path):
    url = f"sqlite:///{tmp_path / 'atlas.db'}"
    first = run("--db", url, "db", "migrate")
    assert first.exit_code == 0, first.output
    assert f"schema version 0 -> {SCHEMA_VERSION}" in first.output
    again = run("--db", url, "db", "migrate")
    assert again.exit_code == 0 and "up to date" in again.output


def test_info_reports_version_and_counts_as_json_and_as_a_table(tmp_path):
    url = f"sqlite:///{tmp_path / 'atlas.db'}"
    open_store(url).close()
    result = run("--db", url, "db", "info", "--json")
    assert result.exit_code == 0, result.output
    info = json.loads(result.output)
    assert info["schema_version"] == info["latest_version"] == SCHEMA_VERSION
    assert info["counts"] == {"documents": 0, "places": 0, "assertions": 0, "pairs": 0, "pending": 0, "decisions": 0}
    table = run("--db", url, "db", "info")
    assert table.exit_code == 0 and "schema version" in table.output and "documents" in table.output


def test_info_on_a_missing_database_says_how_to_create_it(tmp_path):
    result = run("--db", f"sqlite:///{tmp_path / 'absent.db'}", "db", "info")
    assert result.exit_code == 1
    assert "absent.db: no database there (create it with `twinatlas db migrate`)" in result.output
    assert not (tmp_path / "absent.db").exists()


@pytest.mark.parametrize(
    "url", ["sqlite:///nonexistent/dir/x.db", "nosuchdb://x", "::not a url::", "postgresql+psycopg://u@127.0.0.1:1/x"]
)
@pytest.mark.parametrize("command", [["db", "info"], ["db", "migrate"]])
def test_a_bad_db_url_gives_one_line_and_a_failure_exit(url, command):
    result = run("--db", url, *command)
    assert result.exit_code in (1, 2)
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error:"), result.output
    assert "Traceback" not in result.output
