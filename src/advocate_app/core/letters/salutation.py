"""Greet each recipient by title and name, whatever the sample's greeting said."""

from __future__ import annotations

import re
from dataclasses import dataclass

GREETING = re.compile(r"^\s*(Dear|To)\s+([^,\n]{1,80}),?[ \t]*\n", re.IGNORECASE)


@dataclass(frozen=True)
class Greeted:
    text: str
    note: str | None  # set when the sample greeted someone else


def greet(body: str, salutation: str, recipient_last_name: str) -> Greeted:
    """Put `salutation` ("Dear Senator Cantwell") in place of the sample's greeting."""
    match = GREETING.match(body)
    if match is None:
        return Greeted(f"{salutation},\n\n{body.lstrip()}", None)
    original = match.group(2).strip()
    note = None
    named = "[" not in original and recipient_last_name.lower() not in original.lower()
    generic = original.lower() in {"sir or madam", "sir/madam", "friend", "official"}
    if named and not generic and recipient_last_name:
        note = (
            f'The sample greeted "{original}"; this letter greets {salutation[5:]} instead, '
            "who holds the office now."
            if salutation.lower().startswith("dear ")
            else f'The sample greeted "{original}".'
        )
    return Greeted(f"{salutation},\n" + body[match.end() :], note)
