"""One text size for the whole window: the list, the article, the action cards and every
dialog follow the application's font, so one setting scales them all."""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

MIN_POINT_SIZE, MAX_POINT_SIZE = 7, 28


class TextSize:
    """The reader's text size, as a point size of the application's font."""

    def __init__(self) -> None:
        self.normal = QApplication.font().pointSize()  # the system's own, at start

    @property
    def current(self) -> int:
        return QApplication.font().pointSize()

    def set(self, size: int) -> int:
        """Use `size` (kept within reason) everywhere; returns the size used."""
        size = max(MIN_POINT_SIZE, min(MAX_POINT_SIZE, size))
        font = QFont(QApplication.font())
        font.setPointSize(size)
        QApplication.setFont(font)  # every widget, open or still to come, follows
        return size

    def step(self, points: int) -> int:
        return self.set(self.current + points)

    def reset(self) -> int:
        return self.set(self.normal)
