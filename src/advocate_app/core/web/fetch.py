"""Download one address carefully: a total deadline, a size cap, same-site redirects only,
conditional requests, and a clear one-line reason for every failure.

The deadline covers everything (connecting, the headers, the body): a timer shuts the socket
down when it passes, so a server that trickles a byte every few seconds cannot keep a
download going.
"""

from __future__ import annotations

import errno
import functools
import http.client
import ipaddress
import re
import socket
import ssl
import threading
import time
import urllib.error
import urllib.request
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from email.message import Message
from typing import Any
from urllib.parse import urlsplit

from advocate_app.core import version as version_module

DEFAULT_TIMEOUT_SECONDS = 30
MAX_BYTES = 10 * 1024 * 1024
CHUNK = 64 * 1024


class FetchError(Exception):
    """The address could not be fetched; the message says which and why, for a person.
    `plain` is the why alone, for the window, where the address is not needed."""

    def __init__(self, message: str, plain: str | None = None) -> None:
        super().__init__(message)
        self.plain = plain or message


def _error(url: str, reason: str) -> FetchError:
    return FetchError(f"{url}: {reason}", plain=reason[:1].upper() + reason[1:] + ".")


BARE_ADDRESS = re.compile(r"^(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)+(?::\d+)?(?:[/?#]\S*)?$", re.I)


def web_address(text: str) -> str:
    """An address as people type it: "www.example.org/page" is read as https://."""
    text = text.strip()
    if "://" not in text and BARE_ADDRESS.match(text):
        return "https://" + text
    return text


def _plain_reason(reason: object) -> str:
    """Why a connection failed, in words for people rather than an errno."""
    if isinstance(reason, socket.gaierror):
        return "the site could not be found: this computer may be offline"
    if isinstance(reason, ConnectionRefusedError):
        return "the site refused the connection"
    if isinstance(reason, ssl.SSLCertVerificationError):
        return "the site's security certificate could not be checked"
    if isinstance(reason, OSError) and reason.errno in (errno.ENETUNREACH, errno.EHOSTUNREACH):
        return "there is no network: this computer seems to be offline"
    if isinstance(reason, OSError) and reason.strerror:
        return reason.strerror.lower()
    return _describe(reason) if isinstance(reason, BaseException) else str(reason)


@dataclass(frozen=True)
class Fetched:
    url: str  # after redirects
    status: int
    content: bytes
    content_type: str
    charset: str | None
    etag: str | None
    last_modified: str | None

    @property
    def not_modified(self) -> bool:
        return self.status == 304


DEFAULT_PORTS = {"http": 80, "https": 443}
POLL_SECONDS = 0.1  # how soon a cancelled download notices


def _host(url: str) -> str:
    host = (urlsplit(url).hostname or "").lower()
    return host[4:] if host.startswith("www.") else host


def origin(url: str) -> tuple[str, int | None]:
    """The site an address belongs to: its host (without www.) and its port."""
    parts = urlsplit(url)
    try:
        port = parts.port or DEFAULT_PORTS.get(parts.scheme)
    except ValueError:
        port = None
    return _host(url), port


def same_site(a: str, b: str) -> bool:
    """Same host and port; moving between http and https on their usual ports is allowed."""
    (host_a, port_a), (host_b, port_b) = origin(a), origin(b)
    if host_a != host_b:
        return False
    usual = {80, 443}
    return port_a == port_b or (port_a in usual and port_b in usual)


def is_public(url: str) -> bool:
    """Whether every address the host name resolves to is a public one (not loopback,
    private, link-local or reserved). An unresolvable name counts as public: connecting will
    fail with its own reason."""
    host = urlsplit(url).hostname or ""
    try:
        infos = socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)
    except (OSError, UnicodeError):
        return True
    for info in infos:
        try:
            address = ipaddress.ip_address(str(info[4][0]).split("%")[0])
        except ValueError:
            return False
        if not address.is_global:
            return False
    return True


