"""Keeping the reader's record safe, for the main window: export, back up, restore."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from advocate_app.core.fs import atomic_write
from advocate_app.core.store.database import LibraryError
from advocate_app.gui.context import AppContext


class Safekeeping:
    def __init__(self, context: AppContext, parent: QWidget) -> None:
        self._context = context
        self._parent = parent

    def export_activity(self, path: Path | None = None) -> Path | None:
        if path is None:
            name, _ = QFileDialog.getSaveFileName(
                self._parent,
                "Export what you did",
                "advocate-activity.csv",
                "CSV (*.csv);;JSON (*.json)",
            )
            if not name:
                return None
            path = Path(name)
        text = self._context.session.export("json" if path.suffix.lower() == ".json" else "csv")
        atomic_write(path, text)
        self._context.status(f"Exported to {path}.")
        return path

    def back_up(self, target: Path | None = None) -> Path | None:
        if target is None:
            name, _ = QFileDialog.getSaveFileName(
                self._parent,
                "Back up your library",
                "advocate-backup.sqlite3",
                "Advocate backup (*.sqlite3)",
            )
            if not name:
                return None
            target = Path(name)
        saved = self._context.session.backup(target)
        self._context.status(f"Backed up your library to {saved}.")
        return saved

    def restore_backup(self, source: Path | None = None, confirm: bool = True) -> bool:
        from advocate_app.core.store.backup import check_backup

        if source is None:
            name, _ = QFileDialog.getOpenFileName(
                self._parent, "Restore a backup", "", "Advocate backup (*.sqlite3);;All files (*)"
            )
            if not name:
                return False
            source = Path(name)
        try:
            check_backup(source)
        except LibraryError as exc:
            self._context.notify("This backup cannot be restored", str(exc), "")
            return False
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
            return False
        try:
            safety = self._context.session.restore(source)
        except LibraryError as exc:
            self._context.notify("This backup cannot be restored", str(exc), "")
            return False
        self._context.status(
            f"Restored {source.name}. Your previous library is saved as {safety.name}."
        )
        return True
