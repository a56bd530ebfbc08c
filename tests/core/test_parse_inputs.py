"""Encodings, saved HTML pages and bad input: a clear reason or a best-effort parse."""

from __future__ import annotations

from pathlib import Path

import pytest

from advocate_app.core.articles.decoding import MAX_FILE_BYTES, UnreadableInput
from advocate_app.core.articles.reader import read_article
from advocate_app.core.articles.text_parser import parse_text
from tests.support.data import SAVED_PAGE

SITE_PAGE = """Dove Logo

Clean water for Flint, again

example.org -- Tuesday, March 4, 2025, 10:05:00 AM Eastern Standard Time
Categories: Environment, Health
The city’s pipes are still failing, residents say.

Expand

Sign Our Petition

Opinion:

Water is a right.

Action:

Call on Congress to fund repairs.

To Do:

1. **Write to Congress**: - **Your Senators**: Ask them to fund the repairs.
"""


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("encoding", "newline"),
    [("utf-8", "\n"), ("utf-8-sig", "\r\n"), ("cp1252", "\r\n"), ("utf-8", "\r"), ("utf-16", "\n")],
)
def test_encodings_and_line_endings(tmp_path, encoding, newline):
    data = SITE_PAGE.replace("\n", newline).encode(encoding)
    article = read_article(write(tmp_path, "page.txt", data))
    assert article.title == "Clean water for Flint, again"
    assert article.body == ("The city’s pipes are still failing, residents say.",)
    assert article.published.isoformat() == "2025-03-04T10:05:00-05:00"
    assert article.categories == ("Environment", "Health")
    assert article.opinion == ("Water is a right.",)
    assert article.action_essay == ("Call on Congress to fund repairs.",)
    assert [str(t.kind) for t in article.actions[0].targets] == ["senators", "representative"]


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty"),
        (b"  \n\r\n\t ", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary"),
        (b"caf\xe9 ok \x81\x8d", "neither UTF-8 nor Windows-1252"),
    ],
)
def test_unreadable_files_give_a_reason(tmp_path, data, reason):
    with pytest.raises(UnreadableInput, match=reason):
        read_article(write(tmp_path, "bad.txt", data))


def test_oversized_file_is_refused_before_reading(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(MAX_FILE_BYTES + 1)
    with pytest.raises(UnreadableInput, match="too large"):
        read_article(path)


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(UnreadableInput, match="no such file"):
        read_article(tmp_path / "nope.txt")
    with pytest.raises(UnreadableInput, match="folder"):
        read_article(tmp_path)


def test_todo_label_without_a_list_keeps_text_and_offers_default_actions():
    text = SITE_PAGE.split("To Do:")[0] + "To Do:\n\nWe will post actions soon.\n"
    article = parse_text(text)
    assert article.actions_intro == "We will post actions soon."
    assert all(a.generated for a in article.actions) and len(article.actions) == 3
    assert "the To Do section has no numbered list" in article.warnings


def test_unbalanced_backquotes_end_the_sample_at_the_next_item():
    text = SITE_PAGE.split("1. **")[0] + (
        "1. **Write to Congress**: - **Sample**: ``` Dear [Senator's Name], please act. "
        "Sincerely, [Your Name]\n2. **Donate**: - **Give**: to a local fund."
    )
    article = parse_text(text)
    first, second = article.actions
    assert first.sample_messages == (
        "Dear [Senator's Name],\n\nplease act.\n\nSincerely,\n[Your Name]",
    )
    assert second.title == "Donate" and second.steps[0].text == "to a local fund."
    assert any("no closing ```" in w for w in article.warnings)


def test_unsafe_link_schemes_are_dropped_but_their_text_kept():
    text = SITE_PAGE.split("1. **")[0] + (
        "1. **Write to Congress**: - **Senators**: Write [here](javascript:alert(1)) or "
        "[there](data:text/html,hi) or [mail](mailto:sen@example.gov) or [web](https://ok.example)."
    )
    (action,) = parse_text(text).actions
    step = action.steps[0]
    assert [link.url for link in step.links] == ["mailto:sen@example.gov", "https://ok.example"]
    assert "javascript" not in step.text and "here" in step.text and "there" in step.text


def test_absurdly_long_lines_parse_quickly_and_completely():
    long_line = ("**bold " * 50_000) + "[x](" + "a" * 100_000 + " " + "- " * 100_000
    text = SITE_PAGE.split("1. **")[0] + "1. **Write to Congress**: " + long_line
    article = parse_text(text)
    assert article.actions[0].title == "Write to Congress"
    bare = parse_text("word " * 400_000)
    assert len(bare.title) <= 91


def test_numbers_inside_text_are_not_items():
    text = SITE_PAGE.split("1. **")[0] + (
        "1. **Call**: - **Senators**: since 2025. **Note**: call daily. 3. **Skipped**: no.\n"
        "2. **Donate**: - **Give**: money."
    )
    article = parse_text(text)
    assert [a.title for a in article.actions] == ["Call", "Donate"]


def test_saved_html_page(tmp_path):
    article = read_article(write(tmp_path, "page.html", SAVED_PAGE.encode("utf-8")))
    assert article.title == "Clean water for Flint, again"
    assert article.url == "https://example.org/articles/clean-water"
    assert article.published.isoformat() == "2025-03-04T10:05:00-05:00"
    assert article.body == ("The city’s pipes are still failing, residents say.",)
    assert article.opinion == ("Water is a right.",)
    write_action, donate = article.actions
    assert write_action.title == "Write to Congress"
    assert write_action.steps[0].links[0].url == "https://www.senate.gov"
    assert write_action.sample_messages == (
        "Dear [Senator's Name],\n\nPlease fund the repairs.\n\nSincerely,\n[Your Name]",
    )
    assert donate.steps[0].links == ()  # javascript: is never kept
    assert article.actions_outro == "By taking these actions you help."
    assert article.related == ("Flint one year on", "Pipes, explained")
    assert "tracker" not in " ".join(article.body)


def test_html_news_page_without_site_metadata_uses_the_page_title(tmp_path):
    html = (
        "<html><head><title>Storm hits coast</title>"
        '<meta property="article:published_time" content="2025-09-01T08:00:00Z"></head>'
        "<body><p>The storm made landfall at dawn.</p><p>Thousands lost power.</p></body></html>"
    )
    article = read_article(write(tmp_path, "news.htm", html.encode()))
    assert article.title == "Storm hits coast" and not article.title_derived
    assert article.published.isoformat() == "2025-09-01T08:00:00+00:00"
    assert article.body == ("The storm made landfall at dawn.", "Thousands lost power.")
    assert all(a.generated for a in article.actions)
