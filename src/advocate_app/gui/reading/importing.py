"""Importing files and folders from the window: in the background, with progress, and a
summary of what could not be read."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QWidget

from advocate_app.core.store.records import ImportStatus
from advocate_app.gui.context import AppContext

if TYPE_CHECKING:  # the importer (with multiprocessing) loads when an import starts
    from advocate_app.core.importer import ImportResult

IMPORT_FILTER = "Articles (*.txt *.text *.md *.html *.htm *.xhtml);;All files (*)"
TASK = "import"


class Importer(QObject):
    finished = Signal(object)  # list[ImportResult]; an empty list when it failed

    def __init__(
        self,
        context: AppContext,
        parent: QWidget,
        open_article: Callable[[int], None],
        current_article: Callable[[], int | None],
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._parent = parent
        self._open_article = open_article
        self._current_article = current_article

    def import_files(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(self._parent, "Import articles", "", IMPORT_FILTER)
        if names:
            self.start([Path(name) for name in names])

    def import_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self._parent, "Import a folder of articles")
        if folder:
            self.start([Path(folder)])

    def start(self, paths: list[Path]) -> bool:
        def work(session, report, cancelled):  # noqa: ANN001, ANN202
            from advocate_app.core.importer import expand_paths

            files = list(expand_paths(paths))
            done = 0

            def progress(result: ImportResult) -> None:
                nonlocal done
                done += 1
                report(result.path.name, done, len(files))

            return session.import_paths(files, cancelled=cancelled, progress=progress)

        started = self._context.run(
            TASK, "Importing", work, on_done=self._done, on_error=self._failed
        )
        if not started:
            self._context.status("An import is already running; wait for it to finish.")
        return started

    def _done(self, results: list[ImportResult]) -> None:
        failed = [r for r in results if r.failed]
        added = [r for r in results if r.status is ImportStatus.IMPORTED]
        updated = [r for r in results if r.status is ImportStatus.UPDATED]
        summary = f"Imported {len(added)} article{'s' if len(added) != 1 else ''}"
        if updated:
            summary += f", updated {len(updated)}"
        if failed:
            summary += f"; {len(failed)} could not be read"
        if not results:
            summary = "No article files were found there."
        self._context.status(summary + ".")
        if added and self._current_article() is None:
            self._open_article(added[0].id or 0)
        if failed:
            details = "\n".join(f"{r.path}: {r.error}" for r in failed)
            self._context.notify("Some files were not imported", summary + ".", details)
        self.finished.emit(results)

    def _failed(self, message: str) -> None:
        self._context.notify("Import stopped", f"The import stopped: {message}", "")
        self.finished.emit([])
