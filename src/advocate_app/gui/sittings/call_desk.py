"""The call desk: for one official and the actions one call covers, what to say (a script in
the reader's voice), every number of the office with its local time and whether it is likely
open, a large-type prompter, and one outcome logged on every action the call covered."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from advocate_app.core.officials.model import Official
from advocate_app.core.officials.phone_book import PhoneLine, open_note
from advocate_app.core.sittings import SittingItem
from advocate_app.core.store.tracking import REACHED, CallOutcome, outcome_words
from advocate_app.gui.context import AppContext
from advocate_app.gui.theme import set_warning

TASK = "call-desk"
OUTCOME_BUTTONS = (
    (CallOutcome.CONTACTED, "Talked to Someone"),
    (CallOutcome.VOICEMAIL, "Left a Voicemail"),
    (CallOutcome.BUSY, "Busy or Mailbox Full"),
    (CallOutcome.UNAVAILABLE, "Nobody Answered"),
)


@dataclass(frozen=True)
class DeskFacts:
    """What the desk shows, read in the background (keychain, ZIP data, templates)."""

    script: str
    lines: list[PhoneLine]
    problem: str = ""  # why there is no script, in plain words


class CallDesk(QDialog):
    logged = Signal(object)  # CallOutcome, once the call is logged
    write_instead = Signal(object)  # the SittingItem to write about instead

    def __init__(
        self,
        context: AppContext,
        official: Official,
        items: list[SittingItem],
        parent: QWidget | None = None,
        now: object = None,
    ) -> None:
        """`items`: the open actions for this official; the first is the one the call is
        about, the others may be ticked as covered by the same call."""
        super().__init__(parent)
        self._context = context
        self.official = official
        self.items = items
        self._now = now or (lambda: datetime.now().astimezone())
        self.facts: DeskFacts | None = None
        self.setWindowTitle(f"Call {official.display_name}")
        self.setAccessibleName(f"Call desk: {official.display_name}")
        self.resize(860, 640)
        self._setup_ui()
        self.reload()

    # --- building -----------------------------------------------------------------------
    def _setup_ui(self) -> None:
        layout = QVBoxLayout(self)
        heading = QLabel(self)
        heading.setTextFormat(Qt.TextFormat.PlainText)
        heading.setText(f"Calling {self.official.display_name}")
        font = heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        heading.setFont(font)
        layout.addWidget(heading)
        self.covered: list[QCheckBox] = []
        about = QLabel("This call is about:", self)
        layout.addWidget(about)
        for position, item in enumerate(self.items):
            box = QCheckBox(f"{item.action_title} — {item.article_title}", self)
            box.setChecked(position == 0)
            box.setToolTip("Tick every action this one call covers: the outcome goes on each")
            box.toggled.connect(lambda _on: self.reload())
            self.covered.append(box)
            layout.addWidget(box)

        columns = QHBoxLayout()
        script_column = QVBoxLayout()
        script_column.addWidget(QLabel("<b>What to say</b>", self))
        self.script = QPlainTextEdit(self)
        self.script.setReadOnly(True)
        self.script.setAccessibleName("Call script")
        self.script.setAccessibleDescription("What to say on the phone, in your own voice")
        script_column.addWidget(self.script, 1)
        options = QHBoxLayout()
        self.no_response = QCheckBox("I don't need a response", self)
        self.no_response.setToolTip(
            "The script asks for no answer, only that your view is passed on"
        )
        self.no_response.toggled.connect(lambda _on: self.reload())
        self.prompter_button = QPushButton("Read Aloud in Large Type…", self)
        self.prompter_button.setToolTip("Show the script a part at a time, large (Space: next)")
        self.prompter_button.clicked.connect(self.show_prompter)
        options.addWidget(self.no_response)
        options.addStretch(1)
        options.addWidget(self.prompter_button)
        script_column.addLayout(options)
        columns.addLayout(script_column, 3)

        numbers_column = QVBoxLayout()
        numbers_column.addWidget(QLabel("<b>Numbers</b>", self))
        self.open_now = QLabel(self)
        self.open_now.setTextFormat(Qt.TextFormat.PlainText)
        self.open_now.setWordWrap(True)
        self.open_now.setAccessibleName("Which office is open now")
        numbers_column.addWidget(self.open_now)
        self.numbers = QGridLayout()
        numbers_column.addLayout(self.numbers)
        numbers_column.addStretch(1)
        columns.addLayout(numbers_column, 2)
        layout.addLayout(columns, 1)

        layout.addWidget(QLabel("<b>How did it go?</b>", self))
        outcomes = QHBoxLayout()
        self.outcome_buttons: dict[CallOutcome, QPushButton] = {}
        for outcome, words in OUTCOME_BUTTONS:
            button = QPushButton(words, self)
            button.setToolTip(f"Log the call: {outcome_words(outcome)}")
            button.clicked.connect(lambda _=False, o=outcome: self.log(o))
            self.outcome_buttons[outcome] = button
            outcomes.addWidget(button)
        outcomes.addStretch(1)
        layout.addLayout(outcomes)
        self.after = QLabel(self)
        self.after.setTextFormat(Qt.TextFormat.PlainText)
        self.after.setWordWrap(True)
        self.after.hide()
        self.write_button = QPushButton("Write Instead…", self)
        self.write_button.setToolTip("Write a letter about it instead of calling")
        self.write_button.clicked.connect(lambda: self.write_instead.emit(self.items[0]))
        self.write_button.hide()
        after_row = QHBoxLayout()
        after_row.addWidget(self.after, 1)
        after_row.addWidget(self.write_button)
        layout.addLayout(after_row)

    # --- facts --------------------------------------------------------------------------
    def covered_items(self) -> list[SittingItem]:
        return [item for item, box in zip(self.items, self.covered, strict=True) if box.isChecked()]

    def reload(self) -> None:
        """The script and the numbers, read again in the background."""
        official = self.official
        covered = [(i.article_id, i.action_number) for i in self.covered_items()]
        quiet = self.no_response.isChecked()

        def read(session, _report, _cancelled):  # noqa: ANN001, ANN202
            from advocate_app.core.letters.templates import LetterTemplateError

            lines = session.phone_lines(official)
            if not covered:
                return DeskFacts("", lines, "Tick at least one action this call is about.")
            try:
                text = session.call_script(covered, official, no_response=quiet)
            except LetterTemplateError as exc:
                return DeskFacts("", lines, f"The call script cannot be written: {exc}")
            except LookupError:
                return DeskFacts(
                    "", lines, "That action is no longer in your library; close and go on."
                )
            return DeskFacts(text, lines)

        self._context.run(TASK, "Preparing your call", read, on_done=self._show,
                          cancellable=False, quiet=True)  # fmt: skip

    def _show(self, facts: DeskFacts) -> None:
        self.facts = facts
        self.script.setPlainText(facts.script or facts.problem)
        self.prompter_button.setEnabled(bool(facts.script))
        for button in self.outcome_buttons.values():
            button.setEnabled(bool(self.covered_items()))
        while self.numbers.count():
            widget = self.numbers.takeAt(0).widget()
            if widget is not None:
                widget.deleteLater()
        now = self._now()
        self.open_now.setText(open_note(facts.lines, now))
        self.number_rows: list[tuple[PhoneLine, QLabel]] = []
        for row, line in enumerate(facts.lines):
            self._add_number(row, line, now)

    def _add_number(self, row: int, line: PhoneLine, now: datetime) -> None:
        local = line.local(now)
        state = "likely open" if line.open_at(now) else "likely closed"
        label = QLabel(self)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        label.setWordWrap(True)
        miles = ""
        if line.miles is not None:
            rounded = round(line.miles)
            miles = f", {rounded:,} mile{'s' if rounded != 1 else ''} away"
        label.setText(
            f"{line.place}: {line.number}\n{local:%a %I:%M %p} there, {state} "
            f"({line.hours.describe()}{miles})".replace(" 0", " ")
        )
        label.setAccessibleName(f"{line.place} office, {line.number}")
        copy = QPushButton("Copy", self)
        copy.setAccessibleName(f"Copy the {line.place} number")
        copy.setToolTip(f"Copy {line.number}")
        copy.clicked.connect(lambda _=False, n=line.number: QGuiApplication.clipboard().setText(n))
        dial = QPushButton("Call", self)
        dial.setAccessibleName(f"Call the {line.place} office")
        dial.setToolTip("Dial with your computer's phone program, if it has one")
        dial.setEnabled(bool(line.tel))
        dial.clicked.connect(lambda _=False, t=line.tel: self._context.links.dial(t))
        self.numbers.addWidget(label, row, 0)
        self.numbers.addWidget(copy, row, 1)
        self.numbers.addWidget(dial, row, 2)
        self.number_rows.append((line, label))

    # --- the call -----------------------------------------------------------------------
    def log(self, outcome: CallOutcome) -> bool:
        """One outcome on every action the call covered; a busy line or no answer keeps them
        open and offers the next number, or writing instead."""
        covered = self.covered_items()
        if not covered:
            return False
        session = self._context.session
        pairs = [(item.article_id, item.action_number) for item in covered]
        if not self._context.save(lambda: session.log_calls(pairs, self.official, outcome)):
            return False
        count = f"{len(pairs)} action{'s' if len(pairs) != 1 else ''}"
        if outcome in REACHED:
            self._context.status(
                f"Logged your call to {self.official.display_name} ({outcome_words(outcome)}) "
                f"on {count}."
            )
            self.logged.emit(outcome)
            self.accept()
            return True
        self.after.setText(self._try_next(outcome))
        set_warning(self.after)
        self.after.show()
        self.write_button.show()
        self.logged.emit(outcome)
        return True

    def _try_next(self, outcome: CallOutcome) -> str:
        lines = self.facts.lines if self.facts else []
        now = self._now()
        others = [line for line in lines if line.open_at(now)] or lines
        words = outcome_words(outcome).capitalize()
        if len(others) > 1:
            nxt = others[1]
            return (
                f"{words}: it stays open. Try the {nxt.place} office, {nxt.number}, or write "
                "instead."
            )
        return f"{words}: it stays open. Call again later, or write instead."

    def show_prompter(self) -> None:
        from advocate_app.gui.sittings.prompter import Prompter

        if self.facts and self.facts.script:
            self.prompter = Prompter(self.facts.script, self)
            self.prompter.show()
