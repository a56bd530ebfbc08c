"""How well ordinary news pages are turned into articles: the words kept against the words of
the article, scored as precision (how much of what was kept is article) and recall (how much
of the article was kept), for the extractor the app uses and for the plain page text it would
fall back to without one. The numbers behind the choice of extractor.

    python3 scripts/dev.py bench --only extraction

The pages are in extraction_pages/: each NAME.html with the article's own text in NAME.txt,
in the shapes news sites use (an <article> element, nested divs, a wire story with captions and
inline links, an old table layout, an opinion column with pull quotes, a radio station's story).
"""

from __future__ import annotations

import re
import statistics
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

PAGES = Path(__file__).resolve().parent / "extraction_pages"
WORD = re.compile(r"[\w']+")


def words(text: str) -> Counter[str]:
    return Counter(word.lower() for word in WORD.findall(text))


def score(kept: str, expected: str) -> tuple[float, float]:
    """Precision and recall of the words kept, counting each word as often as it occurs."""
    got, want = words(kept), words(expected)
    common = sum((got & want).values())
    precision = common / sum(got.values()) if got else 0.0
    recall = common / sum(want.values()) if want else 1.0
    return precision, recall


def _with_extractor(html: str, url: str) -> str:
    from advocate_app.core.web.fetch import Fetched
    from advocate_app.core.web.pages import article_from_page

    fetched = Fetched(url, 200, html.encode(), "text/html", "utf-8", None, None)
    return "\n".join(article_from_page(fetched).body)


def _plain_page_text(html: str, url: str) -> str:
    from advocate_app.core.articles.html_parser import parse_html

    return "\n".join(parse_html(html).body)


EXTRACTORS: dict[str, Callable[[str, str], str]] = {
    "extractor": _with_extractor,
    "plain": _plain_page_text,
}


def bench_extraction() -> dict[str, float]:
    pages = sorted(PAGES.glob("*.html"))
    results: dict[str, float] = {"extraction_pages": len(pages)}
    for name, extract in EXTRACTORS.items():
        precisions, recalls, timings = [], [], []
        for page in pages:
            html = page.read_text(encoding="utf-8")
            expected = page.with_suffix(".txt").read_text(encoding="utf-8")
            url = f"https://news.example/{page.stem}"
            extract(html, url)  # the first call pays for imports
            started = time.perf_counter()
            kept = extract(html, url)
            timings.append((time.perf_counter() - started) * 1000)
            precision, recall = score(kept, expected)
            precisions.append(precision)
            recalls.append(recall)
        results[f"extraction_{name}_precision"] = round(statistics.mean(precisions), 3)
        results[f"extraction_{name}_recall"] = round(statistics.mean(recalls), 3)
        results[f"extraction_{name}_worst_precision"] = round(min(precisions), 3)
        results[f"extraction_{name}_worst_recall"] = round(min(recalls), 3)
        results[f"extraction_{name}_ms"] = round(statistics.median(timings), 1)
    return results


if __name__ == "__main__":
    for key, value in bench_extraction().items():
        print(f"{key:<36} {value}")
