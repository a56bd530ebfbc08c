"""File dialogs that start somewhere sensible: the folder last used for the same kind of
file, else the reader's Documents folder (never the program's own folder)."""

from __future__ import annotations

import errno
from enum import StrEnum
from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

from advocate_app.gui.settings import WindowSettings


class FileKind(StrEnum):
    """Kinds of file the window reads or writes; each remembers its own last folder."""

    ARTICLES = "articles"
    SUBSCRIPTIONS = "subscriptions"
    EXPORT = "export"
    BACKUP = "backup"
    LETTER = "letter"
    DIRECTORY = "directory"


def file_problem(exc: OSError, path: Path) -> str:
    """Why a file could not be written, in plain words (no error numbers)."""
    if exc.errno == errno.ENOSPC:
        return f"The disk is full. Free some space, or choose another place than {path.parent}."
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return f"Advocate may not write in {path.parent}. Choose another folder."
    reason = (exc.strerror or str(exc)).rstrip(".")
    return f"{reason} ({path}). Nothing was changed there."


def documents_folder() -> Path:
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(found) if found else Path.home()


class FileDialogs:
    def __init__(self, settings: WindowSettings, parent: QWidget) -> None:
        self._settings = settings
        self._parent = parent

    def start(self, kind: FileKind) -> Path:
        """Where a dialog for `kind` opens: its last folder while it exists, else Documents."""
        last = self._settings.last_folder(str(kind))
        if last and Path(last).is_dir():
            return Path(last)
        return documents_folder()

    def _remember(self, kind: FileKind, chosen: Path) -> Path:
        folder = chosen if chosen.is_dir() else chosen.parent
        self._settings.set_last_folder(str(kind), str(folder))
        return chosen

    def open_file(self, kind: FileKind, title: str, filters: str) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(self._parent, title, str(self.start(kind)), filters)
        return self._remember(kind, Path(name)) if name else None

    def open_files(self, kind: FileKind, title: str, filters: str) -> list[Path]:
        names, _ = QFileDialog.getOpenFileNames(self._parent, title, str(self.start(kind)), filters)
        if names:
            self._remember(kind, Path(names[0]))
        return [Path(name) for name in names]

    def save_file(self, kind: FileKind, title: str, file_name: str, filters: str) -> Path | None:
        suggested = str(self.start(kind) / file_name)
        name, _ = QFileDialog.getSaveFileName(self._parent, title, suggested, filters)
        return self._remember(kind, Path(name)) if name else None

    def choose_folder(self, kind: FileKind, title: str) -> Path | None:
        name = QFileDialog.getExistingDirectory(self._parent, title, str(self.start(kind)))
        return self._remember(kind, Path(name)) if name else None
