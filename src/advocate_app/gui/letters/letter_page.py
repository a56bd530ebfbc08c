"""One recipient's letter in the composer: editable, checked before it goes out, and sent the
ways its office takes letters. Each way out is a delivery attempt; only the reader says when a
letter was sent."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from html import escape

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QColor, QGuiApplication, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from advocate_app.core.letters.checks import placeholder_spans, problems
from advocate_app.core.letters.compose import Letter
from advocate_app.core.letters.routes import Route, delivered_words, email_address, mailto_link
from advocate_app.core.store.letters import LetterRecord
from advocate_app.gui.formats import time_text
from advocate_app.gui.links import LinkPolicy
from advocate_app.gui.theme import set_warning
from advocate_app.gui.widgets import plain_tip

ROUTE_ADVICE = {
    Route.CONTACT_FORM: "send it through the office's web form",
    Route.EMAIL: "send it by email",
    Route.PRINT: "print it and mail it",
    Route.COPY: "copy it where you like",
    Route.PDF: "save it as a PDF",
}
PLACEHOLDER_BACKGROUND = QColor("#fff1a8")
PLACEHOLDER_TEXT = QColor("#1a1a1a")  # dark on yellow whatever the theme

# print_letter(letter, to_pdf) -> None when cancelled, "" when done, else why it failed
PrintLetter = Callable[[Letter, bool], "str | None"]
# confirm(title, question) -> the reader said yes
Confirm = Callable[[str, str], bool]


class LetterPage(QWidget):
    """The letter `letter` (as composed), or the reader's draft of it (`record`)."""

    delivered = Signal(object, object)  # LetterPage, Route: it went out that way
    edited = Signal(object)  # LetterPage: the reader changed the text
    sent_marked = Signal(object)  # LetterPage: the reader says it was sent
    start_over = Signal(object)  # LetterPage: write it again from the template

    def __init__(
        self,
        letter: Letter,
        links: LinkPolicy,
        print_letter: PrintLetter,
        confirm: Confirm,
        record: LetterRecord | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.letter = letter  # as composed: the text "edited" is measured against
        self.letter_id = record.id if record is not None else None
        self.status = ""
        self._links = links
        self._print = print_letter
        self._confirm = confirm
        self._accepted_problems: tuple[str, ...] = ()
        self._setup_ui()
        if record is not None:
            self._show_text(record.subject, record.body)
            self._restored = record.edited or (record.subject, record.body) != (
                letter.subject,
                letter.body,
            )
            self.show_status(record)
            if self._restored:
                self.set_note(f"Your draft from {_when(record.updated_at)}, as you left it.")
        else:
            self._show_text(letter.subject, letter.body)
            self._restored = False
        self.body.textChanged.connect(self._text_changed)
        self.subject.textEdited.connect(lambda _: self._text_changed())

    # --- building ---------------------------------------------------------------------
    def _setup_ui(self) -> None:
        letter = self.letter
        layout = QVBoxLayout(self)
        to = QLabel(
            f"<b>To {escape(letter.recipient.title)} {escape(letter.recipient.name)}</b>"
            f" — {escape(ROUTE_ADVICE[letter.route])}",
            self,
        )
        to.setWordWrap(True)
        layout.addWidget(to)
        for note in letter.notes:
            layout.addWidget(_plain_label("⚠ " + note, self))
        self.note = _plain_label("", self)
        self.note.hide()
        layout.addWidget(self.note)
        self.subject = QLineEdit(self)
        self.subject.setAccessibleName("Subject")
        self.subject.setAccessibleDescription("The letter's subject line")
        layout.addWidget(self.subject)
        self.body = QPlainTextEdit(self)
        self.body.setAccessibleName(f"Letter to {letter.recipient.name}")
        self.body.setAccessibleDescription(
            "Your letter, to edit as you like; it is kept as a draft as you type"
        )
        layout.addWidget(self.body, 1)
        self.checks = _plain_label("", self)
        self.checks.setAccessibleName("Before you send")
        layout.addWidget(self.checks)
        self.count = QLabel(self)
        self.count.setAccessibleName("Character count")
        layout.addWidget(self.count)
        self.problem = _plain_label("", self)  # a way out that did not work
        set_warning(self.problem)
        self.problem.hide()
        self.copy_address = QPushButton("Copy Address", self)
        self.copy_address.setToolTip("Copy the address to open or write to yourself")
        self.copy_address.hide()
        self.copy_address.clicked.connect(self._copy_address)
        trouble = QHBoxLayout()
        trouble.addWidget(self.problem, 1)
        trouble.addWidget(self.copy_address)
        layout.addLayout(trouble)
        layout.addLayout(self._buttons())
        # What happened to it so far, beside what the reader can say about it.
        self.state = _plain_label("", self)
        self.state.setAccessibleName("Letter status")
        record_row = QHBoxLayout()
        record_row.addWidget(self.state, 1)
        record_row.addWidget(self.start_over_button)
        record_row.addWidget(self.sent_button)
        layout.addLayout(record_row)

    def _buttons(self) -> QHBoxLayout:
        letter = self.letter
        self.copy_button = QPushButton("Copy", self)
        self.copy_button.setToolTip("Copy the letter to the clipboard")
        self.copy_button.clicked.connect(self.copy)
        self.open_button = QPushButton("Copy && Open Contact Page", self)
        self.open_button.setToolTip(plain_tip(letter.contact_url))
        self.open_button.setEnabled(letter.contact_url.startswith(("http://", "https://")))
        self.open_button.clicked.connect(self.open_contact_page)
        self.email_button = QPushButton("Email…", self)
        self.email_button.setEnabled(letter.route is Route.EMAIL)
        self.email_button.setToolTip(
            "Open your mail program with this letter"
            if letter.route is Route.EMAIL
            else "This office takes letters through its web form, not by email"
        )
        self.email_button.clicked.connect(self.email)
        self.print_button = QPushButton("Print…", self)
        self.print_button.setToolTip("Print the letter on a page with your address, to post")
        self.print_button.clicked.connect(lambda: self.print_(to_pdf=False))
        self.pdf_button = QPushButton("Save as PDF…", self)
        self.pdf_button.setToolTip("Save the letter as a PDF file, to print or attach later")
        self.pdf_button.clicked.connect(lambda: self.print_(to_pdf=True))
        self.sent_button = QPushButton("Mark as Sent", self)
        self.sent_button.setToolTip("You sent this letter: count it in your record")
        self.sent_button.clicked.connect(self._mark_sent)
        self.start_over_button = QPushButton("Start Over", self)
        self.start_over_button.setToolTip("Write this letter again from the chosen template")
        self.start_over_button.clicked.connect(self._start_over)
        row = QHBoxLayout()
        for button in (
            self.copy_button,
            self.open_button,
            self.email_button,
            self.print_button,
            self.pdf_button,
        ):
            row.addWidget(button)
        row.addStretch(1)
        return row

    # --- the text ---------------------------------------------------------------------
    @property
    def is_edited(self) -> bool:
        """The reader changed the letter (or brought back a draft they had changed)."""
        current = (self.subject.text(), self.body.toPlainText())
        return self._restored or current != (self.letter.subject, self.letter.body)

    def edited_letter(self) -> Letter:
        return replace(self.letter, subject=self.subject.text(), body=self.body.toPlainText())

    def replace_letter(self, letter: Letter) -> None:
        """A newly composed letter (another template): shown unless the reader edited this
        one, which is kept (Start Over takes the new one)."""
        kept = self.is_edited
        self.letter = letter
        if kept:
            self._restored = True
            self.set_note("Your edited letter is kept. Start Over writes it from the template.")
        else:
            self._show_text(letter.subject, letter.body)

    def start_again(self, letter: Letter) -> None:
        self.letter = letter
        self._restored = False
        self._accepted_problems = ()
        self.note.hide()
        self._show_text(letter.subject, letter.body)
        self.edited.emit(self)

    def _show_text(self, subject: str, body: str) -> None:
        self.body.blockSignals(True)
        self.subject.setText(subject)
        self.body.setPlainText(body)
        self.body.blockSignals(False)
        self._refresh_checks()

    def _text_changed(self) -> None:
        self._refresh_checks()
        self.edited.emit(self)

    def set_note(self, text: str) -> None:
        self.note.setText(text)
        self.note.setVisible(bool(text))

    def _refresh_checks(self) -> None:
        """Point out what still needs the reader: listed below, placeholders highlighted."""
        text = self.body.toPlainText()
        found = self._problems()
        self.checks.setText(
            "Before you send: " + " ".join(p.text for p in found) if found else "Ready to send."
        )
        highlight = QTextCharFormat()
        highlight.setBackground(PLACEHOLDER_BACKGROUND)
        highlight.setForeground(PLACEHOLDER_TEXT)
        selections = []
        for start, end in placeholder_spans(text):
            selection = QTextEdit.ExtraSelection()
            cursor = QTextCursor(self.body.document())
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor
            selection.format = highlight
            selections.append(selection)
        self.body.setExtraSelections(selections)
        count = len(text)
        words = f"{count:,} characters"
        if self.letter.limit:
            words += f" — the form takes about {self.letter.limit:,}"
            if count > self.letter.limit:
                words = "⚠ " + words
        self.count.setText(words)

    def _problems(self, route: Route | None = None):  # noqa: ANN202 - list[Problem]
        return problems(
            self.subject.text(),
            self.body.toPlainText(),
            route or self.letter.route,
            self.letter.limit,
        )

    # --- ways out -----------------------------------------------------------------------
    def _ready(self, route: Route) -> bool:
        """Ask once, naming them, before a letter with problems goes out."""
        found = tuple(p.text for p in self._problems(route))
        if not found or found == self._accepted_problems:
            return True
        name = self.letter.recipient.display_name
        if self._confirm(
            "Send this letter as it is?",
            f"Your letter to {name} still has:\n\n" + "\n".join(f"• {t}" for t in found),
        ):
            self._accepted_problems = found
            return True
        return False

    def copy(self) -> None:
        if not self._ready(Route.COPY):
            return
        letter = self.edited_letter()
        QGuiApplication.clipboard().setText(
            f"{letter.subject}\n\n{letter.body}" if letter.subject else letter.body
        )
        self._clear_problem()
        self.delivered.emit(self, Route.COPY)

    def open_contact_page(self) -> None:
        if not self._ready(Route.CONTACT_FORM):
            return
        letter = self.edited_letter()
        QGuiApplication.clipboard().setText(letter.body)  # ready to paste into the form
        if self._links.open(QUrl(letter.contact_url)):
            self._clear_problem()
            self.delivered.emit(self, Route.CONTACT_FORM)
        else:
            self._show_problem(
                "Your web browser could not be opened, so nothing was sent. The letter is "
                f"copied: open {letter.contact_url} yourself and paste it there.",
                letter.contact_url,
            )

    def email(self) -> None:
        if not self._ready(Route.EMAIL):
            return
        letter = self.edited_letter()
        address = email_address(letter.recipient) or ""
        link = mailto_link(address, letter.subject, letter.body)
        if link is None:
            self.copy()  # too long for a mail link: the reader pastes it instead
            self._show_problem(
                f"The letter is too long to hand to your mail program, so it was copied: paste "
                f"it into a new message to {address}.",
                address,
            )
            return
        if self._links.open(QUrl(link)):
            self._clear_problem()
            self.delivered.emit(self, Route.EMAIL)
        else:
            QGuiApplication.clipboard().setText(letter.body)
            self._show_problem(
                "Your mail program could not be opened, so nothing was sent. The letter is "
                f"copied: paste it into a new message to {address}.",
                address,
            )

    def print_(self, to_pdf: bool) -> None:
        route = Route.PDF if to_pdf else Route.PRINT
        if not self._ready(route):
            return
        outcome = self._print(self.edited_letter(), to_pdf)
        if outcome is None:
            return  # cancelled
        if outcome:
            self._show_problem(outcome, "")
            return
        self._clear_problem()
        self.delivered.emit(self, route)

    def _mark_sent(self) -> None:
        self.sent_marked.emit(self)

    def _start_over(self) -> None:
        if not self.is_edited or self._confirm(
            "Start over?",
            f"Write the letter to {self.letter.recipient.display_name} again from the template? "
            "Your changes to it will be gone.",
        ):
            self.start_over.emit(self)

    def _show_problem(self, text: str, address: str) -> None:
        self.problem.setText(text)
        self.problem.show()
        self._address = address
        self.copy_address.setVisible(bool(address))

    def _clear_problem(self) -> None:
        self.problem.hide()
        self.copy_address.hide()

    def _copy_address(self) -> None:
        QGuiApplication.clipboard().setText(getattr(self, "_address", ""))

    # --- its record ---------------------------------------------------------------------
    def show_status(self, record: LetterRecord | None) -> None:
        """What happened to this letter so far, in plain words."""
        if record is None:
            self.state.setText("")
            self.status = ""
            return
        parts = [f"{delivered_words(route)} {_when(at)}" for route, at in record.deliveries[-3:]]
        if record.sent_at:
            parts.append(f"Sent ✓ {_when(record.sent_at)}")
            self.status = "sent"
        elif record.deliveries:
            parts.append("not marked as sent yet")
            self.status = "delivered"
        else:
            self.status = "draft"
        self.state.setText(" · ".join(parts))
        self.sent_button.setEnabled(not record.sent_at)


def _plain_label(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


def _when(stamp: str) -> str:
    return time_text(stamp)
