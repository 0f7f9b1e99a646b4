"""Shared fixtures. Real corpora are read by path and skipped with a reason when absent."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SAMPLES = ROOT / "warta" / "data" / "samples"


def _data_dir() -> Path | None:
    env = os.environ.get("WARTA_DATA")
    path = Path(env) if env else SHARED / "data"
    return path if path.is_dir() else None


@pytest.fixture(scope="session")
def data_dir() -> Path:
    """The real corpora (../shared/data or $WARTA_DATA); skips when absent."""
    path = _data_dir()
    if path is None:
        pytest.skip("real corpora not found: set WARTA_DATA or put shared/ beside the checkout")
    return path


@pytest.fixture(scope="session")
def gold_dir() -> Path:
    """The dev gold set (../shared/gold); skips when absent."""
    data = _data_dir()
    path = data.parent / "gold" if data else SHARED / "gold"
    if not path.is_dir():
        pytest.skip("gold annotations not found: put shared/ beside the checkout")
    return path


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    data = _data_dir()
    path = data.parent / "seeds" if data else SHARED / "seeds"
    if not path.is_dir():
        pytest.skip("seed articles not found: put shared/ beside the checkout")
    return path


@pytest.fixture(scope="session")
def samples_dir() -> Path:
    return SAMPLES


@pytest.fixture()
def tmp_db(tmp_path: Path) -> Path:
    return tmp_path / "warta.db"
