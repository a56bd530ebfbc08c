"""Shared test set-up: headless Qt, a fresh data folder per test, no real keychain, the seed
articles and other shared data (reported once in the summary), and a local web server."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from advocate_app.core.importer import import_paths
from advocate_app.core.store.library import open_library
from tests.support import shared
from tests.support.data import write_directory
from tests.support.http import Server
from tests.support.paths import SEEDS, SHARED, SHARED_DATA

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if shared.USERS:
        state = "present" if SHARED.is_dir() else "MISSING"
        terminalreporter.write_line(
            f"{len(shared.USERS)} tests read the shared data in {SHARED} ({state})."
        )


@pytest.fixture
def seeds(request: pytest.FixtureRequest) -> Path:
    """The three real articles in ../shared/seeds."""
    return shared.need_shared(request, SEEDS)


@pytest.fixture
def shared_data(request: pytest.FixtureRequest) -> Path:
    """The public officials data and ZIP table in ../shared/data."""
    return shared.need_shared(request, SHARED_DATA)


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


@pytest.fixture
def use_keyring():
    """Install a keyring backend for one test (the one above puts "none" back after)."""
    import keyring

    def install(backend):
        keyring.set_keyring(backend)
        return backend

    return install


@pytest.fixture
def library_path(tmp_path: Path, seeds: Path) -> Path:
    """A library in the test's data folder holding the three seed articles."""
    path = tmp_path / "data" / "library.sqlite3"
    library = open_library(path)
    list(import_paths(library, [seeds]))
    library.close()
    return path


@pytest.fixture
def directory_source(tmp_path: Path) -> Path:
    """A folder with the four files of a small officials directory."""
    return write_directory(tmp_path / "source")


@pytest.fixture
def server():
    """A web server on 127.0.0.1 with article pages, feeds and misbehaving addresses."""
    running = Server()
    yield running
    running.stop()
