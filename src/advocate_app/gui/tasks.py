"""Background work: run a function on Qt's thread pool, get its result on the UI thread."""

from __future__ import annotations

import traceback
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from advocate_app.core.store.library import open_library

if TYPE_CHECKING:
    from advocate_app.core.importer import ImportResult


class TaskSignals(QObject):
    """Carries a task's news to the UI thread (a QRunnable cannot have signals itself)."""

    progress = Signal(int, int, object)  # done, total, payload
    finished = Signal(object)  # the result
    failed = Signal(str)  # a readable message


class Task(QRunnable):
    """Runs `work(report, cancelled)`; `report(done, total, payload)` sends progress."""

    def __init__(self, work: Callable[[Callable[[int, int, Any], None], Callable[[], bool]], Any]):
        super().__init__()
        self.signals = TaskSignals()
        self._work = work
        self._cancelled = False

    def cancel(self) -> None:
        self._cancelled = True

    def run(self) -> None:
        try:
            result = self._work(self.signals.progress.emit, lambda: self._cancelled)
        except Exception as exc:  # reported to the user, never lost in a thread
            traceback.print_exc()
            self.signals.failed.emit(str(exc) or exc.__class__.__name__)
            return
        self.signals.finished.emit(result)


def start(task: Task, pool: QThreadPool | None = None) -> Task:
    (pool or QThreadPool.globalInstance()).start(task)
    return task


def import_task(library_path: Path, paths: list[Path]) -> Task:
    """Import files through a connection of the task's own: connections stay in their thread."""

    def work(report: Callable[[int, int, Any], None], cancelled: Callable[[], bool]):
        # Imported on first use: the parsers are not needed to start the window.
        from advocate_app.core.importer import expand_paths, import_paths

        files = list(expand_paths(paths))
        results: list[ImportResult] = []
        library = open_library(library_path)
        try:
            for result in import_paths(library, files, cancelled=cancelled):
                results.append(result)
                report(len(results), len(files), result)
        finally:
            library.close()
        return results

    return Task(work)
