"""The record of letters sent: what went to whom, how and when."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from advocate_app.core.store.database import transaction
from advocate_app.core.store.library import Library


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


def record_letter(
    library: Library,
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
    with transaction(library.db):
        uid = library.db.execute("SELECT uid FROM articles WHERE id = ?", (article_id,)).fetchone()
        if uid is None:
            raise KeyError(f"no article with id {article_id}")
        cursor = library.db.execute(
            "INSERT INTO letters (article_uid, action_number, recipient_name, recipient_kind,"
            " recipient_id, route, subject, body, sent_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                uid[0],
                action_number,
                recipient_name,
                recipient_kind,
                recipient_id,
                route,
                subject,
                body,
                datetime.now(UTC).isoformat(timespec="seconds"),
            ),
        )
    return int(cursor.lastrowid or 0)


def letters_for(library: Library, article_id: int | None = None) -> list[SentLetter]:
    """Sent letters, newest first; those of one article when `article_id` is given."""
    if article_id is None:
        rows = library.db.execute("SELECT * FROM letters ORDER BY sent_at DESC, id DESC")
    else:
        rows = library.db.execute(
            "SELECT l.* FROM letters l JOIN articles a ON a.uid = l.article_uid WHERE a.id = ?"
            " ORDER BY l.sent_at DESC, l.id DESC",
            (article_id,),
        )
    return [SentLetter(**dict(row)) for row in rows]
