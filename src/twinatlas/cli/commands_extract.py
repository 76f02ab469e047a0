"""`twinatlas extract` and `twinatlas eval`."""

from __future__ import annotations

from twinatlas.cli.app import cli  # noqa: F401
