"""Set-up for the window's tests: a window on a library, opened as the app opens it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QSettings
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from advocate_app.core.session import Session
from advocate_app.gui.links import LinkPolicy
from advocate_app.gui.settings import WindowSettings
from advocate_app.gui.window.main_window import MainWindow
from tests.support.qt import Opened


@pytest.fixture(autouse=True)
def american_reader(qapp):
    """Dates and times as a reader in the United States sees them (the machine's locale is C)."""
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    yield
    QLocale.setDefault(QLocale.system())


@pytest.fixture(autouse=True)
def same_text_size(qapp):
    """The text size is the application's font: each test starts from the system's."""
    font = QFont(QApplication.font())
    yield
    QApplication.setFont(font)


@pytest.fixture
def settings_file(tmp_path: Path) -> Path:
    return tmp_path / "settings.ini"


# What a message in the window must never contain: error numbers, tracebacks, Python's
# exception names, database internals, or command lines (those are the CLI's words).
NOT_FOR_PEOPLE = re.compile(
    r"\[Errno|Traceback|\b[A-Z]\w*(?:Error|Exception)\b|"
    r"\badvocate (?:import|directory|network|profile|officials|letter|fetch|feeds|sent)\b"
)


@pytest.fixture
def open_window(qtbot, settings_file, monkeypatch):
    """Open a window on a library; several calls simulate closing and restarting the app.

    The window records the links it opens (`window.opened`), the messages it would show in a
    box (`window.notices`) and the questions it would ask (`window.questions`, answered from
    `window.answers`, yes by default, or `window.choices`, the first button by default) instead
    of showing them.
    """
    notices: list[tuple[str, str, str]] = []
    questions: list[tuple[str, str]] = []
    answers: list[bool] = []  # what the reader will answer, first to last (default: yes)
    choices: list[str] = []  # answers to questions with several buttons (default: the first)
    windows: list[MainWindow] = []
    shown: list[str] = []  # every status message of every window
    show_status = MainWindow.show_status

    def recording(self: MainWindow, message: str) -> None:
        shown.append(message)
        show_status(self, message)

    monkeypatch.setattr(MainWindow, "show_status", recording)

    def confirm(title: str, question: str) -> bool:
        questions.append((title, question))
        return answers.pop(0) if answers else True

    def choose(title: str, question: str, options: list[str]) -> str | None:
        questions.append((title, question))
        return choices.pop(0) if choices else options[0]

    def make(path: Path) -> MainWindow:
        opened = Opened()
        settings = WindowSettings(QSettings(str(settings_file), QSettings.Format.IniFormat))
        session = Session.open(path.parent)
        window = MainWindow(
            session,
            settings,
            links=LinkPolicy(opened, report=lambda message: window.show_status(message)),
            notify=lambda *notice: notices.append(notice),
            confirm=confirm,
            choose=choose,
        )
        window.opened = opened  # type: ignore[attr-defined]
        window.notices = notices  # type: ignore[attr-defined]
        window.questions = questions  # type: ignore[attr-defined]
        window.answers = answers  # type: ignore[attr-defined]
        window.choices = choices  # type: ignore[attr-defined]
        qtbot.addWidget(window)
        window.show()
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow, timeout=2000)  # shortcuts need an active window
        # The list's counts (categories, sources) are read in the background: let them come.
        qtbot.waitUntil(lambda: window.list_pane.settled, timeout=5000)
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.tasks.cancel_all()
        window.tasks.wait(5000)
        window.session.close()
    said = shown + [f"{title}: {text}" for title, text, _details in notices]
    said += [f"{title}: {question}" for title, question in questions]
    technical = [message for message in said if NOT_FOR_PEOPLE.search(message)]
    assert technical == [], "messages in the window must be written for people"


@pytest.fixture
def restart(open_window):
    """Close a window and open the app again on the same library."""

    def again(window: MainWindow) -> MainWindow:
        path = window.session.library.path
        window.close()
        window.session.close()
        return open_window(path)

    return again
