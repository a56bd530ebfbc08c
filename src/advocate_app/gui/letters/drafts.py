"""Keeping the letters being written as drafts while the reader types: a short pause after
the last keystroke, then one background save of every changed letter (the window never waits
on the library for it)."""

from __future__ import annotations

from collections.abc import Callable
from itertools import count

from PySide6.QtCore import QObject, QTimer

from advocate_app.core.letters.compose import Letter
from advocate_app.gui.context import AppContext

PAUSE_MS = 700  # after the last keystroke
_keepers = count(1)


class DraftKeeper:
    """Saves changed letters of one action. `changed(token, letter, letter_id)` marks one for
    saving; `saved(token, letter_id)` is called back with each letter's id once it is kept."""

    def __init__(
        self,
        context: AppContext,
        article_id: int,
        number: int,
        saved: Callable[[object, int], None],
        owner: QObject,
    ) -> None:
        self._context = context
        self._article_id = article_id
        self._number = number
        self._saved = saved
        self._key = f"drafts-{next(_keepers)}"
        self._pending: dict[object, tuple[Letter, int | None]] = {}
        self._closed = False
        self._discarded: set[object] = set()  # drafts thrown away while a save was running
        self.failures: list[str] = []
        self._timer = QTimer(owner)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PAUSE_MS)
        self._timer.timeout.connect(self.flush)

    @property
    def pending(self) -> bool:
        return bool(self._pending) or self._context.tasks.busy(self._key)

    def changed(self, token: object, letter: Letter, letter_id: int | None) -> None:
        self._pending[token] = (letter, letter_id)
        self._timer.start()

    def forget(self, token: object) -> None:
        """A letter saved another way (delivered, sent): its pending text is not kept."""
        self._pending.pop(token, None)

    def discard(self, token: object, letter_id: int | None, *, delete: bool) -> None:
        """The reader threw this letter's changes away: nothing pending is kept and, when
        `delete` (it never went anywhere), the stored draft is deleted, as is one a save still
        running brings back."""
        self._pending.pop(token, None)
        if not delete:
            return
        self._discarded.add(token)
        if letter_id is not None:
            self._delete(letter_id)

    def _delete(self, letter_id: int) -> None:
        session = self._context.session
        self._context.save(lambda: session.delete_letter(letter_id))

    def flush(self) -> None:
        """Save what is pending now, in the background (or after the save that is running)."""
        if not self._pending:
            return
        if self._context.tasks.busy(self._key):
            self._timer.start()  # one save at a time; the next follows it
            return
        batch = dict(self._pending)
        self._pending.clear()
        article_id, number = self._article_id, self._number

        def work(session, _report, _cancelled):  # noqa: ANN001, ANN202
            return {
                token: session.save_letter(article_id, number, letter, letter_id=letter_id)
                for token, (letter, letter_id) in batch.items()
            }

        def done(ids: dict[object, int]) -> None:
            for token, letter_id in ids.items():
                if token in self._discarded:
                    self._delete(letter_id)
                elif not self._closed:
                    self._saved(token, letter_id)

        def failed(message: str) -> None:
            self.failures.append(message)
            self._context.status(f"Your draft could not be saved: {message}")
            for token, value in batch.items():  # tried again with the next change
                self._pending.setdefault(token, value)

        self._context.run(
            self._key,
            "Saving your drafts",
            work,
            on_done=done,
            on_error=failed,
            cancellable=False,
            quiet=True,
        )

    def save_now(self) -> None:
        """Save what is pending on this thread, at once (the window is closing)."""
        self._timer.stop()
        session = self._context.session
        for token, (letter, letter_id) in list(self._pending.items()):
            saved = None

            def save(letter: Letter = letter, letter_id: int | None = letter_id) -> None:
                nonlocal saved
                saved = session.save_letter(
                    self._article_id, self._number, letter, letter_id=letter_id
                )

            if self._context.save(save) and saved is not None:
                self._saved(token, saved)
        self._pending.clear()

    def close(self) -> None:
        self._timer.stop()
        self._closed = True
