"""Sent Letters and Drafts (see, reopen, mark sent, delete) and Letter Templates (see them,
open your folder)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
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
from advocate_app.core.letters.routes import Route, delivered_words, status_words
from advocate_app.core.letters.templates import LetterTemplates
from advocate_app.core.store.letters import LetterRecord
from advocate_app.gui.context import AppContext
from advocate_app.gui.formats import time_text


class LetterListDialog(QDialog):
    """Sent Letters (everything that went out, with its status and deliveries) or Drafts (the
    letters being written): reopen one in the composer, mark it sent, or delete it."""

    def __init__(
        self,
        context: AppContext,
        open_letter: Callable[[LetterRecord], None],
        parent: QWidget | None = None,
        select: int | None = None,
        *,
        drafts: bool = False,
    ):
        super().__init__(parent)
        self._context = context
        self._session = context.session
        self._open_letter = open_letter
        self.drafts = drafts
        self.setWindowTitle("Drafts" if drafts else "Sent Letters")
        self.resize(820, 600)
        self.letters: list[LetterRecord] = []
        layout = QVBoxLayout(self)
        self.empty = QLabel(
            "No drafts: letters you change in the composer and do not send are kept here."
            if drafts
            else "No letters yet. Letters you copy, open, mail, print or save are listed here.",
            self,
        )
        self.empty.setWordWrap(True)
        layout.addWidget(self.empty)
        self.list = QListWidget(self)
        self.list.setAccessibleName("Drafts" if drafts else "Sent letters")
        self.list.setAccessibleDescription(
            "Your letters, newest first, with to whom they went and what became of them"
        )
        layout.addWidget(self.list, 1)
        self.details = QLabel(self)
        self.details.setTextFormat(Qt.TextFormat.PlainText)
        self.details.setWordWrap(True)
        self.details.setAccessibleName("Letter details")
        layout.addWidget(self.details)
        self.text = QPlainTextEdit(self)
        self.text.setReadOnly(True)
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.text.setAccessibleName("Letter")
        self.text.setAccessibleDescription("The text of the chosen letter")
        layout.addWidget(self.text, 2)
        layout.addLayout(self._buttons())
        if not drafts:
            layout.addLayout(self._ask_options())
        self.list.currentRowChanged.connect(self._show)
        self.reload(select)

    def _buttons(self) -> QHBoxLayout:
        self.copy_button = QPushButton("Copy", self)
        self.copy_button.setToolTip("Copy the letter to the clipboard")
        self.copy_button.clicked.connect(
            lambda: QGuiApplication.clipboard().setText(self.text.toPlainText())
        )
        self.open_button = QPushButton("Open in Composer…", self)
        self.open_button.setToolTip("Open this letter in the composer, to send it (again)")
        self.open_button.clicked.connect(self._open)
        self.sent_button = QPushButton("Mark as Sent", self)
        self.sent_button.setToolTip("Say whether you sent this letter: only sent letters count")
        self.sent_button.clicked.connect(self._toggle_sent)
        self.delete_button = QPushButton("Delete", self)
        self.delete_button.setToolTip("Delete a letter you did not send")
        self.delete_button.clicked.connect(self._delete)
        row = QHBoxLayout()
        row.addWidget(self.delete_button)
        row.addStretch(1)
        for button in (self.copy_button, self.open_button, self.sent_button):
            row.addWidget(button)
        return row

    def _ask_options(self) -> QHBoxLayout:
        """Which ways out are followed by "Did you send your letter?"."""
        row = QHBoxLayout()
        row.addWidget(QLabel("Ask whether I sent a letter after:", self))
        self.ask_boxes: dict[Route, QCheckBox] = {}
        for route, words in ASK_AFTER.items():
            box = QCheckBox(words, self)
            box.setToolTip(f"Ask whether you sent a letter after {words.lower()}")
            box.setChecked(self._context.settings.ask_if_sent(str(route)))
            box.toggled.connect(
                lambda on, r=route: self._context.settings.set_ask_if_sent(str(r), on)
            )
            self.ask_boxes[route] = box
            row.addWidget(box)
        row.addStretch(1)
        return row

    def follow(self, changes: Changes) -> None:
        if changes.letters or changes.everything:
            self.reload(self._current_id())

    def _current_id(self) -> int | None:
        row = self.list.currentRow()
        return self.letters[row].id if 0 <= row < len(self.letters) else None

    def reload(self, select: int | None = None) -> None:
        """List the letters as stored now, with `select` (a letter id) current."""
        self.letters = self._session.letters(drafts=self.drafts)
        self.list.blockSignals(True)
        self.list.clear()
        for letter in self.letters:
            status = _status(letter)
            when = _when(letter.sent_at or letter.updated_at)
            self.list.addItem(f"{when} · {letter.recipient_name} · {status} — {letter.subject}")
        self.list.blockSignals(False)
        self.empty.setVisible(not self.letters)
        rows = [i for i, letter in enumerate(self.letters) if letter.id == select]
        self.list.setCurrentRow(rows[0] if rows else (0 if self.letters else -1))
        self._show(self.list.currentRow())

    def _show(self, row: int) -> None:
        letter = self.letters[row] if 0 <= row < len(self.letters) else None
        for button in (self.copy_button, self.open_button, self.sent_button, self.delete_button):
            button.setEnabled(letter is not None)
        if letter is None:
            self.text.clear()
            self.details.clear()
            return
        self.text.setPlainText(letter.body)
        lines = [
            f"To {letter.recipient_name}, about {letter.article_title} (action "
            f"{letter.action_number}). Status: {_status(letter)}."
        ]
        done = [f"{delivered_words(route)} {_when(at)}" for route, at in letter.deliveries]
        if done:
            lines.append(" · ".join(done))
        if letter.sent_at:
            lines.append(f"You said it was sent on {_when(letter.sent_at)}.")
        self.details.setText("\n".join(lines))
        self.sent_button.setText("Mark as Not Sent" if letter.sent else "Mark as Sent")
        self.delete_button.setEnabled(not letter.sent)
        self.open_button.setEnabled(letter.article_id is not None)
        self.open_button.setToolTip(
            "Open this letter in the composer, to send it (again)"
            if letter.article_id is not None
            else "Its article is no longer in your library"
        )

    def current(self) -> LetterRecord | None:
        row = self.list.currentRow()
        return self.letters[row] if 0 <= row < len(self.letters) else None

    def _open(self) -> None:
        letter = self.current()
        if letter is not None and letter.article_id is not None:
            self._open_letter(letter)

    def _toggle_sent(self) -> None:
        letter = self.current()
        if letter is None:
            return
        try:
            self._context.save(lambda: self._session.mark_letter_sent(letter.id, not letter.sent))
        except ValueError as exc:
            self._context.status(str(exc))

    def _delete(self) -> None:
        letter = self.current()
        if letter is None or letter.sent:
            return
        if self._context.confirm(
            "Delete this letter?",
            f"Delete your letter to {letter.recipient_name}? It was not sent; it cannot be "
            "brought back.",
        ):
            self._context.save(lambda: self._session.delete_letter(letter.id))


ASK_AFTER = {
    Route.COPY: "Copying",
    Route.CONTACT_FORM: "Contact pages",
    Route.EMAIL: "Email",
    Route.PRINT: "Printing",
    Route.PDF: "PDFs",
}


def _status(letter: LetterRecord) -> str:
    return status_words(letter.sent, [route for route, _ in letter.deliveries])


def _when(stamp: str) -> str:
    return time_text(stamp)


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
        self.list.setAccessibleDescription("The letter templates, built in and your own")
        for info in templates.available():
            self.list.addItem(f"{info.name} — {'yours' if info.user else 'built in'}")
        layout.addWidget(self.list, 1)
        open_folder = QPushButton("Open My Templates Folder", self)
        open_folder.setToolTip("Where to put your own templates, or changed copies")
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
