"""Web sources in the window: add by address, subscribe, filter by source, work offline, OPML."""

from __future__ import annotations


def test_the_window_adds_by_url_subscribes_and_filters_by_source(
    open_window, server, tmp_path, qtbot
):
    window = open_window(tmp_path / "data" / "library.sqlite3")
    assert not window.list_pane.source.isVisibleTo(window)  # no feeds yet
    with qtbot.waitSignal(window.web.finished, timeout=20000) as added:
        assert window.web.add_from_url(server.base + "/news/storm.html")
    assert added.args[0][0] == "add"
    assert window.reader.toPlainText().startswith("Storm hits coast")
    assert "stored for offline reading" in window.status_label.text()

    with qtbot.waitSignal(window.web.finished, timeout=20000):
        window.web.subscribe(server.base + "/feed.xml")
    assert "Subscribed to Test feed: 1 new article" in window.status_label.text()
    source = window.list_pane.source
    qtbot.waitUntil(lambda: window.list_pane.settled)  # unread counts come from the background
    assert source.isVisibleTo(window) and source.count() == 2
    assert source.itemText(1).startswith("Test feed (")
    source.setCurrentIndex(1)
    assert window.list_pane.model.rowCount() == 2  # both entries, one fetched before

    window.actions_.offline.trigger()
    with qtbot.waitSignal(window.web.finished, timeout=20000) as refused:
        window.web.refresh_feeds()
    assert refused.args[0] is None
    assert "working offline" in window.status_label.text()
    window.actions_.offline.trigger()
    server.stop()
    with qtbot.waitSignal(window.web.finished, timeout=20000):
        window.web.refresh_feeds()
    assert "could not be refreshed" in window.status_label.text()
    assert window.list_pane.model.rowCount() == 2  # what was there stays


def test_closing_the_window_stops_a_slow_download_at_once(open_window, tmp_path, qtbot):
    import time

    from tests.support.hostile import HostileServer

    hostile = HostileServer()
    try:
        window = open_window(tmp_path / "data" / "library.sqlite3")
        assert window.web.add_from_url(hostile.base + "/trickle-body")  # a byte every 0.5 s
        qtbot.waitUntil(lambda: "/trickle-body" in hostile.requests, timeout=5000)
        started = time.monotonic()
        window.close()
        assert time.monotonic() - started < 2.0
        assert window.tasks.wait(0), "the download still runs after the window closed"
    finally:
        hostile.stop()
    assert window.list_pane.model.rowCount() == 0  # and nothing half-downloaded was kept
