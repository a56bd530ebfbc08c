"""All background work of the window: one runner, one row of progress per running task.

A task is `work(report, cancelled)` run on Qt's thread pool; `report(message, done, total)`
sends progress, `cancelled()` says whether the reader asked it to stop. Its result or its
error arrives on the UI thread, once. Workers never touch widgets; a task that needs the
library opens its own connection (see AppContext.run).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QToolButton,
    QWidget,
)

log = logging.getLogger(__name__)

MIN_THREADS = 6
Report = Callable[..., None]  # report(message, done=None, total=None)
Cancelled = Callable[[], bool]
Work = Callable[[Report, Cancelled], Any]


@dataclass(frozen=True)
class Progress:
    message: str = ""
    done: int | None = None
    total: int | None = None


class _Signals(QObject):
    """A QRunnable cannot have signals, so a small QObject carries the task's news."""

    progress = Signal(object)  # Progress
    finished = Signal(object)  # the result
    failed = Signal(str)  # a readable message


class Task(QRunnable):
    def __init__(
        self, key: str, label: str, work: Work, cancellable: bool, quiet: bool = False
    ) -> None:
        super().__init__()
        self.setAutoDelete(False)  # the runner keeps it until its result has arrived
        self.key = key
        self.label = label
        self.cancellable = cancellable
        self.quiet = quiet  # too short to show: no row in the status bar
        self.signals = _Signals()
        self._work = work
        self._cancelled = False

    def cancel(self) -> None:
        self._cancelled = True

    @property
    def cancelled(self) -> bool:
        return self._cancelled

    def run(self) -> None:
        def report(message: str = "", done: int | None = None, total: int | None = None) -> None:
            self._emit(self.signals.progress, Progress(message, done, total))

        try:
            result = self._work(report, lambda: self._cancelled)
        except Exception as exc:  # reported to the reader once, with the details in the log
            log.exception("background task %r failed", self.key)
            self._emit(self.signals.failed, readable(exc))
            return
        self._emit(self.signals.finished, result)

    def _emit(self, signal: Any, value: object) -> None:
        """Tell the window, unless it is gone already (the app is closing): then the news has
        no one to go to, and is only logged."""
        try:
            signal.emit(value)
        except RuntimeError:
            log.info("background task %r ended after its window closed", self.key)


def readable(exc: BaseException) -> str:
    """What went wrong, for the window: an error's `plain` words when it has them (no
    addresses, no error numbers), else its message."""
    text = str(getattr(exc, "plain", "") or exc).strip()
    return text or exc.__class__.__name__


class TaskRunner(QObject):
    """Runs tasks by key: one at a time per key, any number of keys at once."""

    started = Signal(object)  # Task
    progressed = Signal(object, object)  # Task, Progress
    ended = Signal(object)  # Task

    def __init__(
        self,
        report_error: Callable[[str, str], None],
        parent: QObject | None = None,
        pool: QThreadPool | None = None,
    ) -> None:
        super().__init__(parent)
        self._report_error = report_error
        self._pool = pool or QThreadPool.globalInstance()
        # Downloads mostly wait on the network and backups on the disk: the list's quick
        # queries must not queue behind them on a two-core machine.
        self._pool.setMaxThreadCount(max(self._pool.maxThreadCount(), MIN_THREADS))
        self._running: dict[str, Task] = {}

    def run(
        self,
        key: str,
        label: str,
        work: Work,
        *,
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[str], None] | None = None,
        cancellable: bool = True,
        quiet: bool = False,
    ) -> bool:
        """Start a task; False (and nothing started) while one with this key is running.

        A failure goes to `on_error`, or else to the window's error report, once. A `quiet`
        task (saving a draft) shows no progress row.
        """
        if key in self._running:
            return False
        task = Task(key, label, work, cancellable, quiet)
        task.signals.progress.connect(lambda progress: self.progressed.emit(task, progress))
        task.signals.finished.connect(lambda result: self._finish(task, on_done, result))
        task.signals.failed.connect(lambda message: self._fail(task, on_error, message))
        self._running[key] = task
        self.started.emit(task)
        self._pool.start(task)
        return True

    def busy(self, key: str | None = None) -> bool:
        return bool(self._running) if key is None else key in self._running

    def running(self) -> list[Task]:
        return list(self._running.values())

    def cancel(self, key: str) -> None:
        task = self._running.get(key)
        if task is not None:
            task.cancel()

    def cancel_all(self) -> None:
        for task in self._running.values():
            task.cancel()

    def wait(self, milliseconds: int) -> bool:
        """Wait for the running tasks to stop (at closing); False when some still run."""
        return self._pool.waitForDone(milliseconds)

    def _finish(self, task: Task, on_done: Callable[[Any], None] | None, result: Any) -> None:
        self._end(task)
        if on_done is not None:
            on_done(result)

    def _fail(self, task: Task, on_error: Callable[[str], None] | None, message: str) -> None:
        self._end(task)
        if on_error is not None:
            on_error(message)
        else:
            self._report_error(f"{task.label} did not finish", message)

    def _end(self, task: Task) -> None:
        self._running.pop(task.key, None)
        self.ended.emit(task)


class TaskRow(QWidget):
    """One running task in the status bar: what it is doing, its progress, and Cancel."""

    def __init__(self, task: Task, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.task = task
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.label = QLabel(task.label, self)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 0)  # busy until the task says how far it is
        self.bar.setMaximumWidth(160)
        self.bar.setAccessibleName(f"Progress: {task.label}")
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        if task.cancellable:
            self.cancel = QToolButton(self)
            self.cancel.setText("Cancel")
            self.cancel.setAccessibleName(f"Cancel: {task.label}")
            self.cancel.clicked.connect(lambda: self._cancel(runner))
            layout.addWidget(self.cancel)

    def show_progress(self, progress: Progress) -> None:
        if progress.total:
            self.bar.setRange(0, progress.total)
            self.bar.setValue(progress.done or 0)
        if progress.message:
            self.label.setText(f"{self.task.label}: {progress.message}")

    def _cancel(self, runner: TaskRunner) -> None:
        runner.cancel(self.task.key)
        self.label.setText(f"{self.task.label}: stopping…")


class TaskPanel(QWidget):
    """The running tasks, each with its own progress, shown while any runs."""

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self.rows: dict[str, TaskRow] = {}
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.setAccessibleName("Running tasks")
        runner.started.connect(self._add)
        runner.progressed.connect(self._progress)
        runner.ended.connect(self._remove)
        self.hide()

    def _add(self, task: Task) -> None:
        if task.quiet:
            return
        row = TaskRow(task, self._runner, self)
        self.rows[task.key] = row
        self._layout.addWidget(row)
        self.show()

    def _progress(self, task: Task, progress: Progress) -> None:
        row = self.rows.get(task.key)
        if row is not None and row.task is task:
            row.show_progress(progress)

    def _remove(self, task: Task) -> None:
        row = self.rows.get(task.key)
        if row is not None and row.task is task:
            del self.rows[task.key]
            row.hide()
            row.deleteLater()
        self.setVisible(bool(self.rows))
