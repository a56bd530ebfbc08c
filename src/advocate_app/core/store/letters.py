"""Letters: each one a record from its first edit (a draft) to the reader saying it was sent,
with every delivery attempt (copied, contact page opened, mailed, printed, saved as PDF)."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import Any

from advocate_app.core import clock
from advocate_app.core.store.database import transaction
from advocate_app.core.store.queries import article_uid

MISSING_ARTICLE = "an article no longer in the library"


@dataclass(frozen=True)
class Addressee:
    """Whom a letter is to, as the store keeps it (see core/identity.official_key)."""

    key: str
    name: str
    kind: str
    bioguide: str | None = None


@dataclass(frozen=True)
class LetterRecord:
    id: int
    article_uid: str
    article_id: int | None  # None when the article is gone or in the trash
    article_title: str
    action_number: int
    recipient_key: str
    recipient_name: str
    recipient_kind: str
    recipient_id: str | None
    subject: str
    body: str
    template: str | None
    edited: bool
    created_at: str
    updated_at: str
    sent_at: str | None  # the reader said it was sent
    deliveries: tuple[tuple[str, str], ...]  # (route, when), oldest first

    @property
    def sent(self) -> bool:
        return self.sent_at is not None

    @property
    def draft(self) -> bool:
        """Being written: never delivered anywhere, not sent."""
        return not self.sent and not self.deliveries


class LetterNotFound(LookupError):
    pass


class LetterStore:
    def __init__(self, connection: sqlite3.Connection) -> None:
        self._db = connection

    def save(
        self,
        article_id: int,
        action_number: int,
        to: Addressee,
        subject: str,
        body: str,
        *,
        template: str | None = None,
        edited: bool = True,
        letter_id: int | None = None,
    ) -> int:
        """Keep the text of the letter being written to `to`: the letter `letter_id` while it
        is not sent (or, sent, when the text is the same: sending it again is the same letter),
        else the one open letter to them for this action, else a new one."""
        now = clock.stamp()
        with transaction(self._db):
            uid = article_uid(self._db, article_id)
            row = None
            if letter_id is not None:
                known = self._db.execute(
                    "SELECT id, sent_at, subject, body FROM letters WHERE id = ?", (letter_id,)
                ).fetchone()
                if known is not None and known["sent_at"] is not None:
                    if (known["subject"], known["body"]) == (subject, body):
                        return letter_id
                elif known is not None:
                    row = known
            if row is None:
                row = self._db.execute(
                    "SELECT id FROM letters WHERE article_uid = ? AND action_number = ?"
                    " AND recipient_key = ? AND sent_at IS NULL",
                    (uid, action_number, to.key),
                ).fetchone()
            if row is not None:
                self._db.execute(
                    "UPDATE letters SET subject = ?, body = ?, recipient_name = ?,"
                    " edited = max(edited, ?), updated_at = ?,"
                    " template = coalesce(template, ?) WHERE id = ?",
                    (subject, body, to.name, int(edited), now, template, row[0]),
                )
                return int(row[0])
            cursor = self._db.execute(
                "INSERT INTO letters (article_uid, action_number, recipient_key, recipient_name,"
                " recipient_kind, recipient_id, subject, body, template, edited, created_at,"
                " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    uid,
                    action_number,
                    to.key,
                    to.name,
                    to.kind,
                    to.bioguide,
                    subject,
                    body,
                    template,
                    int(edited),
                    now,
                    now,
                ),
            )
        return int(cursor.lastrowid or 0)

    def deliver(self, letter_id: int, route: str) -> None:
        """Keep one delivery attempt that worked (the page opened, the file was written)."""
        now = clock.stamp()
        with transaction(self._db):
            self._require(letter_id)
            self._db.execute(
                "INSERT INTO deliveries (letter_id, route, at) VALUES (?, ?, ?)",
                (letter_id, route, now),
            )
            self._db.execute("UPDATE letters SET updated_at = ? WHERE id = ?", (now, letter_id))

    def mark_sent(self, letter_id: int, sent: bool = True) -> bool:
        """The reader says the letter was sent (or, undoing that, was not). Returns whether
        anything changed. A letter taken back while a newer one to the same person is being
        written stays sent (ValueError): two open letters to one person would be one too many."""
        with transaction(self._db):
            self._require(letter_id)
            try:
                cursor = self._db.execute(
                    "UPDATE letters SET sent_at = ? WHERE id = ? AND (sent_at IS NULL) = ?",
                    (clock.stamp() if sent else None, letter_id, int(sent)),
                )
            except sqlite3.IntegrityError:
                raise ValueError(
                    "A newer letter to the same person is being written; send or delete it first."
                ) from None
        return cursor.rowcount > 0

    def delete(self, letter_id: int) -> bool:
        """Delete a letter that was not sent (a draft, or one only copied or opened); a sent
        letter is part of the record and stays."""
        with transaction(self._db):
            cursor = self._db.execute(
                "DELETE FROM letters WHERE id = ? AND sent_at IS NULL", (letter_id,)
            )
        return cursor.rowcount > 0

    def get(self, letter_id: int) -> LetterRecord | None:
        found = self._records("WHERE l.id = ?", (letter_id,))
        return found[0] if found else None

    def open_letters(self, article_id: int, action_number: int) -> dict[str, LetterRecord]:
        """The letters being written for one action (not sent yet), by recipient key."""
        uid = article_uid(self._db, article_id)
        rows = self._records(
            "WHERE l.article_uid = ? AND l.action_number = ? AND l.sent_at IS NULL",
            (uid, action_number),
        )
        return {record.recipient_key: record for record in rows}

    def list(self, article_id: int | None = None, *, drafts: bool = False) -> list[LetterRecord]:
        """Letters delivered or sent (or, with `drafts`, those only being written), newest
        first; those of one article when `article_id` is given."""
        clauses = [
            "l.sent_at IS NULL AND NOT EXISTS (SELECT 1 FROM deliveries d WHERE d.letter_id = l.id)"
            if drafts
            else "(l.sent_at IS NOT NULL OR EXISTS (SELECT 1 FROM deliveries d"
            " WHERE d.letter_id = l.id))"
        ]
        values: tuple[Any, ...] = ()
        if article_id is not None:
            clauses.append("l.article_uid = ?")
            values = (article_uid(self._db, article_id),)
        return self._records("WHERE " + " AND ".join(clauses), values)

    def for_export(self) -> list[dict[str, Any]]:
        """Every letter delivered or sent, with its article's id (None when gone) and its
        deliveries, oldest first."""
        rows = []
        for record in reversed(self.list()):
            rows.append(
                {
                    "id": record.id,
                    "article_id": record.article_id,
                    "action_number": record.action_number,
                    "recipient_key": record.recipient_key,
                    "recipient_name": record.recipient_name,
                    "subject": record.subject,
                    "body": record.body,
                    "sent_at": record.sent_at,
                    "deliveries": [{"route": r, "at": at} for r, at in record.deliveries],
                }
            )
        return rows

    def _require(self, letter_id: int) -> None:
        if self._db.execute("SELECT 1 FROM letters WHERE id = ?", (letter_id,)).fetchone() is None:
            raise LetterNotFound(f"there is no letter {letter_id}")

    def _records(self, where: str, values: tuple[Any, ...]) -> list[LetterRecord]:
        rows = self._db.execute(
            "SELECT l.*, a.id AS live_id, a.title AS live_title, a.deleted_at AS live_deleted"
            " FROM letters l LEFT JOIN articles a ON a.uid = l.article_uid "
            + where
            + " ORDER BY coalesce(l.sent_at, l.updated_at) DESC, l.id DESC",
            values,
        ).fetchall()
        deliveries: dict[int, list[tuple[str, str]]] = {}
        ids = [row["id"] for row in rows]
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            marks = ", ".join("?" * len(chunk))
            for letter_id, route, at in self._db.execute(
                f"SELECT letter_id, route, at FROM deliveries WHERE letter_id IN ({marks})"
                " ORDER BY at, id",
                chunk,
            ):
                deliveries.setdefault(letter_id, []).append((route, at))
        return [_record(row, tuple(deliveries.get(row["id"], ()))) for row in rows]


def _record(row: sqlite3.Row, deliveries: tuple[tuple[str, str], ...]) -> LetterRecord:
    gone = row["live_id"] is None or row["live_deleted"] is not None
    return LetterRecord(
        id=row["id"],
        article_uid=row["article_uid"],
        article_id=None if gone else int(row["live_id"]),
        article_title=row["live_title"] if row["live_id"] is not None else MISSING_ARTICLE,
        action_number=row["action_number"],
        recipient_key=row["recipient_key"],
        recipient_name=row["recipient_name"],
        recipient_kind=row["recipient_kind"],
        recipient_id=row["recipient_id"],
        subject=row["subject"],
        body=row["body"],
        template=row["template"],
        edited=bool(row["edited"]),
        created_at=row["created_at"],
        updated_at=row["updated_at"],
        sent_at=row["sent_at"],
        deliveries=deliveries,
    )
