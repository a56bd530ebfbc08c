"""Every menu command and keyboard shortcut of the main window, declared in one place.

The actions call the feature controllers they are given; nothing here knows the window's
insides.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QMainWindow, QWidget

from advocate_app.gui.letters.controller import Letters
from advocate_app.gui.officials.controller import Officials
from advocate_app.gui.reading.commands import ArticleCommands
from advocate_app.gui.reading.importing import Importer
from advocate_app.gui.sittings.controller import Sittings
from advocate_app.gui.tracking.controller import Tracking
from advocate_app.gui.tracking.safekeeping import Safekeeping
from advocate_app.gui.web.web_sources import WebSources


@dataclass(frozen=True)
class ViewCommands:
    """Window-level commands: moving through the list, text size, search, set-up, the log,
    about, quit."""

    move: Callable[[int], None]
    page_down: Callable[[], None]
    focus_search: Callable[[], None]
    change_font_size: Callable[[int], None]
    reset_font_size: Callable[[], None]
    show_about: Callable[[], None]
    show_setup: Callable[[], object]
    show_log: Callable[[], object]
    quit: Callable[[], object]
    space_targets: tuple[QWidget, ...]  # where Space pages through the article


@dataclass(frozen=True)
class Features:
    reading: ArticleCommands
    importer: Importer
    web: WebSources
    safekeeping: Safekeeping
    tracking: Tracking
    officials: Officials
    letters: Letters
    sittings: Sittings
    view: ViewCommands


class WindowActions:
    def __init__(self, window: QMainWindow, features: Features, offline: bool) -> None:
        self.window = window
        f = features
        v = f.view
        self.import_files = self._action(
            "&Import Files…", f.importer.import_files, QKeySequence.StandardKey.Open
        )
        self.import_folder = self._action(
            "Import &Folder…", f.importer.import_folder, "Ctrl+Shift+O"
        )
        self.add_url = self._action("Add from &URL…", lambda: f.web.add_from_url(), "Ctrl+L")
        self.subscribe = self._action("&Subscribe to Feed…", lambda: f.web.subscribe())
        self.refresh = self._action(
            "&Refresh Feeds", f.web.refresh_feeds, QKeySequence.StandardKey.Refresh
        )
        self.import_opml = self._action("Import Subscriptions (OPML)…", lambda: f.web.import_opml())
        self.export_opml = self._action("Export Subscriptions (OPML)…", lambda: f.web.export_opml())
        self.offline = self._action(
            "Work &Offline", lambda: f.web.set_work_offline(self.offline.isChecked())
        )
        self.offline.setCheckable(True)
        self.offline.setChecked(offline)
        self.export = self._action("&Export Activity…", lambda: f.safekeeping.export_activity())
        self.backup = self._action("&Back Up Library…", lambda: f.safekeeping.back_up())
        self.restore = self._action("&Restore from Backup…", lambda: f.safekeeping.restore_backup())
        self.activity = self._action("Your &Activity…", f.tracking.show_activity, "Ctrl+Shift+A")
        self.quit = self._action("&Quit", v.quit, QKeySequence.StandardKey.Quit)
        self.find = self._action("&Find…", v.focus_search, QKeySequence.StandardKey.Find)
        self.undo_delete = self._action(
            "&Undo Delete", f.reading.undo_delete, QKeySequence.StandardKey.Undo
        )
        self.undo_delete.setEnabled(False)
        f.reading.undo_available.connect(self.undo_delete.setEnabled)
        self.next_article = self._action("&Next Article", lambda: v.move(1), "J")
        self.previous_article = self._action("&Previous Article", lambda: v.move(-1), "K")
        self.toggle_read = self._action("Mark as Read/&Unread", f.reading.toggle_read, "M")
        self.toggle_star = self._action("&Star/Unstar", f.reading.toggle_star, "S")
        self.rename = self._action("&Rename…", lambda: f.reading.rename_current(), "F2")
        self.mark_all_read = self._action(
            "Mark &All as Read", f.reading.mark_all_read, "Ctrl+Shift+M"
        )
        self.delete = self._action(
            "&Delete", f.reading.delete_selected, QKeySequence.StandardKey.Delete
        )
        self.larger = self._action(
            "&Larger Text", lambda: v.change_font_size(1), "Ctrl+=", "Ctrl++"
        )
        self.smaller = self._action("S&maller Text", lambda: v.change_font_size(-1), "Ctrl+-")
        self.reset_size = self._action("&Actual Size", v.reset_font_size, "Ctrl+0")
        self.officials = self._action(
            "Your &Officials…", f.officials.show_officials, "Ctrl+Shift+L"
        )
        self.profile = self._action("Your &Details…", f.officials.edit_profile)
        self.update_directory = self._action(
            "&Update Directory", lambda: f.officials.update_directory()
        )
        self.update_directory_from = self._action(
            "Update Directory from &Folder…", f.officials.update_directory_from_folder
        )
        self.sent_letters = self._action("&Sent Letters…", lambda: f.letters.show_sent_letters())
        self.drafts = self._action("&Drafts…", f.letters.show_drafts)
        self.templates = self._action("Letter &Templates…", f.letters.show_templates)
        self.sitting = self._action("Start a &Sitting…", lambda: f.sittings.start(), "Ctrl+Shift+T")
        self.setup = self._action("&Set Up Advocate…", v.show_setup)
        self.show_log = self._action("Show &Log", v.show_log)
        self.about = self._action("&About Advocate", v.show_about)
        self._menus()
        # Space pages through the article from the list or the reader, but stays a
        # normal key for buttons and check boxes.
        for widget in v.space_targets:
            shortcut = QShortcut(QKeySequence(Qt.Key.Key_Space), widget)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(v.page_down)

    def article_actions(self) -> list[QAction]:
        return [self.toggle_read, self.mark_all_read, self.toggle_star, self.rename, self.delete]

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
        view.addSeparator()
        view.addAction(self.activity)
        officials = bar.addMenu("&Officials")
        officials.addActions([self.officials, self.profile])
        officials.addSeparator()
        officials.addActions([self.update_directory, self.update_directory_from])
        act = bar.addMenu("A&ct")
        act.addAction(self.sitting)
        letters = bar.addMenu("&Letters")
        letters.addActions([self.sent_letters, self.drafts, self.templates])
        help_menu = bar.addMenu("&Help")
        help_menu.addActions([self.setup, self.show_log])
        help_menu.addSeparator()
        help_menu.addAction(self.about)
