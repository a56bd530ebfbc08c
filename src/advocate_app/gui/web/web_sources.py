"""Articles and feeds from the web, for the main window: add by URL, subscribe, refresh,
OPML, and working offline. Downloads run in the background; the window stays usable."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QInputDialog

from advocate_app.gui import tasks

if TYPE_CHECKING:
    from advocate_app.gui.window.main_window import MainWindow


class WebSources(QObject):
    finished = Signal(object)  # (kind, result), or None when it failed

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self._network: tasks.Task | None = None

    def add_from_url(self, url: str | None = None) -> bool:
        url = url or self._ask_address("Add from URL", "Address of the article page:")
        return bool(url) and self._network_task("add", url.strip())

    def subscribe(self, url: str | None = None) -> bool:
        url = url or self._ask_address("Subscribe", "Address of the RSS or Atom feed:")
        return bool(url) and self._network_task("subscribe", url.strip())

    def _ask_address(self, title: str, prompt: str) -> str:
        """The address the reader typed, or "" when they cancelled."""
        url, ok = QInputDialog.getText(self.window, title, prompt)
        return url.strip() if ok else ""

    def refresh_feeds(self) -> bool:
        return self._network_task("refresh", "")

    def _network_task(self, kind: str, url: str) -> bool:
        if self._network is not None:
            self.window.show_status("Advocate is already fetching; wait for it to finish.")
            return False
        path = self.window.library.path

        def work(report, cancelled):
            from advocate_app.core.store.library import open_library
            from advocate_app.core.web import feeds

            library = open_library(path)
            try:
                if kind == "add":
                    return kind, feeds.fetch_article(library, url)
                if kind == "subscribe":
                    feed = feeds.add_feed(library, url)
                    return kind, (
                        feed,
                        feeds.refresh_feeds(
                            library, cancelled=cancelled, progress=lambda m: report(0, 0, m)
                        ),
                    )
                return kind, feeds.refresh_feeds(
                    library, cancelled=cancelled, progress=lambda m: report(0, 0, m)
                )
            finally:
                library.close()

        task = tasks.Task(work)
        task.signals.progress.connect(lambda _d, _t, message: self.window.show_status(str(message)))
        task.signals.finished.connect(self._network_done)
        task.signals.failed.connect(self._network_failed)
        self._network = task
        self.window.progress.setRange(0, 0)
        self.window.progress.show()
        self.window.show_status("Fetching…")
        tasks.start(task)
        return True

    def _network_done(self, result) -> None:  # noqa: ANN001
        kind, value = result
        self._network = None
        self.window.progress.hide()
        self.window.list_pane.reload()
        if kind == "add":
            article_id, status = value
            self.window.open_article(article_id)
            self.window.show_status(
                f"Added the article ({status}); it is stored for offline reading."
            )
        else:
            reports = value[1] if kind == "subscribe" else value
            new = sum(r.new_articles for r in reports)
            failed = [r for r in reports if r.error]
            message = f"{new} new article{'s' if new != 1 else ''}"
            if kind == "subscribe":
                message = f"Subscribed to {value[0].title}: {message}"
            if failed:
                message += f"; {len(failed)} feed(s) could not be refreshed ({failed[0].error})"
            self.window.show_status(message + ".")
        self.finished.emit(result)

    def _network_failed(self, message: str) -> None:
        self._network = None
        self.window.progress.hide()
        self.window.show_status(f"Nothing was added: {message}")  # said once; what was there stays
        self.finished.emit(None)

    def set_work_offline(self, offline: bool) -> None:
        from advocate_app.core.web.network import set_network_allowed

        if self.window.write(lambda: set_network_allowed(self.window.library, not offline)):
            self.window.show_status(
                "Working offline: Advocate will not use the network."
                if offline
                else "Advocate may use the network again."
            )

    def import_opml(self) -> None:
        from advocate_app.core.web.feeds import import_opml
        from advocate_app.core.web.fetch import FetchError

        name, _ = QFileDialog.getOpenFileName(
            self, "Import subscriptions", "", "OPML (*.opml *.xml)"
        )
        if not name:
            return
        try:
            count = import_opml(self.window.library, Path(name).read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, FetchError) as exc:
            self.window.notify("The subscriptions were not imported", str(exc), "")
            return
        self.window.list_pane.reload()
        self.window.show_status(f"Subscribed to {count} new feed(s); refresh to fetch them.")

    def export_opml(self) -> None:
        from advocate_app.core.web.feeds import export_opml

        name, _ = QFileDialog.getSaveFileName(
            self.window, "Export subscriptions", "advocate.opml", "OPML (*.opml)"
        )
        if name:
            Path(name).write_text(export_opml(self.window.library), encoding="utf-8")
            self.window.show_status(f"Exported your subscriptions to {name}.")
