"""`twinatlas demo`: load the packaged demo data and show what the registry holds."""

from __future__ import annotations

from twinatlas.cli.app import cli  # noqa: F401
