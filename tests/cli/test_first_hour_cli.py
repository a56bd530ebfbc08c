"""The command line for a newcomer: short texts, renaming, addresses as typed, no feeds yet,
and each missing thing with the command that supplies it."""

from __future__ import annotations

from advocate_app.core.web.fetch import web_address
from tests.support.cli import run_cli


def test_a_few_words_are_not_an_article_unless_you_say_so(capsys, tmp_path):
    note = tmp_path / "note.txt"
    note.write_text("buy milk", encoding="utf-8")
    refused = run_cli(capsys, "import", str(note))
    assert refused.code == 1
    assert "too short to be an article (2 words) (import it anyway with --allow-short)" in (
        refused.err
    )
    assert run_cli(capsys, "import", "--allow-short", str(note)).code == 0
    assert "buy milk" in run_cli(capsys, "list").out


def test_rename_gives_an_article_your_own_title(capsys, seeds):
    imported = run_cli(capsys, "import", str(seeds), "--json").json()
    bare = next(r["id"] for r in imported if r["path"].endswith(".txt") and "002" in r["path"])
    renamed = run_cli(capsys, "rename", str(bare), "  Trump   heads to Alaska ")
    assert renamed.code == 0 and renamed.out.strip().endswith("Trump heads to Alaska")
    assert run_cli(capsys, "show", str(bare), "--json").json()["title"] == "Trump heads to Alaska"
    assert run_cli(capsys, "rename", str(bare), " ").code == 1
    assert "no article with id 999" in run_cli(capsys, "rename", "999", "x").err


def test_addresses_as_people_type_them():
    assert web_address("www.example.org/news/1") == "https://www.example.org/news/1"
    assert web_address(" example.org ") == "https://example.org"
    assert web_address("http://example.org/a") == "http://example.org/a"
    assert web_address("buy milk") == "buy milk"  # not an address: said so by fetch


def test_refresh_with_no_feeds_says_so(capsys):
    result = run_cli(capsys, "feeds", "refresh")
    assert (
        result.code == 0 and "No feeds yet; follow one with: advocate feeds add URL" in result.err
    )


def test_what_is_missing_comes_with_the_command_that_supplies_it(capsys, seeds):
    run_cli(capsys, "import", str(seeds))
    result = run_cli(capsys, "officials")
    assert "note: There is no directory of officials yet" in result.err
    assert "to fix: advocate directory update" in result.err
    assert "▸" not in result.err  # no menu names from the window here
