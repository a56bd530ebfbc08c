"""What a letter still needs before it is sent: placeholders left unfilled, the reader's own
paragraph still empty, a length its route does not take, no text at all."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from advocate_app.core.letters.placeholders import PLACEHOLDER
from advocate_app.core.letters.routes import MAILTO_LIMIT, Route

# The paragraph a template leaves for the reader's own words; a placeholder like any other,
# named apart because it is the one that matters most.
PERSONAL = "[Why this matters to you]"
# About what one printed page holds under the letterhead and the office's address.
PRINTED_PAGE_CHARS = 3000


class ProblemKind(StrEnum):
    EMPTY = "empty"
    PERSONAL = "personal"
    PLACEHOLDER = "placeholder"
    TOO_LONG = "too_long"


@dataclass(frozen=True)
class Problem:
    kind: ProblemKind
    text: str  # in plain words, for the reader


def problems(subject: str, body: str, route: Route, form_limit: int | None = None) -> list[Problem]:
    """What to point out before this letter goes out by `route`."""
    if not body.strip():
        return [Problem(ProblemKind.EMPTY, "The letter is empty.")]
    found: list[Problem] = []
    if PERSONAL in body:
        found.append(
            Problem(ProblemKind.PERSONAL, "Your own words are missing: replace " + PERSONAL + ".")
        )
    marks = (m.group(0) for m in PLACEHOLDER.finditer(subject + "\n" + body))
    unfilled = list(dict.fromkeys(mark for mark in marks if mark != PERSONAL))
    if unfilled:
        found.append(
            Problem(ProblemKind.PLACEHOLDER, "Still to fill in: " + ", ".join(unfilled) + ".")
        )
    length = len(body)
    if route is Route.CONTACT_FORM and form_limit and length > form_limit:
        found.append(
            Problem(
                ProblemKind.TOO_LONG,
                f"The office's form takes about {form_limit:,} characters; this letter has "
                f"{length:,}.",
            )
        )
    elif route in (Route.PRINT, Route.PDF) and length > PRINTED_PAGE_CHARS:
        found.append(
            Problem(
                ProblemKind.TOO_LONG,
                f"At {length:,} characters the letter runs past one printed page (about "
                f"{PRINTED_PAGE_CHARS:,}).",
            )
        )
    elif route is Route.EMAIL and length > MAILTO_LIMIT:
        found.append(
            Problem(
                ProblemKind.TOO_LONG,
                "The letter is too long to hand to your mail program in one link: it will be "
                "copied for you to paste instead.",
            )
        )
    return found


def placeholder_spans(text: str) -> list[tuple[int, int]]:
    """Where the placeholders of `text` are (start, end), to highlight them."""
    return [match.span() for match in PLACEHOLDER.finditer(text)]
