"""Feed subscriptions as stored: feeds, their validators, and which entry became which article."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass

from advocate_app.core.store.database import transaction
from advocate_app.core.store.queries import LIVE


@dataclass(frozen=True)
class Feed:
    id: int
    url: str
    title: str
    checked_at: str | None
    error: str | None
    unread: int


@dataclass(frozen=True)
class Validators:
    """What the server said last time, to ask it only for what changed."""

    etag: str | None
    last_modified: str | None


class FeedStore:
    def __init__(self, connection: sqlite3.Connection) -> None:
        self._db = connection

    def list(self) -> list[Feed]:
        """Every feed, by title, with its count of unread articles still in the library."""
        rows = self._db.execute(
            "SELECT f.id, f.url, f.title, f.checked_at, f.error,"
            " (SELECT count(*) FROM feed_entries e JOIN articles a ON a.id = e.article_id"
            f"  WHERE e.feed_id = f.id AND a.is_read = 0 AND a.{LIVE}) AS unread"
            " FROM feeds f ORDER BY f.title COLLATE NOCASE, f.id"
        )
        return [Feed(r[0], r[1], r[2], r[3], r[4], int(r[5])) for r in rows]

    def get(self, url: str) -> Feed | None:
        return next((feed for feed in self.list() if feed.url == url), None)

    def subscribe(self, url: str, title: str) -> None:
        """Add a feed, or give a known one its new title."""
        with transaction(self._db):
            self._db.execute(
                "INSERT INTO feeds (url, title) VALUES (?, ?) ON CONFLICT (url) DO UPDATE"
                " SET title = excluded.title",
                (url, title),
            )

    def subscribe_many(self, feeds: Iterable[tuple[str, str]]) -> int:
        """Add feeds not yet subscribed to, in one transaction; how many were new."""
        added = 0
        with transaction(self._db):
            for url, title in feeds:
                cursor = self._db.execute(
                    "INSERT OR IGNORE INTO feeds (url, title) VALUES (?, ?)", (url, title)
                )
                added += cursor.rowcount
        return added

    def remove(self, feed_id: int) -> bool:
        with transaction(self._db):
            cursor = self._db.execute("DELETE FROM feeds WHERE id = ?", (feed_id,))
        return cursor.rowcount > 0

    def validators(self, feed_id: int) -> Validators:
        row = self._db.execute(
            "SELECT etag, last_modified FROM feeds WHERE id = ?", (feed_id,)
        ).fetchone()
        return Validators(row[0], row[1]) if row else Validators(None, None)

    def checked(
        self,
        feed_id: int,
        checked_at: str,
        error: str | None,
        validators: Validators | None = None,
    ) -> None:
        """Note a refresh: when, why it failed (or None), and the new validators if any."""
        with transaction(self._db):
            self._db.execute(
                "UPDATE feeds SET checked_at = ?, error = ? WHERE id = ?",
                (checked_at, error, feed_id),
            )
            if validators is not None:
                self._db.execute(
                    "UPDATE feeds SET etag = ?, last_modified = ? WHERE id = ?",
                    (validators.etag, validators.last_modified, feed_id),
                )

    def article_for_link(self, link: str) -> int | None:
        """The article an entry's link already became, through any feed or by its address."""
        row = self._db.execute(
            "SELECT article_id FROM feed_entries WHERE link = ? AND article_id IS NOT NULL"
            " UNION ALL SELECT id FROM articles WHERE origin = ? OR url = ? LIMIT 1",
            (link, link, link),
        ).fetchone()
        return None if row is None else int(row[0])

    def link_entry(
        self, feed_id: int, link: str, article_id: int | None, error: str | None
    ) -> None:
        with transaction(self._db):
            self._db.execute(
                "INSERT INTO feed_entries (feed_id, link, article_id, error) VALUES (?, ?, ?, ?)"
                " ON CONFLICT (feed_id, link) DO UPDATE SET article_id = excluded.article_id,"
                " error = excluded.error",
                (feed_id, link, article_id, error),
            )
