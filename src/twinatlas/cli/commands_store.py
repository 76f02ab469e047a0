"""Commands that write to or read from the store: ingest, import, review, queries."""

from __future__ import annotations

from twinatlas.cli.app import cli  # noqa: F401
