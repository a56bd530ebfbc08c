"""A real HTTP server on 127.0.0.1 for the tests of fetching pages, feeds and the directory."""

from __future__ import annotations

import http.server
import threading
import time

from tests.support.data import SAVED_PAGE

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
        self.files: dict[str, bytes] = {}  # more paths to serve, as given
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
                if self.path in server.files:
                    return self.send(200, server.files[self.path], kind="application/octet-stream")
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
