"""Every number of an official's office, nearest first, with the office's local time and
whether it is likely open: Washington, then each district office by distance from the
reader's ZIP code. "Now" is a parameter, as everywhere dates decide something."""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from advocate_app.core.officials.model import Official
from advocate_app.core.officials.office_hours import TYPICAL, Hours, parse_hours

WASHINGTON = "Washington, DC"
WASHINGTON_ZONE = "America/New_York"
WASHINGTON_PLACE = (38.8899, -77.0091)  # the Capitol
EARTH_MILES = 3958.8


@dataclass(frozen=True)
class PhoneLine:
    place: str  # "Washington, DC", "Seattle"
    number: str  # as the data writes it
    zone: str  # the office's time zone (IANA name)
    hours: Hours
    miles: float | None  # from the reader's ZIP code, when both places are known
    address: str = ""

    @property
    def tel(self) -> str:
        """A tel: link a phone or softphone can dial (+1 for U.S. ten-digit numbers)."""
        digits = re.sub(r"\D", "", self.number)
        if len(digits) == 10:
            digits = "1" + digits
        return f"tel:+{digits}" if digits else ""

    def local(self, now: datetime) -> datetime:
        return now.astimezone(_zone(self.zone))

    def open_at(self, now: datetime) -> bool:
        return self.hours.open_at(self.local(now))


def phone_lines(official: Official, reader_zip: str = "") -> list[PhoneLine]:
    """The office's numbers, Washington's and each district office's, nearest to the reader
    first (those whose place is unknown last); offices without a number are left out."""
    home = _place_of_zip(reader_zip)
    lines = []
    if official.phone:
        lines.append(
            PhoneLine(
                WASHINGTON,
                official.phone,
                WASHINGTON_ZONE,
                TYPICAL,
                _miles(home, WASHINGTON_PLACE),
                official.office_address,
            )
        )
    for office in official.district_offices:
        if not office.phone:
            continue
        place = (
            (office.latitude, office.longitude)
            if office.latitude is not None and office.longitude is not None
            else _place_of_zip(office.zip)
        )
        lines.append(
            PhoneLine(
                office.city or "District office",
                office.phone,
                _zone_of(office.zip, office.state),
                parse_hours(office.hours),
                _miles(home, place),
                office.address,
            )
        )
    far = float("inf")
    return sorted(lines, key=lambda line: line.miles if line.miles is not None else far)


def open_note(lines: list[PhoneLine], now: datetime) -> str:
    """What to call now, in a sentence: Washington when it is open, else the open office."""
    if not lines:
        return "No phone number is known for this office; use its contact page instead."
    washington = next((line for line in lines if line.place == WASHINGTON), None)
    open_now = [line for line in lines if line.open_at(now)]
    if washington is not None and washington.open_at(now):
        return f"The Washington office is likely open now ({_clock(washington, now)} there)."
    if open_now:
        first = open_now[0]
        closed = (
            f"Washington is closed now ({_clock(washington, now)} there); "
            if washington is not None
            else ""
        )
        return f"{closed}the {first.place} office is likely open ({_clock(first, now)} there)."
    first = washington or lines[0]
    return (
        f"The offices are likely closed now ({_clock(first, now)} in {first.place}). Leave a "
        f"voicemail, or call when they open: {first.hours.describe()}, their time."
    )


def _clock(line: PhoneLine, now: datetime) -> str:
    local = line.local(now)
    return f"{local:%a} {local:%I:%M %p}".replace(" 0", " ")


def _miles(one: tuple[float, float] | None, other: tuple[float, float] | None) -> float | None:
    if one is None or other is None:
        return None
    lat1, lon1, lat2, lon2 = map(math.radians, (*one, *other))
    a = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * EARTH_MILES * math.asin(math.sqrt(a))


@cache
def _zip_table() -> dict[str, dict[str, str]]:
    import zipcodes

    return {z["zip_code"]: z for z in zipcodes.list_all()}


def _place_of_zip(code: str) -> tuple[float, float] | None:
    found = _zip_table().get((code or "").strip()[:5])
    try:
        return (float(found["lat"]), float(found["long"])) if found else None
    except (KeyError, TypeError, ValueError):
        return None


def _zone_of(code: str, state: str) -> str:
    """The time zone of a ZIP code, else the one most of its state keeps, else Washington's."""
    found = _zip_table().get((code or "").strip()[:5])
    if found and found.get("timezone"):
        return found["timezone"]
    return _state_zones().get(state.upper(), WASHINGTON_ZONE)


@cache
def _state_zones() -> dict[str, str]:
    counts: dict[str, Counter[str]] = {}
    for entry in _zip_table().values():
        if entry.get("timezone"):
            counts.setdefault(entry["state"], Counter())[entry["timezone"]] += 1
    return {state: zones.most_common(1)[0][0] for state, zones in counts.items()}


def _zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo(WASHINGTON_ZONE)
