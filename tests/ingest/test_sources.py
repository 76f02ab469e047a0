"""Folders, stdin and the dispatch of command-line sources."""

from __future__ import annotations

import io
import sys

import pytest

from twinatlas.config import Settings
from twinatlas.errors import NotFound
from twinatlas.ingest import iter_paths, read_source, read_stdin


def test_folders_are_walked_recursively_in_order_keeping_only_texts(tmp_path):
    for name in ["b.txt", "a.md", "sub/c.html", "sub/d.htm", "sub/e.markdown", "x.pdf", "img.png", ".hidden/f.txt"]:
        path = tmp_path / "corpus" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("text")
    single = tmp_path / "notes.dat"
    single.write_text("named explicitly, so read whatever its extension")
    found = list(iter_paths([str(tmp_path / "corpus"), str(single)]))
    relative = [p.relative_to(tmp_path).as_posix() for p in found]
    assert relative == [
        "corpus/a.md",
        "corpus/b.txt",
        "corpus/sub/c.html",
        "corpus/sub/d.htm",
        "corpus/sub/e.markdown",
        "notes.dat",
    ]


def test_a_missing_path_is_named(tmp_path):
    with pytest.raises(NotFound, match="nowhere: no such file or folder"):
        list(iter_paths([str(tmp_path / "nowhere")]))


def test_stdin_is_a_document_named_stdin(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"Minsk and Bonn signed.\r\n")))
    doc = read_stdin()
    assert (doc.name, doc.text) == ("<stdin>", "Minsk and Bonn signed.")


def test_read_source_dispatches_dash_urls_and_paths(tmp_path, monkeypatch):
    path = tmp_path / "one.txt"
    path.write_text("Пловдив и Брест подписали соглашение о сотрудничестве между городами.", encoding="utf-8")
    settings = Settings(default_lang="ru")
    assert read_source(str(path), settings).name == "one.txt"
    assert read_source(str(path), settings).lang == "ru"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"from stdin")))
    assert read_source("-", settings).name == "<stdin>"

    called = {}

    def fake_fetch(url, timeout, max_bytes, lang):
        called.update(url=url, timeout=timeout, max_bytes=max_bytes)
        return "fetched"

    monkeypatch.setattr("twinatlas.ingest.readers.fetch_url", fake_fetch)
    assert read_source("https://example.org/a", Settings(fetch_timeout=3.0, fetch_max_bytes=1000)) == "fetched"
    assert called == {"url": "https://example.org/a", "timeout": 3.0, "max_bytes": 1000}
