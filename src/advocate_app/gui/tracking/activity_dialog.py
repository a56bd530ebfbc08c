"""Activity: totals, a chart of each week, letters per official, the streak, recent events
and the follow-ups that have come due."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QPainter, QPalette
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from advocate_app.core.store.library import Library
from advocate_app.core.store.tracking import Activity, ActivityEvent, activity


class WeeklyChart(QWidget):
    """Bars of activity per week, drawn with QPainter in the palette's colours."""

    def __init__(self, weekly: list[tuple[str, int]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.weekly = weekly
        self.setMinimumHeight(150)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        total = sum(count for _, count in weekly)
        self.setAccessibleName("Activity per week")
        self.setAccessibleDescription(
            f"{total} things done in the last {len(weekly)} weeks; "
            + ", ".join(f"week of {week}: {count}" for week, count in weekly if count)
        )

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
                painter.drawText(label, Qt.AlignmentFlag.AlignHCenter, week[5:])
        painter.end()


class ActivityDialog(QDialog):
    def __init__(
        self,
        library: Library,
        open_article: Callable[[int], None],
        parent: QWidget | None = None,
        open_letter: Callable[[int], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Your Activity")
        self.resize(640, 720)
        self._open_article = open_article
        self._open_letter = open_letter
        self.summary: Activity = activity(library)
        summary = self.summary
        layout = QVBoxLayout(self)
        totals = QGridLayout()
        for column, (label, value) in enumerate(
            (
                ("Actions done", summary.actions_done),
                ("Letters sent", summary.letters_sent),
                ("Calls", summary.calls),
                ("Day streak", summary.streak_days),
            )
        ):
            number = QLabel(f"<span style='font-size: x-large'><b>{value}</b></span>", self)
            number.setAlignment(Qt.AlignmentFlag.AlignCenter)
            caption = QLabel(label, self)
            caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
            number.setAccessibleName(f"{label}: {value}")
            totals.addWidget(number, 0, column)
            totals.addWidget(caption, 1, column)
        layout.addLayout(totals)
        layout.addWidget(QLabel("<b>Each week</b>", self))
        self.chart = WeeklyChart(summary.weekly, self)
        layout.addWidget(self.chart)

        self.follow_ups = self._list("Follow up now", layout)
        for article_id, title, number, due in summary.follow_ups_due:
            item = QListWidgetItem(f"Due {due}: action {number} of “{title}”")
            item.setData(Qt.ItemDataRole.UserRole, article_id)
            self.follow_ups.addItem(item)
        if not summary.follow_ups_due:
            self.follow_ups.addItem("Nothing due.")

        self.letters = self._list("Letters per official", layout)
        for name, count in summary.letters_per_official:
            self.letters.addItem(f"{name}: {count}")
        if not summary.letters_per_official:
            self.letters.addItem("No letters yet.")

        self.recent = self._list("Recent", layout)
        for event in summary.recent:
            self.recent.addItem(self._event_item(event))
        if not summary.recent:
            self.recent.addItem("Nothing yet: tick an action, write a letter or log a call.")
        for view in (self.follow_ups, self.recent):
            view.itemActivated.connect(self._activated)

    def _list(self, title: str, layout: QVBoxLayout) -> QListWidget:
        layout.addWidget(QLabel(f"<b>{title}</b>", self))
        view = QListWidget(self)
        view.setAccessibleName(title)
        layout.addWidget(view, 1)
        return view

    def _event_item(self, event: ActivityEvent) -> QListWidgetItem:
        when = event.at[:16].replace("T", " ")
        item = QListWidgetItem(f"{when}  {event.detail} — {event.article_title}")
        item.setData(Qt.ItemDataRole.UserRole, event.article_id)
        item.setData(Qt.ItemDataRole.UserRole + 1, event.letter_id)
        opens = "the letter" if event.letter_id else "the article"
        item.setToolTip(f"Open {opens} (Enter or double-click)")
        return item

    def _activated(self, item: QListWidgetItem) -> None:
        letter_id = item.data(Qt.ItemDataRole.UserRole + 1)
        if isinstance(letter_id, int) and self._open_letter is not None:
            self._open_letter(letter_id)
            return
        article_id = item.data(Qt.ItemDataRole.UserRole)
        if isinstance(article_id, int):
            self._open_article(article_id)
