"""Small questions about an action: a note, a phone call, a follow-up date."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QInputDialog,
    QLabel,
    QWidget,
)

from advocate_app.core.officials.model import Official
from advocate_app.core.store.tracking import CallOutcome

OUTCOMES = {
    CallOutcome.CONTACTED: "Talked to someone",
    CallOutcome.VOICEMAIL: "Left a voicemail",
    CallOutcome.BUSY: "Busy, or the mailbox was full (try another number)",
    CallOutcome.UNAVAILABLE: "Nobody answered (try again later)",
}


def ask_note(parent: QWidget) -> str | None:
    text, ok = QInputDialog.getMultiLineText(
        parent, "Note", "What did you do? (saved with the action)"
    )
    return text.strip() if ok else None


def ask_follow_up(parent: QWidget) -> date | None:
    dialog = QDialog(parent)
    dialog.setWindowTitle("Follow up on")
    form = QFormLayout(dialog)
    when = QDateEdit(QDate.currentDate().addDays(7), dialog)
    when.setCalendarPopup(True)
    when.setAccessibleName("Follow-up date")
    form.addRow("Remind me on", when)
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog
    )
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    form.addRow(buttons)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return when.date().toPython()


def phone_numbers(official: Official) -> str:
    """Where to call an official: Washington first, then the local offices."""
    lines = [f"Washington: {official.phone}"] if official.phone else []
    lines += [
        f"{office.city or 'Local office'}: {office.phone}"
        for office in official.district_offices
        if office.phone
    ]
    return "\n".join(lines) or "No number is known for this office; see its contact page."


def ask_call(
    parent: QWidget, officials: list[Official]
) -> tuple[Official | str, CallOutcome] | None:
    """Whom the reader called (one of `officials`, or a name they typed) and how it went."""
    dialog = QDialog(parent)
    dialog.setWindowTitle("Log a call")
    form = QFormLayout(dialog)
    who = QComboBox(dialog)
    who.setEditable(True)
    for official in officials:
        who.addItem(official.display_name, official)
    numbers = QLabel(dialog)
    numbers.setTextFormat(Qt.TextFormat.PlainText)
    numbers.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    numbers.setWordWrap(True)
    numbers.setAccessibleName("Numbers to call")

    def show_numbers() -> None:
        chosen = who.currentData()
        numbers.setText(phone_numbers(chosen) if chosen is not None else "")
        numbers.setVisible(bool(numbers.text()))

    who.currentIndexChanged.connect(lambda _: show_numbers())
    who.editTextChanged.connect(lambda _: show_numbers())
    show_numbers()
    who.setAccessibleName("Official called")
    outcome = QComboBox(dialog)
    for value, label in OUTCOMES.items():
        outcome.addItem(label, value)
    outcome.setAccessibleName("Outcome")
    form.addRow("Who", who)
    form.addRow("Call", numbers)
    form.addRow("Outcome", outcome)
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog
    )
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    form.addRow(buttons)
    if dialog.exec() != QDialog.DialogCode.Accepted or not who.currentText().strip():
        return None
    typed = who.currentText().strip()
    chosen = next((o for o in officials if o.display_name == typed), None)
    return chosen or typed, CallOutcome(outcome.currentData())


def _ask(dialog: QDialog, form: QFormLayout) -> bool:
    """Add OK and Cancel, show the dialog, and say whether the reader pressed OK."""
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog
    )
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    form.addRow(buttons)
    return dialog.exec() == QDialog.DialogCode.Accepted
