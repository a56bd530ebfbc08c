"""Time in one place: how moments are stamped, stored and turned into the reader's local days.

Stored moments are UTC ISO 8601 strings with seconds ("2026-11-28T17:05:09+00:00"), so they
sort as text. Every rule that depends on "today" takes it as a parameter; these helpers only
supply the default.
"""

from __future__ import annotations

from datetime import UTC, date, datetime


def now() -> datetime:
    """The current moment, aware, in UTC."""
    return datetime.now(UTC)


def stamp(moment: datetime | None = None) -> str:
    """A moment as stored: UTC, ISO 8601, whole seconds."""
    return (moment or now()).astimezone(UTC).isoformat(timespec="seconds")


def file_stamp(moment: datetime | None = None) -> str:
    """A moment for file names: 20261128T170509Z."""
    return (moment or now()).astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def local_moment(stored: str) -> datetime:
    """A stored moment in the computer's own time zone."""
    return datetime.fromisoformat(stored).astimezone()


def local_day(stored: str) -> date:
    """The reader's calendar day of a stored moment."""
    return local_moment(stored).date()


def today() -> date:
    return date.today()
