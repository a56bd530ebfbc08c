"""Articles in the library: import, list, search and read back."""

from __future__ import annotations

import json
import re
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path

from ..articles.model import Article, article_from_dict, article_to_dict
from .database import open_database, transaction


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


@dataclass(frozen=True)
class ArticleSummary:
    id: int
    title: str
    source: str | None
    published: str | None
    categories: tuple[str, ...]
    actions: int
    done: int


SEARCH_TOKEN = re.compile(r"\w+", re.UNICODE)


def fts_query(text: str) -> str | None:
    """A safe FTS5 query: every word must match, the last one as a prefix (search as you type)."""
    words = SEARCH_TOKEN.findall(text)
    if not words:
        return None
    quoted = [f'"{word}"' for word in words[:32]]
    quoted[-1] += "*"
    return " ".join(quoted)


class Library:
    """The reader's articles. Every write is one transaction."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self.db = connection

    def close(self) -> None:
        self.db.close()

    # --- writing -------------------------------------------------------
    def add(self, article: Article, origin: str | None = None) -> tuple[int, ImportStatus]:
        """Store an article, or update the copy imported before (same identity)."""
        uid = article.identity()
        content = article_to_dict(article)
        content_json = json.dumps(content, ensure_ascii=False)
        digest = article.content_hash()
        now = _now()
        with transaction(self.db):
            row = self.db.execute(
                "SELECT id, content_hash FROM articles WHERE uid = ?", (uid,)
            ).fetchone()
            if row is not None and row["content_hash"] == digest:
                return int(row["id"]), ImportStatus.UNCHANGED
            values = {
                "uid": uid,
                "title": article.title,
                "source": article.source,
                "url": article.url,
                "published": content["published"],
                "sort_key": (article.published or datetime.now(UTC)).timestamp(),
                "body_text": "\n\n".join((*article.body, *article.opinion, *article.action_essay)),
                "actions_text": "\n".join(a.search_text() for a in article.actions),
                "action_count": len(article.actions),
                "content": content_json,
                "content_hash": digest,
                "origin": origin,
                "now": now,
            }
            if row is None:
                cursor = self.db.execute(
                    """
                    INSERT INTO articles (uid, title, source, url, published, sort_key,
                        body_text, actions_text, action_count, content, content_hash, origin,
                        imported_at, updated_at)
                    VALUES (:uid, :title, :source, :url, :published, :sort_key, :body_text,
                        :actions_text, :action_count, :content, :content_hash, :origin,
                        :now, :now)
                    """,
                    values,
                )
                article_id, status = int(cursor.lastrowid or 0), ImportStatus.IMPORTED
            else:
                article_id, status = int(row["id"]), ImportStatus.UPDATED
                self.db.execute(
                    """
                    UPDATE articles SET title = :title, source = :source, url = :url,
                        published = :published, sort_key = :sort_key, body_text = :body_text,
                        actions_text = :actions_text, action_count = :action_count,
                        content = :content, content_hash = :content_hash,
                        origin = coalesce(:origin, origin), updated_at = :now
                    WHERE id = :id
                    """,
                    {**values, "id": article_id},
                )
                self.db.execute(
                    "DELETE FROM article_categories WHERE article_id = ?", (article_id,)
                )
            self.db.executemany(
                "INSERT OR IGNORE INTO article_categories (article_id, category) VALUES (?, ?)",
                [(article_id, category) for category in article.categories],
            )
        return article_id, status

    # --- reading -------------------------------------------------------
    def count(self) -> int:
        return int(self.db.execute("SELECT count(*) FROM articles").fetchone()[0])

    def get(self, article_id: int) -> StoredArticle | None:
        row = self.db.execute(
            "SELECT id, uid, content, origin, imported_at, updated_at FROM articles WHERE id = ?",
            (article_id,),
        ).fetchone()
        if row is None:
            return None
        return StoredArticle(
            id=int(row["id"]),
            uid=row["uid"],
            article=article_from_dict(json.loads(row["content"])),
            origin=row["origin"],
            imported_at=row["imported_at"],
            updated_at=row["updated_at"],
        )

    def list(
        self,
        search: str | None = None,
        category: str | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[ArticleSummary]:
        """Article summaries, newest first, filtered by full-text search and category."""
        where, params = self._filters(search, category)
        sql = (
            "SELECT a.id, a.title, a.source, a.published, a.action_count,"
            " (SELECT group_concat(category, char(31)) FROM article_categories c"
            "  WHERE c.article_id = a.id) AS categories"
            f" FROM articles a {where} ORDER BY a.sort_key DESC, a.id DESC"
            " LIMIT ? OFFSET ?"
        )
        rows = self.db.execute(sql, (*params, -1 if limit is None else limit, offset))
        return [
            ArticleSummary(
                id=int(row["id"]),
                title=row["title"],
                source=row["source"],
                published=row["published"],
                categories=tuple(row["categories"].split("\x1f")) if row["categories"] else (),
                actions=int(row["action_count"]),
                done=0,
            )
            for row in rows
        ]

    def categories(self) -> list[tuple[str, int]]:
        rows = self.db.execute(
            "SELECT category, count(*) AS n FROM article_categories"
            " GROUP BY category ORDER BY category COLLATE NOCASE"
        )
        return [(row["category"], int(row["n"])) for row in rows]

    def _filters(self, search: str | None, category: str | None) -> tuple[str, list[object]]:
        clauses: list[str] = []
        params: list[object] = []
        query = fts_query(search) if search else None
        if query:
            clauses.append("a.id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)")
            params.append(query)
        if category:
            clauses.append("a.id IN (SELECT article_id FROM article_categories WHERE category = ?)")
            params.append(category)
        return ("WHERE " + " AND ".join(clauses) if clauses else ""), params


def open_library(path: Path, *, create: bool = True) -> Library:
    """Open the library file (see database.open_database for the errors it raises)."""
    return Library(open_database(path, create=create))


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
