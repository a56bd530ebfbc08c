"""Feed subscriptions: add, list, refresh (politely), and OPML import and export."""

from __future__ import annotations

import time
import xml.etree.ElementTree as ElementTree
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from html import escape
from urllib.parse import urlsplit

from advocate_app.core.store.database import transaction
from advocate_app.core.store.library import Library
from advocate_app.core.web.fetch import FetchError, fetch
from advocate_app.core.web.network import network_allowed, set_network_allowed

__all__ = ["network_allowed", "set_network_allowed"]  # re-exported for the command line
from advocate_app.core.web.pages import article_from_page

PER_HOST_DELAY_SECONDS = 1.0


class NetworkOff(FetchError):
    pass


@dataclass(frozen=True)
class Feed:
    id: int
    url: str
    title: str
    checked_at: str | None
    error: str | None
    unread: int


@dataclass(frozen=True)
class RefreshReport:
    feed: str
    new_articles: int
    not_modified: bool = False
    error: str | None = None
    entry_errors: tuple[str, ...] = ()


def _check_network(library: Library) -> None:
    if not network_allowed(library):
        raise NetworkOff("network access is turned off (advocate network on, or Settings)")


def fetch_article(library: Library, url: str, timeout: float | None = None) -> tuple[int, str]:
    """Download an article page and store it; (article id, import status)."""
    _check_network(library)
    fetched = fetch(url, **({"timeout": timeout} if timeout else {}))
    article = article_from_page(fetched)
    article_id, status = library.add(article, origin=fetched.url)
    return article_id, str(status)


def _parse_feed(content: bytes, url: str):  # noqa: ANN202 - feedparser's own dict type
    import feedparser

    parsed = feedparser.parse(content)
    linked = [entry for entry in parsed.entries if entry.get("link")]
    if parsed.bozo and not linked:
        reason = getattr(parsed, "bozo_exception", "unreadable")
        raise FetchError(f"{url} is not a readable RSS or Atom feed ({reason})")
    if not parsed.get("feed") and not parsed.entries:
        raise FetchError(f"{url} is not an RSS or Atom feed")
    return parsed


def add_feed(library: Library, url: str, timeout: float | None = None) -> Feed:
    _check_network(library)
    fetched = fetch(url, **({"timeout": timeout} if timeout else {}))
    parsed = _parse_feed(fetched.content, url)
    title = parsed.feed.get("title") or urlsplit(url).hostname or url
    with transaction(library.db):
        library.db.execute(
            "INSERT INTO feeds (url, title) VALUES (?, ?) ON CONFLICT (url) DO UPDATE"
            " SET title = excluded.title",
            (url, title),
        )
    return next(f for f in list_feeds(library) if f.url == url)


def remove_feed(library: Library, feed_id: int) -> None:
    with transaction(library.db):
        library.db.execute("DELETE FROM feeds WHERE id = ?", (feed_id,))


def list_feeds(library: Library) -> list[Feed]:
    rows = library.db.execute(
        "SELECT f.id, f.url, f.title, f.checked_at, f.error,"
        " (SELECT count(*) FROM feed_entries e JOIN articles a ON a.id = e.article_id"
        "  WHERE e.feed_id = f.id AND a.is_read = 0 AND a.deleted_at IS NULL) AS unread"
        " FROM feeds f ORDER BY f.title COLLATE NOCASE"
    )
    return [Feed(r[0], r[1], r[2], r[3], r[4], int(r[5])) for r in rows]


def refresh_feeds(
    library: Library,
    *,
    delay: float = PER_HOST_DELAY_SECONDS,
    timeout: float | None = None,
    progress: Callable[[str], None] | None = None,
    cancelled: Callable[[], bool] = lambda: False,
) -> list[RefreshReport]:
    """Check every feed (conditionally) and fetch the pages of entries not seen before."""
    _check_network(library)
    report = progress or (lambda message: None)
    last_request: dict[str, float] = {}

    def polite_fetch(url: str, **kwargs):  # noqa: ANN202
        host = urlsplit(url).hostname or ""
        wait = last_request.get(host, 0) + delay - time.monotonic()
        if wait > 0:
            time.sleep(wait)
        try:
            return fetch(url, **({"timeout": timeout} if timeout else {}), **kwargs)
        finally:
            last_request[host] = time.monotonic()

    reports = []
    for feed in list_feeds(library):
        if cancelled():
            break
        report(f"Checking {feed.title}…")
        reports.append(_refresh_one(library, feed, polite_fetch, report, cancelled))
    return reports


