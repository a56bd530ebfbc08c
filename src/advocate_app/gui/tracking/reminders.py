"""What is waiting, said above the article list: follow-ups that have come due and the open
actions for the reader's officials, with the buttons to act on them. Read at start and again
when the reader comes back on another day; it can be put away until tomorrow."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from advocate_app.gui.context import AppContext

TASK = "reminders"


@dataclass(frozen=True)
class Waiting:
    follow_ups: int
    open_actions: int
    day: date

    def __bool__(self) -> bool:
        return bool(self.follow_ups or self.open_actions)

    def text(self) -> str:
        parts = []
        if self.follow_ups:
            parts.append(f"{self.follow_ups} follow-up{'s' if self.follow_ups != 1 else ''} due")
        if self.open_actions:
            count = self.open_actions
            parts.append(f"{count} open action{'s' if count != 1 else ''} for your officials")
        return " · ".join(parts)


class ReminderBanner(QFrame):
    checked = Signal(object)  # Waiting

    def __init__(
        self,
        context: AppContext,
        start_sitting: Callable[[], object],
        show_follow_ups: Callable[[], object],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._context = context
        self.waiting: Waiting | None = None
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName("What is waiting for you")
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.AlternateBase)
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 4, 4, 4)
        self.text = QLabel(self)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.text.setWordWrap(True)
        row.addWidget(self.text, 1)
        self.sitting = QPushButton("Start a Sitting", self)
        self.sitting.setToolTip("Your open actions, one official and one action at a time")
        self.sitting.clicked.connect(lambda: start_sitting())
        self.follow_ups = QPushButton("Follow-ups", self)
        self.follow_ups.setToolTip("The follow-ups that have come due, in Your Activity")
        self.follow_ups.clicked.connect(lambda: show_follow_ups())
        self.dismiss = QPushButton("Not Today", self)
        self.dismiss.setToolTip("Put this away until tomorrow")
        self.dismiss.clicked.connect(self.put_away)
        for button in (self.sitting, self.follow_ups, self.dismiss):
            row.addWidget(button)
        self.hide()

    def check(self) -> None:
        """Count what is waiting, off the window's thread (the officials, the queue)."""
        today = self._context.session.today().isoformat()
        if self._context.settings.reminders_dismissed() == today:
            self.hide()
            return

        def count(session, _report, _cancelled):  # noqa: ANN001, ANN202
            follow_ups, open_actions = session.waiting()
            return Waiting(follow_ups, open_actions, session.today())

        self._context.run(TASK, "Looking at what is waiting", count, on_done=self._show,
                          cancellable=False, quiet=True)  # fmt: skip

    def checked_day(self) -> date | None:
        return self.waiting.day if self.waiting else None

    def _show(self, waiting: Waiting) -> None:
        self.waiting = waiting
        self.text.setText(waiting.text())
        self.follow_ups.setVisible(bool(waiting.follow_ups))
        self.sitting.setVisible(bool(waiting.open_actions))
        self.setVisible(bool(waiting))
        self.checked.emit(waiting)

    def put_away(self) -> None:
        self._context.settings.set_reminders_dismissed(self._context.session.today().isoformat())
        self.hide()
