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


INTERACTIVE = (
    "QAbstractButton",
    "QLineEdit",
    "QComboBox",
    "QAbstractItemView",
    "QAbstractSpinBox",
    "QTextEdit",
    "QPlainTextEdit",
    "QAbstractSlider",
)


def unnamed_controls(root, *, descriptions: bool = False) -> list[str]:  # noqa: ANN001
    """The visible controls under `root` (itself included) that assistive technology cannot
    name (or, with `descriptions`, describe), as a screen reader asks them."""
    from PySide6.QtGui import QAccessible
    from PySide6.QtWidgets import QWidget

    found = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisibleTo(root) and widget is not root:
            continue
        if not any(widget.inherits(kind) for kind in INTERACTIVE):
            continue
        inner = widget.parent() is not None and any(
            widget.parent().inherits(kind) for kind in ("QComboBox", "QAbstractSpinBox")
        )
        if inner or widget.inherits("QScrollBar") or widget.objectName().startswith("qt_"):
            continue  # Qt's own parts (scroll bars, a combo box's text field) name themselves
        accessible = QAccessible.queryAccessibleInterface(widget)
        name = accessible.text(QAccessible.Text.Name).strip() if accessible else ""
        what = f"{type(widget).__name__} {widget.objectName() or ''}".strip()
        if not name:
            found.append(f"{what}: no name")
        elif descriptions and not accessible.text(QAccessible.Text.Description).strip():
            found.append(f"{what} '{name}': no description")
    return found