def _refresh_one(library: Library, feed: Feed, polite_fetch, report, cancelled) -> RefreshReport:  # noqa: ANN001
    row = library.db.execute(
        "SELECT etag, last_modified FROM feeds WHERE id = ?", (feed.id,)
    ).fetchone()
    now = datetime.now(UTC).isoformat(timespec="seconds")
    try:
        fetched = polite_fetch(feed.url, etag=row[0], last_modified=row[1])
        if fetched.not_modified:
            _set_feed(library, feed.id, checked_at=now, error=None)
            return RefreshReport(feed.title, 0, not_modified=True)
        parsed = _parse_feed(fetched.content, feed.url)
    except FetchError as exc:
        _set_feed(library, feed.id, checked_at=now, error=str(exc))
        return RefreshReport(feed.title, 0, error=str(exc))
    new, problems = 0, []
    for entry in parsed.entries:
        if cancelled():
            break
        link = entry.get("link")
        if not link:
            continue
        # Already here: through another feed, or added by its address.
        seen = library.db.execute(
            "SELECT article_id FROM feed_entries WHERE link = ? AND article_id IS NOT NULL"
            " UNION ALL SELECT id FROM articles WHERE origin = ? OR url = ? LIMIT 1",
            (link, link, link),
        ).fetchone()
        if seen is not None:  # already fetched, perhaps through another feed
            _link_entry(library, feed.id, link, seen[0], None)
            continue
        report(f"Fetching {entry.get('title') or link}…")
        try:
            page = polite_fetch(link)
            article_id, _ = library.add(article_from_page(page), origin=page.url)
        except FetchError as exc:
            problems.append(str(exc))
            _link_entry(library, feed.id, link, None, str(exc))
            continue
        _link_entry(library, feed.id, link, article_id, None)
        new += 1
    _set_feed(
        library,
        feed.id,
        checked_at=now,
        error=None,
        etag=fetched.etag,
        last_modified=fetched.last_modified,
    )
    return RefreshReport(feed.title, new, entry_errors=tuple(problems))


def _link_entry(
    library: Library, feed_id: int, link: str, article_id: int | None, error: str | None
) -> None:
    with transaction(library.db):
        library.db.execute(
            "INSERT INTO feed_entries (feed_id, link, article_id, error) VALUES (?, ?, ?, ?)"
            " ON CONFLICT (feed_id, link) DO UPDATE SET article_id = excluded.article_id,"
            " error = excluded.error",
            (feed_id, link, article_id, error),
        )


def _set_feed(library: Library, feed_id: int, **values: str | None) -> None:
    assignments = ", ".join(f"{key} = :{key}" for key in values)
    with transaction(library.db):
        library.db.execute(
            f"UPDATE feeds SET {assignments} WHERE id = :id", {**values, "id": feed_id}
        )


def export_opml(library: Library) -> str:
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<opml version="2.0">',
        "  <head><title>Advocate subscriptions</title></head>",
        "  <body>",
    ]
    for feed in list_feeds(library):
        lines.append(
            f'    <outline type="rss" text="{escape(feed.title)}" title="{escape(feed.title)}"'
            f' xmlUrl="{escape(feed.url)}"/>'
        )
    lines += ["  </body>", "</opml>"]
    return "\n".join(lines) + "\n"


def import_opml(library: Library, text: str) -> int:
    """Subscribe to the feeds of an OPML file (titles come with the next refresh)."""
    try:
        root = ElementTree.fromstring(text)
    except ElementTree.ParseError as exc:
        raise FetchError(f"not a readable OPML file ({exc})") from None
    added = 0
    with transaction(library.db):
        for outline in root.iter("outline"):
            url = outline.get("xmlUrl") or outline.get("xmlurl")
            if not url or not url.startswith(("http://", "https://")):
                continue
            title = outline.get("title") or outline.get("text") or urlsplit(url).hostname or url
            cursor = library.db.execute(
                "INSERT OR IGNORE INTO feeds (url, title) VALUES (?, ?)", (url, title)
            )
            added += cursor.rowcount
    return added
