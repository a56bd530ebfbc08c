"""The reading window, driven as a person would: select, search, filter, mark, import."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent, QGuiApplication, QImage
from PySide6.QtWidgets import QApplication, QLabel, QPushButton

from advocate_app.core.session import Session
from advocate_app.core.store.queries import StatusFilter
from advocate_app.gui.reading.action_panel import SampleMessage
from advocate_app.gui.reading.article_model import ArticleRole
from advocate_app.gui.window.main_window import MainWindow
from tests.support.data import SITE_TITLE
from tests.support.paths import SCREENSHOTS
from tests.support.qt import select_title


def test_selecting_an_article_shows_it_beside_its_actions(open_window, library_path):
    window = open_window(library_path)
    article_id = select_title(window, SITE_TITLE)
    assert window.current_article_id() == article_id
    text = window.reader.toPlainText()
    assert text.startswith(SITE_TITLE)
    assert "maitlandmercury.com.au · Friday, August 15, 2025, 7:28 PM EDT" in text
    assert "▾ Opinion" in text and "The specter of appeasement" in text
    cards = window.action_panel.cards
    assert [card.action.number for card in cards] == list(range(1, 9))
    assert cards[1].action.title == "Contact Elected Officials"
    assert window.action_panel.heading.text().endswith("0 of 8 done")
    # Opening an article marks it read.
    row = window.list_pane.model.row_of(article_id)
    assert window.list_pane.model.index(row).data(ArticleRole.UNREAD) is False
    assert window.windowTitle() == f"{SITE_TITLE} — Advocate"


def test_sections_collapse_and_related_articles_link_inside_the_library(
    open_window, library_path, seeds
):
    window = open_window(library_path)
    select_title(window, SITE_TITLE)
    window.reader.anchorClicked.emit(QUrl("advocate:toggle/opinion"))
    text = window.reader.toPlainText()
    assert "▸ Opinion" in text and "The specter of appeasement" not in text
    assert "Related articles" in text and "Putin taps ear and shrugs" in text
    assert "advocate:article/" not in window.reader.toHtml()  # none of them is in the library


def test_search_category_and_status_filters(open_window, library_path, qtbot):
    window = open_window(library_path)
    pane = window.list_pane
    assert pane.model.rowCount() == 3
    qtbot.keyClicks(pane.search, "kilmead")
    qtbot.waitUntil(lambda: pane.model.rowCount() == 2, timeout=2000)
    pane.search.clear()
    qtbot.waitUntil(lambda: pane.model.rowCount() == 3, timeout=2000)

    index = pane.category.findData("U.S.–NATO Relations")
    assert index > 0 and pane.category.itemText(index) == "U.S.–NATO Relations (1)"
    pane.category.setCurrentIndex(index)
    assert [pane.model.index(r).data() for r in range(pane.model.rowCount())] == [
        "The one thing Trump wants out of his meeting with Putin"
    ]
    pane.category.setCurrentIndex(0)

    qtbot.mouseClick(pane.status_buttons[StatusFilter.STARRED], Qt.MouseButton.LeftButton)
    assert pane.model.rowCount() == 0 and pane.count_label.text() == "0 articles"
    qtbot.mouseClick(pane.status_buttons[StatusFilter.UNREAD], Qt.MouseButton.LeftButton)
    assert pane.model.rowCount() == 2  # the first article was opened at start


def test_marking_an_action_done_updates_progress_and_persists(
    open_window, library_path, qtbot, restart
):
    window = open_window(library_path)
    article_id = select_title(window, SITE_TITLE)
    card = window.action_panel.cards[1]
    qtbot.mouseClick(card.done_box, Qt.MouseButton.LeftButton)
    assert card.done_box.isChecked()
    assert window.action_panel.heading.text().endswith("1 of 8 done")
    row = window.list_pane.model.row_of(article_id)
    assert window.list_pane.model.index(row).data(ArticleRole.PROGRESS) == "1/8"

    again = restart(window)
    assert again.current_article_id() == article_id  # the last article comes back
    assert again.action_panel.cards[1].done_box.isChecked()
    assert not again.action_panel.cards[0].done_box.isChecked()
    row = again.list_pane.model.row_of(article_id)
    assert again.list_pane.model.index(row).data(ArticleRole.PROGRESS) == "1/8"
    qtbot.mouseClick(again.list_pane.status_buttons[StatusFilter.OPEN], Qt.MouseButton.LeftButton)
    assert again.list_pane.model.rowCount() == 3


def test_keyboard_star_read_delete_and_undo(open_window, library_path, qtbot):
    window = open_window(library_path)
    pane = window.list_pane
    pane.view.setFocus()
    first = pane.current_id()
    qtbot.keyClick(pane.view, Qt.Key.Key_J)
    second = pane.current_id()
    assert second != first and window.current_article_id() == second
    qtbot.keyClick(pane.view, Qt.Key.Key_K)
    assert pane.current_id() == first

    qtbot.keyClick(pane.view, Qt.Key.Key_S)
    assert window.session.library.summaries([first])[0].starred
    qtbot.keyClick(pane.view, Qt.Key.Key_M)
    assert not window.session.library.summaries([first])[0].read

    qtbot.keyClick(pane.view, Qt.Key.Key_Delete)
    assert pane.model.rowCount() == 2 and pane.model.row_of(first) is None
    assert "Deleted 1 article" in window.status_label.text()
    qtbot.keyClick(pane.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert pane.model.rowCount() == 3 and pane.current_id() == first

    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert pane.search.hasFocus()
    qtbot.keyClicks(pane.search, "sm")  # letters typed into search are not shortcuts
    assert pane.search.text() == "sm"
    assert window.session.library.summaries([first])[
        0
    ].starred  # "s" typed in search starred nothing


def test_deleting_for_good_happens_when_the_window_closes(
    open_window, library_path, qtbot, restart
):
    window = open_window(library_path)
    window.list_pane.view.setFocus()
    qtbot.keyClick(window.list_pane.view, Qt.Key.Key_Delete)
    again = restart(window)
    assert again.list_pane.model.rowCount() == 2
    assert again.session.library.count() == 2


def test_font_size_filters_and_layout_are_remembered(open_window, library_path, qtbot, restart):
    window = open_window(library_path)
    size = window.reader.font().pointSize()
    qtbot.keyClick(window, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    QApplication.processEvents()
    assert window.reader.font().pointSize() == size + 2
    qtbot.mouseClick(window.list_pane.status_buttons[StatusFilter.OPEN], Qt.MouseButton.LeftButton)
    window.list_pane.sort.setCurrentIndex(2)  # title
    window.resize(790, 580)  # the offscreen screen is 800x600: restored windows fit on it
    window.splitter.setSizes([236, 300, 250])
    QApplication.processEvents()
    sizes = window.splitter.sizes()

    again = restart(window)
    QApplication.processEvents()
    assert again.reader.font().pointSize() == size + 2
    assert again.list_pane.status_buttons[StatusFilter.OPEN].isChecked()
    assert again.list_pane.sort.currentText() == "Title A–Z"
    assert (again.width(), again.height()) == (790, 580)
    # The panes come back as they were (the article's room first, within a few pixels).
    assert all(abs(a - b) <= 4 for a, b in zip(again.splitter.sizes(), sizes, strict=True))


def test_reading_does_not_rewrite_the_settings_file_until_the_window_closes(
    open_window, library_path, settings_file, qtbot, restart
):
    # Each click would otherwise rewrite and fsync the file: on a busy disk (a backup of a
    # large library) that held the window for hundreds of milliseconds.
    window = open_window(library_path)
    window.close()  # written once, as every close writes it
    window.session.close()
    window = open_window(library_path)
    before = settings_file.read_bytes()
    for row in (1, 0, 2):
        window.list_pane.select_row(row)
        qtbot.wait(20)  # QSettings writes from the event loop
    assert settings_file.read_bytes() == before
    reading = window.list_pane.current_id()
    again = restart(window)
    assert again.reader.article_id == reading


def test_each_library_opens_on_the_article_last_read_in_it(
    open_window, library_path, tmp_path, qtbot
):
    other = tmp_path / "other" / "library.sqlite3"  # the same articles under the same ids
    other.parent.mkdir()
    shutil.copy(library_path, other)
    first = open_window(library_path)
    first.list_pane.select_row(2)
    read_in_first = first.list_pane.current_id()
    first.close()
    first.session.close()

    second = open_window(other)
    assert second.reader.article_id != read_in_first  # another library's place is not its own
    second.list_pane.select_row(0)
    read_in_second = second.list_pane.current_id()
    second.close()
    second.session.close()

    assert open_window(library_path).reader.article_id == read_in_first
    assert open_window(other).reader.article_id == read_in_second


def test_links_open_only_for_safe_schemes(open_window, library_path, qtbot):
    window = open_window(library_path)
    select_title(window, SITE_TITLE)
    window.reader.anchorClicked.emit(QUrl("javascript:alert(1)"))
    window.reader.anchorClicked.emit(QUrl("file:///etc/passwd"))
    assert window.opened.urls == []
    assert "does not open this kind of link" in window.status_label.text()
    window.reader.anchorClicked.emit(QUrl("https://example.org/page"))
    assert window.opened.urls == ["https://example.org/page"]

    card = window.action_panel.cards[1]
    (congress,) = [b for b in card.findChildren(QPushButton) if b.text() == "Congress.gov"]
    qtbot.mouseClick(congress, Qt.MouseButton.LeftButton)
    assert window.opened.urls[-1] == "https://www.congress.gov/"


def test_sample_message_is_collapsed_and_copyable(open_window, library_path, qtbot):
    window = open_window(library_path)
    select_title(window, SITE_TITLE)
    card = window.action_panel.cards[1]
    (sample,) = card.findChildren(SampleMessage)
    assert not sample.editor.isVisible()
    qtbot.mouseClick(sample.toggle, Qt.MouseButton.LeftButton)
    assert sample.editor.isVisible()
    assert sample.editor.toPlainText().startswith("Dear [Representative's Name],")
    qtbot.mouseClick(sample.copy, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text().endswith("[Your Address]\n[Your Email]")
    write = [b for b in card.findChildren(QPushButton) if b.text() == "Write letter…"]
    assert len(write) == 1 and write[0].isEnabled() and write[0].toolTip()
    assert not [
        b
        for b in window.action_panel.cards[0].findChildren(QPushButton)
        if b.text() == "Write letter…"
    ]  # a petition is not a letter


def drop(window: MainWindow, paths: list[Path]) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    event = QDropEvent(
        QPointF(QPoint(50, 50)),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dropEvent(event)


def test_import_by_drag_and_drop_runs_in_the_background(open_window, tmp_path, seeds, qtbot):
    window = open_window(tmp_path / "empty" / "library.sqlite3")
    assert window.list_pane.model.rowCount() == 0
    folder = tmp_path / "dropped"
    folder.mkdir()
    shutil.copy(seeds / "000_eee051ae7c842e28.txt", folder)
    (folder / "broken.txt").write_bytes(b"\x00\x01binary")
    with qtbot.waitSignal(window.importer.finished, timeout=20000) as finished:
        drop(window, [folder, seeds / "002_92418eb0bb4c5b81.txt"])
    results = finished.args[0]
    assert sorted(str(r.status) for r in results) == ["failed", "imported", "imported"]
    assert window.list_pane.model.rowCount() == 2
    assert "Imported 2 articles; 1 could not be read." == window.status_label.text()
    ((title, _text, details),) = window.notices
    assert title == "Some files were not imported"
    assert "broken.txt: this is a binary file, not text" in details
    assert window.current_article_id() is not None  # the first new article is opened
    assert not window.task_panel.isVisible()


def test_screenshot_of_the_window(open_window, library_path):
    window = open_window(library_path)
    window.resize(1360, 840)
    select_title(window, SITE_TITLE)
    QApplication.processEvents()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / "main_window.png"
    assert window.grab().save(str(path))
    image = QImage(str(path))
    assert (image.width(), image.height()) == (1360, 840)
    colours = {image.pixel(x, y) for x in range(0, 1360, 40) for y in range(0, 840, 40)}
    assert len(colours) > 5  # not a blank window


def test_welcome_article_on_a_new_library(open_window, tmp_path):
    path = tmp_path / "new" / "library.sqlite3"
    with Session.open(path.parent) as session:
        session.add_welcome_article()
    window = open_window(path)
    assert window.list_pane.model.rowCount() == 1
    assert window.reader.toPlainText().startswith("Welcome to Advocate")
    assert len(window.action_panel.cards) == 3
    window.list_pane.view.setFocus()
    window.reading.delete_selected()
    assert window.list_pane.model.rowCount() == 0
    assert window.action_panel.cards == []


def test_quotes_in_steps_show_as_quotes(open_window, library_path):
    window = open_window(library_path)
    select_title(window, SITE_TITLE)
    labels = [
        label
        for card in window.action_panel.cards
        for label in card.findChildren(QLabel)
        if "&quot;" in label.text()
    ]
    assert labels  # "Example Petition: "Demand the U.S. Government…""
    assert all(label.textFormat() == Qt.TextFormat.RichText for label in labels)


def test_wrapped_action_titles_take_only_the_lines_they_need(open_window, library_path):
    window = open_window(library_path)
    select_title(window, SITE_TITLE)
    QApplication.processEvents()
    for card in window.action_panel.cards:
        title = next(label for label in card.findChildren(QLabel) if label.text().startswith("<b>"))
        row = max(card.done_box.sizeHint().height(), card.more_button.sizeHint().height())
        assert title.height() <= max(title.heightForWidth(title.width()), row) + 2


def test_an_article_with_a_thousand_actions_makes_its_cards_as_needed(open_window, tmp_path):
    items = " ".join(
        f"{n}. **Action {n}**: - **What to Say**: Write to your senators about item {n}."
        for n in range(1, 1000)
    )
    source = tmp_path / "many.txt"
    source.write_text(
        "Many actions\n\nexample.org -- Tuesday, March 4, 2025, 10:05:00 AM Eastern Standard "
        "Time\nCategories: Health\n" + "Text of the article. " * 30 + f"\n\nTo Do:\n\n{items}\n",
        encoding="utf-8",
    )
    path = tmp_path / "data" / "library.sqlite3"
    with Session.open(path.parent) as session:
        session.import_paths([source])
        session.set_done(session.library.ids()[0], 900, True)
    window = open_window(path)
    window.list_pane.select_row(0)
    panel = window.action_panel
    assert len(panel.cards) == 20 and panel.more.text() == "Show More Actions (979 more)"
    assert panel.heading.text().endswith("1 of 999 done")  # counted without its card
    panel.more.click()
    assert len(panel.cards) == 40
    bar = panel.verticalScrollBar()
    QApplication.processEvents()
    bar.setValue(bar.maximum())
    assert len(panel.cards) == 60  # scrolling to the end brings the next batch
