"""Importing files and folders from the window: in the background, with progress, and a
summary of what could not be read."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from advocate_app.core.store.records import ImportStatus
from advocate_app.gui.context import AppContext
from advocate_app.gui.file_dialogs import FileKind

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
        paths = self._context.files.open_files(FileKind.ARTICLES, "Import articles", IMPORT_FILTER)
        if paths:
            self.start(paths)

    def import_folder(self) -> None:
        folder = self._context.files.choose_folder(FileKind.ARTICLES, "Import a folder of articles")
        if folder:
            self.start([folder])

    def start(self, paths: list[Path], allow_short: bool = False) -> bool:
        def work(session, report, cancelled):  # noqa: ANN001, ANN202
            from advocate_app.core.importer import expand_paths

            files = list(expand_paths(paths))
            done = 0

            def progress(result: ImportResult) -> None:
                nonlocal done
                done += 1
                report(result.path.name, done, len(files))

            return session.import_paths(
                files, cancelled=cancelled, progress=progress, allow_short=allow_short
            )

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
        short = [r for r in failed if r.too_short]
        others = [r for r in failed if not r.too_short]
        if others:
            details = "\n".join(f"{r.path}: {r.error}" for r in others)
            self._context.notify("Some files were not imported", summary + ".", details)
        self.finished.emit(results)
        if short and self._context.confirm(
            "Import these short texts?",
            "These files are too short to be articles (a few words, not a few sentences):\n\n"
            + "\n".join(f"• {r.path.name}: {r.error}" for r in short[:10])
            + ("\n…" if len(short) > 10 else "")
            + "\n\nImport them anyway?",
        ):
            self.start([r.path for r in short], allow_short=True)

    def _failed(self, message: str) -> None:
        self._context.notify("Import stopped", f"The import stopped: {message}", "")
        self.finished.emit([])
