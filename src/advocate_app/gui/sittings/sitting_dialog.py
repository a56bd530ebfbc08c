"""A sitting: one open action at a time for one official (or all the reader's officials):
the official, the article and the action with its steps, and Write, Call or Skip. After each
the queue is read again (what was done drops out) and the next item comes."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from advocate_app.core.letters.compose import guidance
from advocate_app.core.officials.model import Need
from advocate_app.core.sittings import Sitting, SittingItem
from advocate_app.gui.context import AppContext
from advocate_app.gui.officials.needs_bar import Fixes
from advocate_app.gui.theme import set_muted
from advocate_app.gui.widgets import note_label

TASK = "sitting"


class SittingDialog(QDialog):
    refreshed = Signal(object)  # Sitting
    write_requested = Signal(object)  # SittingItem
    call_requested = Signal(object, object)  # SittingItem, the official's other open items

    def __init__(
        self,
        context: AppContext,
        official_key: str | None,
        fixes: Fixes | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._context = context
        self.official_key = official_key or "all"
        self._fixes = fixes
        self.sitting: Sitting | None = None
        self.position = 0
        self._advance = False  # move past the current item once the queue is read again
        self.setWindowTitle("Sitting")
        self.setAccessibleName("Sitting: your open actions, one at a time")
        self.resize(720, 560)
        self._setup_ui()
        self.reload()

    # --- building -----------------------------------------------------------------------
    def _setup_ui(self) -> None:
        layout = QVBoxLayout(self)
        self.progress = QLabel(self)
        self.progress.setTextFormat(Qt.TextFormat.PlainText)
        self.progress.setAccessibleName("Where you are in the sitting")
        layout.addWidget(self.progress)
        self.official = QLabel(self)
        self.official.setTextFormat(Qt.TextFormat.PlainText)
        self.official.setAccessibleName("Official")
        font = self.official.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.3)
        self.official.setFont(font)
        layout.addWidget(self.official)
        self.article = QLabel(self)
        self.article.setTextFormat(Qt.TextFormat.PlainText)
        self.article.setWordWrap(True)
        self.article.setAccessibleName("Article")
        layout.addWidget(self.article)
        self.action = QLabel(self)
        self.action.setTextFormat(Qt.TextFormat.PlainText)
        self.action.setWordWrap(True)
        self.action.setAccessibleName("Action")
        layout.addWidget(self.action)
        self.steps_area = QScrollArea(self)
        self.steps_area.setWidgetResizable(True)
        self.steps_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.steps_area.setAccessibleName("What the article suggests")
        layout.addWidget(self.steps_area, 1)
        self.notes = QLabel(self)
        self.notes.setTextFormat(Qt.TextFormat.PlainText)
        self.notes.setWordWrap(True)
        set_muted(self.notes)
        layout.addWidget(self.notes)
        self.fix_row = QHBoxLayout()
        layout.addLayout(self.fix_row)
        row = QHBoxLayout()
        self.back = QPushButton("Back", self)
        self.back.setToolTip("The item before")
        self.back.clicked.connect(lambda: self.go(self.position - 1))
        self.write = QPushButton("Write…", self)
        self.write.setToolTip("Write a letter to this official about this action")
        self.write.clicked.connect(self._write)
        self.call = QPushButton("Call…", self)
        self.call.setToolTip("Call this official: what to say, the numbers, and how it went")
        self.call.clicked.connect(self._call)
        self.skip = QPushButton("Skip", self)
        self.skip.setToolTip("Not now: it stays in the queue for next time")
        self.skip.clicked.connect(lambda: self.go(self.position + 1))
        close = QPushButton("Close", self)
        close.setToolTip("Close the sitting; the queue is kept for next time")
        close.clicked.connect(self.close)
        row.addWidget(self.back)
        row.addStretch(1)
        for button in (self.write, self.call, self.skip, close):
            row.addWidget(button)
        layout.addLayout(row)

    # --- the queue ----------------------------------------------------------------------
    @property
    def items(self) -> tuple[SittingItem, ...]:
        return self.sitting.items if self.sitting else ()

    def current(self) -> SittingItem | None:
        return self.items[self.position] if 0 <= self.position < len(self.items) else None

    def reload(self, advance: bool = False) -> None:
        """Read the queue again (off the window's thread); with `advance`, go past the item
        the reader just wrote or called about, if it is still open."""
        self._advance = self._advance or advance
        key = None if self.official_key == "all" else self.official_key
        self._context.run(
            TASK,
            "Gathering your open actions",
            lambda session, _report, _cancelled: session.sitting(key),
            on_done=self._show,
            cancellable=False,
        )

    def _show(self, sitting: Sitting) -> None:
        before = self.current()
        self.sitting = sitting
        keys = [item.key for item in sitting.items]
        remembered = self._context.settings.sitting_position(self.official_key)
        if before is not None and before.key in keys:
            self.position = keys.index(before.key) + (1 if self._advance else 0)
        elif before is None and remembered in keys:
            self.position = keys.index(remembered)  # where the last sitting stopped
        self._advance = False
        self.go(self.position)
        self.refreshed.emit(sitting)

    def go(self, position: int) -> None:
        items = self.items
        self.position = max(0, min(position, len(items)))
        item = self.current()
        sitting = self.sitting
        self.notes.setText(" ".join(sitting.notes) if sitting else "")
        self.notes.setVisible(bool(self.notes.text()))
        self._show_fixes()
        self.back.setEnabled(self.position > 0)
        for button in (self.write, self.call, self.skip):
            button.setEnabled(item is not None)
        if item is None:
            self._show_end()
            return
        self._context.settings.set_sitting_position(self.official_key, item.key)
        self.progress.setText(f"{self.position + 1} of {len(items)}")
        self.official.setText(item.official.display_name)
        self.article.setText(f"About: {item.article_title}")
        self.action.setText(f"Action {item.action_number}: {item.action_title}")
        self._show_steps(item)

    def _show_end(self) -> None:
        total = len(self.items)
        self.official.setText("")
        self.article.setText("")
        self.action.setText("")
        self.progress.setText(f"{total} of {total}" if total else "Nothing is waiting")
        end = QLabel(self)
        end.setWordWrap(True)
        end.setTextFormat(Qt.TextFormat.PlainText)
        end.setText(
            "That was the last one for now. What you skipped waits for your next sitting."
            if total
            else "Nothing is waiting: every action for your officials is done, or they have "
            "been reached. New articles bring new actions."
        )
        self.steps_area.setWidget(end)

    def _show_steps(self, item: SittingItem) -> None:
        stored = self._context.session.article(item.article_id)
        action = (
            next((a for a in stored.article.actions if a.number == item.action_number), None)
            if stored
            else None
        )
        inner = QWidget(self.steps_area)
        column = QVBoxLayout(inner)
        if action is None:  # the article went away during the sitting
            column.addWidget(QLabel("This article is no longer in your library.", inner))
            self.write.setEnabled(False)
            self.call.setEnabled(False)
        else:
            for line in guidance(action):
                column.addWidget(note_label(line, inner, self._context.links))
            for step in action.steps:
                for link in step.links:
                    button = QPushButton(link.text, inner)
                    button.setToolTip(link.url)
                    button.setAccessibleName(f"Open {link.text}")
                    button.clicked.connect(lambda _=False, u=link.url: self._context.links.open(u))
                    column.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)
        column.addStretch(1)
        self.steps_area.setWidget(inner)

    def _show_fixes(self) -> None:
        while self.fix_row.count():
            widget = self.fix_row.takeAt(0).widget()
            if widget is not None:
                widget.deleteLater()
        sitting = self.sitting
        missing = {Need.DIRECTORY, Need.STATE, Need.ZIP}
        if self._fixes is None or sitting is None or not missing & set(sitting.needs):
            return
        for words, fix in (
            ("Enter Your Details…", self._fixes.edit_profile),
            ("Get the Directory", self._fixes.update_directory),
        ):
            button = QPushButton(words, self)
            button.setToolTip("What a sitting needs to know your officials")
            button.clicked.connect(lambda _=False, f=fix: f())
            self.fix_row.addWidget(button)
        self.fix_row.addStretch(1)

    # --- acting -------------------------------------------------------------------------
    def _write(self) -> None:
        item = self.current()
        if item is not None:
            self.write_requested.emit(item)

    def _call(self) -> None:
        item = self.current()
        if item is None:
            return
        others = [i for i in self.items if i.official.key == item.official.key and i is not item]
        self.call_requested.emit(item, others)
