"""Feed subscriptions: add, refresh (politely), and OPML import and export. The network side;
what is stored lives in the store's FeedStore."""

from __future__ import annotations

import re
import time
import xml.etree.ElementTree as ElementTree
from collections.abc import Callable
from dataclasses import dataclass
from html import escape
from typing import Any
from urllib.parse import urlsplit

from advocate_app.core import clock
from advocate_app.core.articles.decoding import UnreadableInput
from advocate_app.core.store.feeds import Feed, Validators
from advocate_app.core.store.library import Library
from advocate_app.core.web.fetch import (
    Fetched,
    FetchError,
    fetch,
    is_public,
    same_site,
    web_address,
)
from advocate_app.core.web.network import require_network
from advocate_app.core.web.pages import article_from_page

PER_HOST_DELAY_SECONDS = 1.0
MAX_OPML_FEEDS = 1000  # more than any reader follows; a bigger file is refused, not half-read
HTML_START = re.compile(rb"^\s*(?:<!doctype\s+html|<html[\s>])", re.IGNORECASE)


@dataclass(frozen=True)
class RefreshReport:
    feed: str
    new_articles: int
    not_modified: bool = False
    error: str | None = None
    entry_errors: tuple[str, ...] = ()


def fetch_article(
    library: Library,
    url: str,
    timeout: float | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> tuple[int, str]:
    """Download an article page and store it; (article id, import status)."""
    require_network(library)
    url = web_address(url)
    fetched = fetch(url, cancelled=cancelled, **({"timeout": timeout} if timeout else {}))
    article = article_from_page(fetched)
    article_id, status = library.add(article, origin=fetched.url)
    return article_id, str(status)


def _parse_feed(content: bytes, url: str) -> Any:  # feedparser's own dict type
    import feedparser

    if HTML_START.match(content[:1024]):
        raise FetchError(f"{url} is a web page, not an RSS or Atom feed")
    parsed = feedparser.parse(content)
    linked = [entry for entry in parsed.entries if entry.get("link")]
    if parsed.bozo and not linked:
        reason = getattr(parsed, "bozo_exception", "unreadable")
        raise FetchError(f"{url} is not a readable RSS or Atom feed ({reason})")
    if not parsed.get("feed") and not parsed.entries:
        raise FetchError(f"{url} is not an RSS or Atom feed")
    return parsed


def add_feed(
    library: Library,
    url: str,
    timeout: float | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Feed:
    require_network(library)
    url = web_address(url)
    fetched = fetch(url, cancelled=cancelled, **({"timeout": timeout} if timeout else {}))
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
            return fetch(
                url, cancelled=cancelled, **({"timeout": timeout} if timeout else {}), **kwargs
            )
        finally:
            last_request[host] = time.monotonic()

    reports = []
    for feed in library.feeds.list():
        if cancelled():
            break
        report(f"Checking {feed.title}…")
        try:
            reports.append(_refresh_one(library, feed, polite_fetch, report, cancelled))
        except (FetchError, ValueError, RecursionError) as exc:  # one feed never stops the rest
            library.feeds.checked(feed.id, clock.stamp(), str(exc))
            reports.append(RefreshReport(feed.title, 0, error=str(exc)))
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
        link = str(entry.get("link") or "").strip()
        if not link:
            continue
        seen = store.article_for_link(link)
        if seen is not None:  # already fetched, perhaps through another feed
            store.link_entry(feed.id, link, seen, None)
            continue
        report(f"Fetching {_one_line(entry.get('title') or link)}…")
        try:
            _check_entry_address(link, feed.url)
            page = polite_fetch(link)
            article_id, _ = library.add(article_from_page(page), origin=page.url)
        except (FetchError, UnreadableInput, ValueError, RecursionError) as exc:
            problem = f"{_one_line(link)}: {exc}" if isinstance(exc, UnreadableInput) else str(exc)
            problems.append(problem)
            store.link_entry(feed.id, link, None, problem)
            continue
        store.link_entry(feed.id, link, article_id, None)
        new += 1
    store.checked(feed.id, now, None, Validators(fetched.etag, fetched.last_modified))
    return RefreshReport(feed.title, new, entry_errors=tuple(problems))


def _check_entry_address(link: str, feed_url: str) -> None:
    """Entries are fetched from the web at large, or from the feed's own site (which the
    reader chose): never from another local or private address a feed merely names."""
    try:
        parts = urlsplit(link)
        valid = parts.scheme in ("http", "https") and bool(parts.hostname)
    except ValueError:
        valid = False
    if not valid:
        raise FetchError(f"{_one_line(link)} is not a web address")
    if not same_site(link, feed_url) and not is_public(link):
        raise FetchError(
            f"{_one_line(link)} points to a private or local address; Advocate fetches feed "
            "entries only from public web addresses or from the feed's own site"
        )


def _one_line(text: object) -> str:
    """Text from a feed as one short line, for messages."""
    return " ".join(str(text).split())[:200]


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


def read_opml(data: bytes | str) -> list[tuple[str, str]]:
    """The (address, title) of each web feed in an OPML file (read in the encoding its XML
    declaration names)."""
    try:
        root = ElementTree.fromstring(data)
    except (ElementTree.ParseError, ValueError, LookupError) as exc:
        raise FetchError(f"not a readable OPML file ({exc})") from None
    outlines = list(root.iter("outline"))
    if len(outlines) > MAX_OPML_FEEDS:
        raise FetchError(
            f"the OPML file lists {len(outlines):,} entries; Advocate takes at most "
            f"{MAX_OPML_FEEDS:,} at once"
        )
    found = []
    for outline in outlines:
        url = outline.get("xmlUrl") or outline.get("xmlurl")
        if not url or not url.startswith(("http://", "https://")):
            continue
        title = outline.get("title") or outline.get("text") or urlsplit(url).hostname or url
        found.append((url, title))
    return found


def import_opml(library: Library, data: bytes | str) -> int:
    """Subscribe to the feeds of an OPML file (titles come with the next refresh)."""
    return library.feeds.subscribe_many(read_opml(data))
