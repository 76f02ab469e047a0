"""The store: documents, places, append-only assertions and review decisions, over SQLAlchemy Core.

SQLite by default, PostgreSQL (psycopg 3) through the same code; all SQL of twinatlas lives in this
package. Open it with `open_store(url)`; the schema is brought up to date by versioned migrations.
"""

from __future__ import annotations

from twinatlas.store.migrations import LATEST as SCHEMA_VERSION
from twinatlas.store.store import AddResult, Store, StoreCounts, open_store

__all__ = ["SCHEMA_VERSION", "AddResult", "Store", "StoreCounts", "open_store"]
