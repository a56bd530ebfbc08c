"""Accessibility: every control can be named and described by a screen reader, the whole
journey works from the keyboard, and text reads on light, dark and high-contrast palettes."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QPushButton

from advocate_app.core.officials.directory import update_directory
from advocate_app.core.profile.storage import ProfileStore
from advocate_app.gui.theme import (
    GROUPS,
    MINIMUM_CONTRAST,
    TEXT_PAIRS,
    contrast,
    readable_palette,
    warning_colour,
)
from tests.support.data import ADA, SITE_TITLE, write_directory
from tests.support.qt import select_title, unnamed_controls

Role = QPalette.ColorRole


def prepared(open_window, library_path, tmp_path):  # noqa: ANN001, ANN201
    update_directory(library_path.parent, str(write_directory(tmp_path / "directory")))
    ProfileStore(library_path.parent).save(replace(ADA, zip="98104"))
    window = open_window(library_path)
    select_title(window, SITE_TITLE)
    return window


def test_every_control_of_the_window_and_its_dialogs_is_named_and_described(
    open_window, library_path, tmp_path, qtbot
):
    window = prepared(open_window, library_path, tmp_path)
    assert unnamed_controls(window, descriptions=True) == []

    opened = []
    with qtbot.waitSignal(window.letters.composer_opened, timeout=5000) as composer:
        window.letters.write(window.current_article_id(), 2)
    opened.append(composer.args[0])
    officials = window.officials.show_officials()
    qtbot.waitUntil(lambda: bool(officials.cards), timeout=5000)
    opened.append(officials)
    with qtbot.waitSignal(window.officials.profile_dialog_opened, timeout=5000) as details:
        window.officials.edit_profile()
    opened.append(details.args[0])
    activity = window.tracking.show_activity()
    qtbot.waitUntil(lambda: activity.summary is not None, timeout=5000)
    opened += [activity, window.letters.show_sent_letters(), window.letters.show_drafts()]
    opened.append(window.letters.show_templates())
    with qtbot.waitSignal(window.show_setup().refreshed, timeout=5000):
        pass
    opened.append(window.setup_assistant)
    problems = {}
    for dialog in opened:
        QApplication.processEvents()
        found = unnamed_controls(dialog, descriptions=True)
        if found:
            problems[dialog.windowTitle()] = found
    assert problems == {}, "\n".join(f"{k}: {v}" for k, v in problems.items())


LIGHT = QApplication.style().standardPalette() if QApplication.instance() else None


def dark_palette() -> QPalette:
    palette = QPalette()
    for role, colour in (
        (Role.Window, "#2b2b2b"),
        (Role.WindowText, "#dddddd"),
        (Role.Base, "#1e1e1e"),
        (Role.AlternateBase, "#262626"),
        (Role.Text, "#e0e0e0"),
        (Role.Button, "#3a3a3a"),
        (Role.ButtonText, "#e0e0e0"),
        (Role.Highlight, "#3d6ea8"),
        (Role.HighlightedText, "#ffffff"),
        (Role.ToolTipBase, "#3a3a3a"),
        (Role.ToolTipText, "#eeeeee"),
        (Role.PlaceholderText, "#6b6b6b"),
        (Role.Link, "#2a5db0"),
        (Role.LinkVisited, "#7b3fa0"),
    ):  # fmt: skip  (its placeholder and link colours are too dark to read on purpose)
        palette.setColor(role, QColor(colour))
    return palette


def high_contrast_palette() -> QPalette:
    palette = QPalette()
    for role in (Role.Window, Role.Base, Role.AlternateBase, Role.Button, Role.ToolTipBase):
        palette.setColor(role, QColor("black"))
    for role in (Role.WindowText, Role.Text, Role.ButtonText, Role.ToolTipText):
        palette.setColor(role, QColor("white"))
    palette.setColor(Role.Highlight, QColor("#ffff00"))
    palette.setColor(Role.HighlightedText, QColor("black"))
    palette.setColor(Role.PlaceholderText, QColor("#bfbfbf"))
    palette.setColor(Role.Link, QColor("#00ffff"))
    palette.setColor(Role.LinkVisited, QColor("#ff80ff"))
    return palette


@pytest.mark.parametrize("name", ["light", "dark", "high contrast"])
def test_every_text_colour_reads_on_its_background(qapp, name):
    system = {
        "light": qapp.style().standardPalette,
        "dark": dark_palette,
        "high contrast": high_contrast_palette,
    }[name]()
    palette = readable_palette(system)
    for group in GROUPS:
        for text, background in TEXT_PAIRS:
            ratio = contrast(palette.color(group, text), palette.color(group, background))
            assert ratio >= MINIMUM_CONTRAST, (name, text.name, background.name, ratio)
    # The system's own choices are kept where they already read.
    assert palette.color(Role.Text) == system.color(Role.Text)


def test_warnings_read_on_a_dark_window(open_window, library_path, qapp):
    window = open_window(library_path)
    qapp.setPalette(readable_palette(dark_palette()))
    try:
        QApplication.processEvents()
        red = warning_colour(window)
        assert contrast(red, window.palette().color(Role.Window)) >= MINIMUM_CONTRAST
        assert red.red() > red.blue()  # still a red
    finally:
        qapp.setPalette(readable_palette(qapp.style().standardPalette()))


def test_the_whole_journey_from_the_keyboard(open_window, library_path, tmp_path, qtbot):
    """Read, act, write and send, and mark done, without the mouse."""
    window = prepared(open_window, library_path, tmp_path)
    window.list_pane.view.setFocus()
    qtbot.keyClick(window.list_pane.view, Qt.Key.Key_Home)
    qtbot.keyClick(window, Qt.Key.Key_J)  # next article
    qtbot.keyClick(window, Qt.Key.Key_K)  # and back
    select_title(window, SITE_TITLE)
    assert window.reader.toPlainText().startswith(SITE_TITLE)

    # Tab moves from the list into the actions: to the first card's done box.
    card = window.action_panel.cards[1]
    card.done_box.setFocus()
    assert card.done_box.hasFocus()
    qtbot.keyClick(card.done_box, Qt.Key.Key_Space)
    assert window.session.records(window.current_article_id())[2].done

    (write,) = [b for b in card.findChildren(QPushButton) if b.text() == "Write letter…"]
    write.setFocus()
    with qtbot.waitSignal(window.letters.composer_opened, timeout=5000) as opened:
        qtbot.keyClick(write, Qt.Key.Key_Space)
    composer = opened.args[0]
    page = composer.pages[0]
    page.copy_button.setFocus()
    qtbot.keyClick(page.copy_button, Qt.Key.Key_Space)
    assert window.session.letters()[0].deliveries[0][0] == "copy"
    page.sent_button.setFocus()
    qtbot.keyClick(page.sent_button, Qt.Key.Key_Space)
    assert window.session.letters()[0].sent

    # Every control the journey used can be reached with Tab, in reading order.
    order = []
    widget = start = composer.tabs
    while (widget := widget.nextInFocusChain()) is not start:
        if widget.isVisible() and widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            order.append(widget)
    assert page.copy_button in order and page.sent_button in order
    assert order.index(page.body) < order.index(page.copy_button) < order.index(page.sent_button)
