"""What to say on the phone: a short script in the reader's voice for one official and the
actions one call covers, written by the `call_script` template in the letters' sandbox."""

from __future__ import annotations

import re
from dataclasses import asdict
from datetime import date

from advocate_app.core.articles.model import Action, Article
from advocate_app.core.letters.asks import concrete_asks
from advocate_app.core.letters.compose import article_values, placeholder_values, sender_values
from advocate_app.core.letters.placeholders import PLACEHOLDER, fill
from advocate_app.core.letters.templates import CALL_SCRIPT, LetterTemplates
from advocate_app.core.officials.model import Official
from advocate_app.core.profile.model import Profile

# On the phone the reader speaks to staff: "I urge you to…" becomes "I urge Senator X to…".
ADDRESSED = re.compile(r"^(I (?:urge|ask|call on|encourage)) you\b")
REQUEST_SENTENCE = re.compile(r"\b(urge|ask|request|call on|please|support|oppose)\b", re.I)
SENTENCES = re.compile(r"(?<=[.!?])\s+")
MAX_FROM_SAMPLE = 2


def script_asks(action: Action, recipient: Official, profile: Profile, today: date) -> list[str]:
    """What the reader asks for: the action's concrete requests, else the requests of its
    sample letter (filled in, without the greeting and sign-off), never the instructions."""
    whom = f"{recipient.title} {recipient.last_name or recipient.name}".strip()
    asks = [ADDRESSED.sub(lambda m: f"{m.group(1)} {whom}", ask) for ask in concrete_asks(action)]
    if asks or not action.sample_messages:
        return asks
    sample = fill(action.sample_messages[0], placeholder_values(profile, recipient, today)).text
    found = []
    for sentence in SENTENCES.split(" ".join(sample.split())):
        if REQUEST_SENTENCE.search(sentence) and not PLACEHOLDER.search(sentence):
            if not sentence.lower().startswith(("dear", "sincerely", "thank")):
                found.append(sentence.strip())
        if len(found) == MAX_FROM_SAMPLE:
            break
    return found


def call_script(
    covered: list[tuple[Article, Action]],
    recipient: Official,
    profile: Profile,
    templates: LetterTemplates,
    *,
    no_response: bool = False,
    today: date | None = None,
) -> str:
    """The script for one call to `recipient` about each (article, action) it covers.
    Raises LetterTemplateError when the template cannot be used."""
    today = today or date.today()
    items = [
        {
            "about": article_values(article)["about"],
            "asks": script_asks(action, recipient, profile, today)
            or [f"I ask {recipient.title} {recipient.last_name or recipient.name} to act on it."],
        }
        for article, action in covered
    ]
    context = {
        "sender": sender_values(profile),
        "recipient": {**asdict(recipient), "last_name": recipient.last_name or recipient.name},
        "items": items,
        "no_response": no_response,
        "date": today.isoformat(),
    }
    _subject, body = templates.render(CALL_SCRIPT, context)
    return body
