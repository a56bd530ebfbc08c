"""Sittings from the window: start one (for one official or all), and carry out its Write and
Call through the composer and the call desk; the queue is read again after each."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QWidget

from advocate_app.core.officials.model import Official
from advocate_app.core.sittings import SittingItem
from advocate_app.core.store.tracking import REACHED

if TYPE_CHECKING:  # the dialogs load when first opened: start-up stays light
    from advocate_app.gui.sittings.call_desk import CallDesk
    from advocate_app.gui.sittings.sitting_dialog import SittingDialog
from advocate_app.gui.context import AppContext
from advocate_app.gui.letters.controller import Letters
from advocate_app.gui.officials.needs_bar import Fixes


class Sittings(QObject):
    def __init__(
        self, context: AppContext, parent: QWidget, letters: Letters, fixes: Fixes | None
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._parent = parent
        self._letters = letters
        self._fixes = fixes
        self.dialog: SittingDialog | None = None
        self.desk: CallDesk | None = None

    def start(self, official: Official | str | None = None) -> SittingDialog:
        """A sitting for one official (or their key), or for all the reader's officials."""
        key = official.key if isinstance(official, Official) else (official or "all")
        if self.dialog is not None and self.dialog.official_key != key:
            self.dialog.close()
            self.dialog = None
        if self.dialog is None:
            from advocate_app.gui.sittings.sitting_dialog import SittingDialog

            dialog = SittingDialog(self._context, key, self._fixes, self._parent)
            dialog.write_requested.connect(self._write)
            dialog.call_requested.connect(self._call)
            self.dialog = dialog
        else:
            self.dialog.reload()
        self.dialog.show()
        self.dialog.raise_()
        return self.dialog

    def _write(self, item: SittingItem) -> None:
        """The composer for this one official; when it closes, the sitting goes on."""
        dialog = self.dialog

        def opened(composer) -> None:  # noqa: ANN001 - a ComposerDialog
            self._letters.composer_opened.disconnect(opened)
            if dialog is not None:
                composer.destroyed.connect(lambda: dialog.reload(advance=True))

        self._letters.composer_opened.connect(opened)
        if not self._letters.write(item.article_id, item.action_number, only=item.official):
            self._letters.composer_opened.disconnect(opened)

    def _call(self, item: SittingItem, others: list[SittingItem]) -> None:
        self.open_desk(item.official, [item, *others])

    def open_desk(self, official: Official, items: list[SittingItem]) -> CallDesk:
        """The call desk for `official` about items[0] (the others may be ticked too)."""
        from advocate_app.gui.sittings.call_desk import CallDesk

        if self.desk is not None:
            self.desk.close()
        desk = CallDesk(self._context, official, items, self._parent)
        desk.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog = self.dialog

        def logged(outcome) -> None:  # noqa: ANN001 - a CallOutcome
            if dialog is not None and outcome in REACHED:
                dialog.reload(advance=True)

        desk.logged.connect(logged)
        desk.write_instead.connect(lambda chosen: (desk.close(), self._write(chosen)))
        desk.destroyed.connect(lambda: self._forget_desk(desk))
        desk.show()
        self.desk = desk
        return desk

    def _forget_desk(self, desk: CallDesk) -> None:
        if self.desk is desk:
            self.desk = None
