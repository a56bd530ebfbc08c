"""Facts about Congress the lookup relies on: which Congress sits on a given day, how many House
seats each state has, the states' FIPS codes, and which states redrew their maps when.

Every rule here takes the day as a parameter.
"""

from __future__ import annotations

from datetime import date

FIRST_CONGRESS_YEAR = 1789  # each Congress sits two years, from January 3 of an odd year

# House seats per state under the 2020 census (the 118th to the 122nd Congress).
APPORTIONMENT = {
    "AL": 7, "AK": 1, "AZ": 9, "AR": 4, "CA": 52, "CO": 8, "CT": 5, "DE": 1, "FL": 28,
    "GA": 14, "HI": 2, "ID": 2, "IL": 17, "IN": 9, "IA": 4, "KS": 4, "KY": 6, "LA": 6,
    "ME": 2, "MD": 8, "MA": 9, "MI": 13, "MN": 8, "MS": 4, "MO": 8, "MT": 2, "NE": 3,
    "NV": 4, "NH": 2, "NJ": 12, "NM": 3, "NY": 26, "NC": 14, "ND": 1, "OH": 15, "OK": 5,
    "OR": 6, "PA": 17, "RI": 2, "SC": 7, "SD": 1, "TN": 9, "TX": 38, "UT": 4, "VT": 1,
    "VA": 11, "WA": 10, "WV": 2, "WI": 8, "WY": 1,
}  # fmt: skip
# DC and the territories send one non-voting member to the House and have no senators.
DELEGATE_TITLES = {
    "DC": "Delegate", "PR": "Resident Commissioner", "GU": "Delegate", "VI": "Delegate",
    "AS": "Delegate", "MP": "Delegate",
}  # fmt: skip
NO_SENATORS = frozenset(DELEGATE_TITLES)
# States that drew new congressional maps for the elections of a Congress: from its first day,
# a ZIP-to-district table made for an earlier Congress may be wrong there.
REDRAWN = {120: frozenset({"TX", "CA", "MO", "NC", "OH", "UT"})}

STATE_FIPS = {
    "01": "AL", "02": "AK", "04": "AZ", "05": "AR", "06": "CA", "08": "CO", "09": "CT",
    "10": "DE", "11": "DC", "12": "FL", "13": "GA", "15": "HI", "16": "ID", "17": "IL",
    "18": "IN", "19": "IA", "20": "KS", "21": "KY", "22": "LA", "23": "ME", "24": "MD",
    "25": "MA", "26": "MI", "27": "MN", "28": "MS", "29": "MO", "30": "MT", "31": "NE",
    "32": "NV", "33": "NH", "34": "NJ", "35": "NM", "36": "NY", "37": "NC", "38": "ND",
    "39": "OH", "40": "OK", "41": "OR", "42": "PA", "44": "RI", "45": "SC", "46": "SD",
    "47": "TN", "48": "TX", "49": "UT", "50": "VT", "51": "VA", "53": "WA", "54": "WV",
    "55": "WI", "56": "WY", "60": "AS", "66": "GU", "69": "MP", "72": "PR", "78": "VI",
}  # fmt: skip


def congress_on(day: date) -> int:
    """The Congress sitting on `day` (the 119th until January 3, 2027, then the 120th).

    A Congress begins at noon on January 3; the day itself counts for the new one.
    """
    year = day.year if day.year % 2 == 1 else day.year - 1
    if day.year % 2 == 1 and day < date(day.year, 1, 3):
        year -= 2
    return (year - FIRST_CONGRESS_YEAR) // 2 + 1


def congress_start(number: int) -> date:
    return date(FIRST_CONGRESS_YEAR + 2 * (number - 1), 1, 3)


def ordinal(number: int) -> str:
    """119 → "119th"."""
    if 10 <= number % 100 <= 20:
        suffix = "th"
    else:
        suffix = {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def house_seats(state: str) -> list[int]:
    """The state's House districts: 1..N, or [0] for one at-large or non-voting seat."""
    if state in NO_SENATORS:
        return [0]
    count = APPORTIONMENT.get(state)
    if count is None:
        return []
    return [0] if count == 1 else list(range(1, count + 1))


def seat_label(state: str, district: int) -> str:
    """ "WA-7"; "AK at-large"; "DC" for a non-voting seat."""
    if state in NO_SENATORS:
        return state
    return f"{state} at-large" if district == 0 else f"{state}-{district}"
