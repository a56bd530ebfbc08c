"""When an office is likely open: its hours as the data writes them ("Mon-Fri 9am-5pm",
"8:30 am to 5:00 pm", "M-F 9-5:30pm"), read leniently; else the typical 9 to 5, Monday to
Friday, and said to be typical. "By appointment only" is kept as such."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, time

TYPICAL_OPEN, TYPICAL_CLOSE = time(9), time(17)
WEEKDAYS = frozenset(range(5))  # Monday (0) to Friday
DAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
SHORT_DAYS = {"m": 0, "t": 1, "w": 2, "th": 3, "r": 3, "f": 4, "sa": 5, "su": 6}

DAY_RANGE = re.compile(
    r"\b(?P<first>mon|tue|wed|thu|fri|sat|sun|m|t|w|th|f)[a-z]*\.?\s*"
    r"(?:-|–|to|through|thru)\s*(?P<last>mon|tue|wed|thu|fri|sat|sun|m|t|w|th|f)[a-z]*\.?",
    re.IGNORECASE,
)
CLOCK = r"(?P<{0}h>\d{{1,2}})(?::(?P<{0}m>\d{{2}}))?\s*(?P<{0}p>a\.?m\.?|p\.?m\.?)?"
TIME_RANGE = re.compile(
    CLOCK.format("o") + r"\s*(?:-|–|to|until)\s*" + CLOCK.format("c"), re.IGNORECASE
)
APPOINTMENT = re.compile(r"appointment", re.IGNORECASE)
ZONE = re.compile(r"\b[ECMPA][SD]?T\b")  # "CST", "ET": the office's zone comes from its ZIP
NO_COLON = re.compile(r"\b(\d{1,2})(\d{2})(?=\s*[ap]\.?m)", re.IGNORECASE)  # "430pm"
DAY_WORD = re.compile(r"\b(mon|tue|wed|thu|fri|sat|sun)[a-z]*", re.IGNORECASE)


@dataclass(frozen=True)
class Hours:
    days: frozenset[int]  # 0 = Monday
    opens: time
    closes: time
    typical: bool = False  # not from the data: the usual hours of a congressional office
    by_appointment: bool = False

    def open_at(self, moment: datetime) -> bool:
        """Whether the office is likely open at `moment`, the office's own local time."""
        return moment.weekday() in self.days and self.opens <= moment.time() < self.closes

    def describe(self) -> str:
        """ "Mon–Fri 9:00–17:00", with "typical" or "by appointment" when so."""
        days = _days_text(self.days)
        text = f"{days} {self.opens:%H:%M}–{self.closes:%H:%M}"
        if self.by_appointment:
            text += ", by appointment"
        return text + (" (typical hours)" if self.typical else "")


TYPICAL = Hours(WEEKDAYS, TYPICAL_OPEN, TYPICAL_CLOSE, typical=True)


def parse_hours(text: str) -> Hours:
    """The office's hours from the data's words, or the typical hours when they cannot be
    read (nothing given, or written in a way this does not understand)."""
    text = NO_COLON.sub(r"\1:\2", ZONE.sub("", (text or "").strip()))
    appointment = bool(APPOINTMENT.search(text))
    days = _days(text)
    match = TIME_RANGE.search(text)
    if not match:
        return Hours(days or WEEKDAYS, TYPICAL_OPEN, TYPICAL_CLOSE, True, appointment)
    opens = _clock(match, "o", afternoon=False)
    closes = _clock(match, "c", afternoon=True)
    if opens is None or closes is None or closes <= opens:
        return Hours(days or WEEKDAYS, TYPICAL_OPEN, TYPICAL_CLOSE, True, appointment)
    return Hours(days or WEEKDAYS, opens, closes, by_appointment=appointment)


def _clock(match: re.Match[str], which: str, afternoon: bool) -> time | None:
    """A time from its hour, minutes and am/pm; a bare "5" closing is taken as 5 pm, a bare
    "9" opening as 9 am (offices keep day hours)."""
    hour = int(match.group(f"{which}h"))
    minute = int(match.group(f"{which}m") or 0)
    marker = (match.group(f"{which}p") or "").lower().replace(".", "")
    if hour > 23 or minute > 59:
        return None
    if marker == "pm" and hour < 12:
        hour += 12
    elif marker == "am" and hour == 12:
        hour = 0
    elif not marker and afternoon and hour < 8:
        hour += 12
    return time(hour, minute)


def _days(text: str) -> frozenset[int]:
    """Days from a range ("Mon-Fri", "Tuesday through Thursday"), else from the days named
    ("Tuesdays and Thursdays"); empty when none is."""
    match = DAY_RANGE.search(text)
    if not match:
        return frozenset(d for w in DAY_WORD.findall(text) if (d := _day(w)) is not None)
    first, last = _day(match.group("first")), _day(match.group("last"))
    if first is None or last is None or last < first:
        return frozenset()
    return frozenset(range(first, last + 1))


def _day(word: str) -> int | None:
    word = word.lower()
    if word in SHORT_DAYS:
        return SHORT_DAYS[word]
    return DAY_NAMES.index(word[:3]) if word[:3] in DAY_NAMES else None


def _days_text(days: frozenset[int]) -> str:
    names = [name.capitalize() for name in DAY_NAMES]
    ordered = sorted(days)
    if ordered and ordered == list(range(ordered[0], ordered[-1] + 1)):
        return (
            names[ordered[0]] if len(ordered) == 1 else f"{names[ordered[0]]}–{names[ordered[-1]]}"
        )
    return ", ".join(names[d] for d in ordered)
