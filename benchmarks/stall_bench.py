"""How long the window's thread is held during the heavy operations, in the real window: a
QTimer ticks every 10 ms while each runs, and the longest gap between ticks is the worst
stall a reader would feel (goal: never over 100 ms). Also the time each operation takes, and
the slowest page while scrolling the whole list.

Run by run_benchmarks.py in a child process: python stall_bench.py DATA_FOLDER WORK_FOLDER
"""

from __future__ import annotations

import http.server
import json
import os
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

TICK_MS = 10
READ_EVERY_MS = 150
FEEDS = 20
ENTRIES = 5
SHARED_DATA = Path(__file__).resolve().parents[2] / "shared" / "data"


def _news_page(feed: int, entry: int) -> bytes:
    paragraphs = "".join(
        f"<p>Paragraph {n} of story {entry} from feed {feed}: the council met again on the "
        f"harbour plan, and {n * 7} residents spoke about ferries, rents and the school.</p>"
        for n in range(1, 9)
    )
    return (
        f"<html><head><title>Story {feed}-{entry}</title></head><body><article>"
        f"<h1>Story {feed}-{entry}</h1>{paragraphs}</article></body></html>"
    ).encode()


def _feed(port: int, feed: int) -> bytes:
    items = "".join(
        f"<item><title>Story {feed}-{n}</title>"
        f"<link>http://127.0.0.1:{port}/page/{feed}/{n}</link></item>"
        for n in range(ENTRIES)
    )
    return (
        f"<?xml version='1.0'?><rss version='2.0'><channel><title>Feed {feed}</title>"
        f"<link>http://127.0.0.1:{port}/</link>{items}</channel></rss>"
    ).encode()


def _serve() -> str:
    class Handler(http.server.BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

        def do_GET(self) -> None:  # noqa: N802
            parts = self.path.strip("/").split("/")
            if parts[0] == "feed":
                body, kind = (
                    _feed(self.server.server_address[1], int(parts[1])),
                    "application/rss+xml",
                )
            else:
                body, kind = _news_page(int(parts[1]), int(parts[2])), "text/html; charset=utf-8"
            self.send_response(200)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}"


def run(data_dir: Path, work: Path) -> dict[str, float]:
    from PySide6.QtCore import QEventLoop, QItemSelection, QItemSelectionModel, QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    from advocate_app.core.web import feeds as feed_module
    from advocate_app.gui import app as app_module

    # One request a second per site is right for the web; here every feed is one local site.
    feed_module.refresh_feeds.__kwdefaults__["delay"] = 0.0
    settings = QSettings(str(work / "stall-settings.ini"), QSettings.Format.IniFormat)
    window, instance = app_module.start(["--data-dir", str(data_dir)], settings=settings)
    for dialog in QApplication.topLevelWidgets():  # set-up, if it opened: not measured here
        if dialog is not window and dialog.isVisible():
            dialog.close()
    QApplication.processEvents()
    results: dict[str, float] = {}

    def measure(
        name: str,
        start: Callable[[], object],
        done: Callable[[], bool],
        meanwhile: Callable[[], object] | None = None,
    ) -> None:
        """The worst gap while `start`'s work runs; `meanwhile` is what a reader does during
        it, every READ_EVERY_MS (a click that also writes: the article becomes read)."""
        worst = [0.0]
        last = [time.perf_counter()]

        def tick() -> None:
            now = time.perf_counter()
            worst[0] = max(worst[0], (now - last[0]) * 1000)
            last[0] = now

        timer = QTimer()
        timer.setInterval(TICK_MS)
        timer.timeout.connect(tick)
        timer.start()
        reader = QTimer()
        if meanwhile is not None:
            reader.setInterval(READ_EVERY_MS)
            reader.timeout.connect(meanwhile)
            reader.start()
        began = time.perf_counter()
        QTimer.singleShot(0, start)
        loop = QEventLoop()
        poll = QTimer()
        poll.setInterval(20)
        poll.timeout.connect(
            lambda: loop.quit() if done() and time.perf_counter() - began > 0.05 else None
        )
        poll.start()
        loop.exec()
        poll.stop()
        reader.stop()
        timer.stop()
        results[f"stall_{name}_ms"] = round(worst[0])
        results[f"took_{name}_s"] = round(time.perf_counter() - began, 2)

    def idle() -> bool:
        return not window.tasks.busy()

    def whole_list() -> None:
        """Until the list's rows have all come from the background."""
        while not (window.list_pane.model.complete and window.list_pane.settled):
            QApplication.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 50)

    # Scrolling the whole list a page at a time: the slowest page.
    whole_list()
    view = window.list_pane.view
    bar = view.verticalScrollBar()
    slowest = 0.0
    bar.setValue(0)
    QApplication.processEvents()
    while bar.value() < bar.maximum():
        began = time.perf_counter()
        bar.setValue(bar.value() + bar.pageStep())
        view.viewport().repaint()
        QApplication.processEvents()
        slowest = max(slowest, (time.perf_counter() - began) * 1000)
    results["scroll_slowest_page_ms"] = round(slowest, 1)

    # Importing 10,000 files.
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from corpus import write_corpus

    folder = work / "more"
    write_corpus(folder, 10_000, seed=99)
    measure("import_10k", lambda: window.importer.start([folder]), idle)

    # Refreshing 20 feeds of a local server.
    base = _serve()
    for number in range(FEEDS):
        window.session.add_feed(f"{base}/feed/{number}")
    measure("refresh_20_feeds", window.web.refresh_feeds, idle)

    # Deleting 10,000 articles, and undoing it.
    whole_list()
    model = window.list_pane.model
    selection = QItemSelection(model.index(0), model.index(min(10_000, model.rowCount()) - 1))
    view.selectionModel().select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)
    before = model.rowCount()
    measure(
        "delete_10k", window.reading.delete_selected, lambda: idle() and model.rowCount() < before
    )
    measure(
        "undo_delete_10k", window.reading.undo_delete, lambda: idle() and model.rowCount() == before
    )

    # Mark all read over the whole library.
    measure("mark_all_read", window.reading.mark_all_read, idle)

    # A directory update from the public data, when it is here.
    legislators = SHARED_DATA / "congress-legislators"
    if legislators.is_dir():
        source = work / "directory"
        source.mkdir(exist_ok=True)
        for path in legislators.glob("*.json"):
            (source / path.name).write_bytes(path.read_bytes())
        (source / "zccd.csv").write_bytes((SHARED_DATA / "zip-districts" / "zccd.csv").read_bytes())
        measure("directory_update", lambda: window.officials.update_directory(str(source)), idle)

    # A backup, and restoring it.
    backup = work / "stall-backup.sqlite3"
    measure("backup", lambda: window.safekeeping.back_up(backup), idle)

    def read_next() -> None:
        pane = window.list_pane
        pane.select_row((pane.view.currentIndex().row() + 7) % max(1, pane.model.rowCount()))

    measure("reading_during_backup", lambda: window.safekeeping.back_up(backup), idle, read_next)
    measure("restore", lambda: window.safekeeping.restore_backup(backup, confirm=False), idle)
    instance.close()
    return results


if __name__ == "__main__":
    found = run(Path(sys.argv[1]), Path(sys.argv[2]))
    print(json.dumps(found), flush=True)
    os._exit(0)
