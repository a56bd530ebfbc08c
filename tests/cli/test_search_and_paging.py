"""Search as people expect it (every word the start of a word, in any order; phrases in
quotes) and a list that pages (--limit, --offset) and streams its JSON."""

from __future__ import annotations

import json

from tests.support.cli import run_cli


def ids(capsys, *args: str) -> list[int]:  # noqa: ANN001
    return [row["id"] for row in run_cli(capsys, "list", "--json", *args).json()]


def test_words_in_any_order_each_the_start_of_a_word(capsys, seeds):
    run_cli(capsys, "import", str(seeds))
    both = ids(capsys, "--search", "zelensky putin")  # the text says "Zelenskiy"
    assert both and both == ids(capsys, "--search", "putin zelensky")
    assert set(ids(capsys, "--search", "zelenskiy")) <= set(ids(capsys, "--search", "zelen"))
    assert ids(capsys, "--search", "putin xylophone") == []


def test_a_phrase_in_quotes_matches_the_words_together(capsys, seeds):
    run_cli(capsys, "import", str(seeds))
    together = ids(capsys, "--search", '"territorial concessions"')
    assert len(together) >= 1
    assert ids(capsys, "--search", '"concessions territorial"') == []
    assert set(together) <= set(ids(capsys, "--search", "territorial concessions"))


def test_the_list_pages_and_streams(capsys, seeds):
    run_cli(capsys, "import", str(seeds))
    everything = ids(capsys)
    assert len(everything) == 3
    assert ids(capsys, "--limit", "2") == everything[:2]
    assert ids(capsys, "--offset", "1", "--limit", "5") == everything[1:]
    assert ids(capsys, "--offset", "9") == []
    text = run_cli(capsys, "list", "--json", "--limit", "1").out
    assert text.startswith("[\n  {") and json.loads(text)[0]["id"] == everything[0]
    assert run_cli(capsys, "list", "--limit", "2").out.count("\n") == 2
    bad = run_cli(capsys, "list", "--offset", "-1")
    assert bad.code == 1 and "counts: 0 or more" in bad.err
