"""Shared test set-up: headless Qt, a fresh data folder per test, and the seed articles."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from advocate_app.core.importer import import_paths
from advocate_app.core.store.library import open_library
from advocate_app.gui.links import LinkPolicy
from advocate_app.gui.settings import WindowSettings
from advocate_app.gui.window.main_window import MainWindow

from .helpers import Opened

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


@pytest.fixture
def library_path(tmp_path, seeds) -> Path:
    path = tmp_path / "data" / "library.sqlite3"
    library = open_library(path)
    list(import_paths(library, [seeds]))
    library.close()
    return path


@pytest.fixture
def open_window(qtbot, tmp_path):
    """Open a window on a library; several calls simulate closing and restarting the app."""
    opened = Opened()
    notices: list[tuple[str, str, str]] = []
    windows: list[MainWindow] = []

    def make(path: Path) -> MainWindow:
        settings = WindowSettings(
            QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
        )
        library = open_library(path)
        window = MainWindow(
            library,
            settings,
            links=LinkPolicy(opened, report=lambda message: window.show_status(message)),
            notify=lambda *notice: notices.append(notice),
        )
        window.opened = opened  # type: ignore[attr-defined]
        window.notices = notices  # type: ignore[attr-defined]
        qtbot.addWidget(window)
        window.show()
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow, timeout=2000)  # shortcuts need an active window
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.library.close()
