"""What the window's parts share: the session, the change signal, the task runner, the link
policy, the settings, and the ways to tell the reader something or ask them.

Parts take this context (or just the pieces of it they need), never the main window.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, Signal

from advocate_app.core.changes import Changes
from advocate_app.core.session import Session
from advocate_app.core.store.database import StoreError
from advocate_app.gui.file_dialogs import FileDialogs
from advocate_app.gui.links import LinkPolicy
from advocate_app.gui.settings import WindowSettings
from advocate_app.gui.tasks import Cancelled, Report, TaskRunner

log = logging.getLogger(__name__)


class ChangeBus(QObject):
    """The one place where the session's Changes become a Qt signal.

    The session may report from a worker thread; a queued signal brings the news to the UI
    thread, where each view decides whether it concerns it.
    """

    changed = Signal(object)  # Changes

    def publish(self, changes: Changes) -> None:
        self.changed.emit(changes)


Status = Callable[[str], None]
Notify = Callable[[str, str, str], None]  # (title, text, details)
Confirm = Callable[[str, str], bool]  # (title, question) -> the reader said yes
# (title, question, the answers as button words) -> the answer chosen, None when dismissed
Choose = Callable[[str, str, list[str]], "str | None"]


@dataclass
class AppContext:
    session: Session
    bus: ChangeBus
    tasks: TaskRunner
    links: LinkPolicy
    settings: WindowSettings
    status: Status
    notify: Notify
    confirm: Confirm
    choose: Choose
    files: FileDialogs

    def save(self, change: Callable[[], object]) -> bool:
        """Apply one change to the library, telling the reader in plain words if it failed."""
        try:
            change()
        except StoreError as exc:
            self.status(self._why_not_saved(exc))
            return False
        return True

    def _why_not_saved(self, exc: StoreError) -> str:
        if self.session.snapshot:
            return (
                "Nothing can be saved: the disk that holds your library is full. Free some "
                "space, then restart Advocate."
            )
        if self.session.damaged:
            return (
                "Nothing can be saved: your library is damaged. Restore a backup "
                "(File ▸ Restore from Backup…) to go on."
            )
        text = str(exc).lower()
        if "full" in text:
            return "Your change was not saved: the disk is full. Free some space and try again."
        if "locked" in text or "busy" in text:
            reason = "the library is busy (another copy of Advocate may be writing to it)"
        elif "readonly" in text or "read-only" in text:
            reason = "the library cannot be written to here"
        elif "i/o" in text:
            reason = "the disk could not be written"
        else:
            reason = "the library could not be written (the details are in the log)"
        log.warning("a change was not saved: %s", exc)
        return f"Your change was not saved: {reason}. Try again in a moment."

    def run(
        self,
        key: str,
        label: str,
        work: Callable[[Session, Report, Cancelled], Any],
        *,
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[str], None] | None = None,
        cancellable: bool = True,
        quiet: bool = False,
    ) -> bool:
        """Run `work(session, report, cancelled)` in the background with a session of its own
        (a connection belongs to its thread); False when a task with this key is running."""
        main = self.session

        def in_worker(report: Report, cancelled: Cancelled) -> Any:
            with main.worker() as session:
                return work(session, report, cancelled)

        return self.tasks.run(
            key,
            label,
            in_worker,
            on_done=on_done,
            on_error=on_error,
            cancellable=cancellable,
            quiet=quiet,
        )
