"""Views follow the library's changes themselves: nothing goes stale until re-selected."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from advocate_app.core.officials.directory import update_directory
from advocate_app.core.profile.storage import ProfileStore
from advocate_app.core.store.tracking import CallOutcome
from advocate_app.gui.reading.article_model import ArticleRole
from tests.support.data import ADA, SITE_TITLE, write_directory
from tests.support.qt import select_title


def open_composer(window, number, qtbot):  # noqa: ANN001, ANN201
    card = window.action_panel.cards[number - 1]
    (write,) = [b for b in card.findChildren(QPushButton) if b.text() == "Write letter…"]
    with qtbot.waitSignal(window.letters.composer_opened, timeout=5000) as opened:
        qtbot.mouseClick(write, Qt.MouseButton.LeftButton)
    qtbot.addWidget(opened.args[0])
    return opened.args[0]


def test_sending_letters_updates_the_open_action_card_at_once(
    open_window, library_path, qtbot, tmp_path
):
    folder = library_path.parent
    update_directory(folder, str(write_directory(tmp_path / "directory")))
    ProfileStore(folder).save(replace(ADA, zip="98104"))
    window = open_window(library_path)
    select_title(window, SITE_TITLE)
    card = window.action_panel.cards[1]
    assert "officials contacted" not in card.tracking.text()

    composer = open_composer(window, 2, qtbot)
    qtbot.mouseClick(composer.pages[0].copy_button, Qt.MouseButton.LeftButton)
    assert "1 letter not marked as sent yet" in window.action_panel.cards[1].tracking.text()
    qtbot.mouseClick(composer.pages[0].sent_button, Qt.MouseButton.LeftButton)
    assert "1 of 3 officials contacted" in window.action_panel.cards[1].tracking.text()
    qtbot.mouseClick(composer.pages[1].open_button, Qt.MouseButton.LeftButton)
    window.choices.append("Sent")
    window.letters.questions.reader_returned()  # back from the browser: "Did you send it?"
    assert "2 of 3 officials contacted" in window.action_panel.cards[1].tracking.text()
    assert window.action_panel.cards[1] is card  # updated in place, not rebuilt


def test_the_activity_window_left_open_follows_what_is_done(open_window, library_path, qtbot):
    window = open_window(library_path)
    article_id = select_title(window, SITE_TITLE)
    dialog = window.tracking.show_activity()
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.summary is not None, timeout=5000)
    assert dialog.summary.actions_done == 0

    with qtbot.waitSignal(dialog.refreshed, timeout=5000):
        qtbot.mouseClick(window.action_panel.cards[0].done_box, Qt.MouseButton.LeftButton)
    assert dialog.summary.actions_done == 1
    assert dialog.totals["Actions done"].accessibleName() == "Actions done: 1"

    with qtbot.waitSignal(dialog.refreshed, timeout=5000):
        window.tracking.log_call(article_id, 2, "Senator Patty Murray", CallOutcome.CONTACTED)
    recent = [dialog.recent.item(i).text() for i in range(dialog.recent.count())]
    assert dialog.summary.calls == 1
    assert any("called Senator Patty Murray" in line for line in recent)


def test_a_change_made_elsewhere_repaints_the_list_row(open_window, library_path):
    window = open_window(library_path)
    article_id = select_title(window, SITE_TITLE)
    window.session.set_done(article_id, 3, True)  # as the command line or another view would
    row = window.list_pane.model.row_of(article_id)
    assert window.list_pane.model.index(row).data(ArticleRole.PROGRESS) == "1/8"
    assert window.action_panel.cards[2].done_box.isChecked()
    assert window.action_panel.heading.text().endswith("1 of 8 done")


def test_deleting_the_article_being_read_shows_the_next_one(open_window, library_path):
    window = open_window(library_path)
    article_id = select_title(window, SITE_TITLE)
    window.session.delete([article_id])
    assert window.current_article_id() not in (None, article_id)
    assert window.list_pane.model.rowCount() == 2


def test_an_empty_filtered_list_shows_no_article(open_window, library_path, qtbot):
    window = open_window(library_path)
    window.list_pane.search.setText("zzzznothing")
    qtbot.waitUntil(lambda: window.list_pane.model.rowCount() == 0, timeout=2000)
    assert window.current_article_id() is None and window.action_panel.cards == []


def test_the_sources_filter_is_remembered(open_window, restart, library_path, server, qtbot):
    window = open_window(library_path)
    with qtbot.waitSignal(window.web.finished, timeout=20000):
        window.web.subscribe(server.base + "/feed.xml")
    source = window.list_pane.source
    source.setCurrentIndex(1)
    assert window.list_pane.query().feed_id is not None
    again = restart(window)
    assert again.list_pane.source.currentIndex() == 1
    assert again.list_pane.query().feed_id == window.list_pane.query().feed_id
