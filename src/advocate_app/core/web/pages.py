"""Turn a fetched page into an article: the site's own structure when it has one, else a
well-kept article extractor for ordinary news pages."""

from __future__ import annotations

import dataclasses

from advocate_app.core.articles.dates import parse_iso_date
from advocate_app.core.articles.decoding import UnreadableInput
from advocate_app.core.articles.default_actions import default_actions
from advocate_app.core.articles.html_parser import parse_html
from advocate_app.core.articles.model import Article
from advocate_app.core.web.fetch import Fetched, FetchError

HTML_TYPES = {"text/html", "application/xhtml+xml", ""}
MIN_ARTICLE_CHARS = 200


def decode_page(fetched: Fetched) -> str:
    """HTML text, whatever charset the server said (or failed to say)."""
    from bs4 import UnicodeDammit

    hints = [fetched.charset] if fetched.charset else []
    dammit = UnicodeDammit(fetched.content, hints, is_html=True)
    if dammit.unicode_markup is None:
        raise FetchError(f"{fetched.url}: the page's text could not be decoded")
    return dammit.unicode_markup


def article_from_page(fetched: Fetched) -> Article:
    if fetched.content_type not in HTML_TYPES:
        raise FetchError(f"{fetched.url} is not a web page ({fetched.content_type})")
    html = decode_page(fetched)
    try:
        article = parse_html(html)
    except UnreadableInput as exc:
        raise FetchError(f"{fetched.url}: {exc}") from None
    has_site_structure = any(not a.generated for a in article.actions) or article.opinion
    if not has_site_structure:
        article = _extracted(html, fetched.url) or article
    if sum(len(p) for p in article.body) < MIN_ARTICLE_CHARS and not has_site_structure:
        raise FetchError(f"{fetched.url} does not look like an article (too little text)")
    return dataclasses.replace(article, url=article.url or fetched.url)


def _extracted(html: str, url: str) -> Article | None:
    import trafilatura

    document = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_images=False
    )
    if document is None:
        return None
    data = document if isinstance(document, dict) else document.as_dict()
    text = data.get("text") or ""
    paragraphs = [p.strip() for p in text.split("\n") if p.strip()]
    title = (data.get("title") or "").strip()
    if paragraphs and title and paragraphs[0] == title:
        paragraphs = paragraphs[1:]
    if not paragraphs:
        return None
    published = parse_iso_date(data["date"]) if data.get("date") else None
    categories = tuple(c for c in (data.get("categories") or []) if c)
    return Article(
        title=title or paragraphs[0][:90],
        title_derived=not title,
        body=tuple(paragraphs),
        source=data.get("sitename") or data.get("hostname") or None,
        url=url,
        published=published,
        categories=categories,
        actions=default_actions(),
    )
