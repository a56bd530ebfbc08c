"""Links inside article text: extraction from markdown, and which addresses are safe."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from advocate_app.core.articles.model import Link

SAFE_SCHEMES = frozenset({"http", "https", "mailto"})

# Bounded quantifiers keep these linear on absurdly long lines.
MARKDOWN_LINK = re.compile(
    r"\[([^\[\]\n]{0,500})\]\(\s*<?((?:[^()\s<>]|\([^()\s<>]{0,200}\)){1,2000})>?\s*\)"
)
BARE_URL = re.compile(r"(?<![\w(\[/])(https?://[^\s<>()\[\]\"']{1,2000}[^\s<>()\[\]\"'.,;:!?])")


def safe_url(url: str) -> str | None:
    """The url if it is one we may open (http, https, mailto), else None."""
    url = url.strip()
    if url.lower().startswith("www."):
        url = "https://" + url
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    scheme = parts.scheme.lower()
    if scheme not in SAFE_SCHEMES:
        return None
    if scheme == "mailto":
        return url if "@" in parts.path else None
    return url if parts.netloc else None


def unsafe_scheme(url: str) -> str:
    scheme = url.split(":", 1)[0].strip().lower() if ":" in url else ""
    return f"{scheme}:" if scheme else "a relative address"


def extract_links(text: str) -> tuple[str, tuple[Link, ...], tuple[str, ...]]:
    """Replace markdown links by their text and collect the safe ones.

    Returns (plain text, links, warnings). Links with unsafe schemes are
    dropped, keeping their visible text, and reported in the warnings.
    """
    links: list[Link] = []
    warnings: list[str] = []

    def replace(match: re.Match[str]) -> str:
        label, target = match.group(1).strip(), match.group(2)
        url = safe_url(target)
        if url is None:
            warnings.append(f"dropped a link with an unsafe address ({unsafe_scheme(target)})")
        else:
            links.append(Link(label or url, url))
        return label or ""

    plain = MARKDOWN_LINK.sub(replace, text)
    known = {link.url for link in links}
    for match in BARE_URL.finditer(plain):
        url = match.group(1)
        if url not in known:
            links.append(Link(url, url))
            known.add(url)
    return plain, tuple(links), tuple(warnings)
