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
