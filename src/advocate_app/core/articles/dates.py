"""Read the site's dates ("Friday, August 15, 2025, 7:28:57 PM Eastern Daylight Time")."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo

DATE_TEXT = re.compile(
    r"^(?:[A-Za-z]+,?\s+)?(?P<month>[A-Za-z]{3,9})\.?\s+(?P<day>\d{1,2}),?\s+(?P<year>\d{4})"
    r"(?:,?\s+(?:at\s+)?(?P<time>\d{1,2}:\d{2}(?::\d{2})?)\s*(?P<ampm>[AaPp]\.?[Mm]\.?)?)?"
    r"\s*(?P<zone>[A-Za-z ().+:\d-]{0,40})$"
)
MONTHS = {
    name: index
    for index, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for name in names
}
# The site writes US time zone names; daylight/standard names fix the offset.
US_ZONES = {
    "eastern": (-4, -5, "America/New_York"),
    "central": (-5, -6, "America/Chicago"),
    "mountain": (-6, -7, "America/Denver"),
    "pacific": (-7, -8, "America/Los_Angeles"),
    "alaska": (-8, -9, "America/Anchorage"),
    "hawaii": (-9, -10, "Pacific/Honolulu"),
}
ABBREVIATIONS = {
    "edt": "eastern daylight time",
    "est": "eastern standard time",
    "et": "eastern time",
    "cdt": "central daylight time",
    "cst": "central standard time",
    "ct": "central time",
    "mdt": "mountain daylight time",
    "mst": "mountain standard time",
    "mt": "mountain time",
    "pdt": "pacific daylight time",
    "pst": "pacific standard time",
    "pt": "pacific time",
}
SITE_ZONE = "America/New_York"


def parse_site_date(text: str) -> datetime | None:
    """A timezone-aware datetime, or None when the text is not a date we understand."""
    match = DATE_TEXT.match(text.strip())
    if not match:
        return None
    month = MONTHS.get(match["month"].lower())
    if month is None:
        return None
    hour = minute = second = 0
    if match["time"]:
        parts = [int(p) for p in match["time"].split(":")]
        hour, minute = parts[0], parts[1]
        second = parts[2] if len(parts) > 2 else 0
        ampm = (match["ampm"] or "").lower().replace(".", "")
        if ampm == "pm" and hour < 12:
            hour += 12
        elif ampm == "am" and hour == 12:
            hour = 0
    zone = _zone(match["zone"] or "")
    if zone is None:
        return None
    try:
        return datetime(
            int(match["year"]), month, int(match["day"]), hour, minute, second, tzinfo=zone
        )
    except ValueError:
        return None


def _zone(name: str) -> tzinfo | None:
    key = " ".join(name.lower().replace("(", " ").replace(")", " ").split())
    key = ABBREVIATIONS.get(key, key)
    if not key:
        return ZoneInfo(SITE_ZONE)
    if key in {"utc", "gmt", "z", "coordinated universal time"}:
        return UTC
    offset = re.fullmatch(r"(?:utc|gmt)?\s*([+-])(\d{1,2}):?(\d{2})?", key)
    if offset:
        sign = -1 if offset[1] == "-" else 1
        delta = timedelta(hours=int(offset[2]), minutes=int(offset[3] or 0))
        return timezone(sign * delta)
    for region, (daylight, standard, zone_name) in US_ZONES.items():
        if key.startswith(region):
            if "daylight" in key:
                return timezone(timedelta(hours=daylight))
            if "standard" in key:
                return timezone(timedelta(hours=standard))
            return ZoneInfo(zone_name)
    return None


def parse_iso_date(text: str) -> datetime | None:
    """An ISO 8601 date from HTML metadata; naive values are taken as site (Eastern) time."""
    try:
        value = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=ZoneInfo(SITE_ZONE))
    return value
