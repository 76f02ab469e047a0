"""A failed ingest leaves the database as it was before the failing document: a bad file in the middle of a
folder, a disk that fills up while one document is written, a process killed mid-way (and the re-run then
resumes). The good files are stored; the CLI names the bad one on one line and exits 1."""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from cli_run import Twinatlas

from twinatlas.cli.commands_demo import demo_dir

DEMO_TEXTS = demo_dir() / "texts"
GOOD = ["ru-mogilev-tula-twinning.txt", "en-oxford-perm-suspended.txt", "pl-lublin-partner-cities.txt"]


def folder_of(tmp_path: Path, names: list[str]) -> Path:
    """A folder with the given demo texts, in an order that `ingest` keeps (sorted by file name)."""
    folder = tmp_path / "texts"
    folder.mkdir()
    for n, name in enumerate(names, 1):
        shutil.copy(DEMO_TEXTS / name, folder / f"{n:02d}-{name}")
    return folder


def documents_and_assertions(db: Path) -> dict[str, int]:
    """Every stored document (by name) and how many assertions it has: what a half-write would break."""
    with sqlite3.connect(db) as conn:
        rows = conn.execute(
            "SELECT d.name, COUNT(a.id) FROM documents d LEFT JOIN assertions a ON a.doc = d.sha256 GROUP BY d.name"
        ).fetchall()
    return dict(rows)


def stored_so_far(db: Path) -> int:
    """Documents committed so far, while another process writes (0 before the schema exists)."""
    try:
        return len(documents_and_assertions(db)) if db.exists() else 0
    except sqlite3.OperationalError:  # the schema is being created
        return 0


def test_a_binary_file_in_the_middle_of_a_folder_is_named_and_the_others_are_stored(tmp_path, gazetteer):
    folder = folder_of(tmp_path, GOOD[:2])
    (folder / "01b-scan.txt").write_bytes(b"%PDF-1.4\x00\x01\x02\xff\xfe binary garbage \x00" * 50)
    cli = Twinatlas(tmp_path / "registry.db", gazetteer)

    result = cli.run("ingest", str(folder), expect=1)

    (line,) = result.stderr.strip().splitlines()
    assert "01b-scan.txt" in line and "binary" in line
    assert "2 document(s) added" in result.stdout
    assert sorted(documents_and_assertions(cli.db)) == sorted(f"0{n}-{name}" for n, name in enumerate(GOOD[:2], 1))


@pytest.fixture
def disk_full_on(request) -> Iterator[None]:
    """The database reports a full disk on the first write after the named document's row is inserted."""
    name = request.param
    armed = {"on": False}

    def before_execute(conn, cursor, statement, parameters, context, executemany):
        if statement.startswith("INSERT INTO documents") and name in str(parameters):
            armed["on"] = True
        elif armed["on"] and statement.startswith("INSERT"):
            armed["on"] = False
            raise sqlite3.OperationalError("database or disk is full")

    sa.event.listen(sa.Engine, "before_cursor_execute", before_execute)
    yield
    sa.event.remove(sa.Engine, "before_cursor_execute", before_execute)


@pytest.mark.parametrize("disk_full_on", ["02-en-oxford-perm-suspended.txt"], indirect=True)
def test_a_full_disk_while_writing_one_document_leaves_nothing_of_it(tmp_path, gazetteer, disk_full_on):
    folder = folder_of(tmp_path, GOOD)
    cli = Twinatlas(tmp_path / "registry.db", gazetteer)

    result = cli.run("ingest", str(folder), expect=1)

    (line,) = result.stderr.strip().splitlines()
    assert "02-en-oxford-perm-suspended.txt" in line and "database or disk is full" in line
    stored = documents_and_assertions(cli.db)
    assert sorted(stored) == ["01-ru-mogilev-tula-twinning.txt", "03-pl-lublin-partner-cities.txt"]
    with sqlite3.connect(cli.db) as conn:  # none of its places either: they came only from that document
        assert conn.execute("SELECT COUNT(*) FROM places WHERE name = 'Oxford'").fetchone() == (0,)


def test_after_a_full_disk_the_same_ingest_completes(tmp_path, gazetteer):
    folder = folder_of(tmp_path, GOOD)
    reference = Twinatlas(tmp_path / "reference.db", gazetteer)
    reference.run("ingest", str(folder))
    cli = Twinatlas(tmp_path / "registry.db", gazetteer)
    failing = "02-en-oxford-perm-suspended.txt"

    def fail(conn, cursor, statement, parameters, context, executemany):
        if statement.startswith("INSERT INTO assertions") and "Oxford" in str(parameters):
            raise sqlite3.OperationalError("database or disk is full")

    sa.event.listen(sa.Engine, "before_cursor_execute", fail)
    try:
        cli.run("ingest", str(folder), expect=1)
    finally:
        sa.event.remove(sa.Engine, "before_cursor_execute", fail)
    assert failing not in documents_and_assertions(cli.db)

    again = cli.json("ingest", str(folder))

    assert again["added"] == [failing] and len(again["unchanged"]) == 2
    assert documents_and_assertions(cli.db) == documents_and_assertions(reference.db)


# The CLI with every document's transaction held open a while after its rows are written, so that a kill
# lands inside a transaction: what is half-written then must not survive.
SLOW_INGEST = """
import sys, time
import twinatlas.store.store as store
write = store.insert_assertions
def slow_write(conn, items):
    ids = write(conn, items)
    time.sleep(0.4)
    return ids
store.insert_assertions = slow_write
from twinatlas.cli import main
sys.argv[0] = "twinatlas"
main()
"""


def test_a_killed_ingest_keeps_whole_documents_and_the_rerun_resumes(tmp_path, gazetteer):
    names = sorted(p.name for p in DEMO_TEXTS.glob("*.txt"))[:12]
    folder = folder_of(tmp_path, names)
    reference = Twinatlas(tmp_path / "reference.db", gazetteer)
    reference.run("ingest", str(folder))
    expected = documents_and_assertions(reference.db)
    cli = Twinatlas(tmp_path / "registry.db", gazetteer)
    args = ["--db", cli.url, "--cache-dir", str(cli.cache_dir), "ingest", str(folder)]
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    process = subprocess.Popen([sys.executable, "-c", SLOW_INGEST, *args], env=env, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 120
        while stored_so_far(cli.db) < 3:
            assert process.poll() is None, process.stderr.read().decode() if process.stderr else ""
            assert time.monotonic() < deadline, "the ingest did not store 3 documents in 2 minutes"
            time.sleep(0.05)
        time.sleep(0.2)  # inside the next document's open transaction
        process.send_signal(signal.SIGKILL)
    finally:
        process.kill()
        process.wait()
    assert process.returncode == -signal.SIGKILL

    killed = documents_and_assertions(cli.db)
    assert 3 <= len(killed) < len(names)
    assert killed == {name: expected[name] for name in killed}  # every stored document whole
    with sqlite3.connect(cli.db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)

    rerun = cli.json("ingest", str(folder))

    assert sorted(rerun["unchanged"]) == sorted(killed)
    assert len(rerun["added"]) == len(names) - len(killed)
    assert documents_and_assertions(cli.db) == expected
