"""Reading sources into Documents: files (text, HTML, Markdown), folders, stdin and URLs.

No NLP here besides language identification. Every Document's text is normalised and its SHA-256 is
the document's identity (see normalise.py).
"""

from __future__ import annotations

from twinatlas.ingest.language import detect_language
from twinatlas.ingest.normalise import normalise_text, sha256_text
from twinatlas.ingest.readers import (
    TEXT_SUFFIXES,
    fetch_url,
    is_url,
    iter_paths,
    read_bytes,
    read_path,
    read_source,
    read_stdin,
    read_text,
)

__all__ = [
    "TEXT_SUFFIXES",
    "detect_language",
    "fetch_url",
    "is_url",
    "iter_paths",
    "normalise_text",
    "read_bytes",
    "read_path",
    "read_source",
    "read_stdin",
    "read_text",
    "sha256_text",
]
