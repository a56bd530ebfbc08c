"""The record of letters sent: what went to whom, how and when."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import Any

from advocate_app.core import clock
from advocate_app.core.store.database import transaction
from advocate_app.core.store.queries import article_uid


@dataclass(frozen=True)
class SentLetter:
    id: int
    article_uid: str
    action_number: int
    recipient_name: str
    recipient_kind: str
    recipient_id: str | None
    route: str
    subject: str
    body: str
    sent_at: str


class SentLetters:
    def __init__(self, connection: sqlite3.Connection) -> None:
        self._db = connection

    def record(
        self,
        article_id: int,
        action_number: int,
        recipient_name: str,
        recipient_kind: str,
        recipient_id: str | None,
        route: str,
        subject: str,
        body: str,
    ) -> int:
        """Save a letter as sent (copied, opened, mailed or printed), at once."""
        with transaction(self._db):
            uid = article_uid(self._db, article_id)
            cursor = self._db.execute(
                "INSERT INTO letters (article_uid, action_number, recipient_name, recipient_kind,"
                " recipient_id, route, subject, body, sent_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    uid,
                    action_number,
                    recipient_name,
                    recipient_kind,
                    recipient_id,
                    route,
                    subject,
                    body,
                    clock.stamp(),
                ),
            )
        return int(cursor.lastrowid or 0)

    def list(self, article_id: int | None = None) -> list[SentLetter]:
        """Sent letters, newest first; those of one article when `article_id` is given."""
        if article_id is None:
            rows = self._db.execute("SELECT * FROM letters ORDER BY sent_at DESC, id DESC")
        else:
            rows = self._db.execute(
                "SELECT l.* FROM letters l JOIN articles a ON a.uid = l.article_uid"
                " WHERE a.id = ? ORDER BY l.sent_at DESC, l.id DESC",
                (article_id,),
            )
        return [SentLetter(**dict(row)) for row in rows]

    def for_export(self) -> list[dict[str, Any]]:
        """Every letter with the id of its article (None when the article is gone), oldest
        first."""
        rows = self._db.execute(
            "SELECT l.id, a.id AS article_id, l.action_number, l.recipient_name, l.route,"
            " l.subject, l.body, l.sent_at FROM letters l"
            " LEFT JOIN articles a ON a.uid = l.article_uid ORDER BY l.sent_at, l.id"
        )
        return [dict(row) for row in rows]
