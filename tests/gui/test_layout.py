"""The window at four sizes, from a small laptop to a large screen: every pane keeps a usable
width, the article keeps a readable line, no label is cut off; screenshots of each."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication

from tests.support.data import SITE_TITLE
from tests.support.paths import SCREENSHOTS
from tests.support.qt import clipped_labels, select_title

SIZES = [(800, 600), (1024, 700), (1440, 900), (1920, 1080)]


def settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def characters_per_line(reader) -> float:  # noqa: ANN001 - the ReaderView
    """The average length of the full lines of the article's first long paragraph."""
    document = reader.document()
    block = document.begin()
    while block.isValid() and len(block.text()) < 400:
        block = block.next()
    layout = block.layout()
    lines = [layout.lineAt(i).textLength() for i in range(layout.lineCount() - 1)]
    return sum(lines) / len(lines)


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_the_window_holds_at_every_size(open_window, library_path, size):
    window = open_window(library_path)
    select_title(window, SITE_TITLE)
    window.resize(*size)
    settle()
    assert (window.width(), window.height()) == size
    left, middle, right = window.splitter.sizes()
    assert left >= 230 and middle >= 300 and right >= 250, window.splitter.sizes()
    assert middle >= min(460, size[0] - 230 - 250 - 20)  # the article gets the room first
    per_line = characters_per_line(window.reader)
    assert per_line <= 85  # never the 180-character lines of a wide window
    if size[0] >= 1024:
        assert per_line >= 55
    assert clipped_labels(window) == []
    panel = window.action_panel
    assert panel.widget().width() <= panel.viewport().width()  # nothing cut at the right
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    assert window.grab().save(str(SCREENSHOTS / f"window_{size[0]}x{size[1]}.png"))


def test_the_article_is_a_centred_column_on_a_wide_window(open_window, library_path):
    window = open_window(library_path)
    select_title(window, SITE_TITLE)
    window.resize(1920, 1080)
    settle()
    frame = window.reader.document().rootFrame().frameFormat()
    assert frame.leftMargin() > 100 and abs(frame.leftMargin() - frame.rightMargin()) < 1
    cursor = QTextCursor(window.reader.document())
    assert cursor.block().layout().lineCount() >= 1


def test_your_details_grow_with_their_messages_at_a_large_text_size(
    open_window, library_path, qtbot
):
    window = open_window(library_path)
    window.change_font_size(4)
    with qtbot.waitSignal(window.officials.profile_dialog_opened, timeout=5000) as opened:
        window.officials.edit_profile()
    dialog = opened.args[0]
    qtbot.addWidget(dialog)
    settle()
    for name, value in (("state", "Washingtonia"), ("zip", "9810"), ("email", "ada@")):
        dialog.edits[name].setText(value)
    settle()
    shown = [label.text() for label in dialog.errors.values() if label.isVisible()]
    assert len(shown) == 3 and any("state" in text.lower() for text in shown)
    assert clipped_labels(dialog) == []
    for edit in dialog.edits.values():
        assert edit.height() >= edit.sizeHint().height() - 2  # no squashed fields
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    assert dialog.grab().save(str(SCREENSHOTS / "your_details_large_text.png"))


def test_an_open_sample_message_shows_its_last_line(open_window, library_path):
    from advocate_app.gui.reading.action_panel import SampleMessage

    window = open_window(library_path)
    select_title(window, SITE_TITLE)
    window.resize(1440, 900)
    sample = window.action_panel.cards[1].findChildren(SampleMessage)[0]
    sample.toggle.setChecked(True)
    settle()
    editor = sample.editor
    assert editor.verticalScrollBar().maximum() == 0  # all of it shows, the last line too
    assert editor.toPlainText().rstrip().endswith(sample.text.rstrip()[-20:])


def test_the_first_window_fits_a_small_screen(open_window, library_path):
    """With nothing remembered, the window opens at its usual size, or smaller to fit the
    screen (the test screen is 800 wide): the action panel is never off the screen's edge."""
    window = open_window(library_path)
    room = window.screen().availableGeometry()
    assert room.width() < 1360  # the usual first width would not fit here
    assert window.width() <= room.width() and window.height() <= room.height()
    left, middle, right = window.splitter.sizes()
    assert right >= 250 and left + middle + right <= room.width()
