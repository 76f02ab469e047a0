"""Fixtures shared by the whole suite."""

from __future__ import annotations

from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
DEV_SET = SHARED / "eval" / "dev"
SEEDS = SHARED / "seeds"


def need_shared(path: Path) -> Path:
    """Skip (with the reason) where ../shared is absent, as for outside contributors; CI has it."""
    if not path.exists():
        pytest.skip(f"{path} is absent: ../shared/ is only available inside the project workspace")
    return path


@pytest.fixture(scope="session")
def gazetteer():
    """The gazetteer index of the default cache dir (TWINATLAS_CACHE_DIR honoured), built on first use."""
    from twinatlas.config import load_settings
    from twinatlas.gazetteer import open_gazetteer

    return open_gazetteer(load_settings().gazetteer_path)
