"""Starting the app: a new library, a broken or missing one, and a second copy of the app."""

from __future__ import annotations

import os
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from advocate_app.core.paths import library_path
from advocate_app.core.store.library import open_library
from advocate_app.gui import app
from advocate_app.gui.single_instance import SingleInstance
from advocate_app.gui.startup import Choice


class Asker:
    """Answers the start-up dialogs like a person would, and remembers what was asked."""

    def __init__(self, *answers: Choice) -> None:
        self.answers = list(answers)
        self.asked: list[tuple[str, str, list[Choice]]] = []

    def __call__(self, title: str, message: str, choices: list[Choice]) -> Choice:
        self.asked.append((title, message, choices))
        return self.answers.pop(0)


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def started(qtbot):
    windows = []

    def run(argv, ask, settings):
        result = app.start(argv, ask=ask, settings=settings)
        if not isinstance(result, int):
            window, instance = result
            qtbot.addWidget(window)
            windows.append(result)
        return result

    yield run
    for window, instance in windows:
        instance.close()
        window.session.close()


def test_first_start_shows_the_welcome_article(started, data_dir, settings):
    asker = Asker()
    window, _ = started(["--data-dir", str(data_dir)], asker, settings)
    assert asker.asked == []
    assert window.reader.toPlainText().startswith("Welcome to Advocate")
    assert library_path(data_dir).exists()


def test_a_library_from_a_newer_version_is_explained_and_kept(started, data_dir, settings):
    library = open_library(library_path(data_dir))
    library.close()
    db = sqlite3.connect(library_path(data_dir))
    db.execute("PRAGMA user_version = 42")
    db.close()
    before = library_path(data_dir).read_bytes()
    asker = Asker(Choice.QUIT)
    assert started(["--data-dir", str(data_dir)], asker, settings) == 1
    ((title, message, choices),) = asker.asked
    assert "newer version of Advocate" in message and Choice.QUIT in choices
    assert library_path(data_dir).read_bytes() == before


def test_a_missing_library_is_never_silently_replaced(started, data_dir, settings, tmp_path):
    window, instance = started(["--data-dir", str(data_dir)], Asker(), settings)
    window.close()
    instance.close()
    window.session.close()
    library_path(data_dir).rename(tmp_path / "moved.sqlite3")

    asker = Asker(Choice.QUIT)
    assert started(["--data-dir", str(data_dir)], asker, settings) == 1
    assert asker.asked[0][0] == "Your library is missing"
    assert not library_path(data_dir).exists()

    asker = Asker(Choice.CREATE)
    window, _ = started(["--data-dir", str(data_dir)], asker, settings)
    assert library_path(data_dir).exists() and len(asker.asked) == 1


def test_a_locked_library_can_be_retried(started, data_dir, settings, monkeypatch):
    from advocate_app.core.store import database

    open_library(library_path(data_dir)).close()
    monkeypatch.setattr(database, "BUSY_TIMEOUT_SECONDS", 0.1)
    holder = sqlite3.connect(library_path(data_dir))
    holder.execute("PRAGMA locking_mode = EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")

    asked = []

    def ask(title, message, choices):
        asked.append((title, message))
        holder.rollback()  # the other program lets go; the reader tries again
        holder.close()
        return Choice.RETRY

    window, _ = started(["--data-dir", str(data_dir)], ask, settings)
    assert asked and asked[0][0] == "The library is in use"
    assert "locked" in asked[0][1]
    assert window.reader.toPlainText().startswith("Welcome to Advocate")


def test_a_second_copy_brings_the_first_forward(qtbot, tmp_path):
    first = SingleInstance(tmp_path)
    assert first.listen()
    second = SingleInstance(tmp_path)
    with qtbot.waitSignal(first.activation_requested, timeout=3000):
        assert second.ask_running_instance()
    other_folder = SingleInstance(tmp_path / "other")
    assert not other_folder.ask_running_instance()
    first.close()
    assert not SingleInstance(tmp_path).ask_running_instance()


def test_version_of_the_window_command():
    result = subprocess.run(
        [sys.executable, "-m", "advocate_app", "--version"], capture_output=True, text=True
    )
    assert result.returncode == 0 and result.stdout.startswith("advocate-app ")


def test_the_single_instance_socket_is_private(monkeypatch, tmp_path):
    from advocate_app.gui.single_instance import socket_name

    runtime = tmp_path / "run"
    runtime.mkdir(mode=0o700)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))
    assert socket_name("advocate-x") == str(runtime / "advocate-x")
    os.chmod(runtime, 0o777)  # anyone could create files here: not used
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", None)
    name = Path(socket_name("advocate-x"))
    assert name.parent == tmp_path / f"advocate-{os.getuid()}"
    assert stat.S_IMODE(name.parent.stat().st_mode) == 0o700


@pytest.mark.qt_no_exception_capture
def test_a_bug_behind_a_click_is_one_line_and_the_window_goes_on(
    started, data_dir, settings, qtbot, capfd
):
    from PySide6.QtCore import QTimer

    before = sys.excepthook
    try:
        window, _ = started(["--data-dir", str(data_dir)], Asker(), settings)

        def broken_handler() -> None:
            raise ZeroDivisionError("a bug in a click's handler")

        QTimer.singleShot(0, broken_handler)
        qtbot.waitUntil(lambda: "Something went wrong" in window.status_label.text())
    finally:
        sys.excepthook = before
    assert "ZeroDivisionError" in window.status_label.text()
    assert "advocate.log" in window.status_label.text()
    log = (data_dir / "advocate.log").read_text(encoding="utf-8")
    assert "a bug in a click's handler" in log and "Traceback" in log
    assert "Traceback" not in capfd.readouterr().err
    window.list_pane.select_row(0)  # and the window still answers
    assert window.reader.toPlainText().startswith("Welcome to Advocate")
