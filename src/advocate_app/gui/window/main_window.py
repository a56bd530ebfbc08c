"""The main window: the article list, the reader and the action panel side by side.

It builds the shared context, the panes and the feature controllers, and wires them together.
It does not refresh views: each view follows the session's changes itself.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QPoint, QSize, Qt
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QResizeEvent
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSplitter,
)

from advocate_app.core.changes import Changes
from advocate_app.core.logs import log_path
from advocate_app.core.session import Session
from advocate_app.core.store.queries import ArticleQuery
from advocate_app.core.version import version
from advocate_app.gui.context import AppContext, ChangeBus
from advocate_app.gui.file_dialogs import FileDialogs
from advocate_app.gui.letters.controller import Letters
from advocate_app.gui.links import LinkPolicy
from advocate_app.gui.officials.controller import Officials
from advocate_app.gui.officials.needs_bar import Fixes
from advocate_app.gui.reading.action_panel import ActionPanel
from advocate_app.gui.reading.article_list_pane import ArticleListPane
from advocate_app.gui.reading.commands import ArticleCommands
from advocate_app.gui.reading.importing import Importer
from advocate_app.gui.reading.reader_view import ReaderView
from advocate_app.gui.settings import WindowSettings
from advocate_app.gui.sittings.controller import Sittings
from advocate_app.gui.tasks import TaskPanel, TaskRunner
from advocate_app.gui.text_size import TextSize
from advocate_app.gui.tracking.controller import Tracking
from advocate_app.gui.tracking.reminders import ReminderBanner
from advocate_app.gui.tracking.safekeeping import Safekeeping
from advocate_app.gui.web.web_sources import WebSources
from advocate_app.gui.window.actions import Features, ViewCommands, WindowActions

if TYPE_CHECKING:
    from advocate_app.gui.setup.assistant import SetupAssistant

DEFAULT_SIZE = (1360, 840)
MINIMUM_SIZE = (780, 540)
DEFAULT_SPLIT = (340, 600, 420)
READER_COMFORT = 460  # the article's width the side panes make room for on small windows
CLOSE_WAIT_MS = 2000  # how long closing waits for background work to stop


class MainWindow(QMainWindow):
    def __init__(
        self,
        session: Session,
        settings: WindowSettings,
        links: LinkPolicy | None = None,
        notify: Callable[[str, str, str], None] | None = None,
        confirm: Callable[[str, str], bool] | None = None,
        choose: Callable[[str, str, list[str]], str | None] | None = None,
    ) -> None:
        super().__init__()
        self.session = session
        self.settings = settings
        self.setWindowTitle("Advocate")
        self.setAcceptDrops(True)
        self.setMinimumSize(*MINIMUM_SIZE)
        self.text_size = TextSize()
        self._list_tasks = 0  # numbers the list's background queries
        self.status_label = QLabel(self)
        self.status_label.setTextFormat(Qt.TextFormat.PlainText)  # messages quote article text
        notify = notify or self._message_box
        self.bus = ChangeBus(self)
        session.subscribe(self.bus.publish)
        self.tasks = TaskRunner(lambda title, text: notify(title, text, ""), self)
        self.context = AppContext(
            session=session,
            bus=self.bus,
            tasks=self.tasks,
            links=links or LinkPolicy(report=self.show_status),
            settings=settings,
            status=self.show_status,
            notify=notify,
            confirm=confirm or self._ask,
            choose=choose or self._choose,
            files=FileDialogs(settings, self),
        )
        self._setup_ui()
        self._setup_features()
        self.list_pane.view.customContextMenuRequested.connect(self._list_menu)
        self._restore()

    # --- building ------------------------------------------------------------
    def _setup_ui(self) -> None:
        context = self.context
        self.list_pane = ArticleListPane(self.session, self, background=self._list_work)
        self.reader = ReaderView(self.session, context.links, self)
        self.action_panel = ActionPanel(self.session, context.links, self)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        for widget in (self.list_pane, self.reader, self.action_panel):
            self.splitter.addWidget(widget)
        self.splitter.setChildrenCollapsible(False)
        self._preferred_sides = (DEFAULT_SPLIT[0], DEFAULT_SPLIT[2])
        self._balancing = False
        self.splitter.splitterMoved.connect(self._sides_moved)
        self.splitter.setStretchFactor(1, 1)
        self.setCentralWidget(self.splitter)

        self.task_panel = TaskPanel(self.tasks, self)
        self.statusBar().addWidget(self.status_label, 1)
        self.statusBar().addPermanentWidget(self.task_panel)

        for view in (self.list_pane, self.reader, self.action_panel):
            self.bus.changed.connect(view.follow)
        self.bus.changed.connect(self._follow)
        self.list_pane.current_article_changed.connect(self.show_article)
        self.reader.related_requested.connect(self.open_article)

    def _list_work(
        self,
        work: Callable[[Session], Any],
        done: Callable[[Any], None],
        failed: Callable[[], None],
    ) -> None:
        """The list's queries in the background (quiet: they take a moment at most)."""

        def not_read(message: str) -> None:
            failed()
            self.show_status(f"The list could not be read: {message}")

        self._list_tasks += 1
        self.context.run(
            f"list-{self._list_tasks}",
            "Listing articles",
            lambda session, _report, _cancelled: work(session),
            on_done=done,
            on_error=not_read,
            cancellable=False,
            quiet=True,
        )

    def _setup_features(self) -> None:
        context = self.context
        self.reading = ArticleCommands(context, self.list_pane)
        self.importer = Importer(context, self, self.open_article, self.current_article_id)
        self.web = WebSources(context, self, self.open_article)
        self.safekeeping = Safekeeping(context, self)
        self.letters = Letters(context, self, self.current_article_id)
        self.tracking = Tracking(context, self, self.open_article, self.letters.show_sent_letters)
        self.officials = Officials(context, self, write_to=self.letters.write_to_official)
        self.fixes = Fixes(
            edit_profile=self.officials.edit_profile,
            update_directory=lambda: self.officials.update_directory(),
            update_directory_from_folder=self.officials.update_directory_from_folder,
        )
        self.letters.set_fixes(self.fixes)
        self.sittings = Sittings(context, self, self.letters, self.fixes)
        self.officials.set_start_sitting(self.sittings.start)
        self.tracking.set_call_desk(self.sittings.open_desk)
        self.reminders = ReminderBanner(
            context, self.sittings.start, self.tracking.show_activity, self.list_pane
        )
        self.list_pane.show_banner(self.reminders)
        self.setup_assistant: SetupAssistant | None = None
        self.action_panel.done_toggled.connect(self.reading.set_done)
        self.action_panel.write_requested.connect(self.letters.write)
        self.action_panel.track_requested.connect(self.tracking.requested)
        view = ViewCommands(
            move=self.list_pane.move,
            page_down=self.page_down,
            focus_search=self.focus_search,
            change_font_size=self.change_font_size,
            reset_font_size=self.reset_font_size,
            show_about=self.show_about,
            show_setup=self.show_setup,
            show_log=self.show_log,
            quit=self.close,
            space_targets=(self.list_pane.view, self.reader),
        )
        features = Features(
            reading=self.reading,
            importer=self.importer,
            web=self.web,
            safekeeping=self.safekeeping,
            tracking=self.tracking,
            officials=self.officials,
            letters=self.letters,
            sittings=self.sittings,
            view=view,
        )
        self.actions_ = WindowActions(self, features, offline=not self.session.network_allowed())

    def _restore(self) -> None:
        geometry = self.settings.geometry()
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(self._first_size())
        splitter = self.settings.splitter()
        if splitter is not None and self.splitter.restoreState(splitter):
            left, _middle, right = self.splitter.sizes()
            if left >= self.list_pane.minimumWidth() and right >= self.action_panel.minimumWidth():
                self._preferred_sides = (left, right)
        else:
            self.splitter.setSizes(list(DEFAULT_SPLIT))
        saved = self.settings.font_size(0)
        if saved:
            self.text_size.set(saved)
        self.reader.set_collapsed(self.settings.collapsed_sections())
        self.list_pane.set_query(self.settings.query())
        self.list_pane.open_at_start(self.settings.last_article(str(self.session.library.path)))

    def _first_size(self) -> QSize:
        """The default size, made smaller to fit a small screen (with room for its panels)."""
        width, height = DEFAULT_SIZE
        screen = self.screen() or QApplication.primaryScreen()
        if screen is not None:
            room = screen.availableGeometry()
            width = min(width, int(room.width() * 0.95))
            height = min(height, int(room.height() * 0.9))
        return QSize(width, height)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        super().changeEvent(event)
        # Back at the window on another day (after midnight): what is due now.
        if event.type() != QEvent.Type.ActivationChange:
            return
        if not self.isActiveWindow():  # the reader has turned away: a moment to save settings
            self.settings.sync()
        elif self.reminders.checked_day() not in (None, self.session.today()):
            self.reminders.check()

    def _follow(self, changes: Changes) -> None:
        if changes.network:
            self.actions_.offline.setChecked(not self.session.network_allowed())
        current = self.current_article_id()
        if current is not None and current in changes.content:
            stored = self.session.article(current)
            self._set_title(stored.article.title if stored else None)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._balance_panes()

    def _balance_panes(self) -> None:
        """The list and the actions keep the widths the reader gave them while the article
        has room; on a narrow window they give up width (down to their own minimums) so the
        article stays readable, and get it back when the window grows."""
        sizes = self.splitter.sizes()
        total = sum(sizes)
        if len(sizes) != 3 or total <= 0:
            return
        left, right = self._preferred_sides
        low_left, low_right = self.list_pane.minimumWidth(), self.action_panel.minimumWidth()
        short = READER_COMFORT - (total - left - right)
        if short > 0:
            spare_left, spare_right = max(0, left - low_left), max(0, right - low_right)
            spare = spare_left + spare_right
            take = min(short, spare)
            if spare:
                from_left = round(take * spare_left / spare)
                left, right = left - from_left, right - (take - from_left)
        middle = max(self.reader.minimumWidth(), total - left - right)
        wanted = [left, middle, right]
        if wanted != sizes:
            self._balancing = True
            self.splitter.setSizes(wanted)
            self._balancing = False

    def _sides_moved(self, _position: int, _index: int) -> None:
        """The reader dragged a divider: those are the side widths to keep."""
        if not self._balancing:
            left, _middle, right = self.splitter.sizes()
            self._preferred_sides = (left, right)

    # --- reading -------------------------------------------------------------
    def current_article_id(self) -> int | None:
        return self.reader.article_id

    def open_article(self, article_id: int) -> None:
        """Show an article, clearing filters if it is not in the current list."""
        if not self.list_pane.select(article_id):
            self.list_pane.set_query(ArticleQuery())
            self.list_pane.select(article_id)

    def show_article(self, article_id: int | None) -> None:
        session = self.session
        stored = session.article(article_id) if article_id is not None else None
        if stored is not None and not stored.read:
            self.reading.save(lambda: session.set_read([stored.id], True))
        related = session.library.ids_by_title(stored.article.related) if stored else {}
        if stored is None:
            self.reader.set_placeholder(self._empty_reader_hint())
        self.reader.show_article(stored, related)
        self.action_panel.show_article(stored, session.records(stored.id) if stored else {})
        self.settings.set_last_article(str(self.session.library.path), article_id)
        self._set_title(stored.article.title if stored else None)

    def _empty_reader_hint(self) -> str:
        """What the reader pane says with no article in it."""
        if self.list_pane.model.rowCount():
            return "Select an article to read it here."
        if self.list_pane.query() != ArticleQuery() and self.session.library.count():
            return (
                "No article matches the search or filters. Clear the search, or choose All "
                "and All categories."
            )
        return (
            "Your library is empty. Add articles with File ▸ Import Files… (Ctrl+O) or Add "
            "from URL… (Ctrl+L), or drag files onto this window."
        )

    def _set_title(self, title: str | None) -> None:
        self.setWindowTitle(f"{title} — Advocate" if title else "Advocate")

    def page_down(self) -> None:
        """Space: scroll the article, then go on to the next one."""
        if not self.reader.page_down():
            self.list_pane.move(1)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt override
        if any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt override
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.importer.start(paths)

    # --- view ------------------------------------------------------------------
    def change_font_size(self, step: int) -> None:
        """Larger or smaller text everywhere: the list, the article, the actions, dialogs."""
        self.settings.set_font_size(self.text_size.step(step))

    def reset_font_size(self) -> None:
        self.text_size.reset()
        self.settings.set_font_size(0)  # the system's size, whatever it becomes

    def focus_search(self) -> None:
        self.list_pane.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.list_pane.search.selectAll()

    def show_setup(self) -> SetupAssistant:
        """Set Up Advocate, beside the window; where the reader left off."""
        from advocate_app.gui.setup.assistant import SetupAssistant

        if self.setup_assistant is None:
            self.setup_assistant = SetupAssistant(
                self.context, self.fixes, self.officials.show_officials, self
            )
        self.setup_assistant.show()
        self.setup_assistant.raise_()
        return self.setup_assistant

    def show_log(self) -> bool:
        """Help ▸ Show Log: the file where the details of problems are written."""
        path = log_path(self.session.folder)
        if not path.is_file():
            self.show_status(f"Nothing has gone wrong so far: no problem was written to {path}.")
            return False
        return self.context.links.open_file(path)

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
        box.setTextFormat(Qt.TextFormat.PlainText)
        if details:
            box.setDetailedText(details)
        box.open()  # not modal: the window stays usable

    def _ask(self, title: str, question: str) -> bool:
        box = QMessageBox(
            QMessageBox.Icon.Question,
            title,
            question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.setTextFormat(Qt.TextFormat.PlainText)
        return box.exec() == QMessageBox.StandardButton.Yes

    def _choose(self, title: str, question: str, answers: list[str]) -> str | None:
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(title)
        box.setTextFormat(Qt.TextFormat.PlainText)  # the question may quote an article
        box.setText(question)
        buttons = {
            box.addButton(answer, QMessageBox.ButtonRole.ActionRole): answer for answer in answers
        }
        box.exec()
        return buttons.get(box.clickedButton())

    # --- closing -----------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        self.letters.keep_drafts()  # before the library closes: nothing typed is lost
        self.tasks.cancel_all()
        self.settings.set_geometry(self.saveGeometry())
        self.settings.set_splitter(self.splitter.saveState())
        self.settings.set_query(self.list_pane.query())
        self.settings.set_collapsed_sections(self.reader.collapsed())
        self.settings.sync()
        self.reading.save(self.session.purge_deleted)
        self.tasks.wait(CLOSE_WAIT_MS)
        super().closeEvent(event)
