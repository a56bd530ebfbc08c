"""Fetching pages and feeds from a real HTTP server on 127.0.0.1, then reading offline."""

from __future__ import annotations

import http.server
import threading
import time
from pathlib import Path

import pytest

from advocate_app.core.paths import library_path
from advocate_app.core.store.library import open_library
from advocate_app.core.web.feeds import refresh_feeds
from advocate_app.core.web.fetch import FetchError, fetch

from .helpers import run_cli
from .test_parse_inputs import SAVED_PAGE

NEWS = (
    "<html><head><title>Storm hits coast | Daily</title>"
    '<meta property="og:site_name" content="The Daily">'
    '<meta property="article:published_time" content="2025-09-01T08:00:00Z"></head><body>'
    "<nav><a href='/'>Home</a> <a href='/login'>Log in</a></nav><article><h1>Storm hits coast</h1>"
    + "".join(
        f"<p>The storm made landfall at dawn; in district {n}, {n * 1000} homes lost power and "
        f"crews from {n} counties worked through the night to restore service.</p>"
        for n in range(1, 8)
    )
    + "<img src='http://127.0.0.1:1/pixel.gif'></article><footer>© The Daily</footer></body></html>"
)
LATIN1 = (
    "<html><head><meta charset='windows-1252'><title>Caf\xe9 closes</title></head><body><article>"
    + "".join(
        f"<p>The caf\xe9 on Main Street, open for {n}0 years, served its last {n} coffees to "
        f"{n * 12} neighbours who came to say goodbye.</p>"
        for n in range(1, 6)
    )
    + "</article></body></html>"
).encode("cp1252")


def rss(port: int, links: list[str]) -> bytes:
    items = "".join(
        f"<item><title>Entry {i}</title><link>http://127.0.0.1:{port}{link}</link></item>"
        for i, link in enumerate(links)
    )
    return (
        f"<?xml version='1.0'?><rss version='2.0'><channel><title>Test feed</title>"
        f"<link>http://127.0.0.1:{port}/</link>{items}</channel></rss>"
    ).encode()


class QuietServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        pass  # a client that hangs up early (as a refused download does) is expected here


class Server:
    def __init__(self) -> None:
        self.requests: list[str] = []
        self.feed_links = ["/site/article.html", "/news/storm.html"]
        handler = self._handler()
        self.httpd = QuietServer(("127.0.0.1", 0), handler)
        self.port = self.httpd.server_address[1]
        self.base = f"http://127.0.0.1:{self.port}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    def _handler(self):
        server = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def send(self, status, body=b"", kind="text/html; charset=utf-8", headers=()):
                self.send_response(status)
                if kind:
                    self.send_header("Content-Type", kind)
                for name, value in headers:
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def do_GET(self):  # noqa: N802
                server.requests.append(self.path)
                routes = {
                    "/site/article.html": lambda: self.send(200, SAVED_PAGE.encode()),
                    "/news/storm.html": lambda: self.send(200, NEWS.encode()),
                    "/latin1.html": lambda: self.send(200, LATIN1, kind="text/html"),
                    "/login": lambda: self.send(
                        200, b"<html><body><form>Log in</form></body></html>"
                    ),
                    "/paper.pdf": lambda: self.send(200, b"%PDF-1.4", kind="application/pdf"),
                    "/missing": lambda: self.send(404, b"no"),
                    "/bad-feed.xml": lambda: self.send(
                        200, b"<rss><channel><item>", kind="application/rss+xml"
                    ),
                }
                if self.path in routes:
                    return routes[self.path]()
                if self.path == "/feed.xml":
                    etag = '"v1"'
                    if self.headers.get("If-None-Match") == etag:
                        return self.send(304, kind="")
                    return self.send(
                        200,
                        rss(server.port, server.feed_links),
                        kind="application/rss+xml",
                        headers=[("ETag", etag)],
                    )
                if self.path == "/feed2.xml":
                    return self.send(
                        200, rss(server.port, ["/site/article.html"]), kind="application/rss+xml"
                    )
                if self.path == "/slow":
                    time.sleep(3)
                    return self.send(200, b"late")
                if self.path == "/huge":
                    return self.send(200, b"x" * (10 * 1024 * 1024 + 10))
                if self.path == "/elsewhere":
                    return self.send(
                        302,
                        headers=[("Location", f"http://localhost:{server.port}/news/storm.html")],
                    )
                if self.path == "/moved":
                    return self.send(301, headers=[("Location", "/news/storm.html")])
                return self.send(404, b"unknown")

        return Handler


@pytest.fixture
def server():
    running = Server()
    yield running
    running.stop()


def test_add_by_url_then_read_offline(capsys, server, data_dir):
    site = run_cli(capsys, "fetch", server.base + "/site/article.html", "--json")
    assert site.code == 0, site.err
    news = run_cli(capsys, "fetch", server.base + "/news/storm.html", "--json").json()
    server.stop()  # offline from here on

    shown = run_cli(capsys, "show", str(site.json()["id"]), "--json").json()
    assert shown["title"] == "Clean water for Flint, again"
    assert shown["url"] == "https://example.org/articles/clean-water"  # the page's own address
    assert shown["actions"][0]["title"] == "Write to Congress"
    story = run_cli(capsys, "show", str(news["id"]), "--json").json()
    assert story["title"] == "Storm hits coast"
    assert story["url"] == server.base + "/news/storm.html"
    assert story["body"][0].startswith("The storm made landfall at dawn; in district 1")
    assert "Log in" not in " ".join(story["body"]) and "pixel" not in str(story)
    assert story["published"].startswith("2025-09-01")
    assert all(a["generated"] for a in story["actions"])


