"""Tracking from the window: an action's More menu (note, call, follow-up) and Your Activity."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from advocate_app.core.officials.model import Official
from advocate_app.core.sittings import SittingItem
from advocate_app.core.store.tracking import REACHED, CallOutcome, outcome_words
from advocate_app.gui.context import AppContext
from advocate_app.gui.reading.action_panel import TrackRequest

if TYPE_CHECKING:
    from advocate_app.gui.tracking.activity_dialog import ActivityDialog

CALL_TASK = "call-candidates"


class Tracking(QObject):
    def __init__(
        self,
        context: AppContext,
        parent: QWidget,
        open_article: Callable[[int], None],
        open_letter: Callable[[int], None],
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._parent = parent
        self._open_article = open_article
        self._open_letter = open_letter
        self.activity_dialog: ActivityDialog | None = None
        self._open_desk: Callable[[Official, list[SittingItem]], object] | None = None

    # --- the More menu of an action ------------------------------------------------
    def requested(self, article_id: int, number: int, what: TrackRequest) -> None:
        from advocate_app.gui.tracking.tracking_dialogs import ask_follow_up, ask_note

        if what is TrackRequest.NOTE:
            note = ask_note(self._parent)
            if note is not None:
                self.add_note(article_id, number, note)
        elif what is TrackRequest.CALL:
            self._ask_call(article_id, number)
        elif what is TrackRequest.CALL_DESK:
            self.call_desk(article_id, number)
        elif what is TrackRequest.FOLLOW_UP:
            due = ask_follow_up(self._parent)
            if due is not None:
                self.set_follow_up(article_id, number, due)
        else:
            self.set_follow_up(article_id, number, None)

    def set_call_desk(self, open_desk: Callable[[Official, list[SittingItem]], object]) -> None:
        """How an action's Call with a Script… opens the call desk (the Sittings' way)."""
        self._open_desk = open_desk

    def call_desk(self, article_id: int, number: int) -> None:
        """The call desk for one action: whom to call is asked when it asks for several."""
        found = self._context.session.action(article_id, number)
        if found is None or self._open_desk is None:
            return
        stored, action = found

        def candidates(session, _report, _cancelled):  # noqa: ANN001, ANN202
            from advocate_app.core.letters.recipients import call_candidates

            return call_candidates(action, session.my_officials())

        def chosen(officials: list[Official]) -> None:
            from PySide6.QtWidgets import QInputDialog

            if not officials:
                self._context.status(
                    "None of the officials this action asks you to contact is known yet: "
                    "see Your Officials."
                )
                return
            official = officials[0]
            if len(officials) > 1:
                names = [o.display_name for o in officials]
                name, ok = QInputDialog.getItem(
                    self._parent, "Call with a Script", "Whom do you call?", names, 0, False
                )
                if not ok:
                    return
                official = officials[names.index(name)]
            item = SittingItem(stored.id, stored.article.title, number, action.title, official)
            self._open_desk(official, [item])

        self._context.run(
            CALL_TASK, "Finding whom to call", candidates, on_done=chosen, cancellable=False
        )

    def _ask_call(self, article_id: int, number: int) -> None:
        found = self._context.session.action(article_id, number)
        if found is None:
            return
        _stored, action = found

        def candidates(session, _report, _cancelled):  # noqa: ANN001, ANN202
            from advocate_app.core.letters.recipients import call_candidates

            return call_candidates(action, session.my_officials())

        def ask(officials: list[Official]) -> None:
            from advocate_app.gui.tracking.tracking_dialogs import ask_call

            call = ask_call(self._parent, officials)
            if call is not None:
                self.log_call(article_id, number, *call, known=officials)

        self._context.run(
            CALL_TASK, "Finding whom to call", candidates, on_done=ask, cancellable=False
        )

    def add_note(self, article_id: int, number: int, note: str) -> None:
        """A note marks the action done too: notes say what was done."""
        self._context.save(lambda: self._context.session.add_note(article_id, number, note))

    def log_call(
        self,
        article_id: int,
        number: int,
        official: Official | str,
        outcome: CallOutcome,
        known: list[Official] | None = None,
    ) -> None:
        """Keep a call; a name typed in is matched to the official it means among `known`."""
        session = self._context.session
        if self._context.save(
            lambda: session.log_call(article_id, number, official, outcome, known=known or [])
        ):
            hint = " The action stays open: try again." if outcome not in REACHED else ""
            name = official if isinstance(official, str) else official.display_name
            self._context.status(f"Logged a call to {name}: {outcome_words(outcome)}.{hint}")

    def set_follow_up(self, article_id: int, number: int, due: date | None) -> None:
        self._context.save(lambda: self._context.session.set_follow_up(article_id, number, due))

    # --- Your Activity -------------------------------------------------------------
    def show_activity(self) -> ActivityDialog:
        from advocate_app.gui.tracking.activity_dialog import ActivityDialog

        if self.activity_dialog is None:
            self.activity_dialog = ActivityDialog(
                self._context, self._open_article, self._parent, open_letter=self._open_letter
            )
        self.activity_dialog.show()
        self.activity_dialog.raise_()
        return self.activity_dialog
