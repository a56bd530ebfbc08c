"""The reader's details, and the checks a person sees as they type them."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, fields, replace
from typing import Any

STATES = {
    "AL": "Alabama", "AK": "Alaska", "AZ": "Arizona", "AR": "Arkansas", "CA": "California",
    "CO": "Colorado", "CT": "Connecticut", "DE": "Delaware", "FL": "Florida", "GA": "Georgia",
    "HI": "Hawaii", "ID": "Idaho", "IL": "Illinois", "IN": "Indiana", "IA": "Iowa",
    "KS": "Kansas", "KY": "Kentucky", "LA": "Louisiana", "ME": "Maine", "MD": "Maryland",
    "MA": "Massachusetts", "MI": "Michigan", "MN": "Minnesota", "MS": "Mississippi",
    "MO": "Missouri", "MT": "Montana", "NE": "Nebraska", "NV": "Nevada", "NH": "New Hampshire",
    "NJ": "New Jersey", "NM": "New Mexico", "NY": "New York", "NC": "North Carolina",
    "ND": "North Dakota", "OH": "Ohio", "OK": "Oklahoma", "OR": "Oregon", "PA": "Pennsylvania",
    "RI": "Rhode Island", "SC": "South Carolina", "SD": "South Dakota", "TN": "Tennessee",
    "TX": "Texas", "UT": "Utah", "VT": "Vermont", "VA": "Virginia", "WA": "Washington",
    "WV": "West Virginia", "WI": "Wisconsin", "WY": "Wyoming", "DC": "District of Columbia",
    "PR": "Puerto Rico", "GU": "Guam", "VI": "U.S. Virgin Islands", "AS": "American Samoa",
    "MP": "Northern Mariana Islands",
}  # fmt: skip
ZIP = re.compile(r"^\d{5}(?:-\d{4})?$")
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
PHONE_DIGITS = re.compile(r"\d")
PREFIXES = ("", "Mr.", "Ms.", "Mrs.", "Mx.", "Dr.", "Rev.")
CONTROL = re.compile(r"[\x00-\x1f\x7f]")  # line breaks and other invisible characters
MAX_FIELD = 200
STATE_NAMES = {name.lower(): code for code, name in STATES.items()}


@dataclass(frozen=True)
class Profile:
    prefix: str = ""
    first_name: str = ""
    last_name: str = ""
    street: str = ""
    city: str = ""
    state: str = ""
    zip: str = ""
    email: str = ""
    phone: str = ""
    district: int | None = None  # congressional district, when the reader knows it
    district_source: str = ""  # "address" when found from the street address, else the reader's
    district_zip: str = ""  # the ZIP code the district was chosen or found for
    district_date: str = ""  # YYYY-MM-DD it was found (from an address)

    @property
    def full_name(self) -> str:
        return " ".join(part for part in (self.first_name, self.last_name) if part)

    @property
    def zip5(self) -> str:
        return self.zip[:5]

    def is_empty(self) -> bool:
        return not any(str(value or "") for value in asdict(self).values())

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Profile:
        known = {f.name for f in fields(cls)}
        values = {key: value for key, value in data.items() if key in known}
        district = values.get("district")
        values["district"] = int(district) if district not in (None, "") else None
        for key in known - {"district"}:
            values[key] = str(values.get(key) or "")
        return cls(**values)

    def updated(self, **changes: Any) -> Profile:
        return replace(self, **{k: v for k, v in changes.items() if v is not None})


def normalized(profile: Profile) -> Profile:
    """Tidy what people type: spaces trimmed, state code upper-cased."""
    return replace(
        profile,
        **{
            f.name: getattr(profile, f.name).strip()
            for f in fields(profile)
            if f.name != "district"
        },
    ).updated(state=state_code(profile.state))


def state_code(text: str) -> str:
    """ "wa", "Washington" → "WA"; anything else upper-cased, to be checked."""
    cleaned = " ".join(text.split())
    return STATE_NAMES.get(cleaned.lower(), cleaned.upper())


def field_errors(profile: Profile) -> dict[str, str]:
    """Problems with the fields filled in so far (empty fields are allowed: letters show gaps)."""
    errors: dict[str, str] = {}
    for f in fields(profile):
        value = getattr(profile, f.name)
        if isinstance(value, str) and CONTROL.search(value):
            errors[f.name] = "Use one line, without tabs or other invisible characters."
        elif isinstance(value, str) and len(value) > MAX_FIELD:
            errors[f.name] = f"This is longer than {MAX_FIELD} characters."
    if profile.zip and not ZIP.match(profile.zip) and "zip" not in errors:
        errors["zip"] = "A ZIP code has 5 digits, or 5+4 like 98101-1234."
    if profile.state and profile.state.upper() not in STATES:
        errors["state"] = "Use the state's name or its two-letter code, like WA."
    if profile.email and not EMAIL.match(profile.email):
        errors["email"] = "An email address looks like name@example.org."
    if profile.phone and len(PHONE_DIGITS.findall(profile.phone)) not in (10, 11):
        errors["phone"] = "A U.S. phone number has 10 digits."
    if profile.district is not None and not 0 <= profile.district <= 53:
        errors["district"] = "Districts are numbered 1 to 53 (0 for at-large)."
    return errors
