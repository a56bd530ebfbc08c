"""Parse the site's "To Do" list: markdown whose line breaks were mostly lost.

A list looks like `1. **Title**: - **Label**: text - **Label**: text 2. **Title** ...`
(sometimes `### 1. **Title** - ...`, one item per line), with links as
`[text](url)` and sample letters fenced in triple back-quotes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from advocate_app.core.articles.links import extract_links
from advocate_app.core.articles.model import Action, Step
from advocate_app.core.articles.targets import detect_targets

FENCE = "```"
# Private-use characters mark where a sample letter was lifted out of the text.
SAMPLE_TOKEN = re.compile("\ue000(\\d+)\ue001")
# Starts with the digit so the regex engine can skip ahead quickly; _sequential
# checks that an item stands at a word boundary.
ITEM_START = re.compile(r"(?:#{1,6}[ \t]*)?(\d{1,3})[.)][ \t]+\*\*([^*\n]{1,300}?)\*\*[ \t]*:?")
PLAIN_ITEM_START = re.compile(r"^[ \t]*(?:#{1,6}[ \t]*)?(\d{1,3})[.)][ \t]+(\S[^\n]{0,300})$", re.M)
STEP_BREAK = re.compile(
    r"(?:(?<=\s)|^)(?:-|•|\*(?!\*))[ \t]+"
    r"(?=\*\*[^*\n]{1,200}\*\*|[A-Z][^\s:]{0,30}(?:[ \t][^\s:]{1,30}){0,5}:\s)"
)
# A bullet inside a step: at a line's start, or after a sentence ends ("Call. - Write.").
BULLET = re.compile(r"(?:^|\n|(?<=[.!?;:]))[ \t]*[-•][ \t]+(?=\S)")
BOLD_LABEL = re.compile(r"^\*\*([^*\n]{1,200}?)\*\*[ \t]*:?[ \t]*(.*)$", re.S)
PLAIN_LABEL = re.compile(r"^([A-Z][^:\n]{0,60}):[ \t]+(.*)$", re.S)
SAMPLE_LABEL = re.compile(r"sample|message|letter|script|template|email text", re.I)
CONTINUATION_LINE = re.compile(r"^\s+\S|^\s*(?:[-•*]\s|\ue000)")
CLOSINGS = (
    r"Sincerely|Respectfully(?: yours)?|Best regards|Kind regards|Warm regards|Regards|"
    r"Yours truly|Best wishes|With gratitude|Thank you"
)
INLINE_CLOSING = re.compile(rf"(?<=[.!?])[ \t]+({CLOSINGS}),[ \t]+(?=\[|[A-Z])")
PLACEHOLDER_RUN = re.compile(r"\][ \t]+\[")
HEADING_MARK = re.compile(r"^\s*#{1,6}\s*")
INLINE_SALUTATION = re.compile(r"^((?:Dear|To) [^,\n]{1,80},)[ \t]+(?=\S)")


@dataclass(frozen=True)
class ActionList:
    intro: str
    actions: tuple[Action, ...]
    outro: str
    warnings: tuple[str, ...]


def parse_action_list(text: str) -> ActionList:
    """Parse a To Do section into numbered actions, with the text before and after."""
    warnings: list[str] = []
    text, samples = _lift_samples(text, warnings)
    starts = _item_starts(text)
    if not starts:
        intro = _restore_samples(_prose(text), samples)
        if intro:
            warnings.append("the To Do section has no numbered list")
        return ActionList(intro, (), "", tuple(warnings))

    intro = _prose(text[: starts[0].start()])
    actions: list[Action] = []
    outro = ""
    for index, match in enumerate(starts):
        end = starts[index + 1].start() if index + 1 < len(starts) else len(text)
        raw = text[match.end() : end]
        if index + 1 == len(starts):
            raw, outro = _split_outro(raw)
        number, title = int(match.group(1)), _clean_title(match.group(2))
        actions.append(_parse_item(number, title, raw, samples, warnings))
    return ActionList(
        _restore_samples(intro, samples),
        tuple(actions),
        _restore_samples(_prose(outro), samples),
        tuple(warnings),
    )


def _lift_samples(text: str, warnings: list[str]) -> tuple[str, list[str]]:
    """Replace each fenced sample by a token, so list markers inside it are left alone."""
    samples: list[str] = []
    pieces: list[str] = []
    position = 0
    while True:
        opening = text.find(FENCE, position)
        if opening < 0:
            pieces.append(text[position:])
            break
        closing = text.find(FENCE, opening + 3)
        pieces.append(text[position:opening])
        if closing < 0:
            # Unbalanced: the sample runs to the next numbered item, or to the end.
            warnings.append("a sample message has no closing ``` (read up to the next item)")
            rest = text[opening + 3 :]
            next_item = ITEM_START.search(rest)
            stop = next_item.start() if next_item else len(rest)
            body, position = rest[:stop], opening + 3 + stop
        else:
            body, position = text[opening + 3 : closing], closing + 3
        pieces.append(f" \ue000{len(samples)}\ue001 ")
        samples.append(_tidy_sample(body))
        if closing < 0:
            pieces.append(text[position:])
            break
    return "".join(pieces), samples


def _tidy_sample(body: str) -> str:
    """Restore the line breaks a letter lost: after the greeting, before the closing."""
    first_line, _, rest = body.partition("\n")
    if re.fullmatch(r"[A-Za-z0-9_+-]{1,20}", first_line.strip()) and rest:
        body = rest  # a language tag such as ```text
    lines = [line.strip() for line in body.strip().split("\n")]
    text = "\n".join(lines)
    text = re.sub(r"\n{3,}", "\n\n", text)
    text = INLINE_SALUTATION.sub(r"\1\n\n", text)
    text = INLINE_CLOSING.sub(r"\n\n\1,\n", text)
    closing = re.search(rf"(?:^|\n)(?:{CLOSINGS}),\n", text)
    if closing:
        head, tail = text[: closing.end()], text[closing.end() :]
        text = head + PLACEHOLDER_RUN.sub("]\n[", tail)
    return text.strip()


def _item_starts(text: str) -> list[re.Match[str]]:
    """Numbered item openings, in sequence (so "in 2025. **" is not item 2025)."""
    found = _sequential(ITEM_START.finditer(text))
    if not found:
        found = _sequential(PLAIN_ITEM_START.finditer(text), line_start_only=True)
    return found


def _sequential(matches, line_start_only: bool = False) -> list[re.Match[str]]:
    accepted: list[re.Match[str]] = []
    expected = 1
    for match in matches:
        if match.start() > 0 and not match.string[match.start() - 1].isspace():
            continue
        number = int(match.group(1))
        at_line_start = line_start_only or _at_line_start(match)
        if number == expected or (accepted and at_line_start and number > expected):
            accepted.append(match)
            expected = number + 1
    return accepted


def _at_line_start(match: re.Match[str]) -> bool:
    start = match.start()
    return start == 0 or match.string[start - 1] == "\n"


def _split_outro(raw: str) -> tuple[str, str]:
    """Separate the closing paragraph ("By taking these actions…") from the last item."""
    lines = raw.split("\n")
    for index in range(1, len(lines)):
        line = lines[index]
        if line.strip() and not CONTINUATION_LINE.match(line):
            return "\n".join(lines[:index]), "\n".join(lines[index:])
    return raw, ""


def _parse_item(
    number: int, title: str, raw: str, samples: list[str], warnings: list[str]
) -> Action:
    steps: list[Step] = []
    messages: list[str] = []
    for segment in _bulleted(raw):
        segment = segment.strip().lstrip(":").strip()
        if not segment:
            continue
        label, text = _split_label(segment)
        for token in SAMPLE_TOKEN.finditer(text):
            messages.append(samples[int(token.group(1))])
        text = _squash(SAMPLE_TOKEN.sub(" ", text))
        text, links, link_warnings = extract_links(text)
        warnings.extend(link_warnings)
        text = _squash(text.replace("**", ""))
        if not text and not links and SAMPLE_LABEL.search(label) and messages:
            continue  # the step only introduced the sample, which the action now carries
        if label or text:
            steps.append(Step(label, text, links))
    step_tuple = tuple(steps)
    return Action(
        number=number,
        title=title,
        steps=step_tuple,
        sample_messages=tuple(messages),
        targets=detect_targets(title, step_tuple),
    )


def _bulleted(raw: str) -> list[str]:
    """The item's steps: split at labelled bullets, then at plain bullets that start a line or
    follow a finished sentence, so "- First. - Second." is two steps, not one with dashes."""
    segments = []
    for piece in BULLET.split(raw.strip()):
        segments.extend(STEP_BREAK.split(_squash(piece)))
    return segments


def _split_label(segment: str) -> tuple[str, str]:
    for pattern in (BOLD_LABEL, PLAIN_LABEL):
        match = pattern.match(segment)
        if match and not (pattern is PLAIN_LABEL and len(match.group(1).split()) > 6):
            label = match.group(1).strip().rstrip(":").strip()
            label, _, _ = extract_links(label)
            return label, match.group(2).strip()
    return "", segment


def _clean_title(title: str) -> str:
    return _squash(title).rstrip(":").strip()


def _squash(text: str) -> str:
    """Collapse runs of whitespace (the list's line breaks carry no meaning)."""
    return " ".join(text.split())


def _prose(text: str) -> str:
    """Text around the list: one paragraph per line, without markdown heading marks."""
    paragraphs = (
        _squash(HEADING_MARK.sub("", line).replace("**", "")) for line in text.split("\n")
    )
    return "\n\n".join(p for p in paragraphs if p)


def _restore_samples(text: str, samples: list[str]) -> str:
    return SAMPLE_TOKEN.sub(lambda m: "\n\n" + samples[int(m.group(1))] + "\n\n", text).strip()
