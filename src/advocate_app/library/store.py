"""Articles in the library: import, list, search and read back."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import re
import sqlite3
from collections.abc import Iterable, Sequence
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


# Paragraphs never contain blank lines, so a blank line joins them losslessly.
PARAGRAPH_BREAK = "\n\n"
TEXT_COLUMNS = ("body", "opinion", "action_essay")
SQL_VARIABLES = 500  # ids per IN (...) query, well under SQLite's limit
SEARCH_TOKEN = re.compile(r"\w+", re.UNICODE)


def fts_query(text: str) -> str | None:
    """A safe FTS5 query: every word must match, the last one as a prefix (search as you type)."""
    words = SEARCH_TOKEN.findall(text)
    if not words:
        return None
    quoted = [f'"{word}"' for word in words[:32]]
    quoted[-1] += "*"
    return " ".join(quoted)


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
        **texts,
    )


class Library:
    """The reader's articles. Every write is a transaction."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self.db = connection

    def close(self) -> None:
        self.db.close()

    # --- writing -------------------------------------------------------
    def add(self, article: Article, origin: str | None = None) -> tuple[int, ImportStatus]:
        """Store an article, or update the copy imported before (same identity)."""
        with transaction(self.db):
            return self._write(prepare(article, origin))

    def add_many(self, prepared: Iterable[PreparedArticle]) -> list[tuple[int, ImportStatus]]:
        """Store several prepared articles in one transaction: all of them, or none."""
        with transaction(self.db):
            return [self._write(item) for item in prepared]

    def _write(self, prepared: PreparedArticle) -> tuple[int, ImportStatus]:
        row = self.db.execute(
            "SELECT id, content_hash FROM articles WHERE uid = ?", (prepared.uid,)
        ).fetchone()
        if row is not None and row["content_hash"] == prepared.content_hash:
            return int(row["id"]), ImportStatus.UNCHANGED
        values = dataclasses.asdict(prepared)
        values["now"] = _now()
        if values["sort_key"] is None:
            values["sort_key"] = datetime.now(UTC).timestamp()
        if row is None:
            cursor = self.db.execute(
                """
                INSERT INTO articles (uid, title, source, url, published, sort_key,
                    action_count, content_hash, origin, imported_at, updated_at)
                VALUES (:uid, :title, :source, :url, :published, :sort_key, :action_count,
                    :content_hash, :origin, :now, :now)
                """,
                values,
            )
            article_id, status = int(cursor.lastrowid or 0), ImportStatus.IMPORTED
            self.db.execute(
                """
                INSERT INTO article_texts (id, title, body, opinion, action_essay,
                    actions_text, details)
                VALUES (:id, :title, :body, :opinion, :action_essay, :actions_text, :details)
                """,
                {**values, "id": article_id},
            )
        else:
            article_id, status = int(row["id"]), ImportStatus.UPDATED
            self.db.execute(
                """
                UPDATE articles SET title = :title, source = :source, url = :url,
                    published = :published, sort_key = :sort_key,
                    action_count = :action_count, content_hash = :content_hash,
                    origin = coalesce(:origin, origin), updated_at = :now
                WHERE id = :id
                """,
                {**values, "id": article_id},
            )
            self.db.execute(
                """
                UPDATE article_texts SET title = :title, body = :body, opinion = :opinion,
                    action_essay = :action_essay, actions_text = :actions_text,
                    details = :details
                WHERE id = :id
                """,
                {**values, "id": article_id},
            )
            self.db.execute("DELETE FROM article_categories WHERE article_id = ?", (article_id,))
        self.db.executemany(
            "INSERT OR IGNORE INTO article_categories (article_id, category) VALUES (?, ?)",
            [(article_id, category) for category in prepared.categories],
        )
        return article_id, status

    # --- reading -------------------------------------------------------
    def count(self) -> int:
        return int(self.db.execute("SELECT count(*) FROM articles").fetchone()[0])

    def get(self, article_id: int) -> StoredArticle | None:
        row = self.db.execute(
            "SELECT a.id, a.uid, t.details, t.body, t.opinion, t.action_essay, a.origin,"
            " a.imported_at, a.updated_at FROM articles a JOIN article_texts t USING (id)"
            " WHERE a.id = ?",
            (article_id,),
        ).fetchone()
        if row is None:
            return None
        content = json.loads(row["details"])
        for key in TEXT_COLUMNS:
            content[key] = row[key].split(PARAGRAPH_BREAK) if row[key] else []
        return StoredArticle(
            id=int(row["id"]),
            uid=row["uid"],
            article=article_from_dict(content),
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
        ids = self.ids(search, category)
        end = None if limit is None else offset + limit
        return self.summaries(ids[offset:end])

    def summaries(self, ids: Sequence[int]) -> list[ArticleSummary]:
        """Summaries of these articles, in the order given (missing ones are skipped)."""
        found: dict[int, ArticleSummary] = {}
        for start in range(0, len(ids), SQL_VARIABLES):
            chunk = ids[start : start + SQL_VARIABLES]
            marks = ",".join("?" * len(chunk))
            rows = self.db.execute(
                "SELECT a.id, a.title, a.source, a.published, a.action_count,"
                " (SELECT group_concat(category, char(31)) FROM article_categories c"
                "  WHERE c.article_id = a.id) AS categories"
                f" FROM articles a WHERE a.id IN ({marks})",
                chunk,
            )
            for row in rows:
                found[int(row["id"])] = _summary(row)
        return [found[i] for i in ids if i in found]

    def ids(self, search: str | None = None, category: str | None = None) -> list[int]:
        """Ids of the matching articles, newest first (cheap: for lazily loaded lists)."""
        where, params = self._filters(search, category)
        sql = f"SELECT a.id FROM articles a {where} ORDER BY a.sort_key DESC, a.id DESC"
        return [row[0] for row in self.db.execute(sql, params)]

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


def _summary(row: sqlite3.Row) -> ArticleSummary:
    return ArticleSummary(
        id=int(row["id"]),
        title=row["title"],
        source=row["source"],
        published=row["published"],
        categories=tuple(row["categories"].split("\x1f")) if row["categories"] else (),
        actions=int(row["action_count"]),
        done=0,
    )


def open_library(path: Path, *, create: bool = True) -> Library:
    """Open the library file (see database.open_database for the errors it raises)."""
    return Library(open_database(path, create=create))


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
