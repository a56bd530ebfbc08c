"""The main window: the article list, the reader and the action panel side by side."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QGuiApplication
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSplitter,
)

from advocate_app.core.store.library import Library
from advocate_app.core.store.queries import ArticleQuery
from advocate_app.core.store.records import ImportStatus
from advocate_app.core.store.tracking import (
    CallOutcome,
    action_records,
    log_call,
    mark_done,
    set_follow_up,
)
from advocate_app.core.version import version
from advocate_app.gui import tasks
from advocate_app.gui.links import LinkPolicy
from advocate_app.gui.reading.action_panel import ActionPanel
from advocate_app.gui.reading.article_list_pane import ArticleListPane
from advocate_app.gui.reading.reader_view import ReaderView
from advocate_app.gui.settings import WindowSettings
from advocate_app.gui.tracking.safekeeping import Safekeeping
from advocate_app.gui.web.web_sources import WebSources
from advocate_app.gui.window.actions import WindowActions

if TYPE_CHECKING:
    from advocate_app.core.importer import ImportResult
    from advocate_app.core.letters.compose import Letter
    from advocate_app.core.officials.directory import DirectoryInfo
    from advocate_app.core.officials.lookup import Official
    from advocate_app.gui.letters.composer import ComposerDialog
    from advocate_app.gui.officials.officials_dialog import OfficialsDialog


DEFAULT_SIZE = (1360, 840)
DEFAULT_SPLIT = (340, 600, 420)
IMPORT_FILTER = "Articles (*.txt *.text *.md *.html *.htm *.xhtml);;All files (*)"


class MainWindow(QMainWindow):
    import_finished = Signal(object)  # list[ImportResult]
    directory_updated = Signal(object)  # DirectoryInfo, or None when it failed

    def __init__(
        self,
        library: Library,
        settings: WindowSettings,
        links: LinkPolicy | None = None,
        notify: Callable[[str, str, str], None] | None = None,
    ) -> None:
        super().__init__()
        self.library = library
        self.settings = settings
        self.links = links or LinkPolicy(report=self.show_status)
        self.notify = notify or self._message_box
        self._import: tasks.Task | None = None
        self._deleted: list[list[int]] = []  # undo stack of deletions
        self._officials: OfficialsDialog | None = None
        self._directory_task: tasks.Task | None = None
        self.setWindowTitle("Advocate")
        self.setAcceptDrops(True)
        self._setup_ui()
        self.sources = WebSources(self)
        self.safekeeping = Safekeeping(self)
        self.actions_ = WindowActions(self)
        self.list_pane.view.customContextMenuRequested.connect(self._list_menu)
        self._restore()

    # --- building ------------------------------------------------------------
    def _setup_ui(self) -> None:
        self.list_pane = ArticleListPane(self.library, self)
        self.reader = ReaderView(self.links, self)
        self.action_panel = ActionPanel(self.links, self)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        for widget in (self.list_pane, self.reader, self.action_panel):
            self.splitter.addWidget(widget)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setStretchFactor(1, 1)
        self.setCentralWidget(self.splitter)

        self.progress = QProgressBar(self)
        self.progress.setAccessibleName("Import progress")
        self.progress.setMaximumWidth(240)
        self.progress.hide()
        self.cancel_import = QPushButton("Cancel", self)
        self.cancel_import.setAccessibleName("Cancel import")
        self.cancel_import.clicked.connect(self._cancel_import)
        self.cancel_import.hide()
        self.status_label = QLabel(self)
        self.statusBar().addWidget(self.status_label, 1)
        self.statusBar().addPermanentWidget(self.progress)
        self.statusBar().addPermanentWidget(self.cancel_import)

        self.list_pane.current_article_changed.connect(self.show_article)
        self.reader.related_requested.connect(self.open_article)
        self.reader.font_size_changed.connect(self.settings.set_font_size)
        self.action_panel.done_toggled.connect(self._set_action_done)
        self.action_panel.write_requested.connect(self.write_letters)
        self.action_panel.track_requested.connect(self._track_requested)

    def _restore(self) -> None:
        geometry = self.settings.geometry()
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(*DEFAULT_SIZE)
        splitter = self.settings.splitter()
        if splitter is None or not self.splitter.restoreState(splitter):
            self.splitter.setSizes(list(DEFAULT_SPLIT))
        self.reader.set_point_size(self.settings.font_size(self.reader.point_size()))
        self.reader.set_collapsed(self.settings.collapsed_sections())
        self.list_pane.set_query(self.settings.query())
        last = self.settings.last_article()
        if last is None or not self.list_pane.select(last):
            self.list_pane.select_row(0)

    # --- reading -------------------------------------------------------------
    def current_article_id(self) -> int | None:
        return self.reader.article_id

    def open_article(self, article_id: int) -> None:
        """Show an article, clearing filters if it is not in the current list."""
        if not self.list_pane.select(article_id):
            self.list_pane.set_query(ArticleQuery())
            self.list_pane.select(article_id)

    def show_article(self, article_id: int | None) -> None:
        stored = self.library.get(article_id) if article_id is not None else None
        if stored is not None and not stored.read:
            if self.write(lambda: self.library.set_read([stored.id], True)):
                self.list_pane.model.refresh([stored.id])
        related = self.library.ids_by_title(stored.article.related) if stored else {}
        self.reader.show_article(stored, related)
        self.action_panel.show_article(
            stored, action_records(self.library, stored.id) if stored else {}
        )
        self.settings.set_last_article(article_id)
        title = stored.article.title if stored else None
        self.setWindowTitle(f"{title} — Advocate" if title else "Advocate")

    def page_down(self) -> None:
        """Space: scroll the article, then go on to the next one."""
        if not self.reader.page_down():
            self.list_pane.move(1)

    # --- marks -----------------------------------------------------------------
    def toggle_read(self) -> None:
        self._toggle("read", self.library.set_read)

    def toggle_star(self) -> None:
        self._toggle("starred", self.library.set_starred)

    def _toggle(self, flag: str, setter: Callable[[list[int], bool], None]) -> None:
        """Set the flag on the selection, or clear it where every selected article has it."""
        ids = self.list_pane.selected_ids()
        summaries = self.library.summaries(ids)
        if not summaries:
            return
        value = not all(getattr(s, flag) for s in summaries)
        if self.write(lambda: setter(ids, value)):
            self.list_pane.model.refresh(ids)

    def delete_selected(self) -> None:
        ids = self.list_pane.selected_ids()
        if not ids:
            return
        row = self.list_pane.view.currentIndex().row()
        if not self.write(lambda: self.library.delete(ids)):
            return
        self._deleted.append(ids)
        self.list_pane.reload()
        self.list_pane.select_row(row)
        if not self.list_pane.model.rowCount():
            self.show_article(None)
        count = f"{len(ids)} article{'s' if len(ids) != 1 else ''}"
        self.show_status(f"Deleted {count}. Undo with Ctrl+Z.")
        self.actions_.undo_delete.setEnabled(True)

    def undo_delete(self) -> None:
        if not self._deleted:
            return
        ids = self._deleted.pop()
        if self.write(lambda: self.library.restore(ids)):
            self.list_pane.reload()
            self.list_pane.select(ids[0])
            self.show_status(f"Restored {len(ids)} article{'s' if len(ids) != 1 else ''}.")
        self.actions_.undo_delete.setEnabled(bool(self._deleted))

    def _set_action_done(self, article_id: int, number: int, done: bool) -> None:
        if self.write(lambda: self.library.set_action_done(article_id, number, done)):
            self.list_pane.model.refresh([article_id])
        else:
            self.show_article(article_id)  # show what is really stored

    def write(self, change: Callable[[], None]) -> bool:
        try:
            change()
        except sqlite3.Error as exc:
            self.show_status(f"Could not save your change: {exc}. Try again in a moment.")
            return False
        return True

    # --- importing -----------------------------------------------------------
    def import_files(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(self, "Import articles", "", IMPORT_FILTER)
        if names:
            self.start_import([Path(name) for name in names])

    def import_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Import a folder of articles")
        if folder:
            self.start_import([Path(folder)])

    def start_import(self, paths: list[Path]) -> bool:
        if self._import is not None:
            self.show_status("An import is already running; wait for it to finish.")
            return False
        if self.library.path is None:
            return False
        task = tasks.import_task(self.library.path, paths)
        task.signals.progress.connect(self._import_progress)
        task.signals.finished.connect(self._import_done)
        task.signals.failed.connect(self._import_failed)
        self._import = task
        self.progress.setRange(0, 0)
        self.progress.show()
        self.cancel_import.show()
        self.show_status("Importing…")
        tasks.start(task)
        return True

    def _import_progress(self, done: int, total: int, result: ImportResult) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)
        self.status_label.setText(f"Importing {done} of {total}: {result.path.name}")

    def _import_done(self, results: list[ImportResult]) -> None:
        self._end_import()
        self.list_pane.reload()
        failed = [r for r in results if r.failed]
        added = [r for r in results if r.status is ImportStatus.IMPORTED]
        updated = [r for r in results if r.status is ImportStatus.UPDATED]
        summary = f"Imported {len(added)} article{'s' if len(added) != 1 else ''}"
        if updated:
            summary += f", updated {len(updated)}"
        if failed:
            summary += f"; {len(failed)} could not be read"
        if not results:
            summary = "No article files were found there."
        self.show_status(summary + ".")
        if added and self.current_article_id() is None:
            self.open_article(added[0].id or 0)
        if failed:
            details = "\n".join(f"{r.path}: {r.error}" for r in failed)
            self.notify("Some files were not imported", summary + ".", details)
        self.import_finished.emit(results)

    def _import_failed(self, message: str) -> None:
        self._end_import()
        self.list_pane.reload()
        self.notify("Import stopped", f"The import stopped: {message}", "")

    def _cancel_import(self) -> None:
        if self._import is not None:
            self._import.cancel()
            self.show_status("Stopping the import…")

    def _end_import(self) -> None:
        self._import = None
        self.progress.hide()
        self.cancel_import.hide()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt override
        if any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt override
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.start_import(paths)

    # --- officials ---------------------------------------------------------------
    @property
    def data_folder(self) -> Path:
        return self.library.path.parent if self.library.path else Path.cwd()

    # Dialogs load on first use: they bring Jinja2, keyring and the officials data,
    # which the window does not need to start.
    def edit_profile(self) -> None:
        from advocate_app.core.profile.storage import ProfileStore
        from advocate_app.gui.officials.profile_dialog import ProfileDialog

        dialog = ProfileDialog(ProfileStore(self.data_folder), self)
        if dialog.exec() and dialog.saved is not None:
            if dialog.saved.notice:
                self.notify("Where your details are kept", dialog.saved.notice, "")
            self.show_status("Your details were saved.")
        if self._officials is not None:
            self._officials.refresh()

    def show_officials(self) -> None:
        from advocate_app.gui.officials.officials_dialog import OfficialsDialog

        if self._officials is None:
            self._officials = OfficialsDialog(
                self.data_folder,
                self.links,
                self.edit_profile,
                self.update_directory,
                self,
                write_to=self.write_to_official,
            )
        else:
            self._officials.refresh()
        self._officials.show()
        self._officials.raise_()

    def update_directory(self, source: str | None = None) -> bool:
        if self._directory_task is not None:
            self.show_status("The directory is already being updated.")
            return False
        from advocate_app.core.web.network import network_allowed

        if (source is None or source.startswith(("http://", "https://"))) and not network_allowed(
            self.library
        ):
            self.show_status(
                "Working offline: turn off File ▸ Work Offline to download the directory."
            )
            return False
        folder = self.data_folder

        def work(report, cancelled):
            from advocate_app.core.officials.directory import update_directory

            return update_directory(folder, source, progress=lambda m: report(0, 0, m))

        task = tasks.Task(work)
        task.signals.progress.connect(lambda _d, _t, message: self.show_status(str(message)))
        task.signals.finished.connect(self._directory_updated)
        task.signals.failed.connect(self._directory_failed)
        self._directory_task = task
        self.show_status("Updating the directory of officials…")
        tasks.start(task)
        return True

    def update_directory_from_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Folder with the directory files")
        if folder:
            self.update_directory(folder)

    def _directory_updated(self, info: DirectoryInfo) -> None:
        self._directory_task = None
        self.show_status(
            f"Directory updated: {info.legislators} members of Congress, data as of "
            f"{info.data_date}."
        )
        if self._officials is not None:
            self._officials.refresh()
        self.directory_updated.emit(info)

    def _directory_failed(self, message: str) -> None:
        from advocate_app.core.officials.directory import index_path

        self._directory_task = None
        kept = index_path(self.data_folder).exists()
        kept_note = " The previous directory is still in use." if kept else ""
        self.notify("The directory was not updated", message + "." + kept_note, "")
        self.show_status("The directory was not updated.")
        self.directory_updated.emit(None)

    # --- tracking ------------------------------------------------------------------
    def add_note(self, article_id: int, number: int, note: str) -> None:
        """A note marks the action done too: notes say what was done."""
        if self.write(lambda: mark_done(self.library, article_id, number, note or None)):
            self._tracking_changed(article_id)

    def log_call(self, article_id: int, number: int, official: str, outcome: CallOutcome) -> None:
        if self.write(lambda: log_call(self.library, article_id, number, official, outcome)):
            hint = (
                " Nobody answered: the action stays open."
                if outcome is CallOutcome.UNAVAILABLE
                else ""
            )
            self.show_status(f"Logged a call to {official} ({outcome}).{hint}")
            self._tracking_changed(article_id)

    def set_follow_up(self, article_id: int, number: int, due: date | None) -> None:
        if self.write(lambda: set_follow_up(self.library, article_id, number, due)):
            self._tracking_changed(article_id)

    def _tracking_changed(self, article_id: int) -> None:
        self.list_pane.model.refresh([article_id])
        if self.current_article_id() == article_id:
            self.show_article(article_id)

    def _track_requested(self, article_id: int, number: int, what: str) -> None:
        from advocate_app.gui.tracking.tracking_dialogs import ask_call, ask_follow_up, ask_note

        if what == "note":
            note = ask_note(self)
            if note is not None:
                self.add_note(article_id, number, note)
        elif what == "call":
            stored = self.library.get(article_id)
            action = (
                next(a for a in stored.article.actions if a.number == number) if stored else None
            )
            call = ask_call(self, self._call_candidates(action)) if action else None
            if call is not None:
                self.log_call(article_id, number, *call)
        elif what == "follow_up":
            due = ask_follow_up(self)
            if due is not None:
                self.set_follow_up(article_id, number, due)
        elif what == "clear":
            self.set_follow_up(article_id, number, None)

    def _call_candidates(self, action) -> list[str]:  # noqa: ANN001
        from advocate_app.core.letters.compose import recipients_for
        from advocate_app.gui.officials.officials_dialog import load_officials

        officials = recipients_for(action, load_officials(self.data_folder))
        return [f"{o.title} {o.name}".strip() for o in officials]

    def show_activity(self) -> None:
        from advocate_app.gui.tracking.activity_dialog import ActivityDialog

        dialog = ActivityDialog(
            self.library, self.open_article, self, open_letter=self.show_sent_letters
        )
        dialog.show()
        self._activity_dialog = dialog

    # --- letters -----------------------------------------------------------------
    def write_to_official(self, official: Official) -> ComposerDialog | None:
        """From Your Officials: a letter to this official about the article being read."""
        article_id = self.current_article_id()
        stored = self.library.get(article_id) if article_id is not None else None
        action = (
            next((a for a in stored.article.actions if a.contacts_officials), None)
            if stored
            else None
        )
        if stored is None or action is None:
            self.show_status("Select an article with an action that writes to officials first.")
            return None
        return self.write_letters(stored.id, action.number, only=official)

    def write_letters(
        self, article_id: int, number: int, only: Official | None = None
    ) -> ComposerDialog | None:
        stored = self.library.get(article_id)
        action = (
            next((a for a in stored.article.actions if a.number == number), None)
            if stored
            else None
        )
        if stored is None or action is None:
            return None
        from advocate_app.core.letters.templates import LetterTemplates
        from advocate_app.core.profile.storage import ProfileStore
        from advocate_app.gui.letters.composer import ComposerDialog
        from advocate_app.gui.officials.officials_dialog import load_officials

        folder = self.data_folder
        composer = ComposerDialog(
            self.library,
            stored,
            action,
            load_officials(folder),
            ProfileStore(folder).load().profile,
            LetterTemplates(folder),
            self.links,
            self,
            only=only,
        )
        composer.letter_sent.connect(self._letter_sent)
        composer.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        composer.show()
        self._composer = composer
        return composer

    def _letter_sent(self, letter: Letter, route: str) -> None:
        how = {
            "copy": "copied",
            "contact_form": "copied, contact page opened",
            "email": "opened in your mail program",
            "print": "printed",
        }.get(route, route)
        self.show_status(f"Letter to {letter.recipient.name} {how}; it is saved in Sent Letters.")

    def show_templates(self) -> None:
        from advocate_app.core.letters.templates import LetterTemplates
        from advocate_app.gui.letters.letters_dialogs import TemplatesDialog

        dialog = TemplatesDialog(LetterTemplates(self.data_folder), self)
        dialog.show()
        self._templates_dialog = dialog

    def show_sent_letters(self, select: int | None = None) -> None:
        from advocate_app.gui.letters.letters_dialogs import SentLettersDialog

        dialog = SentLettersDialog(self.library, self, select=select)
        dialog.show()
        self._sent_dialog = dialog

    # --- view ------------------------------------------------------------------
    def change_font_size(self, step: int) -> None:
        self.reader.set_point_size(self.reader.point_size() + step)

    def reset_font_size(self) -> None:
        self.reader.set_point_size(QGuiApplication.font().pointSize())

    def focus_search(self) -> None:
        self.list_pane.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.list_pane.search.selectAll()

    def show_status(self, message: str) -> None:
        self.status_label.setText(message)

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            "About Advocate",
            f"<b>Advocate {version()}</b><p>Read advocacy articles offline, beside what you "
            "can do about them, and keep track of what you did.</p>"
            "<p>Your articles and marks stay on this computer.</p>",
        )

    def _list_menu(self, position: QPoint) -> None:
        menu = QMenu(self)
        for action in self.actions_.article_actions():
            menu.addAction(action)
        menu.popup(self.list_pane.view.viewport().mapToGlobal(position))

    def _message_box(self, title: str, text: str, details: str) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, self
        )
        if details:
            box.setDetailedText(details)
        box.open()  # not modal: the window stays usable

    # --- closing -----------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        if self._import is not None:
            self._import.cancel()
        self.settings.set_geometry(self.saveGeometry())
        self.settings.set_splitter(self.splitter.saveState())
        self.settings.set_query(self.list_pane.query())
        self.settings.set_collapsed_sections(self.reader.collapsed())
        self.settings.sync()
        self.write(self.library.purge_deleted)
        super().closeEvent(event)
