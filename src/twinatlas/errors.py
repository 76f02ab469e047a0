"""One exception tree. Every user-facing error carries a message that names the input and what is wrong.

The CLI prints `str(error)` on one line and exits with `exit_code`; the HTTP API maps `status` onto its
error shape. Anything not derived from TwinatlasError is a bug and shows a traceback only with --debug.
"""

from __future__ import annotations


class TwinatlasError(Exception):
    """Base of every error twinatlas raises on purpose."""

    exit_code = 1
    status = 500


class InvalidInput(TwinatlasError):
    """The input (a file, a value, a row, a request) is malformed; the message says which and how."""

    exit_code = 2
    status = 400


class NotFound(TwinatlasError):
    """A named thing (place, pair, document, file) does not exist."""

    status = 404


class TooLarge(InvalidInput):
    status = 413


class ConfigError(TwinatlasError):
    """A setting is missing or malformed (config file, environment variable or flag)."""

    exit_code = 2
    status = 500


class StoreError(TwinatlasError):
    """The database could not be opened, migrated or written; nothing was half-written."""


class GazetteerError(TwinatlasError):
    """The gazetteer index is missing, stale or unreadable."""


class FetchError(TwinatlasError):
    """A URL could not be fetched (offline, timeout, too large, bad status)."""


class Unauthorized(TwinatlasError):
    status = 401
