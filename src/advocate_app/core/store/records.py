"""Plain records the library hands out, and the preparation of articles for storage."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from enum import StrEnum

from advocate_app.core.articles.model import Article, article_to_dict
from advocate_app.core.store.migrations import action_targets

# Paragraphs never contain blank lines, so a blank line joins them losslessly.
PARAGRAPH_BREAK = "\n\n"
TEXT_COLUMNS = ("body", "opinion", "action_essay")


class ImportStatus(StrEnum):
    IMPORTED = "imported"
    UPDATED = "updated"
    UNCHANGED = "unchanged"
    FAILED = "failed"


@dataclass(frozen=True)
class StoredArticle:
    id: int
    uid: str
    article: Article
    origin: str | None
    imported_at: str
    updated_at: str
    read: bool
    starred: bool
    done_actions: frozenset[int]  # numbers of the actions marked done


@dataclass(frozen=True)
class ArticleSummary:
    id: int
    title: str
    source: str | None
    published: str | None
    categories: tuple[str, ...]
    actions: int
    done: int
    read: bool = False
    starred: bool = False
    follow_up: str | None = None  # the earliest follow-up date of an action not done yet


@dataclass(frozen=True)
class PreparedArticle:
    """An article turned into the values the database stores.

    Preparing is pure CPU work, so large imports do it in worker processes; the
    result is plain strings, cheap to send back.
    """

    uid: str
    title: str
    source: str | None
    url: str | None
    published: str | None
    sort_key: float | None  # None: sort by when it is stored
    action_count: int
    body: str
    opinion: str
    action_essay: str
    actions_text: str
    details: str
    content_hash: str
    categories: tuple[str, ...]
    origin: str | None
    actions_index: tuple[tuple[int, str, str], ...] = ()  # (number, title, target kinds)


def prepare(article: Article, origin: str | None = None) -> PreparedArticle:
    content = article_to_dict(article)
    texts = {key: PARAGRAPH_BREAK.join(content.pop(key)) for key in TEXT_COLUMNS}
    details = json.dumps(content, ensure_ascii=False, sort_keys=True)
    digest = hashlib.sha256((details + "\0" + "\0".join(texts.values())).encode("utf-8"))
    return PreparedArticle(
        uid=article.identity(),
        title=article.title,
        source=article.source,
        url=article.url,
        published=content["published"],
        sort_key=article.published.timestamp() if article.published else None,
        action_count=len(article.actions),
        actions_text="\n".join(action.search_text() for action in article.actions),
        details=details,
        content_hash=digest.hexdigest(),
        categories=article.categories,
        origin=origin,
        actions_index=tuple(
            (action["number"], action["title"], kinds)
            for action in content["actions"]
            if (kinds := action_targets(action["targets"]))
        ),
        **texts,
    )
