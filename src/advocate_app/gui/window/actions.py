"""Every menu command and keyboard shortcut of the main window, declared in one place."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut

if TYPE_CHECKING:
    from advocate_app.gui.window.main_window import MainWindow


class WindowActions:
    def __init__(self, window: MainWindow) -> None:
        self.window = window
        w = window
        self.import_files = self._action(
            "&Import Files…", w.import_files, QKeySequence.StandardKey.Open
        )
        self.import_folder = self._action("Import &Folder…", w.import_folder, "Ctrl+Shift+O")
        self.add_url = self._action("Add from &URL…", lambda: w.sources.add_from_url(), "Ctrl+L")
        self.subscribe = self._action("&Subscribe to Feed…", lambda: w.sources.subscribe())
        self.refresh = self._action(
            "&Refresh Feeds", w.sources.refresh_feeds, QKeySequence.StandardKey.Refresh
        )
        self.import_opml = self._action("Import Subscriptions (OPML)…", w.sources.import_opml)
        self.export_opml = self._action("Export Subscriptions (OPML)…", w.sources.export_opml)
        self.offline = self._action(
            "Work &Offline", lambda: w.sources.set_work_offline(self.offline.isChecked())
        )
        self.offline.setCheckable(True)
        from advocate_app.core.web.network import network_allowed

        self.offline.setChecked(not network_allowed(w.library))
        self.export = self._action("&Export Activity…", w.safekeeping.export_activity)
        self.backup = self._action("&Back Up Library…", lambda: w.safekeeping.back_up())
        self.restore = self._action("&Restore from Backup…", lambda: w.safekeeping.restore_backup())
        self.activity = self._action("Your &Activity…", w.show_activity, "Ctrl+Shift+A")
        self.quit = self._action("&Quit", w.close, QKeySequence.StandardKey.Quit)
        self.find = self._action("&Find…", w.focus_search, QKeySequence.StandardKey.Find)
        self.undo_delete = self._action(
            "&Undo Delete", w.undo_delete, QKeySequence.StandardKey.Undo
        )
        self.undo_delete.setEnabled(False)
        self.next_article = self._action("&Next Article", lambda: w.list_pane.move(1), "J")
        self.previous_article = self._action("&Previous Article", lambda: w.list_pane.move(-1), "K")
        self.toggle_read = self._action("Mark as Read/&Unread", w.toggle_read, "M")
        self.toggle_star = self._action("&Star/Unstar", w.toggle_star, "S")
        self.delete = self._action("&Delete", w.delete_selected, QKeySequence.StandardKey.Delete)
        self.larger = self._action(
            "&Larger Text", lambda: w.change_font_size(1), "Ctrl+=", "Ctrl++"
        )
        self.smaller = self._action("S&maller Text", lambda: w.change_font_size(-1), "Ctrl+-")
        self.reset_size = self._action("&Actual Size", w.reset_font_size, "Ctrl+0")
        self.officials = self._action("Your &Officials…", w.show_officials, "Ctrl+Shift+L")
        self.profile = self._action("Your &Details…", w.edit_profile)
        self.update_directory = self._action("&Update Directory", lambda: w.update_directory())
        self.update_directory_from = self._action(
            "Update Directory from &Folder…", w.update_directory_from_folder
        )
        self.sent_letters = self._action("&Sent Letters…", lambda: w.show_sent_letters())
        self.templates = self._action("Letter &Templates…", w.show_templates)
        self.about = self._action("&About Advocate", w.show_about)
        self._menus()
        # Space pages through the article from the list or the reader, but stays a
        # normal key for buttons and check boxes.
        for widget in (w.list_pane.view, w.reader):
            shortcut = QShortcut(QKeySequence(Qt.Key.Key_Space), widget)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(w.page_down)

    def article_actions(self) -> list[QAction]:
        return [self.toggle_read, self.toggle_star, self.delete]

    def _action(
        self,
        text: str,
        slot: Callable[[], object],
        *shortcuts: QKeySequence.StandardKey | str,
    ) -> QAction:
        action = QAction(text, self.window)
        if shortcuts:
            action.setShortcuts([QKeySequence(s) for s in shortcuts])
            action.setToolTip(
                f"{text.replace('&', '').rstrip('…')} ({action.shortcut().toString()})"
            )
        action.triggered.connect(lambda _checked=False: slot())
        self.window.addAction(action)
        return action

    def _menus(self) -> None:
        bar = self.window.menuBar()
        file_menu = bar.addMenu("&File")
        file_menu.addActions([self.import_files, self.import_folder, self.add_url])
        file_menu.addSeparator()
        file_menu.addActions(
            [self.subscribe, self.refresh, self.import_opml, self.export_opml, self.offline]
        )
        file_menu.addSeparator()
        file_menu.addActions([self.export, self.backup, self.restore])
        file_menu.addSeparator()
        file_menu.addAction(self.quit)
        edit = bar.addMenu("&Edit")
        edit.addActions([self.undo_delete, self.find])
        article = bar.addMenu("&Article")
        article.addActions([self.next_article, self.previous_article])
        article.addSeparator()
        article.addActions(self.article_actions())
        view = bar.addMenu("&View")
        view.addActions([self.larger, self.smaller, self.reset_size])
        officials = bar.addMenu("&Officials")
        officials.addActions([self.officials, self.profile])
        officials.addSeparator()
        officials.addActions([self.update_directory, self.update_directory_from])
        letters = bar.addMenu("&Letters")
        letters.addActions([self.sent_letters, self.templates])
        view.addSeparator()
        view.addAction(self.activity)
        help_menu = bar.addMenu("&Help")
        help_menu.addAction(self.about)