class _Deadline:
    """Shuts down every socket of one download when its time is up or it is cancelled."""

    def __init__(self, seconds: float, cancelled: Callable[[], bool] | None) -> None:
        self.expired = False
        self.cancelled = False
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self._done = threading.Event()
        self._ends = time.monotonic() + seconds
        self._asked_to_stop = cancelled or (lambda: False)
        threading.Thread(target=self._watch, daemon=True).start()

    def _watch(self) -> None:
        while not self._done.wait(POLL_SECONDS):
            if self._asked_to_stop():
                self.cancelled = True
                self._expire()
                return
            if time.monotonic() >= self._ends:
                self._expire()
                return

    def watch(self, sock: socket.socket) -> None:
        with self._lock:
            self._sockets.append(sock)
            if self.expired:
                _shut(sock)

    def _expire(self) -> None:
        with self._lock:
            self.expired = True
            for sock in self._sockets:
                _shut(sock)

    def cancel(self) -> None:
        self._done.set()


def _shut(sock: socket.socket) -> None:
    try:
        sock.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass


class _WatchedHTTP(http.client.HTTPConnection):
    def __init__(self, *args: Any, deadline: _Deadline, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._deadline = deadline

    def connect(self) -> None:
        super().connect()
        self._deadline.watch(self.sock)


class _WatchedHTTPS(http.client.HTTPSConnection):
    def __init__(self, *args: Any, deadline: _Deadline, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._deadline = deadline

    def connect(self) -> None:
        super().connect()
        self._deadline.watch(self.sock)


class _HTTPHandler(urllib.request.HTTPHandler):
    def __init__(self, deadline: _Deadline) -> None:
        super().__init__()
        self._deadline = deadline

    def http_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(functools.partial(_WatchedHTTP, deadline=self._deadline), req)


class _HTTPSHandler(urllib.request.HTTPSHandler):
    def __init__(self, deadline: _Deadline) -> None:
        super().__init__()
        self._deadline = deadline

    def https_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        options: dict[str, Any] = {"context": self._context}  # type: ignore[attr-defined]
        if hasattr(self, "_check_hostname"):  # Python 3.11 passes it on; later ones dropped it
            options["check_hostname"] = self._check_hostname
        return self.do_open(
            functools.partial(_WatchedHTTPS, deadline=self._deadline), req, **options
        )


class _Redirects(urllib.request.HTTPRedirectHandler):
    def __init__(self, same_site_only: bool) -> None:
        super().__init__()
        self._same_site_only = same_site_only

    def redirect_request(self, req, fp, code, msg, headers, newurl):  # noqa: ANN001, PLR0913
        if urlsplit(newurl).scheme not in ("http", "https"):
            raise _error(req.full_url, "it redirects to a non-web address")
        if self._same_site_only and not same_site(newurl, req.full_url):
            raise _error(
                req.full_url,
                f"it redirects to another site ({urlsplit(newurl).netloc}); open that address "
                "yourself if you trust it",
            )
        if not same_site(newurl, req.full_url) and not is_public(newurl):
            raise _error(req.full_url, "it redirects to a private or local address")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def fetch(
    url: str,
    *,
    timeout: float = DEFAULT_TIMEOUT_SECONDS,
    max_bytes: int = MAX_BYTES,
    etag: str | None = None,
    last_modified: str | None = None,
    accept: str | None = None,
    same_site_only: bool = True,
    cancelled: Callable[[], bool] | None = None,
) -> Fetched:
    """Fetch `url` within `timeout` seconds in all; FetchError with a reason otherwise.

    `cancelled` is asked every tenth of a second; when it says yes the download stops.
    """
    url = web_address(url)
    try:
        parts = urlsplit(url)
        valid = parts.scheme in ("http", "https") and bool(parts.hostname)
    except ValueError:
        valid = False
    if not valid:
        raise FetchError(
            f"{url!r} is not a web address (it should start with https://)",
            plain="That is not a web address: it should look like https://example.org/page.",
        )
    headers = {
        "User-Agent": f"Advocate/{version_module.version()} (offline reader)",
        "Accept": accept
        or "text/html,application/xhtml+xml,application/rss+xml,"
        "application/atom+xml,application/xml;q=0.9,*/*;q=0.5",
    }
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    deadline = _Deadline(timeout, cancelled)
    opener = urllib.request.build_opener(
        _HTTPHandler(deadline), _HTTPSHandler(deadline), _Redirects(same_site_only)
    )
    late = f"no complete answer within {timeout:g} seconds"

    def stopped() -> FetchError:
        return _error(url, "the download was stopped") if deadline.cancelled else _error(url, late)

    try:
        request = urllib.request.Request(url, headers=headers)
        with opener.open(request, timeout=timeout) as response:
            length = response.headers.get("Content-Length")
            if length and length.isdigit() and int(length) > max_bytes:
                raise _error(url, f"the page is too large ({int(length) / 1_048_576:.1f} MB)")
            content = _read_capped(response, max_bytes, url)
            if deadline.expired:
                raise stopped()
            if length and length.isdigit() and len(content) != int(length) and not response.chunked:
                raise _error(
                    url, f"the download was cut short ({len(content):,} of {int(length):,} bytes)"
                )
            content = _decoded(content, response.headers.get("Content-Encoding"), max_bytes, url)
            return _result(response.geturl(), response.status, content, response.headers)
    except urllib.error.HTTPError as exc:
        if exc.code == 304:
            return Fetched(url, 304, b"", "", None, etag, last_modified)
        raise _error(url, f"the server answered {exc.code} {exc.reason}") from None
    except FetchError:
        raise
    except TimeoutError:
        raise _error(url, late) from None
    except urllib.error.URLError as exc:
        reason = exc.reason
        if deadline.expired or isinstance(reason, TimeoutError) or "timed out" in str(reason):
            raise _error(url, late) from None
        if isinstance(reason, FetchError):
            raise reason from None
        raise _error(url, f"could not connect: {_plain_reason(reason)}") from None
    except http.client.HTTPException as exc:
        if deadline.expired:
            raise stopped() from None
        raise _error(url, f"the server's answer was broken ({_describe(exc)})") from None
    except (OSError, ValueError) as exc:
        if deadline.expired:
            raise stopped() from None
        raise _error(url, f"the connection failed: {_plain_reason(exc)}") from None
    finally:
        deadline.cancel()


def _describe(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    return (text[:120] or exc.__class__.__name__).strip()


def _read_capped(response: http.client.HTTPResponse, max_bytes: int, url: str) -> bytes:
    pieces: list[bytes] = []
    size = 0
    while chunk := response.read1(CHUNK):
        size += len(chunk)
        if size > max_bytes:
            raise _error(url, f"the page is larger than {max_bytes // 1_048_576} MB")
        pieces.append(chunk)
    return b"".join(pieces)


def _decoded(content: bytes, encoding: str | None, max_bytes: int, url: str) -> bytes:
    """The body as sent before compression; gzip and deflate are undone, within the size
    cap (a small bomb cannot become gigabytes), other encodings are refused."""
    kind = (encoding or "identity").strip().lower()
    if kind in ("", "identity"):
        return content
    if kind not in ("gzip", "x-gzip", "deflate"):
        raise _error(url, f"the page is compressed in a way Advocate cannot read ({kind})")
    wbits = 47 if kind != "deflate" else 15  # 47: gzip or zlib headers, found automatically
    try:
        inflater = zlib.decompressobj(wbits)
        data = inflater.decompress(content, max_bytes + 1)
        if len(data) > max_bytes or inflater.unconsumed_tail:
            raise _error(url, f"the page is larger than {max_bytes // 1_048_576} MB")
        if not inflater.eof:
            raise _error(url, "the compressed page was cut short")
    except zlib.error:
        if kind == "deflate":  # some servers send raw deflate without the zlib header
            try:
                return _raw_deflate(content, max_bytes, url)
            except zlib.error:
                pass
        raise _error(url, "the compressed page is damaged") from None
    return data


def _raw_deflate(content: bytes, max_bytes: int, url: str) -> bytes:
    inflater = zlib.decompressobj(-15)
    data = inflater.decompress(content, max_bytes + 1)
    if len(data) > max_bytes or inflater.unconsumed_tail:
        raise _error(url, f"the page is larger than {max_bytes // 1_048_576} MB")
    return data


def _result(url: str, status: int, content: bytes, headers: Message) -> Fetched:
    content_type = headers.get_content_type() if headers.get("Content-Type") else ""
    return Fetched(
        url=url,
        status=status,
        content=content,
        content_type=content_type,
        charset=headers.get_content_charset(),
        etag=headers.get("ETag"),
        last_modified=headers.get("Last-Modified"),
    )
