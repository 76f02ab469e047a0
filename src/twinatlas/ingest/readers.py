"""Reading sources into Documents: files, folders, stdin and URLs. No NLP here besides language id."""

from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

from twinatlas.config import Settings
from twinatlas.errors import InvalidInput, NotFound
from twinatlas.ingest.dates import published_from_head
from twinatlas.ingest.decode import decode_bytes, html_declared_charset
from twinatlas.ingest.fetch import fetch_bytes
from twinatlas.ingest.html import read_html
from twinatlas.ingest.language import detect_language
from twinatlas.ingest.markdown import read_markdown
from twinatlas.ingest.normalise import normalise_text, sha256_text
from twinatlas.models import Document, PartialDate

HTML_SUFFIXES = frozenset({".html", ".htm"})
MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})
TEXT_SUFFIXES = frozenset({".txt", *HTML_SUFFIXES, *MARKDOWN_SUFFIXES})
STDIN_NAME = "<stdin>"


def read_text(
    text: str,
    name: str,
    url: str | None = None,
    published: PartialDate | str | None = None,
    lang: str | None = None,
    title: str | None = None,
    retrieved: datetime | None = None,
) -> Document:
    """A Document from text already decoded: normalised, hashed, its language detected unless given.

    Without `published`, a date printed alone at the top of the text is taken when unambiguous.
    """
    normalised = normalise_text(text)
    if not normalised:
        raise InvalidInput(f"{name}: empty, there is no text to read")
    if isinstance(published, str):
        published = PartialDate.parse(published)
    return Document(
        text=normalised,
        sha256=sha256_text(normalised),
        name=name,
        lang=lang or detect_language(normalised),
        url=url,
        title=title,
        published=published or published_from_head(normalised),
        retrieved=retrieved,
    )


def read_bytes(
    data: bytes,
    name: str,
    kind: str = "text",
    url: str | None = None,
    charset: str | None = None,
    lang: str | None = None,
    retrieved: datetime | None = None,
) -> Document:
    """A Document from raw bytes of a `kind` ('text', 'html' or 'markdown'); InvalidInput naming `name`."""
    if kind == "html":
        html = decode_bytes(data, name, declared=charset or html_declared_charset(data))
        page = read_html(html, name, url)
        return read_text(page.text, name, url, page.published, lang, page.title, retrieved)
    source = decode_bytes(data, name, declared=charset)
    if kind == "markdown":
        parts = read_markdown(source)
        return read_text(parts.text, name, url, parts.published, lang, parts.title, retrieved)
    return read_text(source, name, url, lang=lang, retrieved=retrieved)


def kind_of(name: str, content_type: str = "") -> str:
    """'html', 'markdown' or 'text', from a content type when there is one, else from the name's suffix."""
    if "html" in content_type:
        return "html"
    if "markdown" in content_type:
        return "markdown"
    suffix = PurePosixPath(name).suffix.lower()
    if suffix in HTML_SUFFIXES:
        return "html"
    return "markdown" if suffix in MARKDOWN_SUFFIXES else "text"


def read_path(path: Path, lang: str | None = None) -> Document:
    """A file as a Document; the document's name is the file name."""
    try:
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise NotFound(f"{path}: no such file") from exc
    except IsADirectoryError as exc:
        raise InvalidInput(f"{path}: is a folder, not a file") from exc
    except OSError as exc:
        raise InvalidInput(f"{path}: cannot read it: {exc.strerror}") from exc
    return read_bytes(data, path.name, kind_of(path.name), lang=lang)


def read_stdin(lang: str | None = None) -> Document:
    """Standard input as a plain-text Document named '<stdin>'."""
    return read_bytes(sys.stdin.buffer.read(), STDIN_NAME, lang=lang)


def fetch_url(url: str, timeout: float, max_bytes: int, lang: str | None = None) -> Document:
    """A web page as a Document named by its URL; FetchError when offline, slow, refused or too large."""
    fetched = fetch_bytes(url, timeout, max_bytes)
    kind = kind_of(urlsplit(fetched.url).path, fetched.content_type)
    if kind == "text" and fetched.body.lstrip()[:15].lower().startswith((b"<!doctype html", b"<html")):
        kind = "html"  # servers that call every page text/plain
    return read_bytes(
        fetched.body, url, kind, url=fetched.url, charset=fetched.charset, lang=lang, retrieved=datetime.now(UTC)
    )


def iter_paths(paths: Sequence[str]) -> Iterator[Path]:
    """Files to read: named files as given, folders recursively (sorted, text-like files, no hidden ones)."""
    for arg in paths:
        path = Path(arg)
        if path.is_dir():
            found = (
                p
                for p in path.rglob("*")
                if p.is_file()
                and p.suffix.lower() in TEXT_SUFFIXES
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
            yield from sorted(found)
        elif path.exists():
            yield path
        else:
            raise NotFound(f"{arg}: no such file or folder")


def is_url(arg: str) -> bool:
    return arg.lower().startswith(("http://", "https://"))


def read_source(arg: str, settings: Settings) -> Document:
    """One command-line source: '-' is stdin, http(s) URLs are fetched, anything else is a file path."""
    lang = settings.default_lang
    if arg == "-":
        return read_stdin(lang)
    if is_url(arg):
        return fetch_url(arg, settings.fetch_timeout, settings.fetch_max_bytes, lang)
    return read_path(Path(arg), lang)
