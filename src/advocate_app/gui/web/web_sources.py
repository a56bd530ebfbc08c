"""Articles and feeds from the web, for the window: add by URL, subscribe, refresh, OPML, and
working offline. Downloads run in the background; the window stays usable."""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QInputDialog, QWidget

from advocate_app.core.fs import FileProblem, atomic_write, read_small_file
from advocate_app.core.web.network import NetworkOff
from advocate_app.gui.context import AppContext
from advocate_app.gui.file_dialogs import FileKind, file_problem

TASK = "web"


class WebRequest(StrEnum):
    ADD = "add"  # an article page by its address
    SUBSCRIBE = "subscribe"  # a feed, then its first refresh
    REFRESH = "refresh"  # every feed


LABELS = {
    WebRequest.ADD: "Fetching the page",
    WebRequest.SUBSCRIBE: "Subscribing",
    WebRequest.REFRESH: "Refreshing",
}
OFFLINE = "You are working offline: turn off File ▸ Work Offline to use the network."


class WebSources(QObject):
    finished = Signal(object)  # (WebRequest, result), or None when it failed

    def __init__(
        self, context: AppContext, parent: QWidget, open_article: Callable[[int], None]
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._parent = parent
        self._open_article = open_article

    def add_from_url(self, url: str | None = None) -> bool:
        url = url or self._ask_address("Add from URL", "Address of the article page:")
        return bool(url) and self._start(WebRequest.ADD, url.strip())

    def subscribe(self, url: str | None = None) -> bool:
        url = url or self._ask_address("Subscribe", "Address of the RSS or Atom feed:")
        return bool(url) and self._start(WebRequest.SUBSCRIBE, url.strip())

    def refresh_feeds(self) -> bool:
        return self._start(WebRequest.REFRESH, "")

    def _ask_address(self, title: str, prompt: str) -> str:
        """The address the reader typed (or pasted), or "" when they cancelled; the box is
        wide enough for a whole address."""
        dialog = QInputDialog(self._parent)
        dialog.setWindowTitle(title)
        dialog.setLabelText(prompt)
        dialog.setTextValue("")
        dialog.setInputMode(QInputDialog.InputMode.TextInput)
        dialog.resize(max(560, dialog.sizeHint().width()), dialog.sizeHint().height())
        if dialog.exec() != QInputDialog.DialogCode.Accepted:
            return ""
        return dialog.textValue().strip()

    def _start(self, kind: WebRequest, url: str) -> bool:
        def work(session, report, cancelled):  # noqa: ANN001, ANN202
            if kind is WebRequest.ADD:
                return kind, session.fetch_article(url, cancelled=cancelled)
            if kind is WebRequest.SUBSCRIBE:
                feed = session.add_feed(url, cancelled=cancelled)
                return kind, (feed, session.refresh_feeds(progress=report, cancelled=cancelled))
            return kind, session.refresh_feeds(progress=report, cancelled=cancelled)

        started = self._context.run(
            TASK, LABELS[kind], work, on_done=self._done, on_error=self._failed
        )
        if not started:
            self._context.status("Advocate is already fetching; wait for it to finish.")
        return started

    def _done(self, result: tuple[WebRequest, Any]) -> None:
        kind, value = result
        if kind is WebRequest.ADD:
            article_id, status = value
            self._open_article(article_id)
            self._context.status(f"Added the article ({status}); it is stored for offline reading.")
        else:
            reports = value[1] if kind is WebRequest.SUBSCRIBE else value
            if kind is WebRequest.REFRESH and not reports:
                self._context.status(
                    "You have no feeds yet: File ▸ Subscribe to Feed… adds one (a site's RSS "
                    "or Atom address)."
                )
                self.finished.emit(result)
                return
            new = sum(r.new_articles for r in reports)
            failed = [r for r in reports if r.error]
            message = f"{new} new article{'s' if new != 1 else ''}"
            if kind is WebRequest.SUBSCRIBE:
                message = f"Subscribed to {value[0].title}: {message}"
            if failed:
                message += f"; {len(failed)} feed(s) could not be refreshed ({failed[0].error})"
            self._context.status(message + ".")
        self.finished.emit(result)

    def _failed(self, message: str) -> None:
        # Said once, in the status bar; what was there stays.
        if message == str(NetworkOff()):
            self._context.status(OFFLINE)
        else:
            self._context.status(f"Nothing was added: {message}")
        self.finished.emit(None)

    def set_work_offline(self, offline: bool) -> None:
        self._context.session.set_network_allowed(not offline)
        self._context.status(
            "Working offline: Advocate will not use the network."
            if offline
            else "Advocate may use the network again."
        )

    def import_opml(self, path: Path | None = None) -> int | None:
        from advocate_app.core.web.fetch import FetchError

        if path is None:
            path = self._context.files.open_file(
                FileKind.SUBSCRIPTIONS, "Import subscriptions", "OPML (*.opml *.xml);;All files (*)"
            )
            if path is None:
                return None
        try:
            count = self._context.session.import_opml(read_small_file(path))
        except (FileProblem, FetchError) as exc:
            self._context.notify("The subscriptions were not imported", str(exc), "")
            return None
        self._context.status(f"Subscribed to {count} new feed(s); refresh to fetch them.")
        return count

    def export_opml(self, path: Path | None = None) -> Path | None:
        if path is None:
            path = self._context.files.save_file(
                FileKind.SUBSCRIPTIONS, "Export subscriptions", "advocate.opml", "OPML (*.opml)"
            )
            if path is None:
                return None
        try:
            atomic_write(path, self._context.session.export_opml())
        except OSError as exc:
            self._context.notify("The subscriptions were not saved", file_problem(exc, path), "")
            return None
        self._context.status(f"Exported your subscriptions to {path}.")
        return path
