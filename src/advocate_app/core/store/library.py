"""The library: store articles, list and search them, and keep the reader's marks on them."""

from __future__ import annotations

import dataclasses
import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from advocate_app.core import clock
from advocate_app.core.articles.model import Article, article_from_dict
from advocate_app.core.store.database import (
    open_database,
    schema_version,
    set_read_only,
    transaction,
)
from advocate_app.core.store.feeds import FeedStore
from advocate_app.core.store.letters import LetterStore
from advocate_app.core.store.queries import DONE_COUNT, LIVE, ArticleQuery, article_uid
from advocate_app.core.store.records import (
    PARAGRAPH_BREAK,
    TEXT_COLUMNS,
    ArticleSummary,
    ImportStatus,
    PreparedArticle,
    StoredArticle,
    prepare,
)
from advocate_app.core.store.tracking import Tracking

if TYPE_CHECKING:
    from advocate_app.core.store.backup import RestoreReport

SQL_VARIABLES = 500  # ids per IN (...) query, well under SQLite's limit


class Library:
    """The reader's articles and everything kept with them. Every write is a transaction,
    committed at once.

    The connection stays inside the store: articles and marks are methods here; tracking,
    sent letters and feeds are the sub-stores `tracking`, `letters` and `feeds`.
    """

    def __init__(
        self, connection: sqlite3.Connection, path: Path | None = None, *, snapshot: bool = False
    ) -> None:
        self.path = path
        self.snapshot = snapshot  # read as last saved, on a full disk: nothing can be written
        self._attach(connection)

    def _attach(self, connection: sqlite3.Connection) -> None:
        self._db = connection
        self.tracking = Tracking(connection)
        self.letters = LetterStore(connection)
        self.feeds = FeedStore(connection)

    def close(self) -> None:
        self._db.close()

    def reopen(self) -> None:
        """Open the library file again (after it was replaced on disk)."""
        assert self.path is not None
        self._db.close()
        self._attach(open_database(self.path, create=False, check=True))

    def read_only(self) -> None:
        """Write nothing more through this connection."""
        set_read_only(self._db)

    def verify(self, *, full: bool = True) -> None:
        """LibraryDamagedError when the file is damaged (`full`: anywhere; else in the tables
        commands write); from then on nothing is written."""
        from advocate_app.core.store.database import LibraryDamagedError, check_database

        try:
            check_database(self._db, self.path or Path("library"), full=full)
        except LibraryDamagedError:
            set_read_only(self._db)
            raise

    def schema_version(self) -> int:
        return schema_version(self._db)

    # --- storing articles ---------------------------------------------
    def add(self, article: Article, origin: str | None = None) -> tuple[int, ImportStatus]:
        """Store an article, or update the copy imported before (same identity)."""
        with transaction(self._db):
            return self._write(prepare(article, origin))

    def rename(self, article_id: int, title: str) -> bool:
        """Give an article the reader's own title (one Advocate made up from the first
        sentence, say). A later import of the same file keeps it. ValueError when empty."""
        title = " ".join(title.split())[:MAX_TITLE]
        if not title:
            raise ValueError("A title cannot be empty.")
        with transaction(self._db):
            row = self._db.execute(
                "SELECT t.details FROM articles a JOIN article_texts t USING (id)"
                f" WHERE a.id = ? AND a.{LIVE}",
                (article_id,),
            ).fetchone()
            if row is None:
                return False
            details = json.loads(row["details"])
            details.update(title=title, title_derived=False, renamed=True)
            self._db.execute(
                "UPDATE articles SET title = ?, updated_at = ? WHERE id = ?",
                (title, clock.stamp(), article_id),
            )
            self._db.execute(
                "UPDATE article_texts SET title = ?, details = ? WHERE id = ?",
                (title, json.dumps(details, ensure_ascii=False, sort_keys=True), article_id),
            )
        return True

    def _keep_readers_title(self, article_id: int, values: dict[str, object]) -> None:
        """An update of an article the reader renamed keeps their title, unless the new copy
        brings a real headline of its own."""
        row = self._db.execute(
            "SELECT details FROM article_texts WHERE id = ?", (article_id,)
        ).fetchone()
        stored = json.loads(row["details"]) if row else {}
        incoming = json.loads(str(values["details"]))
        if stored.get("renamed") and incoming.get("title_derived"):
            incoming.update(title=stored["title"], title_derived=False, renamed=True)
            values["title"] = stored["title"]
            values["details"] = json.dumps(incoming, ensure_ascii=False, sort_keys=True)

    def _same_text(self, prepared: PreparedArticle) -> sqlite3.Row | None:
        """The article already here under another identity that is the same story, one copy
        from a file and the other from its address (so one has an address and the other not):
        same title, or same source and day, and the same opening. It is updated, never
        duplicated. Copies that both have addresses, or neither, keep their own identities."""
        # The other kind of copy: articles without an address for a fetched page, with one for
        # a file. Index lookups only (the partial indexes name the kind), never a scan.
        other_kind = "coalesce(a.url, '') = ''" if prepared.url else "coalesce(a.url, '') != ''"
        day = (prepared.published or "")[:10]
        rows = self._db.execute(
            "SELECT a.id, a.content_hash, a.deleted_at, t.body FROM articles a"
            f" JOIN article_texts t ON t.id = a.id WHERE {other_kind} AND a.{LIVE} AND"
            " (a.title = ? COLLATE NOCASE OR (a.source = ? AND a.published >= ?"
            " AND a.published < ?)) LIMIT 50",
            (prepared.title, prepared.source, day or "~", day + "~"),
        ).fetchall()
        if not rows:
            return None
        opening = _opening_words(prepared.body)
        for row in rows:
            theirs = _opening_words(row["body"])
            if opening and theirs and len(opening & theirs) / len(opening | theirs) >= SAME_STORY:
                return row
        return None

    def add_many(self, prepared: Iterable[PreparedArticle]) -> list[tuple[int, ImportStatus]]:
        """Store several prepared articles in one transaction: all of them, or none."""
        with transaction(self._db):
            return [self._write(item) for item in prepared]

    def _write(self, prepared: PreparedArticle) -> tuple[int, ImportStatus]:
        row = self._db.execute(
            "SELECT id, content_hash, deleted_at FROM articles WHERE uid = ?", (prepared.uid,)
        ).fetchone()
        if row is not None and row["deleted_at"] is not None:
            # Importing a deleted article brings it back, as if new.
            self._db.execute("UPDATE articles SET deleted_at = NULL WHERE id = ?", (row["id"],))
            if row["content_hash"] == prepared.content_hash:
                return int(row["id"]), ImportStatus.IMPORTED
        elif row is not None and row["content_hash"] == prepared.content_hash:
            return int(row["id"]), ImportStatus.UNCHANGED
        if row is None:
            row = self._same_text(prepared)  # a page fetched after its file was imported
        # A shallow copy: asdict() would deep-copy every value, a fifth of an import's time.
        values = {name: getattr(prepared, name) for name in PREPARED_FIELDS}
        values["now"] = clock.stamp()
        if values["sort_key"] is None:
            values["sort_key"] = clock.now().timestamp()
        if row is None:
            cursor = self._db.execute(
                """
                INSERT INTO articles (uid, title, source, url, published, sort_key,
                    action_count, content_hash, origin, imported_at, updated_at)
                VALUES (:uid, :title, :source, :url, :published, :sort_key, :action_count,
                    :content_hash, :origin, :now, :now)
                """,
                values,
            )
            article_id, status = int(cursor.lastrowid or 0), ImportStatus.IMPORTED
            self._db.execute(
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
            self._keep_readers_title(article_id, values)
            self._db.execute(
                """
                UPDATE articles SET title = :title, source = :source, url = :url,
                    published = :published, sort_key = :sort_key,
                    action_count = :action_count, content_hash = :content_hash,
                    origin = coalesce(:origin, origin), updated_at = :now
                WHERE id = :id
                """,
                {**values, "id": article_id},
            )
            self._db.execute(
                """
                UPDATE article_texts SET title = :title, body = :body, opinion = :opinion,
                    action_essay = :action_essay, actions_text = :actions_text,
                    details = :details
                WHERE id = :id
                """,
                {**values, "id": article_id},
            )
            self._db.execute("DELETE FROM article_categories WHERE article_id = ?", (article_id,))
        self._db.executemany(
            "INSERT OR IGNORE INTO article_categories (article_id, category) VALUES (?, ?)",
            [(article_id, category) for category in prepared.categories],
        )
        self._db.execute("DELETE FROM action_index WHERE article_id = ?", (article_id,))
        self._db.executemany(
            "INSERT OR IGNORE INTO action_index (article_id, action_number, title, targets)"
            " VALUES (?, ?, ?, ?)",
            [(article_id, *entry) for entry in prepared.actions_index],
        )
        return article_id, status

    # --- reading -------------------------------------------------------
    def count(self) -> int:
        row = self._db.execute(f"SELECT count(*) FROM articles WHERE {LIVE}").fetchone()
        return int(row[0])

    def get(self, article_id: int) -> StoredArticle | None:
        row = self._db.execute(
            "SELECT a.id, a.uid, t.details, t.body, t.opinion, t.action_essay, a.origin,"
            " a.imported_at, a.updated_at, a.is_read, a.is_starred"
            " FROM articles a JOIN article_texts t USING (id)"
            f" WHERE a.id = ? AND a.{LIVE}",
            (article_id,),
        ).fetchone()
        if row is None:
            return None
        content = json.loads(row["details"])
        for key in TEXT_COLUMNS:
            content[key] = row[key].split(PARAGRAPH_BREAK) if row[key] else []
        done = self._db.execute(
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

    def ids(self, query: ArticleQuery | None = None, limit: int | None = None) -> list[int]:
        """Ids of the matching articles, in order (cheap: for lazily loaded lists); only the
        first `limit` when given (quick however many match: a list's first screen)."""
        sql, params = (query or ArticleQuery()).sql(limit)
        return [row[0] for row in self._db.execute(sql, params)]

    def list(
        self, query: ArticleQuery | None = None, limit: int | None = None, offset: int = 0
    ) -> list[ArticleSummary]:
        """Summaries of the matching articles, in the query's order."""
        ids = self.ids(query, None if limit is None else max(0, offset) + max(0, limit))
        end = None if limit is None else offset + limit
        return self.summaries(ids[offset:end])

    def iter_summaries(
        self, query: ArticleQuery | None = None, limit: int | None = None, offset: int = 0
    ) -> Iterator[ArticleSummary]:
        """The matching articles' summaries, a page at a time (however many there are, only
        one page of rows is held at once)."""
        ids = self.ids(query, None if limit is None else max(0, offset) + max(0, limit))
        end = len(ids) if limit is None else min(len(ids), offset + max(0, limit))
        for start in range(max(0, offset), end, SQL_VARIABLES):
            yield from self.summaries(ids[start : min(end, start + SQL_VARIABLES)])

    def summaries(self, ids: Sequence[int]) -> list[ArticleSummary]:
        """Summaries of these articles, in the order given (missing ones are skipped)."""
        found: dict[int, ArticleSummary] = {}
        for start in range(0, len(ids), SQL_VARIABLES):
            chunk = list(ids[start : start + SQL_VARIABLES])
            marks = ",".join("?" * len(chunk))
            rows = self._db.execute(
                "SELECT a.id, a.title, a.source, a.published, a.action_count, a.is_read,"
                f" a.is_starred, {DONE_COUNT} AS done,"
                " (SELECT group_concat(category, char(31)) FROM article_categories c"
                "  WHERE c.article_id = a.id) AS categories,"
                " (SELECT min(f.due) FROM follow_ups f WHERE f.article_uid = a.uid AND NOT"
                "  EXISTS (SELECT 1 FROM action_status s WHERE s.article_uid = f.article_uid"
                "  AND s.action_number = f.action_number)) AS follow_up"
                f" FROM articles a WHERE a.id IN ({marks}) AND a.{LIVE}",
                chunk,
            )
            for row in rows:
                found[int(row["id"])] = _summary(row)
        return [found[i] for i in ids if i in found]

    def categories(self) -> list[tuple[str, int]]:
        # Deleted articles are few: leaving them out beats joining every row.
        rows = self._db.execute(
            "SELECT category, count(*) AS n FROM article_categories WHERE article_id NOT IN"
            " (SELECT id FROM articles WHERE deleted_at IS NOT NULL)"
            " GROUP BY category ORDER BY category COLLATE NOCASE"
        )
        return [(row["category"], int(row["n"])) for row in rows]

    def ids_by_title(self, titles: Iterable[str]) -> dict[str, int]:
        """Articles in the library with exactly these titles (case-insensitive)."""
        found: dict[str, int] = {}
        for title in titles:
            row = self._db.execute(
                f"SELECT id FROM articles WHERE title = ? COLLATE NOCASE AND {LIVE}"
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
        with transaction(self._db):
            self._db.executemany(
                f"UPDATE articles SET {column} = ? WHERE id = ?", [(int(value), i) for i in ids]
            )

    def delete(self, ids: Iterable[int]) -> None:
        """Move articles out of sight; `undelete` brings them back until `purge_deleted`."""
        now = clock.stamp()
        with transaction(self._db):
            self._db.executemany(
                "UPDATE articles SET deleted_at = ? WHERE id = ?", [(now, i) for i in ids]
            )

    def undelete(self, ids: Iterable[int]) -> None:
        """Bring deleted articles back from the trash."""
        with transaction(self._db):
            self._db.executemany(
                "UPDATE articles SET deleted_at = NULL WHERE id = ?", [(i,) for i in ids]
            )

    def purge_deleted(self) -> int:
        """Remove deleted articles for good. What was done for them is kept, by identity."""
        with transaction(self._db):
            cursor = self._db.execute("DELETE FROM articles WHERE deleted_at IS NOT NULL")
        return cursor.rowcount

    def uid(self, article_id: int) -> str:
        """The article's stable identity; KeyError when there is no such article."""
        return article_uid(self._db, article_id)

    # --- keeping it safe ---------------------------------------------------
    def checkpoint(self) -> None:
        """Fold the write-ahead log into the library file (for an exact size on disk)."""
        self._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    def backup_to(self, target: Path) -> Path:
        """A consistent copy of the whole library at `target` (see backup.write_backup)."""
        from advocate_app.core.store.backup import write_backup

        return write_backup(self._db, target)

    def replace_with(self, source: Path) -> RestoreReport:
        """Replace everything with a checked backup's data, after saving the current library
        beside it."""
        from advocate_app.core.store.backup import restore_into

        assert self.path is not None
        return restore_into(self._db, self.path, source)

    def auto_backup(self, data_folder: Path, day: str) -> Path | None:
        """Today's automatic backup, unless there is one already."""
        from advocate_app.core.store.backup import auto_backup

        return auto_backup(self._db, data_folder, day)

    # --- small app state kept with the library ------------------------
    def state(self, key: str) -> str | None:
        row = self._db.execute("SELECT value FROM app_state WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row[0])

    def set_state(self, key: str, value: str) -> None:
        with transaction(self._db):
            self._db.execute(
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
        follow_up=row["follow_up"],
    )


def open_library(
    path: Path,
    *,
    create: bool = True,
    check: bool = False,
    read_only: bool = False,
    snapshot: bool = False,
) -> Library:
    """Open the library file (see database.open_database for the errors it raises)."""
    connection = open_database(
        path, create=create, check=check, read_only=read_only, snapshot=snapshot
    )
    return Library(connection, path, snapshot=snapshot)


PREPARED_FIELDS = tuple(field.name for field in dataclasses.fields(PreparedArticle))
OPENING_WORDS = 60  # enough of the text to tell one story from another
SAME_STORY = 0.6  # share of opening words two copies of one story have in common, at least
MAX_TITLE = 300


def _opening_words(body: str) -> set[str]:
    # Only the start of the text is split (a long article's whole text would be split for
    # sixty words): 40 characters a word is far more than words take.
    words = body[: OPENING_WORDS * 40].split()[:OPENING_WORDS]
    return {word.strip(".,;:!?\"'“”‘’()").casefold() for word in words} - {""}
