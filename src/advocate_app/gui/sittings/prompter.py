"""The prompter: the call script a part at a time, in large type, to read aloud. Space (or
→) goes on, Esc (or ←) goes back; at the first part Esc closes it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDialog, QLabel, QVBoxLayout, QWidget

from advocate_app.gui.theme import set_muted

SCALE = 2.2  # times the reader's own text size


def parts_of(script: str) -> list[str]:
    """The script's paragraphs: what to read in one breath."""
    return [" ".join(part.split()) for part in script.split("\n\n") if part.strip()]


class Prompter(QDialog):
    def __init__(self, script: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.parts = parts_of(script) or ["(The script is empty.)"]
        self.position = 0
        self.setWindowTitle("Read Aloud")
        self.setAccessibleName("Call script, large type")
        self.resize(980, 560)
        layout = QVBoxLayout(self)
        self.text = QLabel(self)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.text.setWordWrap(True)
        self.text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.text.setAccessibleName("What to say now")
        font = self.text.font()
        font.setPointSizeF(font.pointSizeF() * SCALE)  # follows the reader's text size
        self.text.setFont(font)
        layout.addWidget(self.text, 1)
        self.hint = QLabel(self)
        self.hint.setTextFormat(Qt.TextFormat.PlainText)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        set_muted(self.hint)
        layout.addWidget(self.hint)
        self._show()

    def _show(self) -> None:
        self.text.setText(self.parts[self.position])
        self.hint.setText(
            f"Part {self.position + 1} of {len(self.parts)} — Space: next · Esc: back"
        )

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        key = event.key()
        if key in (Qt.Key.Key_Space, Qt.Key.Key_Right, Qt.Key.Key_Down, Qt.Key.Key_PageDown):
            if self.position < len(self.parts) - 1:
                self.position += 1
                self._show()
            else:
                self.accept()  # read to the end
        elif key in (Qt.Key.Key_Escape, Qt.Key.Key_Left, Qt.Key.Key_Up, Qt.Key.Key_PageUp):
            if self.position > 0:
                self.position -= 1
                self._show()
            else:
                self.reject()
        else:
            super().keyPressEvent(event)
