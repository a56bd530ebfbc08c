"""Feed subscriptions: add, refresh (politely), and OPML import and export. The network side;
what is stored lives in the store's FeedStore."""

from __future__ import annotations

import time
import xml.etree.ElementTree as ElementTree
from collections.abc import Callable
from dataclasses import dataclass
from html import escape
from typing import Any
from urllib.parse import urlsplit

from advocate_app.core import clock
from advocate_app.core.store.feeds import Feed, Validators
from advocate_app.core.store.library import Library
from advocate_app.core.web.fetch import Fetched, FetchError, fetch
from advocate_app.core.web.network import require_network
from advocate_app.core.web.pages import article_from_page

PER_HOST_DELAY_SECONDS = 1.0


@dataclass(frozen=True)
class RefreshReport:
    feed: str
    new_articles: int
    not_modified: bool = False
    error: str | None = None
    entry_errors: tuple[str, ...] = ()


def fetch_article(library: Library, url: str, timeout: float | None = None) -> tuple[int, str]:
    """Download an article page and store it; (article id, import status)."""
    require_network(library)
    fetched = fetch(url, **({"timeout": timeout} if timeout else {}))
    article = article_from_page(fetched)
    article_id, status = library.add(article, origin=fetched.url)
    return article_id, str(status)


def _parse_feed(content: bytes, url: str) -> Any:  # feedparser's own dict type
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
    require_network(library)
    fetched = fetch(url, **({"timeout": timeout} if timeout else {}))
    parsed = _parse_feed(fetched.content, url)
    title = parsed.feed.get("title") or urlsplit(url).hostname or url
    library.feeds.subscribe(url, title)
    feed = library.feeds.get(url)
    assert feed is not None
    return feed


def refresh_feeds(
    library: Library,
    *,
    delay: float = PER_HOST_DELAY_SECONDS,
    timeout: float | None = None,
    progress: Callable[[str], None] | None = None,
    cancelled: Callable[[], bool] = lambda: False,
) -> list[RefreshReport]:
    """Check every feed (conditionally) and fetch the pages of entries not seen before."""
    require_network(library)
    report = progress or (lambda message: None)
    last_request: dict[str, float] = {}

    def polite_fetch(url: str, **kwargs: Any) -> Fetched:
        host = urlsplit(url).hostname or ""
        wait = last_request.get(host, 0) + delay - time.monotonic()
        if wait > 0:
            time.sleep(wait)
        try:
            return fetch(url, **({"timeout": timeout} if timeout else {}), **kwargs)
        finally:
            last_request[host] = time.monotonic()

    reports = []
    for feed in library.feeds.list():
        if cancelled():
            break
        report(f"Checking {feed.title}…")
        reports.append(_refresh_one(library, feed, polite_fetch, report, cancelled))
    return reports


def _refresh_one(
    library: Library,
    feed: Feed,
    polite_fetch: Callable[..., Fetched],
    report: Callable[[str], None],
    cancelled: Callable[[], bool],
) -> RefreshReport:
    store = library.feeds
    known = store.validators(feed.id)
    now = clock.stamp()
    try:
        fetched = polite_fetch(feed.url, etag=known.etag, last_modified=known.last_modified)
        if fetched.not_modified:
            store.checked(feed.id, now, None)
            return RefreshReport(feed.title, 0, not_modified=True)
        parsed = _parse_feed(fetched.content, feed.url)
    except FetchError as exc:
        store.checked(feed.id, now, str(exc))
        return RefreshReport(feed.title, 0, error=str(exc))
    new, problems = 0, []
    for entry in parsed.entries:
        if cancelled():
            break
        link = entry.get("link")
        if not link:
            continue
        seen = store.article_for_link(link)
        if seen is not None:  # already fetched, perhaps through another feed
            store.link_entry(feed.id, link, seen, None)
            continue
        report(f"Fetching {entry.get('title') or link}…")
        try:
            page = polite_fetch(link)
            article_id, _ = library.add(article_from_page(page), origin=page.url)
        except FetchError as exc:
            problems.append(str(exc))
            store.link_entry(feed.id, link, None, str(exc))
            continue
        store.link_entry(feed.id, link, article_id, None)
        new += 1
    store.checked(feed.id, now, None, Validators(fetched.etag, fetched.last_modified))
    return RefreshReport(feed.title, new, entry_errors=tuple(problems))


def export_opml(feeds: list[Feed]) -> str:
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<opml version="2.0">',
        "  <head><title>Advocate subscriptions</title></head>",
        "  <body>",
    ]
    for feed in feeds:
        lines.append(
            f'    <outline type="rss" text="{escape(feed.title)}" title="{escape(feed.title)}"'
            f' xmlUrl="{escape(feed.url)}"/>'
        )
    lines += ["  </body>", "</opml>"]
    return "\n".join(lines) + "\n"


def read_opml(text: str) -> list[tuple[str, str]]:
    """The (address, title) of each web feed in an OPML file."""
    try:
        root = ElementTree.fromstring(text)
    except ElementTree.ParseError as exc:
        raise FetchError(f"not a readable OPML file ({exc})") from None
    found = []
    for outline in root.iter("outline"):
        url = outline.get("xmlUrl") or outline.get("xmlurl")
        if not url or not url.startswith(("http://", "https://")):
            continue
        title = outline.get("title") or outline.get("text") or urlsplit(url).hostname or url
        found.append((url, title))
    return found


def import_opml(library: Library, text: str) -> int:
    """Subscribe to the feeds of an OPML file (titles come with the next refresh)."""
    return library.feeds.subscribe_many(read_opml(text))
