"""The library: store articles, list and search them, and keep the reader's marks on them."""

from __future__ import annotations

import dataclasses
import json
import sqlite3
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from pathlib import Path

from advocate_app.core.articles.model import Article, article_from_dict
from advocate_app.core.store.database import open_database, transaction
from advocate_app.core.store.queries import DONE_COUNT, ArticleQuery
from advocate_app.core.store.records import (
    PARAGRAPH_BREAK,
    TEXT_COLUMNS,
    ArticleSummary,
    ImportStatus,
    PreparedArticle,
    StoredArticle,
    prepare,
)

SQL_VARIABLES = 500  # ids per IN (...) query, well under SQLite's limit


class Library:
    """The reader's articles. Every write is a transaction, committed at once."""

    def __init__(self, connection: sqlite3.Connection, path: Path | None = None) -> None:
        self.db = connection
        self.path = path

    def close(self) -> None:
        self.db.close()

    # --- storing articles ---------------------------------------------
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
            "SELECT id, content_hash, deleted_at FROM articles WHERE uid = ?", (prepared.uid,)
        ).fetchone()
        if row is not None and row["deleted_at"] is not None:
            # Importing a deleted article brings it back, as if new.
            self.db.execute("UPDATE articles SET deleted_at = NULL WHERE id = ?", (row["id"],))
            if row["content_hash"] == prepared.content_hash:
                return int(row["id"]), ImportStatus.IMPORTED
        elif row is not None and row["content_hash"] == prepared.content_hash:
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
            article_id = int(row["id"])
            status = ImportStatus.UPDATED if row["deleted_at"] is None else ImportStatus.IMPORTED
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
        row = self.db.execute("SELECT count(*) FROM articles WHERE deleted_at IS NULL").fetchone()
        return int(row[0])

    def get(self, article_id: int) -> StoredArticle | None:
        row = self.db.execute(
            "SELECT a.id, a.uid, t.details, t.body, t.opinion, t.action_essay, a.origin,"
            " a.imported_at, a.updated_at, a.is_read, a.is_starred"
            " FROM articles a JOIN article_texts t USING (id)"
            " WHERE a.id = ? AND a.deleted_at IS NULL",
            (article_id,),
        ).fetchone()
        if row is None:
            return None
        content = json.loads(row["details"])
        for key in TEXT_COLUMNS:
            content[key] = row[key].split(PARAGRAPH_BREAK) if row[key] else []
        done = self.db.execute(
            "SELECT action_number FROM action_status WHERE article_uid = ?", (row["uid"],)
        )
        return StoredArticle(
            id=int(row["id"]),
            uid=row["uid"],
            article=article_from_dict(content),
            origin=row["origin"],
            imported_at=row["imported_at"],
            updated_at=row["updated_at"],
            read=bool(row["is_read"]),
            starred=bool(row["is_starred"]),
            done_actions=frozenset(int(r[0]) for r in done),
        )

    def ids(self, query: ArticleQuery | None = None) -> list[int]:
        """Ids of the matching articles, in order (cheap: for lazily loaded lists)."""
        sql, params = (query or ArticleQuery()).sql()
        return [row[0] for row in self.db.execute(sql, params)]

    def list(
        self, query: ArticleQuery | None = None, limit: int | None = None, offset: int = 0
    ) -> list[ArticleSummary]:
        """Summaries of the matching articles, in the query's order."""
        ids = self.ids(query)
        end = None if limit is None else offset + limit
        return self.summaries(ids[offset:end])

    def summaries(self, ids: Sequence[int]) -> list[ArticleSummary]:
        """Summaries of these articles, in the order given (missing ones are skipped)."""
        found: dict[int, ArticleSummary] = {}
        for start in range(0, len(ids), SQL_VARIABLES):
            chunk = list(ids[start : start + SQL_VARIABLES])
            marks = ",".join("?" * len(chunk))
            rows = self.db.execute(
                "SELECT a.id, a.title, a.source, a.published, a.action_count, a.is_read,"
                f" a.is_starred, {DONE_COUNT} AS done,"
                " (SELECT group_concat(category, char(31)) FROM article_categories c"
                "  WHERE c.article_id = a.id) AS categories"
                f" FROM articles a WHERE a.id IN ({marks}) AND a.deleted_at IS NULL",
                chunk,
            )
            for row in rows:
                found[int(row["id"])] = _summary(row)
        return [found[i] for i in ids if i in found]

    def categories(self) -> list[tuple[str, int]]:
        # Deleted articles are few: leaving them out beats joining every row.
        rows = self.db.execute(
            "SELECT category, count(*) AS n FROM article_categories WHERE article_id NOT IN"
            " (SELECT id FROM articles WHERE deleted_at IS NOT NULL)"
            " GROUP BY category ORDER BY category COLLATE NOCASE"
        )
        return [(row["category"], int(row["n"])) for row in rows]

    def ids_by_title(self, titles: Iterable[str]) -> dict[str, int]:
        """Articles in the library with exactly these titles (case-insensitive)."""
        found: dict[str, int] = {}
        for title in titles:
            row = self.db.execute(
                "SELECT id FROM articles WHERE title = ? COLLATE NOCASE AND deleted_at IS NULL"
                " ORDER BY sort_key DESC LIMIT 1",
                (title,),
            ).fetchone()
            if row is not None:
                found[title] = int(row[0])
        return found

    # --- the reader's marks ----------------------------------------------
    def set_read(self, ids: Iterable[int], read: bool) -> None:
        self._set_flag("is_read", ids, read)

    def set_starred(self, ids: Iterable[int], starred: bool) -> None:
        self._set_flag("is_starred", ids, starred)

    def _set_flag(self, column: str, ids: Iterable[int], value: bool) -> None:
        with transaction(self.db):
            self.db.executemany(
                f"UPDATE articles SET {column} = ? WHERE id = ?", [(int(value), i) for i in ids]
            )

    def set_action_done(
        self, article_id: int, number: int, done: bool, note: str | None = None
    ) -> bool:
        """Mark one action done (keeping when it was first marked) or not done, at once.

        Returns whether anything changed.
        """
        with transaction(self.db):
            uid = self._uid(article_id)
            if done:
                cursor = self.db.execute(
                    "INSERT INTO action_status (article_uid, action_number, done_at, note)"
                    " VALUES (?, ?, ?, ?) ON CONFLICT (article_uid, action_number) DO UPDATE"
                    " SET note = coalesce(excluded.note, action_status.note)",
                    (uid, number, _now(), note),
                )
            else:
                cursor = self.db.execute(
                    "DELETE FROM action_status WHERE article_uid = ? AND action_number = ?",
                    (uid, number),
                )
        return cursor.rowcount > 0

    def delete(self, ids: Iterable[int]) -> None:
        """Move articles out of sight; `restore` brings them back until `purge_deleted`."""
        now = _now()
        with transaction(self.db):
            self.db.executemany(
                "UPDATE articles SET deleted_at = ? WHERE id = ?", [(now, i) for i in ids]
            )

    def restore(self, ids: Iterable[int]) -> None:
        with transaction(self.db):
            self.db.executemany(
                "UPDATE articles SET deleted_at = NULL WHERE id = ?", [(i,) for i in ids]
            )

    def purge_deleted(self) -> int:
        """Remove deleted articles for good. What was done for them is kept, by identity."""
        with transaction(self.db):
            cursor = self.db.execute("DELETE FROM articles WHERE deleted_at IS NOT NULL")
        return cursor.rowcount

    def _uid(self, article_id: int) -> str:
        row = self.db.execute("SELECT uid FROM articles WHERE id = ?", (article_id,)).fetchone()
        if row is None:
            raise KeyError(f"no article with id {article_id}")
        return str(row[0])

    # --- small app state kept with the library ------------------------
    def state(self, key: str) -> str | None:
        row = self.db.execute("SELECT value FROM app_state WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row[0])

    def set_state(self, key: str, value: str) -> None:
        with transaction(self.db):
            self.db.execute(
                "INSERT INTO app_state (key, value) VALUES (?, ?)"
                " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (key, value),
            )


def _summary(row: sqlite3.Row) -> ArticleSummary:
    return ArticleSummary(
        id=int(row["id"]),
        title=row["title"],
        source=row["source"],
        published=row["published"],
        categories=tuple(row["categories"].split("\x1f")) if row["categories"] else (),
        actions=int(row["action_count"]),
        done=int(row["done"]),
        read=bool(row["is_read"]),
        starred=bool(row["is_starred"]),
    )


def open_library(path: Path, *, create: bool = True) -> Library:
    """Open the library file (see database.open_database for the errors it raises)."""
    return Library(open_database(path, create=create), path)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
