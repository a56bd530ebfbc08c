"""A long list shows its first rows at once and the rest from the background: the reader
keeps their article, their place and their filters while it arrives."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from advocate_app.core.session import Session
from advocate_app.core.store.queries import ArticleQuery
from advocate_app.gui.reading import article_list_pane
from tests.support.data import write_stories

COUNT = 40
FIRST = 5


@pytest.fixture
def long_library(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(article_list_pane, "FIRST_ROWS", FIRST)  # as if it were 100,000
    folder = tmp_path / "data"
    with Session.open(folder) as session:
        results = session.import_paths(write_stories(tmp_path / "stories", COUNT))
        assert not [r for r in results if r.failed]
        assert session.library.count() == COUNT
    return folder / "library.sqlite3"


def search(window, text: str) -> None:  # noqa: ANN001
    window.list_pane.search.setText(text)
    window.list_pane.search.returnPressed.emit()


def test_the_first_rows_come_at_once_and_the_rest_without_losing_the_place(
    open_window, long_library, qtbot
):
    window = open_window(long_library)
    pane, model = window.list_pane, window.list_pane.model
    assert model.rowCount() == COUNT
    assert pane.count_label.text() == f"{COUNT} articles"
    pane.select_row(2)
    reading = pane.current_id()

    search(window, "storm")  # in every article
    assert model.rowCount() == FIRST and not model.complete
    assert pane.count_label.text() == f"More than {FIRST} articles"
    assert pane.current_id() == reading  # the article being read stays current
    qtbot.waitUntil(lambda: model.complete, timeout=5000)
    assert model.rowCount() == COUNT
    assert pane.count_label.text() == f"{COUNT} articles"
    assert pane.current_id() == reading and pane.view.currentIndex().row() == 2
    assert [model.id_at(row) for row in range(COUNT)] == window.session.library.ids(
        ArticleQuery(search="storm")
    )
    assert model.index(COUNT - 1).data() == "Story number 0"  # the oldest, last


def test_an_article_far_down_stays_current_when_the_list_is_read_again(
    open_window, long_library, qtbot, tmp_path
):
    window = open_window(long_library)
    pane = window.list_pane
    pane.select_row(30)
    reading = pane.current_id()
    assert window.reader.toPlainText().startswith("Story number 9")

    search(window, "storm")  # the article at row 30 is not among the first rows
    # The reader keeps reading it while the rest of the list comes, then it is current again.
    assert window.reader.toPlainText().startswith("Story number 9")
    qtbot.waitUntil(lambda: pane.model.complete, timeout=5000)
    assert pane.current_id() == reading and pane.view.currentIndex().row() == 30
    # A new article arrives: the list is read again, and the reader keeps their article.
    (new,) = write_stories(tmp_path / "more", 1)
    new.write_text(new.read_text("utf-8").replace("Story number 0", "Late story"), "utf-8")
    new.write_text(new.read_text("utf-8").replace("w0x", "late"), "utf-8")
    window.session.import_paths([new])
    qtbot.waitUntil(lambda: pane.settled and pane.model.complete, timeout=5000)
    assert pane.model.rowCount() == COUNT + 1
    assert pane.current_id() == reading
    assert window.reader.toPlainText().startswith("Story number 9")


def test_opening_an_article_not_yet_in_the_list(open_window, long_library, qtbot):
    window = open_window(long_library)
    oldest = window.session.library.ids(ArticleQuery())[-1]
    search(window, "storm")
    assert not window.list_pane.model.complete
    window.open_article(oldest)  # a related article, say: far down the list
    assert window.list_pane.current_id() == oldest
    assert window.reader.toPlainText().startswith("Story number 0")


def test_mark_all_read_covers_rows_not_shown_yet(open_window, long_library, qtbot):
    window = open_window(long_library)
    search(window, "storm")
    assert not window.list_pane.model.complete
    window.reading.mark_all_read()
    qtbot.waitUntil(lambda: "Marked 40 articles as read" in window.status_label.text())
    assert all(summary.read for summary in window.session.library.list())


def test_a_rare_word_and_a_category_filter(open_window, long_library, qtbot):
    window = open_window(long_library)
    pane = window.list_pane
    search(window, "flood")  # every tenth article: fewer than the first rows
    assert pane.model.complete and pane.model.rowCount() == COUNT // 10
    assert pane.count_label.text() == f"{COUNT // 10} articles"
    search(window, "")
    index = pane.category.findData("Health")
    assert pane.category.itemText(index) == f"Health ({COUNT // 2})"
    pane.category.setCurrentIndex(index)
    qtbot.waitUntil(lambda: pane.model.complete, timeout=5000)
    assert pane.model.rowCount() == COUNT // 2


def test_a_filter_is_kept_across_a_restart_before_the_counts_come(
    open_window, restart, long_library, qtbot
):
    window = open_window(long_library)
    pane = window.list_pane
    pane.category.setCurrentIndex(pane.category.findData("Weather"))
    qtbot.waitUntil(lambda: pane.model.complete, timeout=5000)
    again = restart(window)
    pane = again.list_pane
    assert pane.category.currentData() == "Weather"
    assert pane.category.currentText() == f"Weather ({COUNT // 2})"  # counted by now
    assert pane.model.rowCount() == COUNT // 2
    # Once no article has the category, the filter lets go of it and shows them all.
    again.session.delete(again.session.library.ids(ArticleQuery(category="Weather")))
    qtbot.waitUntil(lambda: pane.settled and pane.category.currentData() == "", timeout=5000)
    qtbot.waitUntil(lambda: pane.model.complete, timeout=5000)
    assert pane.model.rowCount() == COUNT // 2
    assert pane.category.findData("Weather") < 0


def test_keys_move_through_rows_that_came_later(open_window, long_library, qtbot):
    window = open_window(long_library)
    pane = window.list_pane
    search(window, "storm")
    qtbot.waitUntil(lambda: pane.model.complete, timeout=5000)
    pane.select_row(FIRST - 1)
    pane.view.setFocus()
    qtbot.keyClick(pane.view, Qt.Key.Key_Down)
    assert pane.view.currentIndex().row() == FIRST
    assert window.reader.toPlainText().startswith(f"Story number {COUNT - 1 - FIRST}")


def test_deleting_an_article_far_down_shows_the_one_now_in_its_row(
    open_window, long_library, qtbot
):
    window = open_window(long_library)
    pane = window.list_pane
    search(window, "storm")
    qtbot.waitUntil(lambda: pane.model.complete, timeout=5000)
    pane.select_row(30)
    gone = pane.current_id()
    following = pane.model.id_at(31)
    window.reading.delete_selected()
    qtbot.waitUntil(lambda: pane.model.complete and pane.current_id() == following, timeout=5000)
    assert pane.view.currentIndex().row() == 30 and gone not in pane.model.all_ids()
    assert window.reader.article_id == following


def test_the_article_read_last_far_down_opens_at_once_after_a_restart(
    open_window, restart, long_library, qtbot
):
    window = open_window(long_library)
    qtbot.waitUntil(lambda: window.list_pane.model.complete, timeout=5000)
    window.list_pane.select_row(30)
    reading = window.list_pane.current_id()
    again = restart(window)
    pane = again.list_pane
    assert again.reader.article_id == reading  # shown at once, before the rest of the list
    qtbot.waitUntil(lambda: pane.model.complete and pane.current_id() == reading, timeout=5000)
    assert pane.view.currentIndex().row() == 30 and again.reader.article_id == reading
