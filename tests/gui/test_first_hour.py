"""A newcomer's first hour: nothing set up yet, and every dead end has its way out."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QPushButton

from tests.support.data import SITE_TITLE, write_directory
from tests.support.qt import select_title


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
