"""Parse saved HTML pages: render them to the text a reader would copy, then parse that.

The site's pages carry the same sections as its text; converting the markup
to text (keeping links, bold, list numbers and preformatted samples as
markdown) lets one parser handle both. Page metadata (canonical url, title,
publication time) fills what the text lacks.
"""

from __future__ import annotations

import dataclasses
import re
from typing import TYPE_CHECKING

from advocate_app.core.articles.dates import parse_iso_date
from advocate_app.core.articles.decoding import UnreadableInput
from advocate_app.core.articles.links import safe_url
from advocate_app.core.articles.model import Article
from advocate_app.core.articles.text_parser import parse_text

if TYPE_CHECKING:
    from bs4 import BeautifulSoup, Tag

DROP = {
    "script",
    "style",
    "noscript",
    "template",
    "iframe",
    "svg",
    "img",
    "picture",
    "video",
    "audio",
    "object",
    "embed",
    "form",
    "button",
    "input",
    "select",
    "textarea",
    "head",
}
BLOCKS = {
    "p",
    "div",
    "section",
    "article",
    "header",
    "footer",
    "main",
    "aside",
    "nav",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "figure",
    "figcaption",
    "table",
    "tr",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "hr",
    "address",
}
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}


MAX_NESTING = 400  # real pages stay far below; a page nested deeper is refused, not parsed
TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]{0,15})[^>]*?(/?)>")
VOID = {
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
    "source", "track", "wbr",
}  # fmt: skip


def check_nesting(html: str) -> None:
    """Refuse a page nested deeper than any real one (parsing it would take minutes and
    gigabytes); a linear scan of its tags, before anything is built."""
    depth = 0
    for match in TAG.finditer(html):
        closing, name, self_closing = match.groups()
        if name.lower() in VOID or self_closing:
            continue
        depth = max(0, depth - 1) if closing else depth + 1
        if depth > MAX_NESTING:
            raise UnreadableInput(f"the page is nested too deeply (over {MAX_NESTING} levels)")


def looks_like_html(text: str) -> bool:
    head = text[:2048].lstrip().lower()
    return head.startswith(("<!doctype html", "<html", "<?xml")) or bool(
        re.search(r"<(?:html|head|body)[\s>]", head)
    )


def parse_html(html: str) -> Article:
    """Parse a saved page into an article; metadata from <head> fills the gaps."""
    check_nesting(html)
    # Imported here: BeautifulSoup takes a noticeable part of the window's start-up.
    from bs4 import BeautifulSoup, Comment

    soup = BeautifulSoup(html, "html.parser")
    meta = _page_metadata(soup)
    for comment in soup.find_all(string=lambda s: isinstance(s, Comment)):
        comment.extract()
    root = soup.body or soup
    text = _render(root).strip()
    article = parse_text(text if text else meta.get("title", ""))
    changes: dict[str, object] = {}
    if meta.get("url") and not article.url:
        changes["url"] = meta["url"]
    if article.title_derived and meta.get("title"):
        changes.update(title=meta["title"], title_derived=False)
    if article.published is None and meta.get("published"):
        changes["published"] = parse_iso_date(meta["published"])
    if not article.source and meta.get("site"):
        changes["source"] = meta["site"]
    return dataclasses.replace(article, **changes) if changes else article


def _page_metadata(soup: BeautifulSoup) -> dict[str, str]:
    from bs4 import Tag

    found: dict[str, str] = {}

    def meta_content(*names: str) -> str | None:
        for name in names:
            tag = soup.find("meta", attrs={"property": name}) or soup.find(
                "meta", attrs={"name": name}
            )
            if isinstance(tag, Tag) and tag.get("content"):
                return str(tag["content"]).strip()
        return None

    canonical = soup.find("link", rel="canonical")
    url = str(canonical["href"]) if isinstance(canonical, Tag) and canonical.get("href") else None
    url = url or meta_content("og:url")
    if url and (safe := safe_url(url)) and not safe.startswith("mailto:"):
        found["url"] = safe
    title = meta_content("og:title", "twitter:title")
    if not title and soup.title and soup.title.string:
        title = soup.title.string
    if title:
        found["title"] = " ".join(title.split())
    published = meta_content("article:published_time", "date", "dc.date", "pubdate")
    if not published:
        time_tag = soup.find("time", attrs={"datetime": True})
        if isinstance(time_tag, Tag):
            published = str(time_tag["datetime"])
    if published:
        found["published"] = published
    site = meta_content("og:site_name")
    if site:
        found["site"] = site
    return found


def _render(node: Tag) -> str:
    """Text of a node with markdown for links, bold, lists and preformatted blocks."""
    from bs4 import NavigableString, Tag

    parts: list[str] = []
    for child in node.children:
        if isinstance(child, NavigableString):
            parts.append(" ".join(str(child).split(" ")) if str(child).strip() else " ")
            continue
        if not isinstance(child, Tag) or child.name in DROP:
            continue
        parts.append(_render_tag(child))
    return "".join(parts)


def _render_tag(tag: Tag) -> str:
    name = tag.name
    if name == "br":
        return "\n"
    if name == "pre":
        return "\n```\n" + tag.get_text() + "\n```\n"
    inner = _render(tag)
    if name in {"strong", "b"}:
        words = " ".join(inner.split())
        return f"**{words}**" if words else ""
    if name == "a":
        words = " ".join(inner.split())
        href = str(tag.get("href") or "")
        return f"[{words}]({href})" if words and href else words
    if name == "li":
        return "\n" + _list_marker(tag) + " ".join(inner.split()) + "\n"
    if name in HEADINGS:
        return "\n\n" + " ".join(inner.split()) + "\n\n"
    if name in BLOCKS:
        return "\n" + inner.strip(" ") + "\n"
    return inner


def _list_marker(item: Tag) -> str:
    from bs4 import Tag

    parent = item.parent
    if isinstance(parent, Tag) and parent.name == "ol":
        start_attr = str(parent.get("start") or "1")
        start = int(start_attr) if start_attr.isdigit() else 1
        return f"{start + parent.find_all('li', recursive=False).index(item)}. "
    return "- "
