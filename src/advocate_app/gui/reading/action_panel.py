"""The right pane: what the reader can do about the article, one card per action."""

from __future__ import annotations

from enum import StrEnum
from html import escape

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QGuiApplication, QResizeEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QScrollArea,
    QTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from advocate_app.core.articles.model import Action, TargetKind
from advocate_app.core.changes import Changes
from advocate_app.core.session import Session
from advocate_app.core.store.records import StoredArticle
from advocate_app.core.store.tracking import ActionRecord, outcome_words
from advocate_app.gui.formats import day_text, stamp_day_text
from advocate_app.gui.links import LinkPolicy
from advocate_app.gui.widgets import muted_label, plain_tip

TARGET_NAMES = {
    TargetKind.SENATORS: "your senators",
    TargetKind.REPRESENTATIVE: "your representative",
    TargetKind.WHITE_HOUSE: "the White House",
}
WRITE_TIP = "Write one letter for each official, filled in with your details"
CARD_BATCH = 20  # cards made at once; more follow as the reader scrolls towards them


class TrackRequest(StrEnum):
    """What the reader asked for from an action's More menu."""

    NOTE = "note"
    CALL_DESK = "call_desk"
    CALL = "call"
    FOLLOW_UP = "follow_up"
    CLEAR_FOLLOW_UP = "clear"


MORE_MENU = (
    ("Add a Note…", TrackRequest.NOTE),
    ("Call with a Script…", TrackRequest.CALL_DESK),
    ("Log a Call…", TrackRequest.CALL),
    ("Follow Up On…", TrackRequest.FOLLOW_UP),
    ("Clear Follow-Up", TrackRequest.CLEAR_FOLLOW_UP),
)


