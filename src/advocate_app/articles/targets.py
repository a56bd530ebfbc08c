"""Decide whom an action asks the reader to contact."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from .model import Link, Step, Target, TargetKind

CONTACT_VERB = re.compile(
    r"\b(write|writing|contact|call|phone|e-?mail|reach out|message|letter|urge|tell|"
    r"send|submit your message|express your)\w*",
    re.IGNORECASE,
)
SENATORS = re.compile(r"\bsenators?\b|\bsenate\b(?!\.gov)", re.IGNORECASE)
REPRESENTATIVE = re.compile(
    r"\brepresentatives?\b|\bcongress ?(?:wo)?m[ae]n\b|\bcongresspeople\b|"
    r"\bcongress(?:ional)? members?\b|\bmembers? of congress\b|\bhouse of representatives\b",
    re.IGNORECASE,
)
# Words that mean both chambers: "your elected officials", "lawmakers".
BOTH_CHAMBERS = re.compile(
    r"\belected officials?\b|\blawmakers?\b|\blegislators?\b|\bcongress\b(?!\.gov)",
    re.IGNORECASE,
)
WHITE_HOUSE = re.compile(
    r"\bwhite ?house\b|\bthe (?:biden |trump )?administration\b|\bthe president\b",
    re.IGNORECASE,
)
# Pages that help find an official are not recipients themselves.
OFFICIAL_HOSTS = ("congress.gov", "senate.gov", "house.gov", "whitehouse.gov", "usa.gov")
LABEL_NOISE = re.compile(
    r"^(?:contact(?: information| info| details)?|example contact|email|address)"
    r"(?:\s+(?:for|at|of))?(?:\s+the)?\s*",
    re.IGNORECASE,
)


def detect_targets(title: str, steps: tuple[Step, ...]) -> tuple[Target, ...]:
    """The officials (and other recipients) an action asks the reader to contact.

    A passage counts only when it both names a recipient and asks to contact
    them, so "sign a petition to your senators" does not make a letter.
    """
    passages = [title, *(f"{s.label}: {s.text}" for s in steps)]
    title_asks = bool(CONTACT_VERB.search(title))
    kinds: set[TargetKind] = set()
    for passage in passages:
        if not (CONTACT_VERB.search(passage) or title_asks):
            continue
        if SENATORS.search(passage):
            kinds.add(TargetKind.SENATORS)
        if REPRESENTATIVE.search(passage):
            kinds.add(TargetKind.REPRESENTATIVE)
        if BOTH_CHAMBERS.search(passage):
            kinds.update((TargetKind.SENATORS, TargetKind.REPRESENTATIVE))
        if WHITE_HOUSE.search(passage):
            kinds.add(TargetKind.WHITE_HOUSE)
    for step in steps:
        for link in step.links:
            if _is_official_page(link.url):
                if "whitehouse.gov" in link.url and CONTACT_VERB.search(step.label + step.text):
                    kinds.add(TargetKind.WHITE_HOUSE)
    order = (TargetKind.SENATORS, TargetKind.REPRESENTATIVE, TargetKind.WHITE_HOUSE)
    targets = [Target(kind) for kind in order if kind in kinds]
    targets.extend(_other_recipients(steps))
    return tuple(targets)


def _other_recipients(steps: tuple[Step, ...]) -> list[Target]:
    """Recipients outside government whose address or link the action gives."""
    found: list[Target] = []
    seen: set[str] = set()
    for step in steps:
        asks = CONTACT_VERB.search(f"{step.label} {step.text}")
        for link in step.links:
            if link.url in seen or _is_official_page(link.url):
                continue
            if not (asks or link.url.lower().startswith("mailto:")):
                continue
            seen.add(link.url)
            found.append(Target(TargetKind.OTHER, _recipient_name(step, link), link.url))
    return found


def _recipient_name(step: Step, link: Link) -> str:
    name = LABEL_NOISE.sub("", step.label).strip(" :-")
    return name or link.text


def _is_official_page(url: str) -> bool:
    host = (urlsplit(url).hostname or "").lower()
    return any(host == h or host.endswith("." + h) for h in OFFICIAL_HOSTS)
