"""Shared test set-up: headless Qt, a fresh data folder per test, and the seed articles."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO_ROOT = Path(__file__).resolve().parent.parent
SHARED = REPO_ROOT.parent / "shared"
SEEDS = SHARED / "seeds"


@pytest.fixture
def seeds() -> Path:
    if not SEEDS.is_dir():
        pytest.skip(f"the shared seed articles are not at {SEEDS}")
    return SEEDS


@pytest.fixture
def seed_text(seeds: Path):
    def read(prefix: str) -> str:
        (path,) = seeds.glob(f"{prefix}_*.txt")
        return path.read_text(encoding="utf-8")

    return read


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own data folder; nothing touches the real one."""
    folder = tmp_path / "data"
    monkeypatch.setenv("ADVOCATE_DATA_DIR", str(folder))
    return folder


@pytest.fixture(autouse=True)
def no_system_keychain():
    """Tests never touch the real keychain: each starts as on a box without one.

    Set explicitly, so keyring never goes looking for a backend (it would find the
    in-memory test backends and share one between tests).
    """
    import keyring
    from keyring.backends import fail

    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(fail.Keyring())
