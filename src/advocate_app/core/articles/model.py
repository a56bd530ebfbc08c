"""The article model shared by the parsers, the library, the CLI and the window."""

from __future__ import annotations

import hashlib
import re
from dataclasses import asdict, dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any


class TargetKind(StrEnum):
    SENATORS = "senators"
    REPRESENTATIVE = "representative"
    WHITE_HOUSE = "white_house"
    OTHER = "other"


OFFICIAL_KINDS = (TargetKind.SENATORS, TargetKind.REPRESENTATIVE, TargetKind.WHITE_HOUSE)


@dataclass(frozen=True)
class Link:
    text: str
    url: str


@dataclass(frozen=True)
class Target:
    """Someone an action asks the reader to contact.

    For the officials kinds the name is descriptive only (the officials module
    finds the real people); for `other` it names the recipient and `contact`
    holds the address or link the article gave.
    """

    kind: TargetKind
    name: str | None = None
    contact: str | None = None


@dataclass(frozen=True)
class Step:
    label: str
    text: str
    links: tuple[Link, ...] = ()


@dataclass(frozen=True)
class Action:
    number: int
    title: str
    steps: tuple[Step, ...] = ()
    sample_messages: tuple[str, ...] = ()
    targets: tuple[Target, ...] = ()
    generated: bool = False

    @property
    def contacts_officials(self) -> bool:
        return any(t.kind in OFFICIAL_KINDS for t in self.targets)

    @property
    def target_kinds(self) -> frozenset[TargetKind]:
        return frozenset(t.kind for t in self.targets)

    def search_text(self) -> str:
        parts = [self.title]
        for step in self.steps:
            parts.extend((step.label, step.text))
        parts.extend(self.sample_messages)
        return "\n".join(p for p in parts if p)


@dataclass(frozen=True)
class Article:
    title: str
    body: tuple[str, ...]
    source: str | None = None
    url: str | None = None
    published: datetime | None = None
    categories: tuple[str, ...] = ()
    opinion: tuple[str, ...] = ()
    action_essay: tuple[str, ...] = ()
    actions_intro: str = ""
    actions: tuple[Action, ...] = ()
    actions_outro: str = ""
    related: tuple[str, ...] = ()
    title_derived: bool = False
    warnings: tuple[str, ...] = field(default=(), compare=False)

    def identity(self) -> str:
        """A stable key for this article, the same every time it is imported.

        The url when the page named one; otherwise the title, source and date,
        which the site prints on every copy of the same article.
        """
        if self.url:
            basis = "url\n" + self.url.strip()
        else:
            day = self.published.isoformat() if self.published else ""
            basis = "\n".join(("text", _norm(self.title), _norm(self.source or ""), day))
        return hashlib.sha256(basis.encode("utf-8")).hexdigest()[:24]


def _norm(text: str) -> str:
    return " ".join(text.lower().split())


def action_to_dict(action: Action) -> dict[str, Any]:
    return {
        "number": action.number,
        "title": action.title,
        "targets": [target_to_dict(t) for t in action.targets],
        "generated": action.generated,
        "steps": [
            {"label": s.label, "text": s.text, "links": [asdict(link) for link in s.links]}
            for s in action.steps
        ],
        "sample_messages": list(action.sample_messages),
    }


def target_to_dict(target: Target) -> dict[str, Any]:
    return {"kind": str(target.kind), "name": target.name, "contact": target.contact}


def article_to_dict(article: Article) -> dict[str, Any]:
    """The article's content as plain JSON-ready data (no library state)."""
    return {
        "title": article.title,
        "title_derived": article.title_derived,
        "source": article.source,
        "url": article.url,
        "published": article.published.isoformat() if article.published else None,
        "categories": list(article.categories),
        "body": list(article.body),
        "opinion": list(article.opinion),
        "action_essay": list(article.action_essay),
        "actions_intro": article.actions_intro,
        "actions": [action_to_dict(a) for a in article.actions],
        "actions_outro": article.actions_outro,
        "related": list(article.related),
    }


def article_from_dict(data: dict[str, Any]) -> Article:
    published = data.get("published")
    return Article(
        title=data["title"],
        title_derived=bool(data.get("title_derived", False)),
        source=data.get("source"),
        url=data.get("url"),
        published=datetime.fromisoformat(published) if published else None,
        categories=tuple(data.get("categories", ())),
        body=tuple(data.get("body", ())),
        opinion=tuple(data.get("opinion", ())),
        action_essay=tuple(data.get("action_essay", ())),
        actions_intro=data.get("actions_intro", ""),
        actions=tuple(action_from_dict(a) for a in data.get("actions", ())),
        actions_outro=data.get("actions_outro", ""),
        related=tuple(data.get("related", ())),
    )


def action_from_dict(data: dict[str, Any]) -> Action:
    return Action(
        number=int(data["number"]),
        title=data["title"],
        generated=bool(data.get("generated", False)),
        targets=tuple(
            Target(TargetKind(t["kind"]), t.get("name"), t.get("contact"))
            for t in data.get("targets", ())
        ),
        steps=tuple(
            Step(
                s["label"],
                s["text"],
                tuple(Link(link["text"], link["url"]) for link in s.get("links", ())),
            )
            for s in data.get("steps", ())
        ),
        sample_messages=tuple(data.get("sample_messages", ())),
    )


# Shorter than this, with no action list of its own, a text is a note, not an article.
MIN_ARTICLE_WORDS = 40
MIN_ARTICLE_SENTENCES = 3
SENTENCE = re.compile(r"[.!?](?:\s|$)")


def too_short(article: Article) -> str | None:
    """Why this text is too short to be kept as an article ("buy milk"), or None."""
    if any(not action.generated for action in article.actions):
        return None  # the advocacy site's own page, however brief its text
    text = " ".join((*article.body, *article.opinion))
    words = len(text.split())
    sentences = len(SENTENCE.findall(text + " "))
    if words >= MIN_ARTICLE_WORDS or sentences >= MIN_ARTICLE_SENTENCES:
        return None
    return f"it is too short to be an article ({words} word{'s' if words != 1 else ''})"
