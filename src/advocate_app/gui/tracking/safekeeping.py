"""Keeping the reader's record safe, for the main window: export, back up, restore."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from advocate_app.core.fs import atomic_write
from advocate_app.core.store.database import LibraryDamagedError, LibraryError, StoreError
from advocate_app.gui.context import AppContext
from advocate_app.gui.file_dialogs import FileKind, file_problem

CHECK_TASK = "check"


SAFEKEEPING_TASK = "safekeeping"


class Safekeeping(QObject):
    checked = Signal(bool)  # whether the library was found whole
    backed_up = Signal(object)  # the backup's path, or None when it failed
    restored = Signal(bool)  # whether the backup was put in place

    def __init__(self, context: AppContext, parent: QWidget) -> None:
        super().__init__(parent)
        self._context = context
        self._parent = parent

    # --- the library's health ---------------------------------------------------------
    def check_library(self) -> None:
        """Look for damage in the background (it reads every page), then keep today's
        automatic backup. A damaged library is made read-only and the reader is offered a
        way out."""

        def work(session, _report, _cancelled):  # noqa: ANN001, ANN202
            try:
                session.verify_library()
            except LibraryDamagedError as exc:
                return str(exc)
            session.auto_backup_if_due()
            return None

        self._context.run(
            CHECK_TASK, "Checking your library", work, on_done=self._checked, cancellable=False
        )

    def _checked(self, damage: str | None) -> None:
        if damage is None:
            self.checked.emit(True)
            return
        session = self._context.session
        session.mark_damaged()
        self._context.status("Your library is damaged: Advocate will not change it.")
        self.checked.emit(False)
        latest = session.latest_auto_backup()
        question = damage + (
            f"\n\nRestore the latest automatic backup ({latest.name})? Choose No to salvage "
            "what can still be read instead."
            if latest
            else "\n\nSalvage what can still be read into a new library?"
        )
        if self._context.confirm("Your library is damaged", question):
            self.recover(latest)
        elif latest is not None and self._context.confirm(
            "Your library is damaged", "Salvage what can still be read into a new library?"
        ):
            self.recover(None)

    def recover(self, source: Path | None) -> bool:
        """Replace the damaged library: from a backup, or from what can be read (None)."""
        try:
            report = self._context.session.recover(source)
        except (LibraryError, StoreError, OSError) as exc:
            self._context.notify("The library could not be rebuilt", str(exc), "")
            return False
        how = f"from {source.name}" if source else "from what could be read"
        self._context.status(
            f"Your library was rebuilt {how} ({report.rows:,} rows); the damaged file is kept "
            f"as {report.safety.name}."
        )
        return True

    def export_activity(self, path: Path | None = None) -> Path | None:
        if path is None:
            path = self._context.files.save_file(
                FileKind.EXPORT,
                "Export what you did",
                "advocate-activity.csv",
                "CSV (*.csv);;JSON (*.json)",
            )
            if path is None:
                return None
        text = self._context.session.export("json" if path.suffix.lower() == ".json" else "csv")
        try:
            atomic_write(path, text)
        except OSError as exc:
            self._context.notify("Your activity was not exported", file_problem(exc, path), "")
            return None
        self._context.status(f"Exported to {path}.")
        return path

    def back_up(self, target: Path | None = None) -> bool:
        """Copy the library to `target` (asked for when not given), in the background: a
        large library takes a while, and the window goes on meanwhile. `backed_up` follows."""
        if target is None:
            target = self._context.files.save_file(
                FileKind.BACKUP,
                "Back up your library",
                "advocate-backup.sqlite3",
                "Advocate backup (*.sqlite3)",
            )
            if target is None:
                return False
        chosen = target

        def copy(session, _report, _cancelled):  # noqa: ANN001, ANN202
            return session.backup(chosen)

        def failed(message: str) -> None:
            self._context.notify("Your library was not backed up", message, "")
            self.backed_up.emit(None)

        def done(saved: Path) -> None:
            self._context.status(f"Backed up your library to {saved}.")
            self.backed_up.emit(saved)

        started = self._context.run(
            SAFEKEEPING_TASK, "Backing up your library", copy, on_done=done, on_error=failed,
            cancellable=False,
        )  # fmt: skip
        if not started:
            self._context.status("A backup or restore is already running; wait for it.")
        return started

    def restore_backup(self, source: Path | None = None, confirm: bool = True) -> bool:
        """Check the backup, ask, then put it in place of the library, each in the
        background; `restored` follows (True when it was restored)."""
        if source is None:
            source = self._context.files.open_file(
                FileKind.BACKUP, "Restore a backup", "Advocate backup (*.sqlite3);;All files (*)"
            )
            if source is None:
                return False
        chosen = source

        def check(_session, _report, _cancelled):  # noqa: ANN001, ANN202
            from advocate_app.core.store.backup import check_backup

            check_backup(chosen)  # LibraryError: not a backup, damaged, newer
            return chosen

        def refused(message: str) -> None:
            self._context.notify("This backup cannot be restored", message, "")
            self.restored.emit(False)

        started = self._context.run(
            SAFEKEEPING_TASK, "Checking the backup", check,
            on_done=lambda checked: self._restore_checked(checked, confirm), on_error=refused,
            cancellable=False,
        )  # fmt: skip
        if not started:
            self._context.status("A backup or restore is already running; wait for it.")
        return started

    def _restore_checked(self, source: Path, confirm: bool) -> None:
        if (
            confirm
            and QMessageBox.question(
                self._parent,
                "Restore this backup?",
                f"Replace your library with the backup {source.name}? What is in it now is saved "
                "first, beside it.",
            )
            != QMessageBox.StandardButton.Yes
        ):
            self.restored.emit(False)
            return
        if self._context.session.damaged:  # the damaged file is set aside: on this thread
            self.restored.emit(self.recover(source))
            return

        def refused(message: str) -> None:
            self._context.notify("This backup cannot be restored", message, "")
            self.restored.emit(False)

        self._context.run(
            SAFEKEEPING_TASK, "Restoring your library",
            lambda session, _report, _cancelled: session.restore(source),
            on_done=lambda report: self._restored(source, report), on_error=refused,
            cancellable=False,
        )  # fmt: skip

    def _restored(self, source: Path, report) -> None:  # noqa: ANN001 - a RestoreReport
        self._context.status(
            f"Restored {source.name}. Your previous library is saved as {report.safety.name}."
        )
        if report.ignored:
            self._context.notify(
                "Parts of the backup were left out",
                "The backup held things this version of Advocate does not keep, so they were "
                "not restored. Your articles and what you did were.",
                "\n".join(report.ignored),
            )
        self.restored.emit(True)
