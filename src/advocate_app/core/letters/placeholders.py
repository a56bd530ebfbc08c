"""Fill the bracket placeholders of the articles' sample letters ([Your Name], [Date]…)."""

from __future__ import annotations

import re
from dataclasses import dataclass

PLACEHOLDER = re.compile(r"\[([^\[\]\n]{1,60})\]")
NOT_WORDS = re.compile(r"[^a-z0-9,]+")


@dataclass(frozen=True)
class Filled:
    text: str
    unresolved: tuple[str, ...]  # placeholders left as they were, e.g. "[Your Title]"


def key(placeholder: str) -> str:
    """ "[Your Phone Number]" → "your phone number"; apostrophes and case do not matter."""
    text = placeholder.lower().replace("’", "'").replace("'s", "").replace("'", "")
    return " ".join(NOT_WORDS.sub(" ", text).split())


SENDER_KEYS = {
    "name": "name", "full name": "name", "first and last name": "name",
    "first name": "first_name", "last name": "last_name",
    "address": "address", "street address": "address", "mailing address": "address",
    "home address": "address", "full address": "address",
    "street": "street", "email": "email", "email address": "email", "e mail": "email",
    "phone": "phone", "phone number": "phone", "telephone": "phone",
    "telephone number": "phone", "contact information": "contact",
    "city": "city", "state": "state", "city, state": "city_state",
    "city and state": "city_state", "city, state, zip": "city_state_zip",
    "zip": "zip", "zip code": "zip", "zipcode": "zip", "postal code": "zip",
}  # fmt: skip
RECIPIENT_KEYS = {
    "representative name", "senator name", "name", "official name", "recipient name",
    "representatives name", "senators name", "member name", "legislator name",
    "congressperson name", "congressman name", "congresswoman name",
    "representative", "senator", "official",
}  # fmt: skip
DATE_KEYS = {"date", "today date", "todays date", "current date"}


def fill(text: str, values: dict[str, str]) -> Filled:
    """Replace every placeholder we can; keep and list the others.

    `values` holds sender fields (name, address, email…), "recipient" and "date";
    an empty value counts as unknown, so the placeholder stays visible.
    """
    unresolved: list[str] = []

    def replace(match: re.Match[str]) -> str:
        value = values.get(field_for(match.group(1)) or "", "")
        if value:
            return value
        if match.group(0) not in unresolved:
            unresolved.append(match.group(0))
        return match.group(0)

    return Filled(PLACEHOLDER.sub(replace, text), tuple(unresolved))


def field_for(placeholder: str) -> str | None:
    name = key(placeholder)
    if name in DATE_KEYS:
        return "date"
    if name.startswith("your "):
        return SENDER_KEYS.get(name[5:].strip())
    if name in RECIPIENT_KEYS:
        return "recipient"
    return SENDER_KEYS.get(name) if name in ("email address", "phone number") else None
