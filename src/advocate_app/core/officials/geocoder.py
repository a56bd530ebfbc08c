"""Find the reader's congressional district from their street address, with the U.S. Census
Bureau's public geocoder (no key needed).

This is the one place a street address leaves the computer, and only when the reader asks.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from advocate_app.core.officials.congress import STATE_FIPS, house_seats, seat_label
from advocate_app.core.profile.model import STATES, Profile
from advocate_app.core.web.fetch import FetchError, fetch

GEOCODER_URL = "https://geocoding.geo.census.gov/geocoder/geographies/address"
GEOCODER_ENV = "ADVOCATE_GEOCODER_URL"  # another address for the same service (a mirror, tests)
TIMEOUT_SECONDS = 30
MAX_BYTES = 1024 * 1024  # an answer is a few kilobytes
DISTRICT_LAYER = re.compile(r"Congressional Districts?$", re.IGNORECASE)
CONGRESS_IN_LAYER = re.compile(r"(\d{2,3})(?:st|nd|rd|th)", re.IGNORECASE)


class GeocodeError(Exception):
    """The address could not be placed in a district; the message says why and what to do."""


@dataclass(frozen=True)
class Located:
    state: str
    district: int
    matched_address: str
    congress: int | None  # of the districts the geocoder used, when it says

    @property
    def label(self) -> str:
        return seat_label(self.state, self.district)


def geocoder_url() -> str:
    return os.environ.get(GEOCODER_ENV) or GEOCODER_URL


def locate(profile: Profile, url: str | None = None, timeout: float = TIMEOUT_SECONDS) -> Located:
    """The congressional district of the reader's saved street address."""
    if not profile.street.strip() or not (profile.zip5 or (profile.city and profile.state)):
        raise GeocodeError(
            "Add your street address and ZIP code (or city and state) to your details first."
        )
    query = urlencode(
        {
            "street": profile.street,
            "city": profile.city,
            "state": profile.state,
            "zip": profile.zip5,
            "benchmark": "Public_AR_Current",
            "vintage": "Current_Current",
            "format": "json",
        }
    )
    address = f"{url or geocoder_url()}?{query}"
    try:
        fetched = fetch(address, timeout=timeout, max_bytes=MAX_BYTES, accept="application/json")
    except FetchError as exc:
        reason = str(exc).removeprefix(f"{address}: ")  # the address need not be repeated
        raise GeocodeError(f"The Census geocoder could not be used: {reason}.") from None
    return read_answer(fetched.content)


def read_answer(content: bytes) -> Located:
    """The district in a geocoder answer; GeocodeError for none, several, or a broken one."""
    try:
        answer = json.loads(content.decode("utf-8"))
        matches = answer["result"]["addressMatches"]
        assert isinstance(matches, list)
    except (UnicodeDecodeError, ValueError, KeyError, TypeError, AssertionError):
        raise GeocodeError(
            "The Census geocoder's answer could not be read (it was not the answer it gives)."
        ) from None
    if not matches:
        raise GeocodeError(
            "The Census geocoder found no such address. Check the street and ZIP code in Your "
            "Details, or choose your district yourself."
        )
    found = {located for match in matches if (located := _district(match)) is not None}
    if not found:
        raise GeocodeError("The Census geocoder matched the address but named no district.")
    districts = {(f.state, f.district) for f in found}
    if len(districts) > 1:
        labels = ", ".join(sorted(seat_label(s, d) for s, d in districts))
        raise GeocodeError(
            f"Your address matches places in several districts ({labels}). Make the street "
            "address more precise, or choose your district yourself."
        )
    return sorted(found, key=lambda f: f.matched_address)[0]


def _district(match: Any) -> Located | None:
    if not isinstance(match, dict):
        return None
    geographies = match.get("geographies")
    if not isinstance(geographies, dict):
        return None
    layers = [key for key in geographies if DISTRICT_LAYER.search(str(key))]
    if not layers:
        return None
    layer = max(layers, key=_congress_of)  # the newest Congress where several are given
    entries = geographies[layer]
    if not isinstance(entries, list) or not entries or not isinstance(entries[0], dict):
        return None
    entry = entries[0]
    geoid = str(entry.get("GEOID", ""))
    fips = geoid[:2] if len(geoid) == 4 else str(entry.get("STATE", ""))
    code = geoid[2:] if len(geoid) == 4 else ""
    components = match.get("addressComponents")
    state = (components.get("state") if isinstance(components, dict) else None) or ""
    state = str(state).upper() if str(state).upper() in STATES else STATE_FIPS.get(fips, "")
    if not state or not code.isdigit():
        raise GeocodeError(
            f"The Census geocoder named a district Advocate does not know ({geoid})."
        )
    district = int(code)
    district = 0 if district in (98, 99) else district  # DC's and the territories' seats
    if district not in house_seats(state):
        raise GeocodeError(
            f"The Census geocoder named {state} district {district}, which does not exist; "
            "choose your district yourself."
        )
    return Located(state, district, str(match.get("matchedAddress", "")), _congress_of(layer))


def _congress_of(layer: str) -> int:
    found = CONGRESS_IN_LAYER.search(str(layer))
    return int(found.group(1)) if found else 0