def test_redirects_charsets_and_bad_pages(capsys, server, data_dir):
    moved = run_cli(capsys, "fetch", server.base + "/moved", "--json")
    assert moved.code == 0 and moved.json()["title"] == "Storm hits coast"
    cafe = run_cli(capsys, "fetch", server.base + "/latin1.html", "--json").json()
    assert cafe["title"] == "Café closes"
    cases = {
        "/missing": "answered 404",
        "/paper.pdf": "is not a web page (application/pdf)",
        "/login": "does not look like an article",
        "/elsewhere": "redirects to another site (localhost)",
        "/huge": "too large",
    }
    for path, message in cases.items():
        result = run_cli(capsys, "fetch", server.base + path)
        assert result.code == 1 and message in result.err, (path, result.err)
        assert "Traceback" not in result.err
    assert run_cli(capsys, "fetch", "ftp://example.org/x").code == 1
    assert len(run_cli(capsys, "list", "--json").json()) == 2  # no partial articles


def test_slow_server_times_out(server):
    started = time.monotonic()
    with pytest.raises(FetchError, match="no answer within 0.5 seconds"):
        fetch(server.base + "/slow", timeout=0.5)
    assert time.monotonic() - started < 2.5


def test_feeds_refresh_conditionally_and_skip_duplicates(capsys, server, data_dir, tmp_path):
    assert run_cli(capsys, "feeds", "add", server.base + "/feed.xml").code == 0
    assert run_cli(capsys, "feeds", "add", server.base + "/feed2.xml").code == 0
    library = open_library(library_path(data_dir))
    try:
        reports = refresh_feeds(library, delay=0.05)
        assert [(r.feed, r.new_articles) for r in reports] == [("Test feed", 2), ("Test feed", 0)]
        assert server.requests.count("/site/article.html") == 1  # not fetched twice
        again = refresh_feeds(library, delay=0.05)
        assert again[0].not_modified and server.requests.count("/news/storm.html") == 1
    finally:
        library.close()
    listed = run_cli(capsys, "feeds", "list", "--json").json()
    assert [f["unread"] for f in listed] == [2, 1]

    exported = tmp_path / "subs.opml"
    run_cli(capsys, "feeds", "export", "-o", str(exported))
    assert exported.read_text().count("<outline") == 2
    run_cli(capsys, "feeds", "remove", str(listed[1]["id"]))
    assert len(run_cli(capsys, "feeds", "list", "--json").json()) == 1
    result = run_cli(capsys, "feeds", "import", str(exported))
    assert "Subscribed to 1 new feed(s)" in result.out


def test_malformed_feed_and_offline_refresh(capsys, server, data_dir):
    bad = run_cli(capsys, "feeds", "add", server.base + "/bad-feed.xml")
    assert bad.code == 1 and "not a readable RSS or Atom feed" in bad.err
    run_cli(capsys, "feeds", "add", server.base + "/feed.xml")
    server.stop()
    result = run_cli(capsys, "feeds", "refresh")
    assert result.code == 1 and "could not connect" in result.err
    (feed,) = run_cli(capsys, "feeds", "list", "--json").json()
    assert feed["error"] and "could not connect" in feed["error"]


def test_network_switch_stops_all_fetching(capsys, server, data_dir):
    assert "off" in run_cli(capsys, "network", "off").out
    result = run_cli(capsys, "fetch", server.base + "/news/storm.html")
    assert result.code == 1 and "network access is turned off" in result.err
    assert server.requests == []
    update = run_cli(capsys, "directory", "update", "--from", server.base + "/")
    assert update.code == 1 and "network access is turned off" in update.err
    run_cli(capsys, "network", "on")
    assert run_cli(capsys, "fetch", server.base + "/news/storm.html").code == 0


def test_opml_bad_file(capsys, tmp_path, data_dir):
    bad = tmp_path / "bad.opml"
    bad.write_text("<opml><body><outline", encoding="utf-8")
    result = run_cli(capsys, "feeds", "import", str(bad))
    assert result.code == 1 and "not a readable OPML file" in result.err
    assert Path(bad).exists()


def test_the_window_adds_by_url_subscribes_and_filters_by_source(
    open_window, server, tmp_path, qtbot
):
    window = open_window(tmp_path / "data" / "library.sqlite3")
    assert not window.list_pane.source.isVisibleTo(window)  # no feeds yet
    with qtbot.waitSignal(window.sources.finished, timeout=20000) as added:
        assert window.sources.add_from_url(server.base + "/news/storm.html")
    assert added.args[0][0] == "add"
    assert window.reader.toPlainText().startswith("Storm hits coast")
    assert "stored for offline reading" in window.status_label.text()

    with qtbot.waitSignal(window.sources.finished, timeout=20000):
        window.sources.subscribe(server.base + "/feed.xml")
    assert "Subscribed to Test feed: 1 new article" in window.status_label.text()
    source = window.list_pane.source
    assert source.isVisibleTo(window) and source.count() == 2
    assert source.itemText(1).startswith("Test feed (")
    source.setCurrentIndex(1)
    assert window.list_pane.model.rowCount() == 2  # both entries, one fetched before

    window.actions_.offline.trigger()
    with qtbot.waitSignal(window.sources.finished, timeout=20000) as refused:
        window.sources.refresh_feeds()
    assert refused.args[0] is None
    assert "network access is turned off" in window.status_label.text()
    window.actions_.offline.trigger()
    server.stop()
    with qtbot.waitSignal(window.sources.finished, timeout=20000):
        window.sources.refresh_feeds()
    assert "could not be refreshed" in window.status_label.text()
    assert window.list_pane.model.rowCount() == 2  # what was there stays
