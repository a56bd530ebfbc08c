"""Behaviour a newcomer trips over: selection after undo, an empty list, where file dialogs
open, short texts, the same story twice, renaming, numbers to call, and the desktop's name."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel

from advocate_app.core.officials.model import Office, OfficeKind, Official
from advocate_app.gui.file_dialogs import documents_folder
from advocate_app.gui.reading.article_model import ArticleRole
from advocate_app.gui.tracking.tracking_dialogs import ask_call, phone_numbers
from tests.support.data import SITE_TITLE
from tests.support.http import NEWS
from tests.support.paths import REPO_ROOT
from tests.support.qt import select_title


def test_undo_restores_one_selected_article(open_window, library_path):
    window = open_window(library_path)
    view, model = window.list_pane.view, window.list_pane.model
    flags = QItemSelectionModel.SelectionFlag
    view.selectionModel().select(model.index(0), flags.Select)
    view.selectionModel().select(model.index(1), flags.Select)
    assert len(window.list_pane.selected_ids()) == 2
    window.reading.delete_selected()
    window.reading.undo_delete()
    assert model.rowCount() == 3
    assert len(window.list_pane.selected_ids()) == 1  # the next key acts on one article


def test_an_empty_list_shows_an_empty_reader_that_says_why(open_window, library_path, qtbot):
    window = open_window(library_path)
    select_title(window, SITE_TITLE)
    window.list_pane.search.setText("zzzz nothing matches this")
    qtbot.waitUntil(lambda: window.list_pane.model.rowCount() == 0, timeout=3000)
    assert window.reader.toPlainText() == "" and window.current_article_id() is None
    assert window.reader.placeholderText().startswith("No article matches")
    assert window.action_panel.cards == []
    window.list_pane.search.clear()
    qtbot.waitUntil(lambda: window.list_pane.model.rowCount() == 3, timeout=3000)
    for _ in range(3):
        window.list_pane.select_row(0)
        window.reading.delete_selected()
    assert window.reader.placeholderText().startswith("Your library is empty")


def test_file_dialogs_start_in_documents_then_where_that_kind_was_last_saved(
    open_window, library_path, tmp_path, monkeypatch, qtbot
):
    window = open_window(library_path)
    asked: list[str] = []
    target = tmp_path / "kept" / "copy.sqlite3"
    target.parent.mkdir()

    def save(_parent, _title, start, _filters):  # noqa: ANN001, ANN202
        asked.append(start)
        return str(target), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save)
    with qtbot.waitSignal(window.safekeeping.backed_up, timeout=10000):
        window.safekeeping.back_up()
    assert Path(asked[0]).parent == documents_folder()  # never the program's folder
    assert Path(asked[0]).name == "advocate-backup.sqlite3"
    with qtbot.waitSignal(window.safekeeping.backed_up, timeout=10000):
        window.safekeeping.back_up()
    assert Path(asked[1]).parent == target.parent  # the backup folder, remembered
    window.safekeeping.export_activity()
    assert Path(asked[2]).parent == documents_folder()  # exports keep their own


def test_a_text_of_a_few_words_is_imported_only_when_confirmed(
    open_window, library_path, qtbot, tmp_path
):
    window = open_window(library_path)
    note = tmp_path / "note.txt"
    note.write_text("buy milk", encoding="utf-8")
    window.answers.append(False)
    with qtbot.waitSignal(window.importer.finished, timeout=10000):
        window.importer.start([note])
    title, question = window.questions[-1]
    assert title == "Import these short texts?" and "note.txt: it is too short" in question
    assert window.list_pane.model.rowCount() == 3
    window.answers.append(True)
    with qtbot.waitSignal(window.importer.finished, timeout=10000):
        window.importer.start([note])
    qtbot.waitUntil(lambda: window.list_pane.model.rowCount() == 4, timeout=10000)


def test_a_page_fetched_after_its_file_was_imported_is_one_article(
    open_window, tmp_path, qtbot, server
):
    saved = tmp_path / "storm.html"
    saved.write_text(NEWS, encoding="utf-8")
    window = open_window(tmp_path / "data" / "library.sqlite3")
    with qtbot.waitSignal(window.importer.finished, timeout=10000):
        window.importer.start([saved])
    with qtbot.waitSignal(window.web.finished, timeout=20000):
        window.web.add_from_url(server.base + "/news/storm.html")
    assert window.list_pane.model.rowCount() == 1  # updated, not duplicated
    assert window.session.library.count() == 1


def test_a_made_up_title_can_be_renamed_and_stays(open_window, library_path, seeds):
    window = open_window(library_path)
    model = window.list_pane.model
    row = next(r for r in range(model.rowCount()) if str(model.index(r).data()).endswith("…"))
    window.list_pane.select_row(row)
    article_id = window.current_article_id()
    assert window.reading.rename_current("Trump heads to Alaska")
    assert window.reader.toPlainText().startswith("Trump heads to Alaska")
    assert window.windowTitle() == "Trump heads to Alaska — Advocate"
    assert model.index(model.row_of(article_id)).data() == "Trump heads to Alaska"
    window.session.import_paths(sorted(seeds.glob("002*")))  # the same file again
    assert window.session.article(article_id).article.title == "Trump heads to Alaska"
    assert not window.reading.rename_current("   ")
    assert "cannot be empty" in window.status_label.text()


def test_log_a_call_shows_the_numbers_to_call(qtbot):
    senator = Official(
        "Bea Birch", "Senator", "Dear Senator Birch", OfficeKind.SENATOR, phone="202-224-0000",
        district_offices=(Office("Seattle", "1 Pike St", "206-555-0199"),),
    )  # fmt: skip
    assert phone_numbers(senator) == "Washington: 202-224-0000\nSeattle: 206-555-0199"
    seen: list[str] = []

    def look_and_close() -> None:
        dialog = QApplication.activeModalWidget()
        seen.extend(label.text() for label in dialog.findChildren(QLabel))
        dialog.reject()

    QTimer.singleShot(0, look_and_close)
    assert ask_call(None, [senator]) is None
    assert "Washington: 202-224-0000\nSeattle: 206-555-0199" in seen


def test_the_window_names_itself_to_the_desktop(tmp_path):
    code = (
        "import sys\n"
        "from PySide6.QtCore import QCoreApplication, QSettings\n"
        "from PySide6.QtGui import QGuiApplication\n"
        "from advocate_app.gui import app\n"
        f"s = QSettings({str(tmp_path / 's.ini')!r}, QSettings.Format.IniFormat)\n"
        f"window, instance = app.start(['--data-dir', {str(tmp_path / 'data')!r}], settings=s)\n"
        "print(QGuiApplication.desktopFileName(), QCoreApplication.arguments()[0])\n"
        "instance.close(); window.tasks.wait(5000); window.session.close()\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO_ROOT,
        env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"}, timeout=120,
    )  # fmt: skip
    assert done.stdout.split() == ["org.advocate.Advocate", "org.advocate.Advocate"], done.stderr


def test_changes_to_many_articles_run_in_the_background(
    open_window, library_path, qtbot, monkeypatch
):
    from advocate_app.gui.reading import commands

    monkeypatch.setattr(commands, "BULK_ROWS", 1)  # as if these were thousands
    window = open_window(library_path)
    view, model = window.list_pane.view, window.list_pane.model
    view.selectAll()
    window.reading.delete_selected()
    assert window.tasks.busy("bulk")  # the window did not wait for it
    qtbot.waitUntil(lambda: model.rowCount() == 0, timeout=5000)
    assert "Deleted 3 articles" in window.status_label.text()
    window.reading.undo_delete()
    qtbot.waitUntil(lambda: model.rowCount() == 3, timeout=5000)
    assert len(window.list_pane.selected_ids()) == 1
    window.session.set_read(window.session.library.ids(), False)
    window.reading.mark_all_read()
    qtbot.waitUntil(lambda: all(s.read for s in window.session.library.list()), timeout=5000)
    assert not any(model.index(r).data(ArticleRole.UNREAD) for r in range(model.rowCount()))
