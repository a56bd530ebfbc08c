"""After a letter went out (copied, its contact page or mail program opened, printed), ask the
reader, when they come back to Advocate, whether they sent it. Only their "Sent" counts it."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QGuiApplication

from advocate_app.core.letters.routes import SEND_QUESTION, Route
from advocate_app.core.store.letters import LetterRecord
from advocate_app.gui.context import AppContext

SENT, NOT_YET = "Sent", "Not Yet"
# "Don't Ask After …": the way out, as the question's third button names it.
DONT_ASK = {
    Route.COPY: "Don't Ask After Copying",
    Route.CONTACT_FORM: "Don't Ask After Contact Pages",
    Route.EMAIL: "Don't Ask After Email",
    Route.PRINT: "Don't Ask After Printing",
    Route.PDF: "Don't Ask After Saving PDFs",
}


@dataclass(frozen=True)
class Pending:
    letter_id: int
    name: str  # "Senator Patty Murray"
    route: Route


class SendQuestions(QObject):
    answered = Signal(object)  # LetterRecord, when the reader said it was sent

    def __init__(self, context: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self.pending: list[Pending] = []
        self._asking = False
        app = QGuiApplication.instance()
        if app is not None:
            app.applicationStateChanged.connect(self._state_changed)

    def queue(self, letter_id: int, name: str, route: Route) -> None:
        """Ask about this letter when the reader is next back (once per letter)."""
        if not self._context.settings.ask_if_sent(str(route)):
            return
        record = self._context.session.letter(letter_id)
        if record is None or record.sent:
            return  # sent already: going out again is no new letter
        self.pending = [p for p in self.pending if p.letter_id != letter_id]
        self.pending.append(Pending(letter_id, name, route))

    def _state_changed(self, state: Qt.ApplicationState) -> None:
        if state == Qt.ApplicationState.ApplicationActive:
            self.reader_returned()

    def reader_returned(self) -> None:
        """Ask about each letter that went out while they were away."""
        if self._asking:
            return
        self._asking = True
        try:
            while self.pending:
                self._ask(self.pending.pop(0))
        finally:
            self._asking = False

    def _ask(self, item: Pending) -> None:
        record = self._context.session.letter(item.letter_id)
        if record is None or record.sent:
            return  # deleted, or already said to be sent
        answer = self._context.choose(
            "Did you send your letter?",
            SEND_QUESTION[item.route].format(name=item.name)
            + "\n\nOnly letters you say you sent count in your record.",
            [SENT, NOT_YET, DONT_ASK[item.route]],
        )
        if answer == SENT:
            marked: list[LetterRecord] = []
            if self._context.save(
                lambda: marked.append(self._context.session.mark_letter_sent(item.letter_id))
            ):
                self._context.status(f"Your letter to {item.name} is counted as sent.")
                self.answered.emit(marked[0])
        elif answer == DONT_ASK[item.route]:
            self._context.settings.set_ask_if_sent(str(item.route), False)
            self.pending = [p for p in self.pending if p.route is not item.route]
            self._context.status(
                "Advocate will not ask again. Mark letters as sent yourself, in the composer "
                "or in Letters ▸ Sent Letters."
            )
