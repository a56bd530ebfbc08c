"""Parse articles saved as plain text, in the three shapes the site's readers save.

1. A full site page: header, title, `source -- date` line, `Categories:`, the
   article, `Expand`, `Sign Our Petition`, `Opinion:`, `Action:`, `To Do:`,
   `N Related Article(s):` and a footer.
2. The same content with the section labels missing: `Sign Our Petition` glued
   to the opinion, then the action essay and the list.
3. A bare news article: paragraphs only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from advocate_app.core.articles.action_list import parse_action_list
from advocate_app.core.articles.dates import parse_site_date
from advocate_app.core.articles.default_actions import default_actions
from advocate_app.core.articles.model import Article

META_LINE = re.compile(r"^\s*(?P<source>\S[^\n]{0,200}?)\s+--\s+(?P<date>\S[^\n]{4,120})$")
CATEGORIES = re.compile(r"^\s*Categories?\s*:\s*(.*)$", re.I)
SECTION_LABEL = re.compile(r"^\s*(opinion|action|to do|to-do|todo)\s*:\s*$", re.I)
PETITION = re.compile(r"^\s*Sign Our Petition\s*", re.I)
EXPAND = re.compile(r"^\s*Expand\s*$", re.I)
RELATED = re.compile(r"^\s*(\d{1,4})\s+Related Articles?(?:\(s\))?\s*:?\s*$", re.I)
FOOTER = re.compile(
    r"^\s*(?:updated very often|.*\(c\)opyright|.*copyright ©|.*all rights reserved)", re.I
)
LIST_START = re.compile(r"^\s*(?:#{1,6}\s*)?1[.)]\s+\S")
STRONG_CONCLUSION = re.compile(r"^(?:In conclusion|In summary|To conclude|In closing|In sum)\b")
WEAK_CONCLUSION = re.compile(r"^(?:Ultimately|Lastly|Finally)\b")
SENTENCE_END = re.compile(
    r"(?<!\b[A-Z])(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bDr)(?<!\bSt)"
    r"(?<!\bJr)(?<!\bSen)(?<!\bRep)(?<!\bGov)[.!?][\"”’)]?(?=\s+[\"“A-Z]|$)"
)
MAX_DERIVED_TITLE = 90
SCAN_META_LINES = 60
MAX_MARKER_LINE = 160


@dataclass
class _Sections:
    body: list[str] = field(default_factory=list)
    opinion: list[str] = field(default_factory=list)
    action_essay: list[str] = field(default_factory=list)
    todo: list[str] = field(default_factory=list)
    essays: list[str] = field(default_factory=list)  # unlabeled opinion + action essay
    related_count: int = 0
    related: list[str] = field(default_factory=list)


def parse_text(text: str) -> Article:
    """Parse one article from text with "\\n" line endings."""
    lines = [line.rstrip() for line in text.split("\n")]
    meta_index = _find_meta_line(lines)
    if meta_index is None:
        return _bare_article(lines)

    warnings: list[str] = []
    meta = META_LINE.match(lines[meta_index])
    assert meta is not None
    title_index = _previous_nonblank(lines, meta_index)
    title = lines[title_index].strip() if title_index is not None else ""
    source = meta["source"].strip()
    published = parse_site_date(meta["date"])
    if published is None:
        warnings.append(f"could not read the date {meta['date'].strip()!r}")

    position = meta_index + 1
    categories: tuple[str, ...] = ()
    next_index = _next_nonblank(lines, position)
    if next_index is not None and (match := CATEGORIES.match(lines[next_index])):
        categories = tuple(c.strip() for c in match[1].split(",") if c.strip())
        position = next_index + 1

    sections = _split_sections(lines[position:])
    body = _paragraphs(sections.body)
    if body and title and _same_text(body[0], title):
        body = body[1:]  # the site repeats the headline above the article
    opinion = _paragraphs(sections.opinion)
    action_essay = _paragraphs(sections.action_essay)
    todo_lines = sections.todo
    if any(line.strip() for line in sections.essays):
        essay_paragraphs, todo_lines = _split_unlabeled(sections.essays)
        opinion, action_essay = _split_essays(essay_paragraphs, warnings)

    action_list = parse_action_list("\n".join(todo_lines))
    warnings.extend(action_list.warnings)
    actions = action_list.actions
    if not actions:
        actions = default_actions()
    if not title:
        title, derived = _derive_title(body), True
    else:
        derived = False
    return Article(
        title=title,
        title_derived=derived,
        source=source,
        published=published,
        categories=categories,
        body=tuple(body),
        opinion=tuple(opinion),
        action_essay=tuple(action_essay),
        actions_intro=action_list.intro,
        actions=actions,
        actions_outro=action_list.outro,
        related=tuple(sections.related),
        warnings=tuple(warnings),
    )


def _find_meta_line(lines: list[str]) -> int | None:
    for index, line in enumerate(lines[:SCAN_META_LINES]):
        match = META_LINE.match(line)
        if match and parse_site_date(match["date"]) is not None:
            return index
    for index, line in enumerate(lines[:SCAN_META_LINES]):
        # A meta line with a date we cannot read still marks the page's shape.
        if META_LINE.match(line) and re.search(r"\d{4}", line) and len(line) < 200:
            return index
    return None


def _split_sections(lines: list[str]) -> _Sections:
    """Walk the page once, sending each line to the section it belongs to."""
    sections = _Sections()
    current: list[str] = sections.body
    labeled = False
    index = 0
    while index < len(lines):
        line = lines[index]
        index += 1
        if not line or (len(line) > MAX_MARKER_LINE and not PETITION.match(line)):
            current.append(line)  # a paragraph: labels, footers and markers are short lines
            continue
        if related := RELATED.match(line):
            sections.related_count = int(related[1])
            index = _read_related(lines, index, sections)
            current = []  # whatever follows the related list is footer
            continue
        if FOOTER.match(line):
            continue
        if EXPAND.match(line):
            continue
        if label := SECTION_LABEL.match(line):
            labeled = True
            name = label[1].lower()
            if name == "opinion":
                current = sections.opinion
            elif name == "action":
                current = sections.action_essay
            else:
                current = sections.todo
            continue
        if petition := PETITION.match(line):
            rest = line[petition.end() :].strip()
            if current is sections.body and not labeled:
                # Shape 2: the opinion starts glued to "Sign Our Petition".
                current = sections.essays
            elif current is sections.todo:
                current = []  # the petition button after the list
            if rest:
                current.append(rest)
            continue
        current.append(line)
    return sections


def _read_related(lines: list[str], index: int, sections: _Sections) -> int:
    while index < len(lines) and len(sections.related) < sections.related_count:
        line = lines[index].strip()
        if FOOTER.match(line):
            break
        if line:
            sections.related.append(line)
        index += 1
    return index


def _split_unlabeled(lines: list[str]) -> tuple[list[str], list[str]]:
    """Find where the essays end and the To Do list (with its intro) begins."""
    for index, line in enumerate(lines):
        if LIST_START.match(line):
            intro_index = _previous_nonblank(lines, index)
            if intro_index is not None and lines[intro_index].rstrip().endswith(":"):
                index = intro_index
            return _paragraphs(lines[:index]), lines[index:]
    return _paragraphs(lines), []


def _split_essays(paragraphs: list[str], warnings: list[str]) -> tuple[list[str], list[str]]:
    """Tell the opinion from the action essay: the opinion ends with its conclusion."""
    for pattern in (STRONG_CONCLUSION, WEAK_CONCLUSION):
        for index, paragraph in enumerate(paragraphs[:-1]):
            if pattern.match(paragraph):
                return paragraphs[: index + 1], paragraphs[index + 1 :]
    if len(paragraphs) > 1:
        warnings.append("could not tell the opinion from the action essay; kept both as opinion")
    return paragraphs, []


def _bare_article(lines: list[str]) -> Article:
    body = _paragraphs(lines)
    return Article(
        title=_derive_title(body),
        title_derived=True,
        body=tuple(body),
        actions=default_actions(),
    )


def _derive_title(body: list[str]) -> str:
    """The first sentence, shortened at a word boundary."""
    if not body:
        return "Untitled article"
    first = body[0]
    end = SENTENCE_END.search(first)
    sentence = first[: end.start() + 1] if end else first
    sentence = sentence.strip().rstrip(".")
    if len(sentence) <= MAX_DERIVED_TITLE:
        return sentence
    cut = sentence[:MAX_DERIVED_TITLE].rsplit(" ", 1)[0].rstrip(",;:—–- ")
    return cut + "…"


def _paragraphs(lines: list[str]) -> list[str]:
    """Paragraphs from lines: blank-line separated blocks, or one line each.

    Text copied from a web page has a paragraph per line; text wrapped by an
    editor has blank lines between paragraphs and short lines inside them.
    """
    blocks: list[list[str]] = [[]]
    for line in lines:
        if line.strip():
            blocks[-1].append(line.strip())
        elif blocks[-1]:
            blocks.append([])
    paragraphs: list[str] = []
    for block in blocks:
        if not block:
            continue
        if len(block) > 1 and _hard_wrapped(block):
            paragraphs.append(" ".join(block))
        else:
            paragraphs.extend(block)
    return paragraphs


def _hard_wrapped(block: list[str]) -> bool:
    widths = [len(line) for line in block[:-1]]
    return max(widths) <= 100 and min(widths) >= 40


def _previous_nonblank(lines: list[str], index: int) -> int | None:
    for back in range(index - 1, -1, -1):
        if lines[back].strip():
            return back
    return None


def _next_nonblank(lines: list[str], index: int) -> int | None:
    for ahead in range(index, len(lines)):
        if lines[ahead].strip():
            return ahead
    return None


def _same_text(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()
