"""Sent Letters (reopen what was sent) and Letter Templates (see them, open your folder)."""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from advocate_app.core.changes import Changes
from advocate_app.core.letters.routes import Route
from advocate_app.core.letters.templates import LetterTemplates
from advocate_app.core.session import Session
from advocate_app.core.store.letters import SentLetter

ROUTES = {
    Route.COPY: "copied",
    Route.CONTACT_FORM: "web form",
    Route.EMAIL: "email",
    Route.PRINT: "printed",
}


class SentLettersDialog(QDialog):
    def __init__(
        self,
        session: Session,
        parent: QWidget | None = None,
        select: int | None = None,
    ):
        super().__init__(parent)
        self.setWindowTitle("Sent Letters")
        self.resize(760, 560)
        self._session = session
        self.letters: list[SentLetter] = []
        layout = QVBoxLayout(self)
        self.empty = QLabel("No letters sent yet.", self)
        layout.addWidget(self.empty)
        self.list = QListWidget(self)
        self.list.setAccessibleName("Sent letters")
        self.text = QPlainTextEdit(self)
        self.text.setReadOnly(True)
        self.text.setAccessibleName("Letter")
        copy = QPushButton("Copy", self)
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(self.text.toPlainText()))
        layout.addWidget(self.list, 1)
        layout.addWidget(self.text, 2)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(copy)
        layout.addLayout(row)
        self.list.currentRowChanged.connect(self._show)
        self.reload(select)

    def follow(self, changes: Changes) -> None:
        if changes.letters or changes.everything:
            current = self.list.currentRow()
            self.reload(self.letters[current].id if 0 <= current < len(self.letters) else None)

    def reload(self, select: int | None = None) -> None:
        """List the letters as stored now, with `select` (a letter id) current."""
        self.letters = self._session.sent_letters()
        self.list.blockSignals(True)
        self.list.clear()
        for letter in self.letters:
            when = letter.sent_at[:16].replace("T", " ")
            route = ROUTES.get(letter.route, letter.route)  # StrEnum keys match the text
            self.list.addItem(f"{when}  {letter.recipient_name} ({route}) — {letter.subject}")
        self.list.blockSignals(False)
        self.empty.setVisible(not self.letters)
        if self.letters:
            rows = [i for i, letter in enumerate(self.letters) if letter.id == select]
            self.list.setCurrentRow(rows[0] if rows else 0)
            self._show(self.list.currentRow())

    def _show(self, row: int) -> None:
        if 0 <= row < len(self.letters):
            self.text.setPlainText(self.letters[row].body)


class TemplatesDialog(QDialog):
    def __init__(self, templates: LetterTemplates, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.templates = templates
        self.setWindowTitle("Letter Templates")
        self.resize(560, 380)
        layout = QVBoxLayout(self)
        intro = QLabel(
            "Letters are written from these templates. Put a file with the same name in your "
            "templates folder to change one, or a new name to add one.",
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.list = QListWidget(self)
        self.list.setAccessibleName("Templates")
        for info in templates.available():
            self.list.addItem(f"{info.name} — {'yours' if info.user else 'built in'}")
        layout.addWidget(self.list, 1)
        open_folder = QPushButton("Open My Templates Folder", self)
        open_folder.clicked.connect(self.open_folder)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(open_folder)
        layout.addLayout(row)

    def open_folder(self) -> None:
        folder = self.templates.user_folder
        if folder is None:
            return
        folder.mkdir(parents=True, exist_ok=True)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))
