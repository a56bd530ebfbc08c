"""`advocate sitting`, `advocate script` and a call that covers several actions."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.cli import run_cli
from tests.support.data import write_directory


@pytest.fixture
def ready(capsys, seeds, tmp_path):
    run_cli(capsys, "directory", "update", "--from", str(write_directory(tmp_path / "dir")))
    run_cli(
        capsys, "profile", "set", "--first-name", "Ada", "--last-name", "Lovelace",
        "--street", "1 Main St", "--city", "Seattle", "--state", "WA", "--zip", "98104",
        "--phone", "206-555-0100",
    )  # fmt: skip
    imported = run_cli(capsys, "import", str(seeds), "--json").json()
    return {Path(r["path"]).name[:3]: r["id"] for r in imported}


def test_the_sitting_lists_every_open_action_per_official(capsys, ready):
    queue = run_cli(capsys, "sitting", "--json").json()
    site = ready["001"]
    assert {"article_id": site, "action": 2, "official_id": "S002"}.items() <= next(
        item for item in queue if item["article_id"] == site and item["official_id"] == "S002"
    ).items()
    officials = {item["official"] for item in queue}
    assert officials == {
        "Senator Bea Birch", "Senator Ann Alder", "Representative Cy Cedar", "President Pat Pine"
    }  # fmt: skip
    one = run_cli(capsys, "sitting", "--official", "S001", "--json").json()
    assert {item["official"] for item in one} == {"Senator Ann Alder"}
    text = run_cli(capsys, "sitting", "--official", "S001").out
    assert f"{site:>5}:2" in text and "Contact Elected Officials" in text
    unknown = run_cli(capsys, "sitting", "--official", "X999")
    assert unknown.code == 1 and "not one of your officials" in unknown.err


def test_one_call_covers_several_actions_and_leaves_the_sitting(capsys, ready):
    site, other = ready["001"], ready["000"]
    before = len(run_cli(capsys, "sitting", "--official", "S001", "--json").json())
    result = run_cli(
        capsys, "call", str(site), "2", "--also", f"{other}:1", "--official", "S001",
        "--outcome", "contacted",
    )  # fmt: skip
    assert result.code == 0
    assert "Logged a call to Senator Ann Alder (talked to someone)" in result.out
    after = run_cli(capsys, "sitting", "--official", "S001", "--json").json()
    assert len(after) == before - 2
    busy = run_cli(capsys, "call", str(site), "5", "--official", "Pat Pine", "--outcome", "busy")
    assert "It stays open: try another number, or write instead." in busy.out
    assert run_cli(capsys, "call", str(site), "2", "--also", "x", "--official", "S001",
                   "--outcome", "busy").code == 1  # fmt: skip
    summary = run_cli(capsys, "activity", "--json").json()
    assert summary["calls_by_outcome"] == {
        "talked to someone": 2,
        "busy or the mailbox was full": 1,
    }


def test_the_script_says_what_to_say_and_whom_to_call(capsys, ready):
    result = run_cli(capsys, "script", str(ready["001"]), "2", "--official", "R007")
    assert result.code == 0
    assert result.out.startswith("Hello, my name is Ada Lovelace, and I am a constituent")
    assert "I urge Representative Cedar to" in result.out
    assert "Call Representative Cy Cedar:" in result.err
    assert "Seattle: 206-555-0107" in result.err and "Washington, DC:" in result.err
    missing = run_cli(capsys, "script", str(ready["001"]), "42", "--official", "R007")
    assert missing.code == 1 and "has no action 42" in missing.err
