"""Letters from the window: open the composer for an action (after finding the reader's
officials in the background), Sent Letters, and Letter Templates."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QWidget

from advocate_app.core.letters.routes import Route
from advocate_app.gui.context import AppContext

if TYPE_CHECKING:
    from advocate_app.core.letters.compose import Letter
    from advocate_app.core.officials.model import Official
    from advocate_app.gui.letters.composer import ComposerDialog
    from advocate_app.gui.letters.letters_dialogs import SentLettersDialog, TemplatesDialog

TASK = "letters"
SENT_WORDS = {
    Route.COPY: "copied",
    Route.CONTACT_FORM: "copied, contact page opened",
    Route.EMAIL: "opened in your mail program",
    Route.PRINT: "printed",
}


class Letters(QObject):
    composer_opened = Signal(object)  # ComposerDialog

    def __init__(
        self, context: AppContext, parent: QWidget, current_article: Callable[[], int | None]
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._parent = parent
        self._current_article = current_article
        self.composer: ComposerDialog | None = None
        self.sent_letters: SentLettersDialog | None = None
        self.templates_dialog: TemplatesDialog | None = None
        context.bus.changed.connect(self._follow)

    def write_to_official(self, official: Official) -> bool:
        """From Your Officials: a letter to this official about the article being read."""
        article_id = self._current_article()
        stored = self._context.session.article(article_id) if article_id is not None else None
        action = (
            next((a for a in stored.article.actions if a.contacts_officials), None)
            if stored
            else None
        )
        if stored is None or action is None:
            self._context.status("Select an article with an action that writes to officials first.")
            return False
        return self.write(stored.id, action.number, only=official)

    def write(self, article_id: int, number: int, only: Official | None = None) -> bool:
        """Open the composer for an action; the officials and the reader's details are found
        in the background first (they may wait on the keychain and the ZIP data)."""
        found = self._context.session.action(article_id, number)
        if found is None:
            return False
        stored, action = found

        def load(session, _report, _cancelled):  # noqa: ANN001, ANN202
            return session.my_officials(), session.load_profile().profile

        def show(loaded) -> None:  # noqa: ANN001
            from advocate_app.gui.letters.composer import ComposerDialog

            officials, profile = loaded
            composer = ComposerDialog(
                self._context.session,
                stored,
                action,
                officials,
                profile,
                self._context.links,
                self._parent,
                only=only,
            )
            composer.letter_sent.connect(self._letter_sent)
            composer.locate_requested.connect(lambda: self._locate(composer))
            composer.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            composer.destroyed.connect(lambda: self._forget_composer(composer))
            composer.show()
            self.composer = composer
            self.composer_opened.emit(composer)

        started = self._context.run(
            TASK, "Preparing your letters", load, on_done=show, cancellable=False
        )
        if not started:
            self._context.status("Your letters are being prepared; one moment.")
        return started

    def _locate(self, composer: ComposerDialog) -> None:
        """Find the reader's district from their address, then list their officials again."""

        def work(session, _report, _cancelled):  # noqa: ANN001, ANN202
            located, _saved = session.locate_district()
            return located, session.my_officials()

        def done(result) -> None:  # noqa: ANN001
            located, officials = result
            self._context.status(
                f"Matched {located.matched_address} → {located.label}; saved as your district."
            )
            if self.composer is composer:
                composer.set_officials(officials)

        def failed(message: str) -> None:
            self._context.notify("Your district was not found", message, "")

        self._context.run(
            "locate", "Finding your district", work, on_done=done, on_error=failed,
            cancellable=False,
        )  # fmt: skip

    def _forget_composer(self, composer: ComposerDialog) -> None:
        if self.composer is composer:
            self.composer = None

    def _letter_sent(self, letter: Letter, route: Route) -> None:
        how = SENT_WORDS.get(route, str(route))
        self._context.status(
            f"Letter to {letter.recipient.name} {how}; it is saved in Sent Letters."
        )

    def show_sent_letters(self, select: int | None = None) -> SentLettersDialog:
        from advocate_app.gui.letters.letters_dialogs import SentLettersDialog

        if self.sent_letters is None:
            self.sent_letters = SentLettersDialog(self._context.session, self._parent, select)
        else:
            self.sent_letters.reload(select)
        self.sent_letters.show()
        self.sent_letters.raise_()
        return self.sent_letters

    def show_templates(self) -> TemplatesDialog:
        from advocate_app.gui.letters.letters_dialogs import TemplatesDialog

        if self.templates_dialog is None:
            self.templates_dialog = TemplatesDialog(self._context.session.templates, self._parent)
        self.templates_dialog.show()
        self.templates_dialog.raise_()
        return self.templates_dialog

    def _follow(self, changes) -> None:  # noqa: ANN001 - Changes
        if self.sent_letters is not None and self.sent_letters.isVisible():
            self.sent_letters.follow(changes)
