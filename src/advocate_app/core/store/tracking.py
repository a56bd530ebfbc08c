"""What the reader did: actions done (with a note), calls, follow-ups, and their activity.

Everything is keyed by the article's stable identity (its uid), so re-importing or
restoring an article keeps its record. Each change is one transaction.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum
from typing import NamedTuple

from advocate_app.core import clock
from advocate_app.core.store.database import transaction
from advocate_app.core.store.queries import LIVE, article_uid


class CallOutcome(StrEnum):
    CONTACTED = "contacted"
    VOICEMAIL = "voicemail"
    BUSY = "busy"  # a busy line or a full mailbox: not done, try another number
    UNAVAILABLE = "unavailable"  # nobody answered: not done, try again


REACHED = (CallOutcome.CONTACTED, CallOutcome.VOICEMAIL)
# How a call went, in the reader's words (the window and the command line alike).
OUTCOME_WORDS = {
    CallOutcome.CONTACTED: "talked to someone",
    CallOutcome.VOICEMAIL: "left a voicemail",
    CallOutcome.BUSY: "busy or the mailbox was full",
    CallOutcome.UNAVAILABLE: "nobody answered",
}


def outcome_words(outcome: str) -> str:
    try:
        return OUTCOME_WORDS[CallOutcome(outcome)]
    except ValueError:
        return outcome


class EventKind(StrEnum):
    DONE = "done"
    LETTER = "letter"
    CALL = "call"


@dataclass(frozen=True)
class ActionRecord:
    number: int
    done_at: str | None
    note: str | None
    follow_up: str | None
    reached: tuple[str, ...]  # officials sent a letter or reached by phone, one name each
    calls: tuple[tuple[str, str, str], ...]  # (official, outcome, when)
    letters_waiting: int = 0  # letters delivered somewhere, not yet said to be sent

    @property
    def done(self) -> bool:
        return self.done_at is not None


@dataclass(frozen=True)
class ActivityEvent:
    at: str
    kind: EventKind
    article_id: int | None  # None when the article is gone or in the trash
    article_title: str
    action_number: int
    detail: str
    letter_id: int | None = None
    article_deleted: bool = False


@dataclass(frozen=True)
class FollowUp:
    article_id: int
    article_title: str
    action_number: int
    due: str  # YYYY-MM-DD


@dataclass(frozen=True)
class Activity:
    actions_done: int
    letters_sent: int
    calls: int
    weekly: list[tuple[str, int]]  # (Monday of the week, events), oldest first
    letters_per_official: list[tuple[str, int]]
    streak_days: int
    recent: list[ActivityEvent]
    follow_ups_due: list[FollowUp]
    calls_by_outcome: dict[str, int] = field(default_factory=dict)  # in the reader's words


MISSING_TITLE = "an article no longer in the library"


class OpenAction(NamedTuple):
    """An action not done yet that asks the reader to contact someone."""

    article_id: int
    article_uid: str
    article_title: str
    number: int
    title: str
    targets: tuple[str, ...]  # TargetKind values


class Tracking:
    """Done marks, calls and follow-ups of the library's actions."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self._db = connection

    def set_done(self, article_id: int, number: int, done: bool, note: str | None = None) -> bool:
        """Mark one action done (keeping when it was first marked, and adding the note) or not
        done. Returns whether anything changed."""
        with transaction(self._db):
            uid = article_uid(self._db, article_id)
            if done:
                cursor = self._db.execute(
                    "INSERT INTO action_status (article_uid, action_number, done_at, note)"
                    " VALUES (?, ?, ?, ?) ON CONFLICT (article_uid, action_number) DO UPDATE"
                    " SET note = coalesce(excluded.note, action_status.note)",
                    (uid, number, clock.stamp(), note),
                )
            else:
                cursor = self._db.execute(
                    "DELETE FROM action_status WHERE article_uid = ? AND action_number = ?",
                    (uid, number),
                )
        return cursor.rowcount > 0

    def log_call(
        self,
        article_id: int,
        number: int,
        official: str,
        outcome: CallOutcome,
        note: str | None = None,
        *,
        official_key: str,
    ) -> int:
        """Record a phone call to the official `official_key` (named `official`). Reaching
        someone (or their voicemail) does not mark the action done by itself; "unavailable" is
        kept so the reader knows to try again."""
        return self.log_calls([(article_id, number)], official, outcome, note,
                              official_key=official_key)[0]  # fmt: skip

    def log_calls(
        self,
        actions: list[tuple[int, int]],
        official: str,
        outcome: CallOutcome,
        note: str | None = None,
        *,
        official_key: str,
    ) -> list[int]:
        """One call that covered several actions: its outcome on each (article id, action
        number), in one transaction, at one moment."""
        now = clock.stamp()
        ids = []
        with transaction(self._db):
            for article_id, number in actions:
                uid = article_uid(self._db, article_id)
                cursor = self._db.execute(
                    "INSERT INTO calls (article_uid, action_number, official, outcome, note,"
                    " called_at, official_key) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (uid, number, official, str(outcome), note, now, official_key),
                )
                ids.append(int(cursor.lastrowid or 0))
        return ids

    def open_actions(self) -> list[OpenAction]:
        """Every action not done yet, of articles not deleted, that asks to contact someone;
        newest article first."""
        cursor = self._db.cursor()
        cursor.row_factory = None  # plain tuples: thirty thousand rows in a large library
        rows = cursor.execute(
            "SELECT a.id, a.uid, a.title, x.action_number, x.title, x.targets"
            f" FROM action_index x JOIN articles a ON a.id = x.article_id WHERE a.{LIVE}"
            " AND NOT EXISTS (SELECT 1 FROM action_status s WHERE s.article_uid = a.uid"
            " AND s.action_number = x.action_number)"
            " ORDER BY a.sort_key DESC, a.id DESC, x.action_number"
        )
        return [OpenAction(r[0], r[1], r[2], r[3], r[4], tuple(r[5].split())) for r in rows]

    def count_open(self, kinds: tuple[str, ...], official_key: str) -> int:
        """How many open actions ask for one of these kinds of target and have not reached
        this official yet: what a sitting with them would hold, counted without reading the
        actions out (a reminder's number, at a hundred thousand articles)."""
        if not kinds:
            return 0
        asks = " OR ".join("x.targets LIKE ?" for _ in kinds)
        row = self._db.execute(
            "SELECT count(*) FROM action_index x JOIN articles a ON a.id = x.article_id"
            f" WHERE a.{LIVE} AND ({asks})"
            " AND NOT EXISTS (SELECT 1 FROM action_status s WHERE s.article_uid = a.uid"
            " AND s.action_number = x.action_number)"
            " AND NOT EXISTS (SELECT 1 FROM letters l WHERE l.article_uid = a.uid"
            " AND l.action_number = x.action_number AND l.recipient_key = ?"
            " AND l.sent_at IS NOT NULL)"
            " AND NOT EXISTS (SELECT 1 FROM calls c WHERE c.article_uid = a.uid"
            " AND c.action_number = x.action_number AND c.official_key = ?"
            " AND c.outcome IN (?, ?))",
            (
                *(f"% {kind} %" for kind in kinds),
                official_key,
                official_key,
                *(str(o) for o in REACHED),
            ),
        ).fetchone()
        return int(row[0])

    def count_follow_ups_due(self, today: date) -> int:
        """How many follow-ups are due by `today` (as `follow_ups_due` lists them)."""
        row = self._db.execute(
            f"SELECT count(*) FROM follow_ups f JOIN articles a ON a.uid = f.article_uid"
            f" AND a.{LIVE} WHERE f.due <= ? AND NOT EXISTS (SELECT 1 FROM action_status s"
            " WHERE s.article_uid = f.article_uid AND s.action_number = f.action_number)",
            (today.isoformat(),),
        ).fetchone()
        return int(row[0])

    def reached_keys(self) -> set[tuple[str, int, str]]:
        """(article uid, action number, official key) of every official reached for an
        action: a letter said to be sent, or a call answered (by a person or a voicemail)."""
        rows = self._db.execute(
            "SELECT article_uid, action_number, recipient_key FROM letters"
            " WHERE sent_at IS NOT NULL UNION SELECT article_uid, action_number, official_key"
            " FROM calls WHERE outcome IN (?, ?)",
            tuple(str(o) for o in REACHED),
        )
        return {(r[0], int(r[1]), r[2]) for r in rows}

    def written_to(self, article_id: int, number: int) -> list[tuple[str, str]]:
        """(key, name) of everyone a letter of this action was written to: whom a call by
        name most likely means."""
        uid = article_uid(self._db, article_id)
        return [
            (r[0], r[1])
            for r in self._db.execute(
                "SELECT recipient_key, recipient_name FROM letters WHERE article_uid = ?"
                " AND action_number = ? GROUP BY recipient_key",
                (uid, number),
            )
        ]

    def set_follow_up(self, article_id: int, number: int, due: date | None) -> None:
        with transaction(self._db):
            uid = article_uid(self._db, article_id)
            if due is None:
                self._db.execute(
                    "DELETE FROM follow_ups WHERE article_uid = ? AND action_number = ?",
                    (uid, number),
                )
            else:
                self._db.execute(
                    "INSERT INTO follow_ups VALUES (?, ?, ?)"
                    " ON CONFLICT (article_uid, action_number) DO UPDATE SET due = excluded.due",
                    (uid, number, due.isoformat()),
                )

    def records(self, article_id: int) -> dict[int, ActionRecord]:
        """Each tracked action of an article, by number."""
        uid = article_uid(self._db, article_id)
        db = self._db
        status = {
            r[0]: (r[1], r[2])
            for r in db.execute(
                "SELECT action_number, done_at, note FROM action_status WHERE article_uid = ?",
                (uid,),
            )
        }
        follow = dict(
            db.execute(
                "SELECT action_number, due FROM follow_ups WHERE article_uid = ?", (uid,)
            ).fetchall()
        )
        # Counted by identity: one official written to and called is one official reached.
        reached: dict[int, dict[str, str]] = {}
        waiting: dict[int, int] = {}
        for number, key, name, sent in db.execute(
            "SELECT action_number, recipient_key, recipient_name, sent_at IS NOT NULL"
            " FROM letters l WHERE article_uid = ? AND (sent_at IS NOT NULL OR EXISTS"
            " (SELECT 1 FROM deliveries d WHERE d.letter_id = l.id)) ORDER BY updated_at",
            (uid,),
        ):
            if sent:
                reached.setdefault(number, {})[key] = name
            else:
                waiting[number] = waiting.get(number, 0) + 1
        calls: dict[int, list[tuple[str, str, str]]] = {}
        for number, official, key, outcome, when in db.execute(
            "SELECT action_number, official, official_key, outcome, called_at FROM calls"
            " WHERE article_uid = ? ORDER BY called_at, id",
            (uid,),
        ):
            calls.setdefault(number, []).append((official, outcome, when))
            if outcome in REACHED:
                reached.setdefault(number, {}).setdefault(key or official, official)
        numbers = set(status) | set(follow) | set(reached) | set(calls) | set(waiting)
        return {
            n: ActionRecord(
                number=n,
                done_at=status.get(n, (None, None))[0],
                note=status.get(n, (None, None))[1],
                follow_up=follow.get(n),
                reached=tuple(sorted(reached.get(n, {}).values())),
                calls=tuple(calls.get(n, ())),
                letters_waiting=waiting.get(n, 0),
            )
            for n in sorted(numbers)
        }

    def follow_ups_due(self, today: date) -> list[FollowUp]:
        """Follow-ups due by `today` on actions not yet done, of articles not deleted."""
        rows = self._db.execute(
            "SELECT a.id, a.title, f.action_number, f.due FROM follow_ups f"
            f" JOIN articles a ON a.uid = f.article_uid AND a.{LIVE}"
            " WHERE f.due <= ? AND NOT EXISTS (SELECT 1 FROM action_status s"
            " WHERE s.article_uid = f.article_uid AND s.action_number = f.action_number)"
            " ORDER BY f.due, a.id, f.action_number",
            (today.isoformat(),),
        )
        return [FollowUp(int(r[0]), r[1], int(r[2]), r[3]) for r in rows]

    def activity(self, today: date, weeks: int = 12) -> Activity:
        """Totals, activity per week, letters per official, the current streak and recent
        events (an event of a deleted article names it as such, with no link)."""
        db = self._db
        articles = {
            r[0]: (int(r[1]), r[2], r[3] is not None)
            for r in db.execute("SELECT uid, id, title, deleted_at FROM articles")
        }
        events: list[ActivityEvent] = []

        def event(
            at: str, kind: EventKind, uid: str, number: int, detail: str, ref: int | None = None
        ) -> None:
            article_id, title, deleted = articles.get(uid, (None, MISSING_TITLE, True))
            events.append(
                ActivityEvent(
                    at, kind, None if deleted else article_id, title, number, detail, ref, deleted
                )
            )

        for uid, number, at in db.execute(
            "SELECT article_uid, action_number, done_at FROM action_status"
        ):
            event(at, EventKind.DONE, uid, number, "marked done")
        for letter_id, uid, number, name, at in db.execute(
            "SELECT id, article_uid, action_number, recipient_name, sent_at FROM letters"
            " WHERE sent_at IS NOT NULL"
        ):
            event(at, EventKind.LETTER, uid, number, f"letter to {name} sent", letter_id)
        for uid, number, official, outcome, at in db.execute(
            "SELECT article_uid, action_number, official, outcome, called_at FROM calls"
        ):
            event(at, EventKind.CALL, uid, number, f"called {official}: {outcome_words(outcome)}")
        events.sort(key=lambda e: e.at, reverse=True)

        days = {clock.local_day(e.at) for e in events}
        monday = today - timedelta(days=today.weekday())
        starts = [monday - timedelta(weeks=w) for w in range(weeks - 1, -1, -1)]
        per_week = Counter(day - timedelta(days=day.weekday()) for day in map(_day, events))
        streak, day = 0, today
        if day not in days:
            day -= timedelta(days=1)  # a streak is not broken before the day is over
        while day in days:
            streak += 1
            day -= timedelta(days=1)
        letters_per = [
            (name, int(count))
            for name, count in db.execute(
                "SELECT recipient_name, count(*) FROM (SELECT recipient_key,"
                " last_value(recipient_name) OVER (PARTITION BY recipient_key ORDER BY sent_at"
                " ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS recipient_name"
                " FROM letters WHERE sent_at IS NOT NULL) GROUP BY recipient_key"
                " ORDER BY count(*) DESC, recipient_name"
            )
        ]
        return Activity(
            actions_done=sum(1 for e in events if e.kind is EventKind.DONE),
            letters_sent=sum(1 for e in events if e.kind is EventKind.LETTER),
            calls=sum(1 for e in events if e.kind is EventKind.CALL),
            weekly=[(start.isoformat(), per_week.get(start, 0)) for start in starts],
            letters_per_official=letters_per,
            streak_days=streak,
            recent=events[:30],
            follow_ups_due=self.follow_ups_due(today),
            calls_by_outcome={
                outcome_words(outcome): int(count)
                for outcome, count in db.execute(
                    "SELECT outcome, count(*) FROM calls GROUP BY outcome ORDER BY count(*) DESC"
                )
            },
        )


def _day(event: ActivityEvent) -> date:
    return clock.local_day(event.at)
