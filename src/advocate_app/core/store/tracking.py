"""What the reader did: actions done (with a note), calls, follow-ups, and their activity.

Everything is keyed by the article's stable identity (its uid), so re-importing or
restoring an article keeps its record. Each change is one transaction.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from enum import StrEnum

from advocate_app.core.store.database import transaction
from advocate_app.core.store.library import Library


class CallOutcome(StrEnum):
    CONTACTED = "contacted"
    VOICEMAIL = "voicemail"
    UNAVAILABLE = "unavailable"  # nobody answered: not done, try again


REACHED = (CallOutcome.CONTACTED, CallOutcome.VOICEMAIL)


@dataclass(frozen=True)
class ActionRecord:
    number: int
    done_at: str | None
    note: str | None
    follow_up: str | None
    reached: tuple[str, ...]  # officials written to or reached by phone
    calls: tuple[tuple[str, str, str], ...]  # (official, outcome, when)

    @property
    def done(self) -> bool:
        return self.done_at is not None


@dataclass(frozen=True)
class ActivityEvent:
    at: str
    kind: str  # done, letter, call
    article_id: int | None
    article_title: str
    action_number: int
    detail: str
    letter_id: int | None = None


@dataclass(frozen=True)
class Activity:
    actions_done: int
    letters_sent: int
    calls: int
    weekly: list[tuple[str, int]]  # (Monday of the week, events), oldest first
    letters_per_official: list[tuple[str, int]]
    streak_days: int
    recent: list[ActivityEvent]
    follow_ups_due: list[tuple[int, str, int, str]]  # (article id, title, action, due)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _uid(library: Library, article_id: int) -> str:
    row = library.db.execute("SELECT uid FROM articles WHERE id = ?", (article_id,)).fetchone()
    if row is None:
        raise KeyError(f"no article with id {article_id}")
    return str(row[0])


def mark_done(library: Library, article_id: int, number: int, note: str | None = None) -> None:
    """Mark an action done now (keeping the first time it was marked), with an optional note."""
    library.set_action_done(article_id, number, True, note)


def undo(library: Library, article_id: int, number: int) -> bool:
    """Take back a done mark; False when the action was not marked done."""
    return library.set_action_done(article_id, number, False)


def log_call(
    library: Library,
    article_id: int,
    number: int,
    official: str,
    outcome: CallOutcome,
    note: str | None = None,
) -> int:
    """Record a phone call. Reaching someone (or their voicemail) does not mark the action
    done by itself; "unavailable" is kept so the reader knows to try again."""
    with transaction(library.db):
        uid = _uid(library, article_id)
        cursor = library.db.execute(
            "INSERT INTO calls (article_uid, action_number, official, outcome, note, called_at)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (uid, number, official, str(outcome), note, _now()),
        )
    return int(cursor.lastrowid or 0)


def set_follow_up(library: Library, article_id: int, number: int, due: date | None) -> None:
    with transaction(library.db):
        uid = _uid(library, article_id)
        if due is None:
            library.db.execute(
                "DELETE FROM follow_ups WHERE article_uid = ? AND action_number = ?", (uid, number)
            )
        else:
            library.db.execute(
                "INSERT INTO follow_ups VALUES (?, ?, ?) ON CONFLICT (article_uid, action_number)"
                " DO UPDATE SET due = excluded.due",
                (uid, number, due.isoformat()),
            )


def action_records(library: Library, article_id: int) -> dict[int, ActionRecord]:
    """Each tracked action of an article, by number."""
    uid = _uid(library, article_id)
    db = library.db
    status = {
        r[0]: (r[1], r[2])
        for r in db.execute(
            "SELECT action_number, done_at, note FROM action_status WHERE article_uid = ?", (uid,)
        )
    }
    follow = dict(
        db.execute(
            "SELECT action_number, due FROM follow_ups WHERE article_uid = ?", (uid,)
        ).fetchall()
    )
    reached: dict[int, set[str]] = {}
    for number, name in db.execute(
        "SELECT action_number, recipient_name FROM letters WHERE article_uid = ?", (uid,)
    ):
        reached.setdefault(number, set()).add(name)
    calls: dict[int, list[tuple[str, str, str]]] = {}
    for number, official, outcome, when in db.execute(
        "SELECT action_number, official, outcome, called_at FROM calls WHERE article_uid = ?"
        " ORDER BY called_at, id",
        (uid,),
    ):
        calls.setdefault(number, []).append((official, outcome, when))
        if outcome in REACHED:
            reached.setdefault(number, set()).add(official)
    numbers = set(status) | set(follow) | set(reached) | set(calls)
    return {
        n: ActionRecord(
            number=n,
            done_at=status.get(n, (None, None))[0],
            note=status.get(n, (None, None))[1],
            follow_up=follow.get(n),
            reached=tuple(sorted(reached.get(n, ()))),
            calls=tuple(calls.get(n, ())),
        )
        for n in sorted(numbers)
    }


def activity(library: Library, today: date | None = None, weeks: int = 12) -> Activity:
    """Totals, activity per week, letters per official, the current streak and recent events."""
    today = today or date.today()
    db = library.db
    titles = {r[0]: (r[1], r[2]) for r in db.execute("SELECT uid, id, title FROM articles")}
    events: list[ActivityEvent] = []

    def event(at: str, kind: str, uid: str, number: int, detail: str, ref: int | None = None):
        article_id, title = titles.get(uid, (None, "(an article no longer in the library)"))
        events.append(ActivityEvent(at, kind, article_id, title, number, detail, ref))

    for uid, number, at in db.execute(
        "SELECT article_uid, action_number, done_at FROM action_status"
    ):
        event(at, "done", uid, number, "marked done")
    for letter_id, uid, number, name, route, at in db.execute(
        "SELECT id, article_uid, action_number, recipient_name, route, sent_at FROM letters"
    ):
        event(at, "letter", uid, number, f"letter to {name} ({route})", letter_id)
    for uid, number, official, outcome, at in db.execute(
        "SELECT article_uid, action_number, official, outcome, called_at FROM calls"
    ):
        event(at, "call", uid, number, f"called {official}: {outcome}")
    events.sort(key=lambda e: e.at, reverse=True)

    days = {_local_day(e.at) for e in events}
    monday = today - timedelta(days=today.weekday())
    starts = [monday - timedelta(weeks=w) for w in range(weeks - 1, -1, -1)]
    per_week = Counter(
        _local_day(e.at) - timedelta(days=_local_day(e.at).weekday()) for e in events
    )
    streak, day = 0, today
    if day not in days:
        day -= timedelta(days=1)  # a streak is not broken before the day is over
    while day in days:
        streak += 1
        day -= timedelta(days=1)
    letters_per = Counter(
        name for (name,) in db.execute("SELECT recipient_name FROM letters")
    ).most_common()
    due = [
        (titles[uid][0], titles[uid][1], number, when)
        for uid, number, when in db.execute(
            "SELECT f.article_uid, f.action_number, f.due FROM follow_ups f"
            " WHERE f.due <= ? AND NOT EXISTS (SELECT 1 FROM action_status s"
            " WHERE s.article_uid = f.article_uid AND s.action_number = f.action_number)"
            " ORDER BY f.due",
            (today.isoformat(),),
        )
        if uid in titles
    ]
    return Activity(
        actions_done=sum(1 for e in events if e.kind == "done"),
        letters_sent=sum(1 for e in events if e.kind == "letter"),
        calls=sum(1 for e in events if e.kind == "call"),
        weekly=[(start.isoformat(), per_week.get(start, 0)) for start in starts],
        letters_per_official=letters_per,
        streak_days=streak,
        recent=events[:30],
        follow_ups_due=due,
    )


def _local_day(stamp: str) -> date:
    return datetime.fromisoformat(stamp).astimezone().date()
