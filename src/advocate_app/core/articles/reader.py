"""Read an article file from disk, whatever its encoding or format."""

from __future__ import annotations

from pathlib import Path

from advocate_app.core.articles.decoding import MAX_FILE_BYTES, UnreadableInput, decode_text
from advocate_app.core.articles.html_parser import looks_like_html, parse_html
from advocate_app.core.articles.model import Article
from advocate_app.core.articles.text_parser import parse_text
from advocate_app.core.fs import FileProblem, read_small_file

HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml"}
TEXT_SUFFIXES = {".txt", ".text", ".md", ".markdown", ""}
IMPORTABLE_SUFFIXES = HTML_SUFFIXES | TEXT_SUFFIXES


def read_article(path: Path) -> Article:
    """Parse one file. Raises UnreadableInput with a one-line reason."""
    try:
        data = read_small_file(path, MAX_FILE_BYTES)
    except FileProblem as exc:
        raise UnreadableInput(str(exc)) from None
    return parse_article_bytes(data, is_html=path.suffix.lower() in HTML_SUFFIXES)


def parse_article_bytes(data: bytes, *, is_html: bool = False) -> Article:
    text = decode_text(data)
    if is_html or looks_like_html(text):
        article = parse_html(text)
    else:
        article = parse_text(text)
    if not article.body and not article.actions_intro and not article.opinion:
        raise UnreadableInput("no article text found")
    return article
