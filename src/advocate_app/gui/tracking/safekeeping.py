"""Keeping the reader's record safe, for the main window: export, back up, restore."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog, QMessageBox

if TYPE_CHECKING:
    from advocate_app.gui.window.main_window import MainWindow


class Safekeeping:
    def __init__(self, window: MainWindow) -> None:
        self.window = window

    def export_activity(self) -> None:
        from advocate_app.core.store.export import export_csv, export_json

        path, _ = QFileDialog.getSaveFileName(
            self.window,
            "Export what you did",
            "advocate-activity.csv",
            "CSV (*.csv);;JSON (*.json)",
        )
        if not path:
            return
        text = (
            export_json(self.window.library)
            if path.lower().endswith(".json")
            else export_csv(self.window.library)
        )
        Path(path).write_text(text, encoding="utf-8")
        self.window.show_status(f"Exported to {path}.")

    def back_up(self, target: Path | None = None) -> Path | None:
        from advocate_app.core.store.backup import backup

        if target is None:
            name, _ = QFileDialog.getSaveFileName(
                self.window,
                "Back up your library",
                "advocate-backup.sqlite3",
                "Advocate backup (*.sqlite3)",
            )
            if not name:
                return None
            target = Path(name)
        saved = backup(self.window.library, target)
        self.window.show_status(f"Backed up your library to {saved}.")
        return saved

    def restore_backup(self, source: Path | None = None, confirm: bool = True) -> bool:
        from advocate_app.core.store.backup import check_backup, restore
        from advocate_app.core.store.database import LibraryError

        if source is None:
            name, _ = QFileDialog.getOpenFileName(
                self.window, "Restore a backup", "", "Advocate backup (*.sqlite3);;All files (*)"
            )
            if not name:
                return False
            source = Path(name)
        try:
            check_backup(source)
        except LibraryError as exc:
            self.window.notify("This backup cannot be restored", str(exc), "")
            return False
        if (
            confirm
            and QMessageBox.question(
                self.window,
                "Restore this backup?",
                f"Replace your library with the backup {source.name}? What is in it now is saved "
                "first, beside it.",
            )
            != QMessageBox.StandardButton.Yes
        ):
            return False
        try:
            safety = restore(self.window.library, source)
        except LibraryError as exc:
            self.window.notify("This backup cannot be restored", str(exc), "")
            return False
        self.window.list_pane.reload()
        self.window.list_pane.select_row(0)
        self.window.show_status(
            f"Restored {source.name}. Your previous library is saved as {safety.name}."
        )
        return True
