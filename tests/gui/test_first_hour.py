"""A newcomer's first hour: nothing set up yet, and every dead end has its way out."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialogButtonBox, QPushButton

from advocate_app.core.profile.storage import ProfileStore
from tests.support.data import ADA, SITE_TITLE, write_directory
from tests.support.paths import SCREENSHOTS
from tests.support.qt import clipped_labels, select_title


def open_composer(window, number, qtbot):  # noqa: ANN001, ANN201
    card = window.action_panel.cards[number - 1]
    (write,) = [b for b in card.findChildren(QPushButton) if b.text() == "Write letter…"]
    with qtbot.waitSignal(window.letters.composer_opened, timeout=5000) as opened:
        qtbot.mouseClick(write, Qt.MouseButton.LeftButton)
    return opened.args[0]


def serve_directory(server, tmp_path) -> str:  # noqa: ANN001
    folder = write_directory(tmp_path / "files")
    for path in folder.iterdir():
        server.files[f"/directory/{path.name}"] = path.read_bytes()
    return f"{server.base}/directory"


def test_writing_before_anything_is_set_up_shows_the_way(
    open_window, library_path, qtbot, server, tmp_path, monkeypatch
):
    monkeypatch.setenv("ADVOCATE_DIRECTORY_URL", serve_directory(server, tmp_path))
    window = open_window(library_path)
    select_title(window, SITE_TITLE)
    composer = open_composer(window, 2, qtbot)
    assert composer.tabs.count() == 0  # never "Dear Senator Your Senator"
    lines = [label.text() for label in composer.needs.lines]
    assert len(lines) == 2 and "your name" in lines[0] and "public directory" in lines[1]
    buttons = {b.text(): b for b in composer.needs.buttons}
    assert set(buttons) == {"Enter Your Details…", "Get the Directory", "From a Folder…"}

    with qtbot.waitSignal(window.officials.profile_dialog_opened, timeout=5000) as opened:
        qtbot.mouseClick(buttons["Enter Your Details…"], Qt.MouseButton.LeftButton)
    details = opened.args[0]
    for name, value in (
        ("first_name", "Ada"), ("last_name", "Lovelace"), ("street", "1 Main St"),
        ("city", "Seattle"), ("state", "Washington"), ("zip", "98104"),
    ):  # fmt: skip
        details.edits[name].setText(value)
    with qtbot.waitSignal(window.officials.profile_saved, timeout=5000):
        details.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    qtbot.waitUntil(lambda: len(composer.needs.lines) == 1, timeout=5000)
    assert "public directory" in composer.needs.lines[0].text()

    (get,) = [b for b in composer.needs.buttons if b.text() == "Get the Directory"]
    with qtbot.waitSignal(window.officials.directory_updated, timeout=10000):
        qtbot.mouseClick(get, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not composer.needs.isVisibleTo(composer), timeout=5000)
    assert [p.letter.recipient.name for p in composer.pages] == [
        "Bea Birch",
        "Ann Alder",
        "Cy Cedar",
    ]
    assert "Dear Senator Birch," in composer.pages[0].body.toPlainText()
    assert "Ada Lovelace" in composer.pages[0].body.toPlainText()


def test_an_offline_directory_update_says_what_to_do(open_window, library_path, qtbot, monkeypatch):
    monkeypatch.setenv("ADVOCATE_DIRECTORY_URL", "http://directory.invalid/files")
    window = open_window(library_path)
    with qtbot.waitSignal(window.officials.directory_updated, timeout=30000):
        window.officials.update_directory()
    title, text, _details = window.notices[-1]
    assert title == "The directory was not updated"
    assert "could not be found: this computer may be offline" in text
    assert "Officials ▸ Update Directory from Folder…" in text
    assert "Errno" not in text and "http" not in text and "advocate " not in text


def test_set_up_advocate_in_three_steps(
    open_window, library_path, qtbot, server, tmp_path, monkeypatch
):
    monkeypatch.setenv("ADVOCATE_DIRECTORY_URL", serve_directory(server, tmp_path))
    window = open_window(library_path)
    with qtbot.waitSignal(window.show_setup().refreshed, timeout=5000):
        pass
    setup = window.setup_assistant
    assert setup.isVisible() and not setup.isModal()  # beside the window, not in front
    assert setup.heading.text() == "<b>Step 1 of 3: Your details</b>"
    assert setup.details_status.text().startswith("Still to give: your name")

    with qtbot.waitSignal(window.officials.profile_dialog_opened, timeout=5000) as opened:
        qtbot.mouseClick(setup.enter_details, Qt.MouseButton.LeftButton)
    details = opened.args[0]
    for name, value in (
        ("first_name", "Ada"), ("last_name", "Lovelace"), ("street", "1 Main St"),
        ("city", "Seattle"), ("state", "WA"), ("zip", "98104"),
    ):  # fmt: skip
        details.edits[name].setText(value)
    with qtbot.waitSignal(setup.refreshed, timeout=5000):
        details.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert setup.details_status.text() == "✓ Saved: Ada Lovelace, 1 Main St, Seattle, WA 98104."

    qtbot.mouseClick(setup.next, Qt.MouseButton.LeftButton)
    assert setup.heading.text() == "<b>Step 2 of 3: Your officials</b>"
    assert setup.officials_status.text() == "There is no directory on this computer yet."
    with qtbot.waitSignal(setup.refreshed, timeout=10000):
        qtbot.mouseClick(setup.get_directory, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Your officials:" in setup.officials_status.text(), timeout=5000)
    assert "Senator Bea Birch, Senator Ann Alder, Representative Cy Cedar" in (
        setup.officials_status.text()
    )
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    assert setup.grab().save(str(SCREENSHOTS / "set_up_officials.png"))
    assert clipped_labels(setup) == []
    qtbot.mouseClick(setup.next, Qt.MouseButton.LeftButton)
    assert setup.next.text() == "Finish"
    assert setup.summary.text() == "Your details and your officials are set up."
    qtbot.mouseClick(setup.next, Qt.MouseButton.LeftButton)
    assert not setup.isVisible() and window.settings.setup_finished()


def test_set_up_can_wait_and_resumes_where_it_was_left(open_window, library_path, qtbot):
    window = open_window(library_path)
    ProfileStore(library_path.parent).save(ADA)  # details given before, no directory yet
    with qtbot.waitSignal(window.show_setup().refreshed, timeout=5000):
        pass
    setup = window.setup_assistant
    assert setup.heading.text() == "<b>Step 2 of 3: Your officials</b>"  # the first to do
    qtbot.mouseClick(setup.not_now, Qt.MouseButton.LeftButton)
    assert not setup.isVisible()
    assert "Help ▸ Set Up Advocate…" in window.status_label.text()
    trigger = next(a for a in window.findChildren(QAction) if a.text() == "&Set Up Advocate…")
    trigger.trigger()
    assert setup.isVisible()


def test_the_first_start_opens_set_up(tmp_path, qtbot):
    from PySide6.QtCore import QSettings

    from advocate_app.gui import app

    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    started = app.start(["--data-dir", str(tmp_path / "data")], settings=settings)
    window, instance = started
    qtbot.addWidget(window)
    try:
        assert window.setup_assistant is not None and window.setup_assistant.isVisible()
    finally:
        instance.close()
        window.tasks.wait(5000)
        window.session.close()
