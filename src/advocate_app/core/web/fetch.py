"""Download one address carefully: a timeout, a size cap, same-host redirects only,
conditional requests, and a clear one-line reason for every failure."""

from __future__ import annotations

import urllib.error
import urllib.request
from dataclasses import dataclass
from email.message import Message
from urllib.parse import urlsplit

from advocate_app.core import version as version_module

DEFAULT_TIMEOUT_SECONDS = 20
MAX_BYTES = 10 * 1024 * 1024
CHUNK = 64 * 1024


class FetchError(Exception):
    """The address could not be fetched; the message says why, for a person."""


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


def _host(url: str) -> str:
    host = (urlsplit(url).hostname or "").lower()
    return host[4:] if host.startswith("www.") else host


class _SameHostRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):  # noqa: ANN001, PLR0913
        if _host(newurl) != _host(req.full_url):
            raise FetchError(
                f"{req.full_url} redirects to another site ({urlsplit(newurl).hostname}); "
                "open that address yourself if you trust it"
            )
        if urlsplit(newurl).scheme not in ("http", "https"):
            raise FetchError(f"{req.full_url} redirects to a non-web address")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def fetch(
    url: str,
    *,
    timeout: float = DEFAULT_TIMEOUT_SECONDS,
    max_bytes: int = MAX_BYTES,
    etag: str | None = None,
    last_modified: str | None = None,
) -> Fetched:
    if urlsplit(url).scheme not in ("http", "https") or not urlsplit(url).hostname:
        raise FetchError(f"{url!r} is not a web address (it should start with https://)")
    headers = {
        "User-Agent": f"Advocate/{version_module.version()} (offline reader)",
        "Accept": "text/html,application/xhtml+xml,application/rss+xml,"
        "application/atom+xml,application/xml;q=0.9,*/*;q=0.5",
    }
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    opener = urllib.request.build_opener(_SameHostRedirects())
    request = urllib.request.Request(url, headers=headers)
    try:
        with opener.open(request, timeout=timeout) as response:
            length = response.headers.get("Content-Length")
            if length and length.isdigit() and int(length) > max_bytes:
                raise FetchError(f"{url}: the page is too large ({int(length) / 1_048_576:.1f} MB)")
            content = _read_capped(response, max_bytes, url)
            return _result(response.geturl(), response.status, content, response.headers)
    except urllib.error.HTTPError as exc:
        if exc.code == 304:
            return Fetched(url, 304, b"", "", None, etag, last_modified)
        raise FetchError(f"{url}: the server answered {exc.code} {exc.reason}") from None
    except FetchError:
        raise
    except TimeoutError:
        raise FetchError(f"{url}: no answer within {timeout:g} seconds") from None
    except urllib.error.URLError as exc:
        reason = exc.reason
        if isinstance(reason, TimeoutError) or "timed out" in str(reason):
            raise FetchError(f"{url}: no answer within {timeout:g} seconds") from None
        if isinstance(reason, FetchError):
            raise reason from None
        raise FetchError(f"{url}: could not connect ({reason})") from None
    except OSError as exc:
        raise FetchError(f"{url}: the connection failed ({exc})") from None


def _read_capped(response, max_bytes: int, url: str) -> bytes:  # noqa: ANN001
    pieces: list[bytes] = []
    size = 0
    while chunk := response.read(CHUNK):
        size += len(chunk)
        if size > max_bytes:
            raise FetchError(f"{url}: the page is larger than {max_bytes // 1_048_576} MB")
        pieces.append(chunk)
    return b"".join(pieces)


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
