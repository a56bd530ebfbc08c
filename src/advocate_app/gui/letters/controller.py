"""Letters from the window: open the composer for an action (after finding the reader's
officials and drafts in the background), ask after a letter went out whether it was sent,
Sent Letters, Drafts and Letter Templates."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QWidget

from advocate_app.core.letters.routes import DELIVERED, Route
from advocate_app.gui.context import AppContext
from advocate_app.gui.letters.send_questions import SendQuestions
from advocate_app.gui.officials.needs_bar import Fixes

if TYPE_CHECKING:
    from advocate_app.core.letters.compose import Letter
    from advocate_app.core.officials.model import Official
    from advocate_app.core.store.letters import LetterRecord
    from advocate_app.gui.letters.composer import ComposerDialog
    from advocate_app.gui.letters.letters_dialogs import LetterListDialog, TemplatesDialog

TASK = "letters"


class Letters(QObject):
    composer_opened = Signal(object)  # ComposerDialog

    def __init__(
        self,
        context: AppContext,
        parent: QWidget,
        current_article: Callable[[], int | None],
        fixes: Fixes | None = None,
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._fixes = fixes
        self._parent = parent
        self._current_article = current_article
        self.composer: ComposerDialog | None = None
        self.sent_letters: LetterListDialog | None = None
        self.drafts: LetterListDialog | None = None
        self.templates_dialog: TemplatesDialog | None = None
        self.questions = SendQuestions(context, self)
        self.questions.answered.connect(self._answered)
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

    def write(
        self,
        article_id: int,
        number: int,
        only: Official | None = None,
        focus: LetterRecord | None = None,
    ) -> bool:
        """Open the composer for an action; the officials, the reader's details and their
        drafts are found in the background first (they may wait on the keychain and the ZIP
        data). `focus` is a letter to open again (from Sent Letters or Drafts)."""
        found = self._context.session.action(article_id, number)
        if found is None:
            self._context.status("That article or action is no longer in your library.")
            return False
        stored, action = found
        if self.composer is not None and not self.composer.close():
            # One composer at a time; the reader chose to stay with the letters open.
            self.composer.raise_()
            return False

        def load(session, _report, _cancelled):  # noqa: ANN001, ANN202
            officials = session.my_officials()
            profile = session.load_profile().profile
            return officials, profile, session.open_letters(article_id, number)

        def show(loaded) -> None:  # noqa: ANN001
            from advocate_app.gui.letters.composer import ComposerDialog

            officials, profile, drafts = loaded
            composer = ComposerDialog(
                self._context,
                stored,
                action,
                officials,
                profile,
                self._parent,
                only=only,
                drafts=drafts,
                focus=focus,
                fixes=self._fixes,
            )
            composer.letter_delivered.connect(self._letter_delivered)
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

    def set_fixes(self, fixes: Fixes) -> None:
        """How the composer offers to fix what is missing (the Officials controller's ways)."""
        self._fixes = fixes

    def open_letter(self, record: LetterRecord) -> bool:
        """From Sent Letters or Drafts: the letter's action in the composer, with this letter."""
        if record.article_id is None:
            self._context.status("That letter's article is no longer in your library.")
            return False
        return self.write(record.article_id, record.action_number, focus=record)

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

    def _letter_delivered(self, letter: Letter, route: Route, letter_id: int) -> None:
        how = DELIVERED.get(route, str(route))
        self._context.status(
            f"Letter to {letter.recipient.name} {how}. When you have sent it, say so: Advocate "
            "asks when you come back, or use Mark as Sent."
        )
        self.questions.queue(letter_id, letter.recipient.display_name, route)

    def _letter_sent(self, record: LetterRecord) -> None:
        self._context.status(f"Your letter to {record.recipient_name} is counted as sent.")

    def _answered(self, record: LetterRecord) -> None:
        if self.composer is not None:
            self.composer.letter_marked(record)

    def show_sent_letters(self, select: int | None = None) -> LetterListDialog:
        from advocate_app.gui.letters.letters_dialogs import LetterListDialog

        if self.sent_letters is None:
            self.sent_letters = LetterListDialog(
                self._context, self.open_letter, self._parent, select
            )
        else:
            self.sent_letters.reload(select)
        self.sent_letters.show()
        self.sent_letters.raise_()
        return self.sent_letters

    def show_drafts(self) -> LetterListDialog:
        from advocate_app.gui.letters.letters_dialogs import LetterListDialog

        if self.drafts is None:
            self.drafts = LetterListDialog(
                self._context, self.open_letter, self._parent, drafts=True
            )
        else:
            self.drafts.reload()
        self.drafts.show()
        self.drafts.raise_()
        return self.drafts

    def keep_drafts(self) -> None:
        """The window is closing: save the letters being written, at once."""
        if self.composer is not None:
            self.composer.keep_drafts_now()

    def show_templates(self) -> TemplatesDialog:
        from advocate_app.gui.letters.letters_dialogs import TemplatesDialog

        if self.templates_dialog is None:
            self.templates_dialog = TemplatesDialog(self._context.session.templates, self._parent)
        self.templates_dialog.show()
        self.templates_dialog.raise_()
        return self.templates_dialog

    def _follow(self, changes) -> None:  # noqa: ANN001 - Changes
        for dialog in (self.sent_letters, self.drafts):
            if dialog is not None and dialog.isVisible():
                dialog.follow(changes)
        if self.composer is not None and (
            changes.profile or changes.officials or changes.everything
        ):
            self._reload_composer(self.composer)

    def _reload_composer(self, composer: ComposerDialog) -> None:
        """The reader's details or the directory changed: the open letters follow."""

        def load(session, _report, _cancelled):  # noqa: ANN001, ANN202
            return session.my_officials(), session.load_profile().profile

        def show(loaded) -> None:  # noqa: ANN001
            if self.composer is composer:
                composer.set_officials(*loaded)

        self._context.run("composer-reload", "Finding your officials", load, on_done=show,
                          cancellable=False, quiet=True)  # fmt: skip
