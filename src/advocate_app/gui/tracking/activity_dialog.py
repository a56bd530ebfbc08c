"""Activity: totals, a chart of each week, letters per official, the streak, recent events
and the follow-ups that have come due."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QPainter, QPalette
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSizePolicy,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from advocate_app.core.changes import Changes
from advocate_app.core.store.tracking import Activity, ActivityEvent
from advocate_app.gui.context import AppContext
from advocate_app.gui.formats import day_text, time_text, week_text
from advocate_app.gui.theme import set_muted

TASK = "activity"


TOTALS = ("Actions done", "Letters sent", "Calls", "Day streak")


class WeeklyChart(QWidget):
    """Bars of activity per week, drawn with QPainter in the palette's colours."""

    def __init__(self, weekly: list[tuple[str, int]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumHeight(170)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName("Activity per week")
        self.set_weekly(weekly)

    def set_weekly(self, weekly: list[tuple[str, int]]) -> None:
        self.weekly = weekly
        total = sum(count for _, count in weekly)
        self.setAccessibleDescription(
            f"{total} things done in the last {len(weekly)} weeks; "
            + ", ".join(f"week of {week_text(week)}: {count}" for week, count in weekly if count)
        )
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(520, 150)

    def paintEvent(self, event) -> None:  # noqa: N802, ANN001 - Qt override
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        label_height = self.fontMetrics().height() + 4
        area = QRectF(self.rect()).adjusted(4, 4, -4, -label_height)
        most = max((count for _, count in self.weekly), default=0) or 1
        slot = area.width() / max(1, len(self.weekly))
        painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
        painter.drawLine(area.bottomLeft(), area.bottomRight())
        for index, (week, count) in enumerate(self.weekly):
            height = (area.height() - 14) * count / most
            bar = QRectF(
                area.left() + index * slot + slot * 0.15, area.bottom() - height, slot * 0.7, height
            )
            painter.fillRect(bar, palette.color(QPalette.ColorRole.Highlight))
            painter.setPen(palette.color(QPalette.ColorRole.Text))
            if count:
                painter.drawText(
                    QRectF(bar.left(), bar.top() - 14, bar.width(), 14),
                    Qt.AlignmentFlag.AlignCenter,
                    str(count),
                )
            if index % 2 == 0 or len(self.weekly) <= 6:
                painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
                label = QRectF(
                    area.left() + index * slot - slot * 0.5,
                    area.bottom() + 2,
                    slot * 2,
                    label_height,
                )
                painter.drawText(label, Qt.AlignmentFlag.AlignHCenter, week_text(week))
        painter.end()


class ActivityDialog(QDialog):
    """What the reader did; read in the background, and again whenever it changes."""

    refreshed = Signal()

    def __init__(
        self,
        context: AppContext,
        open_article: Callable[[int], None],
        parent: QWidget | None = None,
        open_letter: Callable[[int], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Your Activity")
        self.resize(640, 720)
        self._context = context
        self._open_article = open_article
        self._open_letter = open_letter
        self._stale = False
        self.summary: Activity | None = None
        layout = QVBoxLayout(self)
        totals = QGridLayout()
        self.totals: dict[str, QLabel] = {}
        for column, label in enumerate(TOTALS):
            number = QLabel(self)
            number.setAlignment(Qt.AlignmentFlag.AlignCenter)
            caption = QLabel(label, self)
            caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
            totals.addWidget(number, 0, column)
            totals.addWidget(caption, 1, column)
            self.totals[label] = number
        layout.addLayout(totals)
        self.calls_detail = QLabel(self)
        self.calls_detail.setTextFormat(Qt.TextFormat.PlainText)
        self.calls_detail.setWordWrap(True)
        self.calls_detail.setAccessibleName("Calls by how they went")
        set_muted(self.calls_detail)
        layout.addWidget(self.calls_detail)
        layout.addWidget(QLabel("<b>Each week</b>", self))
        unit = QLabel(
            "Things you did each week (actions marked done, letters sent and calls made), "
            "by the week's first day; the number above a bar is that week's count.",
            self,
        )
        unit.setWordWrap(True)
        set_muted(unit)
        layout.addWidget(unit)
        self.chart = WeeklyChart([], self)
        layout.addWidget(self.chart)
        self.follow_ups = self._list("Follow up now", layout)
        self.letters = self._list("Letters per official", layout)
        self.recent = self._list("Recent", layout)
        for view in (self.follow_ups, self.recent):
            view.itemActivated.connect(self._activated)
        context.bus.changed.connect(self._follow)
        self.refresh()

    def _follow(self, changes: Changes) -> None:
        if changes.tracking or changes.letters or changes.article_list or changes.everything:
            self.refresh()

    def refresh(self) -> None:
        started = self._context.run(
            TASK,
            "Reading your activity",
            lambda session, _report, _cancelled: session.activity(),
            on_done=self._show,
            cancellable=False,
        )
        self._stale = not started  # one is running: read again when it ends

    def _show(self, summary: Activity) -> None:
        if self._stale:
            self._stale = False
            self.refresh()
        self.summary = summary
        values = (
            summary.actions_done,
            summary.letters_sent,
            summary.calls,
            summary.streak_days,
        )
        for (label, number), value in zip(self.totals.items(), values, strict=True):
            number.setText(f"<span style='font-size: x-large'><b>{value}</b></span>")
            number.setAccessibleName(f"{label}: {value}")
        self.chart.set_weekly(summary.weekly)
        self.calls_detail.setText(
            "Calls: "
            + ", ".join(f"{count} {words}" for words, count in summary.calls_by_outcome.items())
            if summary.calls_by_outcome
            else ""
        )
        self.calls_detail.setVisible(bool(summary.calls_by_outcome))

        self.follow_ups.clear()
        today = self._context.session.today()
        for due in summary.follow_ups_due:
            when = "today" if due.due == today.isoformat() else f"since {day_text(due.due)}"
            item = QListWidgetItem(
                f"Due {when}: action {due.action_number} of “{due.article_title}”"
            )
            item.setData(Qt.ItemDataRole.UserRole, due.article_id)
            item.setToolTip("Open the article (Enter or double-click)")
            font = item.font()
            font.setBold(True)
            item.setFont(font)
            item.setBackground(self.palette().color(QPalette.ColorRole.AlternateBase))
            item.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning))
            self.follow_ups.addItem(item)
        self.follow_ups_title.setText(
            f"<b>Follow up now ({len(summary.follow_ups_due)})</b>"
            if summary.follow_ups_due
            else "<b>Follow up now</b>"
        )
        if not summary.follow_ups_due:
            self.follow_ups.addItem("Nothing due.")

        self.letters.clear()
        for name, count in summary.letters_per_official:
            self.letters.addItem(f"{name}: {count}")
        if not summary.letters_per_official:
            self.letters.addItem("No letters yet.")

        self.recent.clear()
        for event in summary.recent:
            self.recent.addItem(self._event_item(event))
        if not summary.recent:
            self.recent.addItem("Nothing yet: tick an action, write a letter or log a call.")
        self.refreshed.emit()

    def _list(self, title: str, layout: QVBoxLayout) -> QListWidget:
        heading = QLabel(f"<b>{title}</b>", self)
        layout.addWidget(heading)
        if title.startswith("Follow up"):
            self.follow_ups_title = heading
        view = QListWidget(self)
        view.setAccessibleName(title)
        view.setAccessibleDescription(f"{title}; Enter opens the article or the letter")
        view.setWordWrap(True)  # whole lines, never cut behind a scroll bar
        view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        view.setResizeMode(QListWidget.ResizeMode.Adjust)
        view.setTextElideMode(Qt.TextElideMode.ElideNone)
        layout.addWidget(view, 1)
        return view

    def _event_item(self, event: ActivityEvent) -> QListWidgetItem:
        when = time_text(event.at)
        title = f"“{event.article_title}”"
        if event.article_deleted:
            title += " (deleted article)"
        item = QListWidgetItem(f"{when} — {event.detail} — {title}")
        item.setData(Qt.ItemDataRole.UserRole, event.article_id)
        item.setData(Qt.ItemDataRole.UserRole + 1, event.letter_id)
        if event.letter_id:
            item.setToolTip("Open the letter (Enter or double-click)")
        elif event.article_id is not None:
            item.setToolTip("Open the article (Enter or double-click)")
        else:
            item.setToolTip("This article is no longer in your library")
        return item

    def _activated(self, item: QListWidgetItem) -> None:
        letter_id = item.data(Qt.ItemDataRole.UserRole + 1)
        if isinstance(letter_id, int) and self._open_letter is not None:
            self._open_letter(letter_id)
            return
        article_id = item.data(Qt.ItemDataRole.UserRole)
        if isinstance(article_id, int):
            self._open_article(article_id)
