"""Dates and times as the reader's system writes them, one way everywhere in the window:
"Nov 28, 2026" and "Nov 28, 2026, 2:05 PM" in the United States, "28 Nov 2026 14:05" in
Britain. Times are shown in the computer's own time zone."""

from __future__ import annotations

import re
from datetime import date

from PySide6.QtCore import QDate, QLocale, QTime

from advocate_app.core import clock

WEEKDAY = re.compile(r"d{4}[,.]?\s*")


def _date_format(locale: QLocale) -> str:
    """The locale's long date without the weekday, months abbreviated: "MMM d, yyyy"."""
    long_form = locale.dateFormat(QLocale.FormatType.LongFormat)
    return WEEKDAY.sub("", long_form).replace("MMMM", "MMM").strip(" ,")


def day_text(value: date | str) -> str:
    """A day: a date, or "YYYY-MM-DD" (a follow-up's due day)."""
    if isinstance(value, str):
        value = date.fromisoformat(value[:10])
    locale = QLocale()
    return locale.toString(QDate(value.year, value.month, value.day), _date_format(locale))


def week_text(value: date | str) -> str:
    """A week by its first day, without the year: "Nov 23"."""
    if isinstance(value, str):
        value = date.fromisoformat(value[:10])
    locale = QLocale()
    without_year = re.sub(r"[,./ ]*y+[,./ ]*", " ", _date_format(locale)).strip(" ,.")
    return locale.toString(QDate(value.year, value.month, value.day), without_year)


def time_text(stamp: str) -> str:
    """When something happened (a stored UTC time stamp), in local time: the day and hour."""
    moment = clock.local_moment(stamp)
    locale = QLocale()
    hour = locale.toString(
        QTime(moment.hour, moment.minute), locale.timeFormat(QLocale.FormatType.ShortFormat)
    )
    return f"{day_text(moment.date())}, {hour}"


def stamp_day_text(stamp: str) -> str:
    """The local day of a stored time stamp."""
    return day_text(clock.local_moment(stamp).date())
