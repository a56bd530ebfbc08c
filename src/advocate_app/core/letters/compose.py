"""One letter per official an action targets: filled, greeted, and with its delivery route."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from datetime import date
from typing import Any

from advocate_app.core.articles.model import Action, Article
from advocate_app.core.letters.placeholders import PLACEHOLDER, fill
from advocate_app.core.letters.recipients import Audience, recipients_for
from advocate_app.core.letters.routes import (
    Route,
    email_address,
    form_limit,
    mailto_link,
    preferred_route,
)
from advocate_app.core.letters.salutation import greet
from advocate_app.core.letters.templates import GENERAL, SAMPLE, LetterTemplates, template_for
from advocate_app.core.officials.model import MyOfficials, Official
from advocate_app.core.profile.model import Profile

# Steps that say what to write ("What to Say: …"), as opposed to how to find someone.
MESSAGE_STEP = re.compile(r"say|message|ask|urge|demand|point|request|tell", re.IGNORECASE)


@dataclass(frozen=True)
class Letter:
    recipient: Official
    subject: str
    body: str
    route: Route  # the way this office takes letters
    contact_url: str
    mailto: str | None
    unresolved_placeholders: tuple[str, ...]
    notes: tuple[str, ...]
    limit: int | None = None  # characters the route accepts, where it has a limit

    def to_dict(self) -> dict[str, Any]:
        return {
            "recipient": self.recipient.to_dict(),
            "subject": self.subject,
            "body": self.body,
            "route": str(self.route),
            "contact_url": self.contact_url,
            "mailto": self.mailto,
            "unresolved_placeholders": list(self.unresolved_placeholders),
            "notes": list(self.notes),
            "limit": self.limit,
        }


def sender_values(profile: Profile) -> dict[str, Any]:
    """The reader's details for templates; missing ones show as visible placeholders."""

    def value(text: str, placeholder: str) -> str:
        return text or f"[{placeholder}]"

    name = value(profile.full_name, "Your Name")
    city_state = ", ".join(p for p in (profile.city, profile.state) if p) or "[Your City, State]"
    last_line = " ".join(
        p for p in (city_state if profile.city or profile.state else "", profile.zip) if p
    )
    address_lines = [value(profile.street, "Your Address"), last_line or "[Your City, State ZIP]"]
    return {
        "name": name,
        "prefix": profile.prefix,
        "first_name": value(profile.first_name, "Your First Name"),
        "last_name": value(profile.last_name, "Your Last Name"),
        "street": value(profile.street, "Your Address"),
        "city": value(profile.city, "Your City"),
        "state": value(profile.state, "Your State"),
        "zip": value(profile.zip, "Your ZIP Code"),
        "email": value(profile.email, "Your Email"),
        "phone": value(profile.phone, "Your Phone Number"),
        "city_state": city_state,
        "address_lines": address_lines,
    }


def placeholder_values(profile: Profile, recipient: Official, today: date) -> dict[str, str]:
    city_state = ", ".join(p for p in (profile.city, profile.state) if p)
    address = ", ".join(
        p
        for p in (profile.street, city_state + (" " + profile.zip if profile.zip else ""))
        if p.strip()
    )
    return {
        "name": profile.full_name,
        "first_name": profile.first_name,
        "last_name": profile.last_name,
        "address": address if profile.street else "",
        "street": profile.street,
        "email": profile.email,
        "phone": profile.phone,
        "contact": "\n".join(p for p in (profile.email, profile.phone) if p),
        "city": profile.city,
        "state": profile.state,
        "city_state": city_state if profile.city and profile.state else "",
        "city_state_zip": f"{city_state} {profile.zip}" if profile.city and profile.zip else "",
        "zip": profile.zip,
        "recipient": "" if recipient.placeholder else recipient.name,
        "date": long_date(today),
    }


def long_date(day: date) -> str:
    return f"{day.strftime('%B')} {day.day}, {day.year}"


def compose_letters(
    article: Article,
    action: Action,
    officials: MyOfficials,
    profile: Profile,
    templates: LetterTemplates,
    *,
    audience: Audience = Audience.ALL,
    template: str | None = None,
    today: date | None = None,
    recipients: list[Official] | None = None,
) -> list[Letter]:
    """Letters for every official the action targets, or for `recipients` when given.

    Raises LetterTemplateError when the template cannot be used.
    """
    today = today or date.today()
    people = recipients if recipients is not None else recipients_for(action, officials, audience)
    drafts = [_draft(article, action, person, profile, template, today) for person in people]
    rendered = templates.render_many([(d.template, d.context) for d in drafts])
    return [
        _letter(draft, subject, body)
        for draft, (subject, body) in zip(drafts, rendered, strict=True)
    ]


@dataclass(frozen=True)
class _Draft:
    """What a letter is written from: its recipient, template and the template's values."""

    recipient: Official
    template: str
    context: dict[str, Any]
    notes: tuple[str, ...]


def _draft(
    article: Article,
    action: Action,
    recipient: Official,
    profile: Profile,
    template: str | None,
    today: date,
) -> _Draft:
    notes: list[str] = []
    message = ""
    name = template or (
        SAMPLE if action.sample_messages else template_for(recipient.kind) or GENERAL
    )
    if action.sample_messages:
        # The greeting first, on the sample as written; then the placeholders.
        greeted = greet(action.sample_messages[0], recipient.salutation, recipient.last_name)
        message = fill(greeted.text, placeholder_values(profile, recipient, today)).text
        if greeted.note and name == SAMPLE:
            notes.append(greeted.note)
    context = {
        "date": long_date(today),
        "sender": sender_values(profile),
        "recipient": asdict(recipient),
        "article": {
            "title": article.title,
            "source": article.source or "",
            "url": article.url or "",
        },
        "action": {
            "number": action.number,
            "title": action.title,
            "points": [
                _sentence(s.text) for s in action.steps if s.text and MESSAGE_STEP.search(s.label)
            ],
        },
        "message": message,
    }
    return _Draft(recipient, name, context, tuple(notes))


def _letter(draft: _Draft, subject: str, body: str) -> Letter:
    recipient = draft.recipient
    notes = list(draft.notes)
    unresolved = tuple(
        dict.fromkeys(m.group(0) for m in PLACEHOLDER.finditer(subject + "\n" + body))
    )
    email = email_address(recipient)
    limit = form_limit(recipient)
    if limit and len(body) > limit:
        notes.append(
            f"The {recipient.title or 'office'}'s form takes about {limit:,} characters; "
            f"this letter has {len(body):,}. Shorten it before sending."
        )
    mailto = mailto_link(email, subject, body) if email else None
    if email and mailto is None:
        notes.append("This letter is too long for a mail link; copy it into your mail program.")
    route = preferred_route(recipient)
    if unresolved:
        notes.append("Fill in before sending: " + ", ".join(unresolved))
    return Letter(
        recipient,
        subject,
        body,
        route,
        recipient.contact_url,
        mailto,
        unresolved,
        tuple(notes),
        limit,
    )


def _sentence(text: str) -> str:
    text = text.strip()
    return text if text.endswith((".", "!", "?")) else text + "."
