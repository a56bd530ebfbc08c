"""The letter composer: one editable letter per recipient, what the article suggests beside
them, and the ways to send each. Letters being written are kept as drafts as the reader types;
changing the template or the recipients never throws an edited letter away."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from advocate_app.core.articles.model import Action
from advocate_app.core.letters.compose import OTHER_SAMPLE, Letter, guidance, samples_for
from advocate_app.core.letters.recipients import SPLIT_NOTE, recipient_choice
from advocate_app.core.letters.routes import Route
from advocate_app.core.letters.templates import NOT_LETTERS, LetterTemplateError
from advocate_app.core.officials.model import MyOfficials, Need, Official
from advocate_app.core.profile.model import Profile
from advocate_app.core.public_pages import HOUSE_FIND
from advocate_app.core.store.letters import LetterRecord
from advocate_app.core.store.records import StoredArticle
from advocate_app.gui.context import AppContext
from advocate_app.gui.file_dialogs import FileKind, file_problem
from advocate_app.gui.letters.drafts import DraftKeeper
from advocate_app.gui.letters.letter_page import LetterPage
from advocate_app.gui.officials.needs_bar import Fixes, NeedsBar
from advocate_app.gui.theme import set_muted, set_warning
from advocate_app.gui.widgets import note_label

SAMPLE = ""  # the template combo's value for "the article's own sample"
KEEP, DISCARD, STAY = "Keep Drafts", "Discard Changes", "Cancel"


class ComposerDialog(QDialog):
    letter_delivered = Signal(object, object, int)  # Letter, Route, letter id
    letter_sent = Signal(object)  # LetterRecord: the reader said it was sent
    locate_requested = Signal()  # "Find my district from my address"

    def __init__(
        self,
        context: AppContext,
        stored: StoredArticle,
        action: Action,
        officials: MyOfficials,
        profile: Profile,
        parent: QWidget | None = None,
        *,
        only: Official | None = None,
        drafts: dict[str, LetterRecord] | None = None,
        focus: LetterRecord | None = None,
        fixes: Fixes | None = None,
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._only = only  # opened from Your Officials: write to this one
        self._focus = focus  # opened from Sent Letters: this letter, to send again
        self.session = context.session
        self.stored = stored
        self.action = action
        self.officials = officials
        self.profile = profile
        self.templates = self.session.templates
        self.links = context.links
        self.by_key: dict[str, LetterPage] = {}  # the letters being written, by recipient
        self._set_aside: dict[str, LetterPage] = {}  # unticked: kept as they were
        self._drafts = dict(drafts or {})
        if focus is not None:
            self._drafts[focus.recipient_key] = focus
        self.drafts = DraftKeeper(context, stored.id, action.number, self._draft_saved, self)
        self._fixes = fixes
        self.setWindowTitle(f"Letters: {action.title}")
        self.resize(1120, 720)
        self._setup_ui()
        self._sync_pages()

    # --- building ---------------------------------------------------------------------
    def _setup_ui(self) -> None:
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(QLabel("Template:", self))
        self.template = QComboBox(self)
        self.template.setAccessibleName("Template")
        self.template.setToolTip(
            "What writes the letters: the article's sample, another action's sample, or a "
            "template for each office"
        )
        self._fill_templates()
        self.template.currentIndexChanged.connect(lambda _: self._template_changed())
        top.addWidget(self.template)
        top.addStretch(1)
        layout.addLayout(top)
        self.needs = NeedsBar(self._fixes, self)
        layout.addWidget(self.needs)
        self.needs.show_needs(self.profile, self.officials.needs)
        self.error = QLabel(self)
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        set_warning(self.error)
        self.error.setWordWrap(True)
        self.error.hide()
        layout.addWidget(self.error)

        # Beside the letters: whom they go to, and what the article suggests doing.
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        side = self._recipients_column(splitter)
        side.layout().addWidget(self._guidance_column(side), 1)
        side.setMinimumWidth(210)
        splitter.addWidget(side)
        self.tabs = QTabWidget(splitter)
        self.tabs.setAccessibleName("Letters")
        splitter.addWidget(self.tabs)
        splitter.setChildrenCollapsible(False)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([280, 840])
        layout.addWidget(splitter, 1)
        self.notes_box = QVBoxLayout()
        layout.addLayout(self.notes_box)
        self.notes: list[QLabel] = []
        self._fill_recipients(self.officials)

    def _fill_templates(self) -> None:
        if self.action.sample_messages:
            self.template.addItem("The article's sample letter", SAMPLE)
        else:
            self.template.addItem("For each office", None)
        everyone = list(self.officials.everyone())
        for other in samples_for(self.stored.article, self.action, everyone):
            self.template.addItem(
                f"Sample letter of action {other.number}: {other.title}",
                f"{OTHER_SAMPLE}{other.number}",
            )
        for info in self.templates.available():
            if info.name not in NOT_LETTERS:
                self.template.addItem(info.name.replace("_", " ").capitalize(), info.name)

    def _recipients_column(self, parent: QWidget) -> QWidget:
        side = QWidget(parent)
        column = QVBoxLayout(side)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(QLabel("Recipients", side))
        self.recipients = QListWidget(side)
        self.recipients.setAccessibleName("Recipients")
        self.recipients.setAccessibleDescription(
            "Tick the officials to write to; each ticked one gets a letter"
        )
        self.recipients.setMaximumHeight(140)  # a handful of people; the guidance gets the rest
        self.recipients.itemChanged.connect(lambda _: self._sync_pages())
        column.addWidget(self.recipients)
        self.locate = QPushButton("Find My District from My Address", side)
        self.locate.setToolTip(
            "Sends your saved street address to the U.S. Census Bureau's geocoder, which "
            "answers with your congressional district"
        )
        self.locate.clicked.connect(self.locate_requested.emit)
        column.addWidget(self.locate)
        self.house_link = note_label(
            f"Or look it up on the House's own page: {HOUSE_FIND}", side, self.links
        )
        column.addWidget(self.house_link)
        return side

    def _guidance_column(self, parent: QWidget) -> QWidget:
        """What the article tells the reader to do: beside the letters, never in them."""
        scroll = QScrollArea(parent)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setAccessibleName("What the article suggests")
        inner = QWidget(scroll)
        column = QVBoxLayout(inner)
        column.setContentsMargins(0, 8, 0, 0)
        heading = QLabel("<b>What the article suggests</b>", inner)
        column.addWidget(heading)
        lines = guidance(self.action) or ["The article gives no instructions for this action."]
        self.guidance = [note_label(line, inner, self.links) for line in lines]
        for label in self.guidance:
            column.addWidget(label)
        tip = QLabel(
            "These are for you, not for the letter. Say in your own words why this matters to "
            "you where the letter says [Why this matters to you].",
            inner,
        )
        tip.setWordWrap(True)
        set_muted(tip)
        column.addWidget(tip)
        if self.template.count() and any(
            str(self.template.itemData(i) or "").startswith(OTHER_SAMPLE)
            for i in range(self.template.count())
        ):
            offer = QLabel(
                "Another action of this article has a sample letter for your officials: "
                "choose it under Template.",
                inner,
            )
            offer.setWordWrap(True)
            column.addWidget(offer)
        column.addStretch(1)
        scroll.setWidget(inner)
        return scroll

    def set_officials(self, officials: MyOfficials, profile: Profile | None = None) -> None:
        """The reader's officials or details changed (their district was found, the
        directory arrived, they gave their address): list them again, and write again the
        letters the reader has not edited."""
        self.officials = officials
        if profile is not None:
            self.profile = profile
        self.needs.show_needs(self.profile, officials.needs)
        self._fill_recipients(officials)
        self._sync_pages()
        if profile is not None:
            self._template_changed()

    def _fill_recipients(self, officials: MyOfficials) -> None:
        choice = recipient_choice(self.action, officials, self._only)
        chosen = set(choice.chosen)
        keys = {official.key for official in choice.everyone}
        if self._focus is not None and self._focus.recipient_key in keys:
            chosen = {self._focus.recipient_key}
        chosen |= {key for key, draft in self._drafts.items() if key in keys and draft.edited}
        chosen |= {key for key in self.by_key if key in keys}  # letters being written stay
        self.recipients.blockSignals(True)
        self.recipients.clear()
        for official in choice.everyone:
            item = QListWidgetItem(official.display_name, self.recipients)
            item.setData(Qt.ItemDataRole.UserRole, official)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = official.key in chosen
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

    @property
    def pages(self) -> list[LetterPage]:
        """The letters, in the order of their tabs."""
        return [self.tabs.widget(i) for i in range(self.tabs.count())]

    def chosen_recipients(self) -> list[Official]:
        return [
            self.recipients.item(row).data(Qt.ItemDataRole.UserRole)
            for row in range(self.recipients.count())
            if self.recipients.item(row).checkState() == Qt.CheckState.Checked
        ]

    # --- letters ------------------------------------------------------------------------
    def _compose(self, recipients: list[Official]) -> list[Letter] | None:
        """Letters from the chosen template, or None (and the reason shown) when it fails."""
        if not recipients:
            return []
        template = self.template.currentData()
        try:
            letters = self.session.compose(
                self.stored,
                self.action,
                self.officials,
                self.profile,
                template=template or None,
                recipients=recipients,
            )
        except LetterTemplateError as exc:
            self.error.setText(f"This template cannot be used: {exc}")
            self.error.show()
            return None
        self.error.hide()
        return letters

    def _sync_pages(self) -> None:
        """One page per ticked recipient, in the list's order. Unticking hides a letter; its
        draft stays, and ticking brings it back."""
        chosen = self.chosen_recipients()
        keys = [official.key for official in chosen]
        for key in [k for k in self.by_key if k not in keys]:
            page = self.by_key.pop(key)
            self._keep_now(page)
            self.tabs.removeTab(self.tabs.indexOf(page))
            page.hide()
            self._set_aside[key] = page
        for key in [k for k in keys if k in self._set_aside]:
            page = self._set_aside.pop(key)
            self.by_key[key] = page
            self.tabs.addTab(page, page.letter.recipient.name)
        new = [official for official in chosen if official.key not in self.by_key]
        letters = self._compose(new)
        for letter in letters or []:
            self._add_page(letter)
        current = self.tabs.currentWidget()
        for position, key in enumerate(k for k in keys if k in self.by_key):
            page = self.by_key[key]
            if self.tabs.indexOf(page) != position:
                self.tabs.removeTab(self.tabs.indexOf(page))
                self.tabs.insertTab(position, page, page.letter.recipient.name)
        if current is not None and self.tabs.indexOf(current) >= 0:
            self.tabs.setCurrentWidget(current)

    def _add_page(self, letter: Letter) -> LetterPage:
        key = letter.recipient.key
        page = LetterPage(
            letter,
            self.links,
            self._print,
            self._context.confirm,
            record=self._drafts.get(key),
            parent=self.tabs,
        )
        page.edited.connect(self._page_edited)
        page.delivered.connect(self._deliver)
        page.sent_marked.connect(self._mark_sent)
        page.start_over.connect(self._start_over)
        self.by_key[key] = page
        self.tabs.addTab(page, letter.recipient.name)
        return page

    def _template_changed(self) -> None:
        """Write the letters again from the new template, except those the reader edited."""
        pages = [*self.by_key.values(), *self._set_aside.values()]
        letters = self._compose([page.letter.recipient for page in pages])
        for page, letter in zip(pages, letters or [], strict=False):
            page.replace_letter(letter)

    def _start_over(self, page: LetterPage) -> None:
        letters = self._compose([page.letter.recipient])
        if letters:
            page.start_again(letters[0])

    # --- drafts -------------------------------------------------------------------------
    def _page_edited(self, page: LetterPage) -> None:
        if page.is_edited:
            self.drafts.changed(page.letter.recipient.key, page.edited_letter(), page.letter_id)

    def _draft_saved(self, key: object, letter_id: int) -> None:
        page = self.by_key.get(str(key)) or self._set_aside.get(str(key))
        if page is not None:
            page.letter_id = letter_id

    def _keep_now(self, page: LetterPage) -> None:
        """A page going away: its changes are saved before it goes."""
        if page.is_edited and page.status != "sent":
            self.drafts.changed(page.letter.recipient.key, page.edited_letter(), page.letter_id)

    def unsent_edits(self) -> list[LetterPage]:
        """Letters the reader changed and did not send, ticked or set aside."""
        pages = [*self.by_key.values(), *self._set_aside.values()]
        return [p for p in pages if p.is_edited and p.status != "sent"]

    def keep_drafts_now(self) -> None:
        """Save every changed letter at once, on this thread (the app is closing)."""
        for page in self.unsent_edits():
            self._keep_now(page)
        self.drafts.save_now()

    # --- sending ------------------------------------------------------------------------
    def _deliver(self, page: LetterPage, route: Route) -> None:
        """A way out worked: keep it on the letter's record (not as a send)."""
        letter = page.edited_letter()
        key = letter.recipient.key
        self.drafts.forget(key)
        saved: list[int] = []
        if not self._context.save(
            lambda: saved.append(
                self.session.deliver_letter(
                    self.stored.id, self.action.number, letter, route, page.letter_id
                )
            )
        ):
            return
        page.letter_id = saved[0]
        page.show_status(self.session.letter(saved[0]))
        self.letter_delivered.emit(letter, route, saved[0])

    def _mark_sent(self, page: LetterPage) -> None:
        letter = page.edited_letter()
        self.drafts.forget(letter.recipient.key)
        records: list[LetterRecord] = []

        def mark() -> None:
            letter_id = self.session.save_letter(
                self.stored.id,
                self.action.number,
                letter,
                letter_id=page.letter_id,
                edited=page.is_edited,
            )
            records.append(self.session.mark_letter_sent(letter_id))

        if self._context.save(mark):
            page.letter_id = records[0].id
            page.show_status(records[0])
            self.letter_sent.emit(records[0])

    def letter_marked(self, record: LetterRecord) -> None:
        """The reader answered "Sent" for a letter shown here: show it."""
        for page in self.by_key.values():
            if page.letter_id == record.id:
                page.show_status(record)

    def _print(self, letter: Letter, to_pdf: bool) -> str | None:
        """Print or save the letter: None when cancelled, "" when done, else why not."""
        from advocate_app.gui.letters.printing import print_letters, write_pdf

        if to_pdf:
            name = f"Letter to {letter.recipient.name}.pdf"
            path = self._context.files.save_file(
                FileKind.LETTER, "Save the letter as PDF", name, "PDF (*.pdf)"
            )
            if path is None:
                return None
            try:
                write_pdf([letter], self.profile, path)
            except OSError as exc:
                return f"The PDF was not saved: {file_problem(exc, path)}"
            return ""
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        if not print_letters([letter], self.profile, printer):
            return "The letter could not be printed; check your printer and try again."
        return ""

    # --- closing ------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        if self._may_close():
            self.drafts.flush()
            self.drafts.close()
            super().closeEvent(event)
        else:
            event.ignore()

    def reject(self) -> None:  # Escape
        if self._may_close():
            self.drafts.flush()
            self.drafts.close()
            super().reject()

    def _may_close(self) -> bool:
        """Letters the reader changed and did not send: keep them as drafts, discard them,
        or stay."""
        unsent = self.unsent_edits()
        if not unsent:
            return True
        names = ", ".join(page.letter.recipient.display_name for page in unsent)
        answer = self._context.choose(
            "Your letters are not sent",
            f"You changed your letters to {names} and have not sent them. Keep them as drafts? "
            "They open here again, and are listed in Letters ▸ Drafts.",
            [KEEP, DISCARD, STAY],
        )
        if answer == KEEP:
            for page in unsent:
                self._keep_now(page)
            return True
        if answer == DISCARD:
            for page in unsent:
                never_out = page.status in ("", "draft")  # delivered letters are records
                self.drafts.discard(page.letter.recipient.key, page.letter_id, delete=never_out)
            return True
        return False
