"""Web fixtures: an app over a temporary SQLite registry filled by webfakes.fill, and its TestClient."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from fastapi.testclient import TestClient
from webfakes import TOKEN, StandInGazetteer, fill, settings_for, stand_in_extract

from twinatlas.atlas import Atlas
from twinatlas.store import open_store
from twinatlas.web.app import create_app


@pytest.fixture
def client(tmp_path: Path) -> Iterator[TestClient]:
    settings = settings_for(tmp_path, fetch_max_bytes=2000)
    store = open_store(settings.db)
    fill(store)
    atlas = Atlas(settings, store=store, gazetteer=StandInGazetteer())  # type: ignore[arg-type]
    with TestClient(create_app(settings, atlas, extract=stand_in_extract)) as test_client:
        yield test_client
    store.close()


@pytest.fixture
def auth() -> dict[str, str]:
    return {"Authorization": f"Bearer {TOKEN}"}
