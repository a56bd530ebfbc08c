"""How a letter reaches an office: one enum of delivery routes, and which one each office takes."""

from __future__ import annotations

import re
from enum import StrEnum
from urllib.parse import quote, unquote, urlsplit

from advocate_app.core.officials.model import Official
from advocate_app.core.public_pages import WHITE_HOUSE_CONTACT, WHITE_HOUSE_FORM_LIMIT

MAILTO_LIMIT = 2000  # longer mail links are cut off or refused by some mail programs
EMAIL = re.compile(r"^[^@\s,;<>()\[\]\\\"]+@[^@\s,;<>()\[\]\\\"]+\.[^@\s,;<>()\[\]\\\"]+$")
# Characters a web form takes, by its address.
FORM_LIMITS = {WHITE_HOUSE_CONTACT: WHITE_HOUSE_FORM_LIMIT}


class Route(StrEnum):
    """The ways a letter leaves Advocate. Each is a delivery attempt, never a send: only the
    reader can say a letter was sent."""

    COPY = "copy"  # to the clipboard, for the reader to paste somewhere
    CONTACT_FORM = "contact_form"  # copied, and the office's web form opened
    EMAIL = "email"  # the reader's mail program, with the letter filled in
    PRINT = "print"  # on paper, to post
    PDF = "pdf"  # a PDF file, to print or attach later


# What happened to a letter, in the reader's words ("Letter to … copied").
DELIVERED = {
    Route.COPY: "copied",
    Route.CONTACT_FORM: "contact page opened",
    Route.EMAIL: "emailed",
    Route.PRINT: "printed",
    Route.PDF: "saved as PDF",
}
SENT_WORDS = "sent ✓"
DRAFT_WORDS = "draft"
# How a letter that went out by a route reaches its office, for the question "did you…?".
SEND_QUESTION = {
    Route.COPY: "Did you send your letter to {name}?",
    Route.CONTACT_FORM: "Did you send your letter to {name} through the contact page?",
    Route.EMAIL: "Did you send your email to {name}?",
    Route.PRINT: "Did you mail your letter to {name}?",
    Route.PDF: "Did you send your letter to {name}?",
}


def delivered_words(route: str) -> str:
    """ "Saved as PDF": what a way out did, to begin a line with."""
    try:
        words = DELIVERED[Route(route)]
    except ValueError:
        words = route
    return words[:1].upper() + words[1:]


def status_words(sent: bool, routes: list[str] | tuple[str, ...]) -> str:
    """ "sent ✓", else what was last done with it ("copied"), else "draft"."""
    if sent:
        return SENT_WORDS
    for route in reversed(routes):
        try:
            return DELIVERED[Route(route)]
        except ValueError:
            continue
    return DRAFT_WORDS


def preferred_route(official: Official) -> Route:
    """The way this office takes letters: email where it has an address, its web form where it
    has one, else paper."""
    if email_address(official) is not None:
        return Route.EMAIL
    if official.contact_url.startswith(("http://", "https://")):
        return Route.CONTACT_FORM
    return Route.PRINT


def email_address(official: Official) -> str | None:
    """The one address a mailto: contact names. Anything else the link carries (?bcc=,
    ?body=, more addresses) is not passed on to the reader's mail program."""
    url = official.contact_url
    if not url.lower().startswith("mailto:"):
        return None
    try:
        path = unquote(urlsplit(url).path)
    except ValueError:
        return None
    address = path.split(",")[0].strip()
    return address if EMAIL.match(address) else None


def form_limit(official: Official) -> int | None:
    return FORM_LIMITS.get(official.contact_url)


def mailto_link(address: str, subject: str, body: str) -> str | None:
    """A mailto: link (RFC 6068: UTF-8, percent-encoded, CRLF line breaks), or None if too long."""
    link = (
        f"mailto:{quote(address, safe='@')}?subject={quote(subject, safe='')}"
        f"&body={quote(body.replace(chr(10), chr(13) + chr(10)), safe='')}"
    )
    return link if len(link) <= MAILTO_LIMIT else None
