"""Decide whom an action asks the reader to contact."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from advocate_app.core.articles.model import Link, Step, Target, TargetKind

# (cue, cheap substrings that must appear, the exact pattern on lower-cased text)
CUES: tuple[tuple[str, tuple[str, ...], re.Pattern[str]], ...] = (
    (
        "contact",
        ("writ", "contact", "call", "phone", "mail", "reach", "message", "letter", "urge",
         "tell", "send", "express"),
        re.compile(
            r"\b(?:write|writing|contact|call|phone|e-?mail|reach out|message|letter|urge|"
            r"tell|send|express your)"
        ),
    ),
    ("senators", ("senat",), re.compile(r"\bsenators?\b|\bsenate\b(?!\.gov)")),
    (
        "representative",
        ("represent", "congress"),
        re.compile(
            r"\brepresentatives?\b|\bcongress ?(?:wo)?m[ae]n\b|\bcongresspeople\b|"
            r"\bcongress(?:ional)? members?\b|\bmembers? of congress\b"
        ),
    ),
    # Words that mean both chambers: "your elected officials", "lawmakers".
    (
        "both",
        ("official", "lawmaker", "legislator", "congress"),
        re.compile(
            r"\belected officials?\b|\blawmakers?\b|\blegislators?\b|\bcongress\b(?!\.gov)"
        ),
    ),
    (
        "white_house",
        ("white", "administration", "president"),
        re.compile(
            r"\bwhite ?house\b|\bthe (?:biden |trump )?administration\b|\bthe president\b"
        ),
    ),
)  # fmt: skip
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
    them (or the action's title does), so "sign a petition to your senators"
    does not make a letter.
    """
    title_cues = _cues(title)
    step_cues = [_cues(f"{step.label}: {step.text}") for step in steps]
    title_asks = "contact" in title_cues
    kinds: set[TargetKind] = set()
    for cues in (title_cues, *step_cues):
        if "contact" not in cues and not title_asks:
            continue
        if "both" in cues:
            cues = cues | {"senators", "representative"}
        kinds.update(TargetKind(cue) for cue in cues if cue in OFFICIAL_CUES)
    for step, cues in zip(steps, step_cues, strict=True):
        if "contact" in cues and any(_host_is(link.url, "whitehouse.gov") for link in step.links):
            kinds.add(TargetKind.WHITE_HOUSE)
    order = (TargetKind.SENATORS, TargetKind.REPRESENTATIVE, TargetKind.WHITE_HOUSE)
    targets = [Target(kind) for kind in order if kind in kinds]
    targets.extend(_other_recipients(steps, step_cues))
    return tuple(targets)


OFFICIAL_CUES = {"senators", "representative", "white_house"}


def _cues(passage: str) -> set[str]:
    text = passage.lower()
    return {
        name
        for name, hints, pattern in CUES
        if any(hint in text for hint in hints) and pattern.search(text)
    }


def _other_recipients(steps: tuple[Step, ...], step_cues: list[set[str]]) -> list[Target]:
    """Recipients outside government whose address or link the action gives."""
    found: list[Target] = []
    seen: set[str] = set()
    for step, cues in zip(steps, step_cues, strict=True):
        asks = "contact" in cues
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
    return any(_host_is(url, host) for host in OFFICIAL_HOSTS)


def _host_is(url: str, domain: str) -> bool:
    host = (urlsplit(url).hostname or "").lower()
    return host == domain or host.endswith("." + domain)
