"""Helpers for driving the window."""

from __future__ import annotations

from PySide6.QtCore import QUrl


class Opened:
    """Records the links the window asked the system to open; `works = False` is a computer
    with no browser or mail program that can start."""

    def __init__(self) -> None:
        self.urls: list[str] = []
        self.works = True

    def __call__(self, url: QUrl) -> bool:
        if not self.works:
            return False
        self.urls.append(url.toString())
        return True


def select_title(window, title: str) -> int:  # noqa: ANN001 - a MainWindow
    model = window.list_pane.model
    for row in range(model.rowCount()):
        if model.index(row).data() == title:
            window.list_pane.select_row(row)
            return model.id_at(row)
    raise AssertionError(f"{title!r} is not in the list")


def clipped_labels(root) -> list[str]:  # noqa: ANN001 - a QWidget
    """The visible labels under `root` whose text does not fit their size: cut off at the side,
    or wrapped onto more lines than they have room for."""
    from PySide6.QtWidgets import QLabel

    found = []
    for label in root.findChildren(QLabel):
        if not label.isVisibleTo(root) or not label.text() or label.width() <= 0:
            continue
        if label.wordWrap():
            needed = label.heightForWidth(label.width())
            if needed > label.height() + 2:
                found.append(f"{label.text()[:60]!r}: needs {needed}px high, has {label.height()}")
        elif label.sizeHint().width() > label.width() + 2 and label.pixmap().isNull():
            needed = label.sizeHint().width()
            found.append(f"{label.text()[:60]!r}: needs {needed}px wide, has {label.width()}")
    return found