class ActionCard(QFrame):
    """One numbered action: done box, title, steps, links and sample messages."""

    done_toggled = Signal(int, bool)  # action number, done
    write_requested = Signal(int)  # action number
    track_requested = Signal(int, object)  # action number, TrackRequest

    def __init__(
        self,
        action: Action,
        record: ActionRecord | None,
        links: LinkPolicy,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.action = action
        self.record = record
        self._links = links
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName(f"Action {action.number}: {action.title}")
        self._setup_ui(bool(record and record.done))

    def _setup_ui(self, done: bool) -> None:
        action = self.action
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 10)
        layout.setSpacing(6)

        header = QHBoxLayout()
        self.done_box = QCheckBox(self)
        self.done_box.setChecked(done)
        self.done_box.setToolTip("Mark this action done")
        self.done_box.setAccessibleName(f"Action {action.number} done")
        self.done_box.toggled.connect(lambda on: self.done_toggled.emit(action.number, on))
        title = QLabel(f"<b>{action.number}. {escape(action.title)}</b>", self)
        title.setWordWrap(True)
        title.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        title.setBuddy(self.done_box)
        self.title = title
        more = QToolButton(self)
        more.setText("More")
        more.setAccessibleName(f"More for action {action.number}")
        more.setToolTip("Add a note, log a call, or set a follow-up date")
        more.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(more)
        for label, what in MORE_MENU:
            item = menu.addAction(label)
            item.triggered.connect(
                lambda _=False, w=what: self.track_requested.emit(action.number, w)
            )
        more.setMenu(menu)
        self.more_button = more
        header.addWidget(self.done_box, 0, Qt.AlignmentFlag.AlignTop)
        header.addWidget(title, 1)
        header.addWidget(more, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(header)
        self.tracking = muted_label("", self)
        self.tracking.setAccessibleName(f"What was done for action {action.number}")
        layout.addWidget(self.tracking)
        self.set_record(self.record)

        recipients = self._recipients_text()
        if recipients:
            layout.addWidget(muted_label(recipients, self))

        for step in action.steps:
            if step.label and step.text:
                text = f"<b>{escape(step.label)}:</b> {escape(step.text)}"
            elif step.label:
                text = f"<b>{escape(step.label)}</b>"
            else:
                text = f"•&nbsp;{escape(step.text)}"  # a plain step, as a list item
            label = QLabel(text, self)
            label.setTextFormat(Qt.TextFormat.RichText)  # escaped above, even without tags
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            layout.addWidget(label)
            if step.links:
                row = QHBoxLayout()
                for link in step.links:
                    button = QPushButton(link.text, self)
                    button.setToolTip(plain_tip(link.url))
                    button.setAccessibleName(f"Open {link.text}")
                    button.clicked.connect(lambda _=False, url=link.url: self._links.open(url))
                    row.addWidget(button)
                row.addStretch(1)
                layout.addLayout(row)

        for number, sample in enumerate(action.sample_messages, start=1):
            layout.addWidget(SampleMessage(sample, number, self))

        if action.contacts_officials or any(t.contact for t in action.targets):
            write = QPushButton("Write letter…", self)
            write.setToolTip(WRITE_TIP)
            write.clicked.connect(lambda: self.write_requested.emit(action.number))
            write.setAccessibleName(f"Write letter for action {action.number}")
            row = QHBoxLayout()
            row.addWidget(write)
            row.addStretch(1)
            layout.addLayout(row)
        if action.generated:
            note = "Suggested by Advocate: the article had no action list."
            layout.addWidget(muted_label(note, self))

    def set_record(self, record: ActionRecord | None) -> None:
        """Show what was done for this action, as stored now."""
        self.record = record
        self.done_box.blockSignals(True)
        self.done_box.setChecked(bool(record and record.done))
        self.done_box.blockSignals(False)
        done_at = record.done_at if record else None
        self.done_box.setToolTip(f"Done {_when(done_at)}" if done_at else "Mark this action done")
        self.tracking.setText(tracking_text(self.action, record))
        self.tracking.setVisible(bool(self.tracking.text()))

    def _recipients_text(self) -> str:
        names = [TARGET_NAMES[t.kind] for t in self.action.targets if t.kind in TARGET_NAMES]
        names += [
            t.name or t.contact or "" for t in self.action.targets if t.kind is TargetKind.OTHER
        ]
        names = [n for n in names if n]
        return "To: " + ", ".join(names) if names else ""


def expected_recipients(action: Action) -> int:
    """How many officials the action asks to contact: two senators, one of the others."""
    count = 0
    for target in action.targets:
        count += 2 if target.kind is TargetKind.SENATORS else 1
    return count


def tracking_text(action: Action, record: ActionRecord | None) -> str:
    if record is None:
        return ""
    parts = []
    if record.done_at:
        parts.append(f"Done {_when(record.done_at)}")
    expected = expected_recipients(action)
    if record.reached and expected:
        reached = len(record.reached)
        parts.append(f"{min(reached, expected)} of {expected} officials contacted")
    if record.letters_waiting:
        count = record.letters_waiting
        parts.append(
            f"{count} letter{'s' if count != 1 else ''} not marked as sent yet (Letters ▸ Sent "
            "Letters)"
        )
    if record.calls:
        official, outcome, _ = record.calls[-1]
        outcome = outcome_words(outcome)
        parts.append(f"last call: {official}, {outcome}")
    if record.follow_up:
        parts.append(f"follow up on {day_text(record.follow_up)}")
    if record.note:
        parts.append(f"Note: {record.note}")
    return " · ".join(parts)


def _when(stamp: str) -> str:
    return stamp_day_text(stamp)


MAX_SAMPLE_LINES = 24


class SampleMessage(QWidget):
    """A sample letter, collapsed until asked for, with a Copy button."""

    def __init__(self, text: str, number: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.text = text
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        # Properties are set one by one: PySide6 6.12.0 corrupts reference counts when
        # they are passed as constructor keywords.
        self.toggle = QToolButton(self)
        self.toggle.setText("Sample message")
        self.toggle.setCheckable(True)
        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.toggle.setAutoRaise(True)
        self.toggle.setAccessibleName(f"Show sample message {number}")
        self.toggle.setToolTip("Show or hide the article's sample message")
        self.copy = QToolButton(self)  # compact: the card may be narrow
        self.copy.setText("Copy")
        self.copy.setToolTip("Copy the sample message to the clipboard")
        self.copy.setAccessibleName(f"Copy sample message {number}")
        self.copy.clicked.connect(self._copy)
        row.addWidget(self.toggle)
        row.addStretch(1)
        row.addWidget(self.copy)
        layout.addLayout(row)
        self._number = number
        self._editor: QTextEdit | None = None  # made when first opened: cards stay light
        self.toggle.toggled.connect(self._set_open)

    @property
    def editor(self) -> QTextEdit:
        if self._editor is None:
            editor = QTextEdit(self)
            editor.setPlainText(self.text)
            editor.setReadOnly(True)
            editor.setAccessibleName(f"Sample message {self._number}")
            editor.setAccessibleDescription("The article's sample letter, to read or copy")
            editor.setVisible(False)
            editor.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            self.layout().addWidget(editor)
            self._editor = editor
            self._fit_editor()
        return self._editor

    def _fit_editor(self) -> None:
        """As tall as its text, wrapped to its width (up to MAX_SAMPLE_LINES lines, then it
        scrolls), so the last line is never cut."""
        editor = self._editor
        if editor is None:
            return
        width = max(50, editor.viewport().width())
        editor.document().setTextWidth(width)
        content = editor.document().size().height()
        most = editor.fontMetrics().lineSpacing() * MAX_SAMPLE_LINES
        editor.setFixedHeight(int(min(content, most)) + 2 * editor.frameWidth() + 2)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._fit_editor()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._fit_editor()

    def _set_open(self, open_: bool) -> None:
        self.editor.setVisible(open_)
        self._fit_editor()
        self.toggle.setArrowType(Qt.ArrowType.DownArrow if open_ else Qt.ArrowType.RightArrow)

    def _copy(self) -> None:
        QGuiApplication.clipboard().setText(self.text)
        self.copy.setText("Copied")


class ActionPanel(QScrollArea):
    """The article's actions as cards. Cards are made a batch at a time, as the reader scrolls
    towards them, so an article with a thousand actions opens as fast as one with eight."""

    done_toggled = Signal(int, int, bool)  # article id, action number, done
    write_requested = Signal(int, int)  # article id, action number
    track_requested = Signal(int, int, object)  # article id, action number, TrackRequest

    def __init__(self, session: Session, links: LinkPolicy, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._links = links
        self._article_id: int | None = None
        self._actions: tuple[Action, ...] = ()
        self._records: dict[int, ActionRecord] = {}
        self.cards: list[ActionCard] = []
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setAccessibleName("What you can do")
        self.setMinimumWidth(250)
        self.verticalScrollBar().valueChanged.connect(self._near_the_end)
        self.show_article(None)

    def show_article(
        self, stored: StoredArticle | None, records: dict[int, ActionRecord] | None = None
    ) -> None:
        self._records = dict(records or {})
        same = stored is not None and stored.id == self._article_id
        position = self.verticalScrollBar().value() if same else 0
        shown_before = len(self.cards) if same else 0
        self._article_id = stored.id if stored else None
        self._actions = stored.article.actions if stored else ()
        self.cards = []
        content = QWidget(self)
        layout = QVBoxLayout(content)
        layout.setContentsMargins(10, 10, 10, 10)
        layout.setSpacing(10)
        self._layout = layout
        self.heading = QLabel(content)
        self.heading.setWordWrap(True)
        self.heading.setAccessibleName("Action progress")
        layout.addWidget(self.heading)
        self.more = QPushButton(content)
        self.more.setAccessibleName("Show more actions")
        self.more.clicked.connect(lambda: self._add_cards(CARD_BATCH))
        if stored is None:
            self.heading.setText("<b>What you can do</b>")
            empty = "The actions of the article you select appear here."
            layout.addWidget(muted_label(empty, content))
            layout.addWidget(self.more)
        else:
            article = stored.article
            if article.actions_intro:
                layout.addWidget(self._prose(article.actions_intro, content))
            layout.addWidget(self.more)
            self._outro = (
                self._prose(article.actions_outro, content) if article.actions_outro else None
            )
            if self._outro is not None:
                layout.addWidget(self._outro)
            self._add_cards(max(CARD_BATCH, shown_before))
            self._update_heading()
        layout.addStretch(1)
        self.setWidget(content)
        self.verticalScrollBar().setValue(position)

    def _add_cards(self, count: int) -> None:
        """Make the next `count` cards, before the Show More button."""
        content = self.widget() or self.more.parentWidget()
        start = len(self.cards)
        at = self._layout.indexOf(self.more)
        for offset, action in enumerate(self._actions[start : start + count]):
            card = ActionCard(action, self._records.get(action.number), self._links, content)
            card.track_requested.connect(
                lambda number, what: self.track_requested.emit(self._article_id, number, what)
            )
            card.done_toggled.connect(self._card_toggled)
            card.write_requested.connect(
                lambda number: self.write_requested.emit(self._article_id, number)
            )
            self.cards.append(card)
            self._layout.insertWidget(at + offset, card)
        left = len(self._actions) - len(self.cards)
        self.more.setText(f"Show More Actions ({left} more)")
        self.more.setVisible(left > 0)

    def _near_the_end(self, value: int) -> None:
        bar = self.verticalScrollBar()
        if self.more.isVisible() and value >= bar.maximum() - bar.pageStep():
            self._add_cards(CARD_BATCH)

    @property
    def article_id(self) -> int | None:
        return self._article_id

    def follow(self, changes: Changes) -> None:
        """Keep the cards true to the library: their records when tracking changed, all of
        them when the article itself did."""
        article_id = self._article_id
        if article_id is None or not changes.touches_article(article_id):
            return
        if changes.everything or article_id in changes.content:
            stored = self._session.article(article_id)
            self.show_article(stored, self._session.records(article_id) if stored else {})
        elif article_id in changes.tracking:
            self._records = self._session.records(article_id)
            for card in self.cards:
                card.set_record(self._records.get(card.action.number))
            self._update_heading()

    def _prose(self, text: str, parent: QWidget) -> QLabel:
        label = QLabel(escape(text).replace("\n\n", "<br><br>"), parent)
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    def done_count(self) -> int:
        """Actions marked done, whether their cards are made yet or not."""
        numbers = {action.number for action in self._actions}
        return sum(1 for n, r in self._records.items() if r.done and n in numbers)

    def _update_heading(self) -> None:
        total = len(self._actions)
        self.heading.setText(f"<b>What you can do</b> — {self.done_count()} of {total} done")

    def _card_toggled(self, number: int, done: bool) -> None:
        article_id = self._article_id
        if article_id is None:
            return
        self.done_toggled.emit(article_id, number, done)
        # Show what is stored now: the change, or what was there if it could not be saved.
        self._records = self._session.records(article_id)
        for card in self.cards:
            card.set_record(self._records.get(card.action.number))
        self._update_heading()
