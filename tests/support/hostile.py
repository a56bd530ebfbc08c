"""A hostile web server on 127.0.0.1: it trickles, lies about lengths, sends broken or huge
headers, compresses bombs, nests pages absurdly and points feeds at private addresses.

It speaks raw HTTP on a socket, so it can send what no well-behaved server library would.
"""

from __future__ import annotations

import gzip
import socket
import threading
import time

ARTICLE = (
    "<html><head><title>Fine page</title></head><body><article><h1>Fine page</h1>"
    + "".join(
        f"<p>Paragraph {n} of a perfectly ordinary article about the harbour, the ferries and "
        f"the {n * 3} families who live on the island all year round.</p>"
        for n in range(1, 8)
    )
    + "</article></body></html>"
).encode()


def _response(
    body: bytes, *, status: str = "200 OK", kind: str = "text/html", extra: str = ""
) -> bytes:
    head = (
        f"HTTP/1.1 {status}\r\nContent-Type: {kind}\r\nContent-Length: {len(body)}\r\n"
        f"{extra}Connection: close\r\n\r\n"
    )
    return head.encode() + body


class HostileServer:
    def __init__(self) -> None:
        self.listener = socket.socket()
        self.listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen(32)
        self.port = self.listener.getsockname()[1]
        self.base = f"http://127.0.0.1:{self.port}"
        self.requests: list[str] = []
        self._stop = threading.Event()
        threading.Thread(target=self._serve, daemon=True).start()

    def stop(self) -> None:
        self._stop.set()
        self.listener.close()

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                connection, _ = self.listener.accept()
            except OSError:
                return
            threading.Thread(target=self._answer, args=(connection,), daemon=True).start()

    def _answer(self, connection: socket.socket) -> None:
        try:
            request = connection.recv(65536).decode("latin-1")
            path = request.split(" ", 2)[1] if request.count(" ") >= 2 else "/"
            self.requests.append(path)
            self._route(path, connection)
        except OSError:
            pass
        finally:
            try:
                connection.close()
            except OSError:
                pass

    def _trickle(self, connection: socket.socket, data: bytes, every: float = 0.5) -> None:
        for byte in data:
            if self._stop.is_set():
                return
            connection.sendall(bytes([byte]))
            time.sleep(every)

    def _route(self, path: str, out: socket.socket) -> None:  # noqa: C901 - a table of cases
        base = self.base
        if path == "/article.html":
            out.sendall(_response(ARTICLE))
        elif path == "/trickle-body":
            out.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n")
            self._trickle(out, ARTICLE)
        elif path == "/trickle-headers":
            self._trickle(out, b"HTTP/1.1 200 OK\r\n" + b"X-Slow: " + b"a" * 2000 + b"\r\n\r\n")
        elif path == "/long-header":
            out.sendall(b"HTTP/1.1 200 OK\r\nX-Big: " + b"a" * (1024 * 1024) + b"\r\n\r\nhi")
        elif path == "/many-headers":
            lines = b"".join(b"X-H%d: v\r\n" % n for n in range(100_000))
            out.sendall(b"HTTP/1.1 200 OK\r\n" + lines + b"\r\nhi")
        elif path == "/garbage-status":
            out.sendall(b"\x00\x01HELLO THERE\r\n\r\nnothing")
        elif path == "/broken-chunks":
            out.sendall(
                b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n"
                b"\r\n5\r\nhello\r\nZZZ\r\nnot a chunk\r\n"
            )
        elif path == "/truncated":
            out.sendall(
                b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 100000\r\n\r\n"
                + ARTICLE[:500]
            )
        elif path == "/gzip":
            out.sendall(_response(gzip.compress(ARTICLE), extra="Content-Encoding: gzip\r\n"))
        elif path == "/gzip-bomb":
            bomb = gzip.compress(b"<p>" + b"a" * (64 * 1024 * 1024) + b"</p>")
            out.sendall(_response(bomb, extra="Content-Encoding: gzip\r\n"))
        elif path == "/brotli":
            out.sendall(_response(b"\x8b\x00\x80binary", extra="Content-Encoding: br\r\n"))
        elif path == "/nested":
            out.sendall(_response(b"<html><body>" + b"<div>" * 100_000 + b"x</body></html>"))
        elif path == "/other-port":
            out.sendall(
                _response(b"", status="302 Found", extra="Location: http://127.0.0.1:9/x\r\n")
            )
        elif path == "/feed-private":
            entries = (
                f"<item><title>Here</title><link>{base}/article.html</link></item>"
                "<item><title>Router</title><link>http://10.0.0.1/admin</link></item>"
                "<item><title>Loop</title><link>http://127.0.0.2:8080/x</link></item>"
                "<item><title>Bad</title><link>http://[::1</link></item>"
                "<item><title>&lt;h1 style='color:red'&gt;Loud&lt;/h1&gt;</title>"
                "<link>ftp://example.org/file</link></item>"
            )
            out.sendall(_response(_rss(entries), kind="application/rss+xml"))
        elif path == "/feed-is-html":
            out.sendall(_response(b"<!DOCTYPE html><html><body><a href='/x'>x</a></body></html>"))
        else:
            out.sendall(_response(b"not here", status="404 Not Found"))


def _rss(items: str) -> bytes:
    return (
        "<?xml version='1.0'?><rss version='2.0'><channel><title>Hostile feed</title>"
        f"<link>http://example.org/</link>{items}</channel></rss>"
    ).encode()
