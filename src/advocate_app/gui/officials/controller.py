"""Officials from the window: Your Details, Your Officials, and updating the directory. Reading
or writing the keychain and updating the directory run in the background."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QDialog, QWidget

from advocate_app.gui.context import AppContext
from advocate_app.gui.file_dialogs import FileKind

if TYPE_CHECKING:
    from advocate_app.core.officials.directory import UpdateReport
    from advocate_app.core.officials.model import Official
    from advocate_app.core.profile.model import Profile
    from advocate_app.core.profile.storage import StoredProfile
    from advocate_app.gui.officials.officials_dialog import OfficialsDialog
    from advocate_app.gui.officials.profile_dialog import ProfileDialog

DIRECTORY_TASK = "directory"
PROFILE_TASK = "profile"


class Officials(QObject):
    directory_updated = Signal(object)  # DirectoryInfo, or None when it failed
    profile_dialog_opened = Signal(object)  # ProfileDialog
    profile_saved = Signal(object)  # StoredProfile

    def __init__(
        self,
        context: AppContext,
        parent: QWidget,
        write_to: Callable[[Official], object] | None = None,
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._parent = parent
        self._write_to = write_to
        self.dialog: OfficialsDialog | None = None
        self.profile_dialog: ProfileDialog | None = None
        self._downloading = False  # the update running (or last run) uses the network
        self._start_sitting: Callable[[Official | None], object] | None = None

    # --- Your Details ------------------------------------------------------------
    def edit_profile(self) -> None:
        """Load the details (the keychain may ask), then show the form."""
        self._context.run(
            PROFILE_TASK,
            "Reading your details",
            lambda session, _report, _cancelled: session.load_profile(),
            on_done=self._show_profile,
            cancellable=False,
        )

    def _show_profile(self, stored: StoredProfile) -> None:
        from advocate_app.gui.officials.profile_dialog import ProfileDialog

        if stored.unreadable:
            self._context.notify(
                "Your details cannot be opened now",
                f"{stored.notice} Your details are kept there; unlock the keychain and open "
                "Your Details again. Nothing was changed.",
                "",
            )
            return
        if stored.notice:
            self._context.status(stored.notice)
        dialog = ProfileDialog(stored, self._parent)
        dialog.accepted.connect(lambda: self._save_profile(dialog))
        dialog.finished.connect(lambda _result: self._forget_profile_dialog(dialog))
        self.profile_dialog = dialog
        dialog.open()
        self.profile_dialog_opened.emit(dialog)

    def _forget_profile_dialog(self, dialog: QDialog) -> None:
        if self.profile_dialog is dialog:
            self.profile_dialog = None

    def _save_profile(self, dialog: ProfileDialog) -> None:
        """Check the ZIP code against the state (the ZIP data loads in the background), ask
        when they disagree, then save."""
        profile = dialog.profile()
        self._context.run(
            PROFILE_TASK,
            "Checking your address",
            lambda session, _report, _cancelled: session.check_address(profile),
            on_done=lambda problems: self._confirm_and_save(profile, problems),
            cancellable=False,
        )

    def _confirm_and_save(self, profile: Profile, problems: list[str]) -> None:
        if problems and not self._context.confirm(
            "Check your address",
            "\n".join(problems)
            + "\n\nYour officials are found from your state and ZIP code. Save these details "
            "anyway?",
        ):
            self._context.status("Your details were not saved; open Your Details to change them.")
            return
        self._context.run(
            PROFILE_TASK,
            "Saving your details",
            lambda session, _report, _cancelled: session.save_profile(profile),
            on_done=self._profile_saved,
            on_error=lambda message: self._context.notify(
                "Your details were not saved", message, ""
            ),
            cancellable=False,
        )

    def _profile_saved(self, saved: StoredProfile) -> None:
        if saved.notice:
            self._context.notify("Where your details are kept", saved.notice, "")
        for note in saved.notes:
            self._context.notify("Your district was cleared", note, "")
        self._context.status("Your details were saved.")
        self.profile_saved.emit(saved)

    def set_start_sitting(self, start: Callable[[Official | None], object]) -> None:
        """How Your Officials starts a sitting (the Sittings controller's way)."""
        self._start_sitting = start

    # --- Your Officials ---------------------------------------------------------
    def show_officials(self) -> OfficialsDialog:
        from advocate_app.gui.officials.officials_dialog import OfficialsDialog

        if self.dialog is None:
            self.dialog = OfficialsDialog(
                self._context,
                self.edit_profile,
                self.update_directory,
                self._parent,
                write_to=self._write_to,
                start_sitting=self._start_sitting,
            )
        else:
            self.dialog.refresh()
        self.dialog.show()
        self.dialog.raise_()
        return self.dialog

    # --- the directory ----------------------------------------------------------
    def update_directory(self, source: str | None = None) -> bool:
        from advocate_app.core.officials.directory import is_download

        if is_download(source) and not self._context.session.network_allowed():
            self._context.status(
                "Working offline: turn off File ▸ Work Offline to download the directory, or "
                "choose Officials ▸ Update Directory from Folder."
            )
            return False

        self._downloading = is_download(source)

        def work(session, report, _cancelled):  # noqa: ANN001, ANN202
            return session.update_directory(source, progress=report)

        started = self._context.run(
            DIRECTORY_TASK,
            "Updating the directory",
            work,
            on_done=self._updated,
            on_error=self._failed,
            cancellable=False,
        )
        if not started:
            self._context.status("The directory is already being updated.")
        return started

    def update_directory_from_folder(self) -> None:
        folder = self._context.files.choose_folder(
            FileKind.DIRECTORY, "Folder with the directory's files"
        )
        if folder:
            self.update_directory(str(folder))

    def _updated(self, report: UpdateReport) -> None:
        info = report.info
        self._context.status(
            f"Directory updated: {info.legislators} members of Congress, data as of "
            f"{info.data_date}." + "".join(f" {note}" for note in report.notes)
        )
        self.directory_updated.emit(info)

    def _failed(self, message: str) -> None:
        kept = self._context.session.directory_info() is not None
        lines = [message.rstrip(".") + "."]
        if self._downloading:
            lines.append(
                "If this computer is offline, get the directory's four files on a computer "
                "that is online, then choose Officials ▸ Update Directory from Folder…."
            )
        if kept:
            lines.append("The directory you had is still in use.")
        self._context.notify("The directory was not updated", "\n\n".join(lines), "")
        self._context.status("The directory was not updated.")
        self.directory_updated.emit(None)
