"""One letter per official an action targets: filled, greeted, and with its delivery route."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date
from typing import Any

from advocate_app.core.articles.model import Action, Article, TargetKind
from advocate_app.core.letters.asks import concrete_asks
from advocate_app.core.letters.checks import PERSONAL
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
from advocate_app.core.officials.model import MyOfficials, OfficeKind, Official
from advocate_app.core.profile.model import Profile

# The template value for another action's sample letter: "sample:5".
OTHER_SAMPLE = "sample:"
# Which of an action's targets an office answers to.
TARGET_OF = {
    OfficeKind.SENATOR: TargetKind.SENATORS,
    OfficeKind.REPRESENTATIVE: TargetKind.REPRESENTATIVE,
    OfficeKind.DELEGATE: TargetKind.REPRESENTATIVE,
    OfficeKind.PRESIDENT: TargetKind.WHITE_HOUSE,
    OfficeKind.VICE_PRESIDENT: TargetKind.WHITE_HOUSE,
    OfficeKind.OTHER: TargetKind.OTHER,
}


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
    template: str = ""  # what wrote it: "sample", "sample:5", "senator"…

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
            "template": self.template,
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
        "phone": profile.phone,  # optional: a template leaves the line out when it is empty
        "city_state": city_state,
        "city_state_zip": last_line or "[Your City, State ZIP]",
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
    own = template_for(recipient.kind) or GENERAL
    name = template or (SAMPLE if action.sample_messages else own)
    source = action  # whose sample letter is used
    if name.startswith(OTHER_SAMPLE):
        other = _action_numbered(article, name.removeprefix(OTHER_SAMPLE))
        if other is not None and other.sample_messages and fits(other, recipient):
            source, name = other, SAMPLE
        else:
            notes.append(
                "That sample letter is written to other offices; this letter uses the "
                f"{own.replace('_', ' ')} template."
            )
            name = own
    elif name == SAMPLE and not action.sample_messages:
        name = own
    if source.sample_messages:
        # The greeting first, on the sample as written; then the placeholders.
        greeted = greet(source.sample_messages[0], recipient.salutation, recipient.last_name)
        message = fill(greeted.text, placeholder_values(profile, recipient, today)).text
        if greeted.note and name == SAMPLE:
            notes.append(greeted.note)
    asks = concrete_asks(action)
    context = {
        "date": long_date(today),
        "sender": sender_values(profile),
        "recipient": asdict(recipient),
        "article": article_values(article),
        "action": {
            "number": action.number,
            "title": action.title,
            "asks": asks,
            "points": asks,  # the name templates of earlier versions used
        },
        "personal": PERSONAL,
        "message": message,
    }
    return _Draft(recipient, name, context, tuple(notes))


def article_values(article: Article) -> dict[str, str]:
    """The article as a letter names it. A title Advocate made up from the first sentence is
    not quoted as if it were the headline."""
    source = article.source or ""
    if article.title_derived:
        about = f"a recent news article{f' from {source}' if source else ''}"
        subject = f"A recent news article{f' from {source}' if source else ''}"
    else:
        about = f'"{article.title}"' + (f", reported by {source}" if source else "")
        subject = article.title
    return {
        "title": article.title,
        "source": source,
        "url": article.url or "",
        "about": about,
        "subject": subject,
    }


def fits(action: Action, recipient: Official) -> bool:
    """Whether the action writes to the office `recipient` holds (its sample suits them)."""
    return TARGET_OF.get(recipient.kind) in action.target_kinds


def samples_for(article: Article, action: Action, recipients: list[Official]) -> list[Action]:
    """The article's other actions whose sample letter suits one of `recipients`."""
    return [
        other
        for other in article.actions
        if other.number != action.number
        and other.sample_messages
        and any(fits(other, person) for person in recipients)
    ]


def guidance(action: Action) -> list[str]:
    """What the article tells the reader to do, to show beside the letter (never in it)."""
    lines = []
    for step in action.steps:
        label, text = step.label.strip(), step.text.strip()
        if label and text:
            lines.append(f"{label}: {text}")
        elif label or text:
            lines.append(label or text)
    return lines


def _action_numbered(article: Article, number: str) -> Action | None:
    return next((a for a in article.actions if str(a.number) == number.strip()), None)


def _letter(draft: _Draft, subject: str, body: str) -> Letter:
    recipient = draft.recipient
    notes = list(draft.notes)
    unresolved = tuple(
        dict.fromkeys(m.group(0) for m in PLACEHOLDER.finditer(subject + "\n" + body))
    )
    email = email_address(recipient)
    limit = form_limit(recipient)
    mailto = mailto_link(email, subject, body) if email else None
    if email and mailto is None:
        notes.append("This letter is too long for a mail link; copy it into your mail program.")
    route = preferred_route(recipient)
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
        draft.template,
    )
