"""The article as sanitized HTML for the reader: built from the parsed model, every text escaped."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from html import escape

from advocate_app.core.articles.links import safe_url
from advocate_app.core.articles.model import Article

INTERNAL_SCHEME = "advocate"
SECTIONS = (("opinion", "Opinion"), ("action_essay", "Action"))


@dataclass(frozen=True)
class ReaderOptions:
    collapsed: frozenset[str] = frozenset()
    related_ids: dict[str, int] | None = None  # related title -> article id in the library


def format_date(published: datetime | None) -> str:
    if published is None:
        return ""
    hour = published.strftime("%I:%M %p").lstrip("0")
    zone = published.strftime("%Z") or published.strftime("UTC%z")
    zone = {"UTC-04:00": "EDT", "UTC-05:00": "EST"}.get(zone, zone)
    return f"{published.strftime('%A, %B')} {published.day}, {published.year}, {hour} {zone}"


def article_html(article: Article, options: ReaderOptions | None = None) -> str:
    options = options or ReaderOptions()
    parts = [f"<h1>{escape(article.title)}</h1>"]
    byline = []
    if article.source:
        source = escape(article.source)
        url = safe_url(article.url) if article.url else None
        byline.append(f'<a href="{escape(url, quote=True)}">{source}</a>' if url else source)
    if article.published:
        byline.append(escape(format_date(article.published)))
    if byline:
        parts.append(f'<p class="byline">{" · ".join(byline)}</p>')
    if article.categories:
        parts.append(f'<p class="categories">{escape(", ".join(article.categories))}</p>')
    parts.extend(f"<p>{escape(paragraph)}</p>" for paragraph in article.body)
    for key, heading in SECTIONS:
        paragraphs = getattr(article, key)
        if not paragraphs:
            continue
        collapsed = key in options.collapsed
        marker = "▸" if collapsed else "▾"
        href = f"{INTERNAL_SCHEME}:toggle/{key}"
        parts.append(f'<h2><a class="toggle" href="{href}">{marker} {heading}</a></h2>')
        if not collapsed:
            parts.extend(f"<p>{escape(paragraph)}</p>" for paragraph in paragraphs)
    if article.related:
        related_ids = options.related_ids or {}
        parts.append("<h2>Related articles</h2><ul>")
        for title in article.related:
            if title in related_ids:
                href = f"{INTERNAL_SCHEME}:article/{related_ids[title]}"
                parts.append(f'<li><a href="{href}">{escape(title)}</a></li>')
            else:
                parts.append(f'<li class="absent">{escape(title)}</li>')
        parts.append("</ul>")
    return "\n".join(parts)


def style_sheet(muted: str) -> str:
    """CSS for the reader; `muted` is a colour name taken from the current palette."""
    return (
        "h1 { font-size: x-large; margin-bottom: 4px; }"
        "h2 { font-size: large; margin-top: 18px; }"
        "p { margin-top: 0; margin-bottom: 10px; line-height: 140%; }"
        f".byline, .categories {{ color: {muted}; margin-bottom: 4px; }}"
        "a.toggle { text-decoration: none; }"
        f"li.absent {{ color: {muted}; }}"
    )
