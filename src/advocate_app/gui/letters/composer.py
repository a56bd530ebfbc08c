"""The letter composer: one editable letter per recipient, and the ways to send each."""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from advocate_app.core.articles.model import Action
from advocate_app.core.letters.compose import Letter
from advocate_app.core.letters.recipients import SPLIT_NOTE, recipient_choice
from advocate_app.core.letters.routes import Route, email_address, mailto_link
from advocate_app.core.letters.templates import SAMPLE as SAMPLE_TEMPLATE
from advocate_app.core.letters.templates import LetterTemplateError
from advocate_app.core.officials.model import MyOfficials, Need, Official
from advocate_app.core.profile.model import Profile
from advocate_app.core.public_pages import HOUSE_FIND
from advocate_app.core.session import Session
from advocate_app.core.store.records import StoredArticle
from advocate_app.gui.links import LinkPolicy
from advocate_app.gui.widgets import note_label, plain_tip

SAMPLE = ""  # the template combo's value for "the article's own sample"
ROUTE_ADVICE = {
    Route.CONTACT_FORM: "send it through the office's web form",
    Route.EMAIL: "send it by email",
    Route.PRINT: "print it and mail it",
    Route.COPY: "copy it where you like",
}


class LetterPage(QWidget):
    """One recipient's letter: editable, with Copy, contact page, Email and Print."""

    sent = Signal(object, object)  # the letter as edited, Route

    def __init__(
        self,
        letter: Letter,
        links: LinkPolicy,
        print_letter: Callable[[Letter, bool], bool],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.letter = letter
        self._links = links
        self._print = print_letter
        layout = QVBoxLayout(self)
        to = QLabel(
            f"<b>To {escape(letter.recipient.title)} {escape(letter.recipient.name)}</b>"
            f" — {escape(self._route_text())}",
            self,
        )
        to.setWordWrap(True)
        layout.addWidget(to)
        for note in letter.notes:
            label = QLabel("⚠ " + note, self)
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setWordWrap(True)
            layout.addWidget(label)
        self.subject = QLineEdit(letter.subject, self)
        self.subject.setAccessibleName("Subject")
        layout.addWidget(self.subject)
        self.body = QPlainTextEdit(letter.body, self)
        self.body.setAccessibleName(f"Letter to {letter.recipient.name}")
        layout.addWidget(self.body, 1)
        self.count = QLabel(self)
        self.count.setAccessibleName("Character count")
        layout.addWidget(self.count)
        buttons = QHBoxLayout()
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
        self.print_button.clicked.connect(lambda: self.print_(to_pdf=False))
        self.pdf_button = QPushButton("Save as PDF…", self)
        self.pdf_button.clicked.connect(lambda: self.print_(to_pdf=True))
        for button in (
            self.copy_button,
            self.open_button,
            self.email_button,
            self.print_button,
            self.pdf_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.body.textChanged.connect(self._update_count)
        self._update_count()

    def _route_text(self) -> str:
        return ROUTE_ADVICE[self.letter.route]

    def edited(self) -> Letter:
        from dataclasses import replace

        return replace(self.letter, subject=self.subject.text(), body=self.body.toPlainText())

    def _update_count(self) -> None:
        count = len(self.body.toPlainText())
        text = f"{count:,} characters"
        if self.letter.limit:
            text += f" — the form takes about {self.letter.limit:,}"
            if count > self.letter.limit:
                text = "⚠ " + text
        self.count.setText(text)

    def copy(self) -> None:
        letter = self.edited()
        QGuiApplication.clipboard().setText(
            f"{letter.subject}\n\n{letter.body}" if letter.subject else letter.body
        )
        self.sent.emit(letter, Route.COPY)

    def open_contact_page(self) -> None:
        letter = self.edited()
        QGuiApplication.clipboard().setText(letter.body)  # ready to paste into the form
        if self._links.open(QUrl(letter.contact_url)):
            self.sent.emit(letter, Route.CONTACT_FORM)

    def email(self) -> None:
        letter = self.edited()
        address = email_address(letter.recipient) or ""
        link = mailto_link(address, letter.subject, letter.body)
        if link is None:
            self.copy()  # too long for a mail link: the reader pastes it instead
            return
        if self._links.open(QUrl(link)):
            self.sent.emit(letter, Route.EMAIL)

    def print_(self, to_pdf: bool) -> None:
        letter = self.edited()
        if self._print(letter, to_pdf):
            self.sent.emit(letter, Route.PRINT)


class ComposerDialog(QDialog):
    letter_sent = Signal(object, object)  # Letter, Route
    locate_requested = Signal()  # "Find my district from my address"

    def __init__(
        self,
        session: Session,
        stored: StoredArticle,
        action: Action,
        officials: MyOfficials,
        profile: Profile,
        links: LinkPolicy,
        parent: QWidget | None = None,
        only: Official | None = None,
    ) -> None:
        super().__init__(parent)
        self._only = only  # opened from Your Officials: write to this one
        self.session = session
        self.stored = stored
        self.action = action
        self.officials = officials
        self.profile = profile
        self.templates = session.templates
        self.links = links
        self.pages: list[LetterPage] = []
        self.setWindowTitle(f"Letters: {action.title}")
        self.resize(980, 700)
        self._setup_ui()
        self.rebuild()

    def _setup_ui(self) -> None:
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(QLabel("Template:", self))
        self.template = QComboBox(self)
        self.template.setAccessibleName("Template")
        if self.action.sample_messages:
            self.template.addItem("The article's sample letter", SAMPLE)
        for info in self.templates.available():
            if info.name != SAMPLE_TEMPLATE:
                self.template.addItem(info.name.replace("-", " ").capitalize(), info.name)
        if not self.action.sample_messages:
            self.template.insertItem(0, "For each office", None)
            self.template.setCurrentIndex(0)
        self.template.currentIndexChanged.connect(lambda _: self.rebuild())
        top.addWidget(self.template)
        top.addStretch(1)
        layout.addLayout(top)
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #c0392b;")
        self.error.setWordWrap(True)
        self.error.hide()
        layout.addWidget(self.error)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        side = QWidget(splitter)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(QLabel("Recipients", side))
        self.recipients = QListWidget(side)
        self.recipients.setAccessibleName("Recipients")
        self.recipients.itemChanged.connect(lambda _: self.rebuild())
        side_layout.addWidget(self.recipients)
        self.locate = QPushButton("Find My District from My Address", side)
        self.locate.setToolTip(
            "Sends your saved street address to the U.S. Census Bureau's geocoder, which "
            "answers with your congressional district"
        )
        self.locate.clicked.connect(self.locate_requested.emit)
        side_layout.addWidget(self.locate)
        self.house_link = note_label(
            f"Or look it up on the House's own page: {HOUSE_FIND}", side, self.links
        )
        side_layout.addWidget(self.house_link)
        self.tabs = QTabWidget(splitter)
        self.tabs.setAccessibleName("Letters")
        splitter.setSizes([240, 740])
        layout.addWidget(splitter, 1)
        self.notes_box = QVBoxLayout()
        layout.addLayout(self.notes_box)
        self.notes: list[QLabel] = []
        self._fill_recipients(self.officials)

    def set_officials(self, officials: MyOfficials) -> None:
        """The reader's officials changed (their district was found): list them again."""
        self.officials = officials
        self._fill_recipients(officials)
        self.rebuild()

    def _fill_recipients(self, officials: MyOfficials) -> None:
        choice = recipient_choice(self.action, officials, self._only)
        self.recipients.blockSignals(True)
        self.recipients.clear()
        for official in choice.everyone:
            item = QListWidgetItem(official.display_name, self.recipients)
            item.setData(Qt.ItemDataRole.UserRole, official)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = official.key in choice.chosen
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self.recipients.blockSignals(False)
        undecided = Need.DISTRICT in choice.needs or Need.DISTRICT in officials.needs
        self.locate.setVisible(undecided)
        self.house_link.setVisible(undecided)
        for label in self.notes:
            label.deleteLater()
        # The officials' own note on a split ZIP already says what the plan's would.
        extra = [
            n for n in choice.notes if not (n == SPLIT_NOTE and Need.DISTRICT in officials.needs)
        ]
        self.notes = [
            note_label(note, self, self.links) for note in dict.fromkeys((*officials.notes, *extra))
        ]
        for label in self.notes:
            self.notes_box.addWidget(label)

    def chosen_recipients(self) -> list[Official]:
        return [
            self.recipients.item(row).data(Qt.ItemDataRole.UserRole)
            for row in range(self.recipients.count())
            if self.recipients.item(row).checkState() == Qt.CheckState.Checked
        ]

    def rebuild(self) -> None:
        self.tabs.clear()
        self.pages = []
        template = self.template.currentData()
        try:
            letters = self.session.compose(
                self.stored,
                self.action,
                self.officials,
                self.profile,
                template=template or None,
                recipients=self.chosen_recipients(),
            )
        except LetterTemplateError as exc:
            self.error.setText(f"This template cannot be used: {exc}")
            self.error.show()
            return
        self.error.hide()
        for letter in letters:
            page = LetterPage(letter, self.links, self._print, self.tabs)
            page.sent.connect(self._record)
            self.pages.append(page)
            self.tabs.addTab(page, letter.recipient.name)

    def _record(self, letter: Letter, route: Route) -> None:
        self.session.record_delivery(self.stored.id, self.action.number, letter, route)
        self.letter_sent.emit(letter, route)

    def _print(self, letter: Letter, to_pdf: bool) -> bool:
        from advocate_app.gui.letters.printing import print_letters, write_pdf

        if to_pdf:
            name = f"Letter to {letter.recipient.name}.pdf"
            path, _ = QFileDialog.getSaveFileName(
                self, "Save the letter as PDF", name, "PDF (*.pdf)"
            )
            if not path:
                return False
            write_pdf([letter], self.profile, Path(path))
            return True
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        print_letters([letter], self.profile, printer)
        return True
