"""`advocate letter` and `advocate templates`."""

from __future__ import annotations

from pathlib import Path

import pytest

from advocate_app.core.session import Session
from tests.support.cli import run_cli
from tests.support.data import write_directory


@pytest.fixture
def ready(capsys, seeds, data_dir, tmp_path):
    run_cli(capsys, "directory", "update", "--from", str(write_directory(tmp_path / "dir")))
    run_cli(
        capsys,
        "profile",
        "set",
        "--first-name",
        "Ada",
        "--last-name",
        "Lovelace",
        "--street",
        "1 Main St",
        "--city",
        "Seattle",
        "--state",
        "WA",
        "--zip",
        "98104",
        "--email",
        "ada@example.org",
    )
    imported = run_cli(capsys, "import", str(seeds), "--json").json()
    return {Path(r["path"]).name[:3]: r["id"] for r in imported}


def test_cli_letter_json_for_each_seed_contact_action(capsys, ready):
    letters = run_cli(capsys, "letter", str(ready["001"]), "--json").json()
    assert [(letter["recipient"]["name"], letter["route"]) for letter in letters] == [
        ("Bea Birch", "contact_form"),
        ("Ann Alder", "contact_form"),
        ("Cy Cedar", "contact_form"),
    ]
    for letter in letters:
        assert set(letter) >= {
            "recipient",
            "subject",
            "body",
            "route",
            "contact_url",
            "mailto",
            "unresolved_placeholders",
            "notes",
        }
        assert letter["body"].count(letter["recipient"]["salutation"] + ",") == 1
    white_house = run_cli(capsys, "letter", str(ready["001"]), "--action", "5", "--json").json()
    assert white_house[0]["recipient"]["name"] == "Pat Pine"
    senators = run_cli(capsys, "letter", str(ready["000"]), "--to", "senators", "--json").json()
    assert [s["recipient"]["title"] for s in senators] == ["Senator", "Senator"]
    bare = run_cli(capsys, "letter", str(ready["002"]), "--action", "3", "--json").json()
    assert bare[0]["subject"] == "A recent news article"  # its title was made up: not quoted
    assert "contact form" not in bare[0]["body"] and "[Why this matters to you]" in bare[0]["body"]


def test_cli_letter_bad_requests(capsys, ready):
    assert "no action 42" in run_cli(capsys, "letter", str(ready["001"]), "--action", "42").err
    assert (
        "does not ask to contact"
        in run_cli(capsys, "letter", str(ready["001"]), "--action", "1").err
    )
    assert "no article with id 999" in run_cli(capsys, "letter", "999").err
    missing = run_cli(capsys, "letter", str(ready["001"]), "--template", "nope")
    assert missing.code == 1 and "there is no template 'nope'" in missing.err


def test_cli_pdf_prints_and_records_the_letters(capsys, ready, tmp_path, data_dir, qapp):
    # qapp: in one test process the QApplication must exist before Qt starts for the PDF
    out = tmp_path / "letters.pdf"
    result = run_cli(capsys, "letter", str(ready["001"]), "--pdf", str(out))
    assert result.code == 0, result.err
    assert out.read_bytes().startswith(b"%PDF") and out.stat().st_size > 2000
    assert "When you have sent them: advocate sent LETTER_ID" in result.err
    with Session.open(data_dir) as session:
        saved = session.letters(ready["001"])
        assert session.activity().letters_sent == 0  # saved as PDF is not sent
    assert sorted(s.recipient_name for s in saved) == ["Ann Alder", "Bea Birch", "Cy Cedar"]
    assert all(s.deliveries[0][0] == "pdf" and not s.sent for s in saved)
    assert all(s.action_number == 2 for s in saved)


def test_cli_templates_lists_them(capsys):
    result = run_cli(capsys, "templates")
    names = [line.split()[0] for line in result.out.splitlines()]
    assert names == [
        "call_script",
        "delegate",
        "general",
        "representative",
        "sample",
        "senator",
        "white_house",
    ]


def test_old_spellings_still_work(capsys, ready, data_dir):
    """--to white-house and a reader's own white-house.txt.j2 from an earlier version."""
    letters = run_cli(capsys, "letter", str(ready["001"]), "--action", "5", "--to", "white-house")
    assert letters.code == 0 and "Pat Pine" in letters.out
    mine = data_dir / "templates" / "white-house.txt.j2"
    mine.parent.mkdir(parents=True)
    mine.write_text("Subject: Mine\n\nDear President,\nmy own words.", encoding="utf-8")
    listed = run_cli(capsys, "templates").out
    assert any(line.split()[:2] == ["white_house", "yours"] for line in listed.splitlines()), listed
    written = run_cli(
        capsys, "letter", str(ready["001"]), "--action", "5", "--template", "white_house", "--json"
    ).json()
    assert written[0]["body"] == "Dear President,\nmy own words.\n"
    bad = run_cli(capsys, "letter", str(ready["001"]), "--to", "congress")
    assert bad.code == 2 and "invalid choice" in bad.err


def test_cli_counts_a_letter_only_when_the_reader_says_it_was_sent(capsys, ready, data_dir):
    article = str(ready["001"])
    shown = run_cli(capsys, "letter", article, "--to", "senators")
    assert shown.code == 0 and "Before sending: Your own words" not in shown.out  # a sample
    assert run_cli(capsys, "letters").err.strip() == "No letters yet."  # shown is not sent

    sent = run_cli(capsys, "letter", article, "--to", "senators", "--sent", "--json")
    assert sent.code == 0 and "Counted 2 letter(s) as sent." in sent.err
    ids = [letter["letter_id"] for letter in sent.json()]
    listed = run_cli(capsys, "letters", "--json").json()
    assert sorted(item["id"] for item in listed) == sorted(ids)
    assert {item["status"] for item in listed} == {"sent ✓"}

    # A call to one of them by another spelling is the same official.
    run_cli(capsys, "call", article, "2", "--official", "Sen. Birch", "--outcome", "contacted")
    summary = run_cli(capsys, "activity", "--json").json()
    assert summary["letters_sent"] == 2
    with Session.open(data_dir) as session:
        assert session.records(ready["001"])[2].reached == ("Ann Alder", "Bea Birch")

    undone = run_cli(capsys, "sent", str(ids[0]), "--undo")
    assert undone.code == 0 and "not sent" in undone.out
    assert run_cli(capsys, "activity", "--json").json()["letters_sent"] == 1
    assert run_cli(capsys, "sent", str(ids[0])).out.endswith(": sent.\n")
    assert "there is no letter 999" in run_cli(capsys, "sent", "999").err
    refused = run_cli(capsys, "letters", "--delete", str(ids[0]))
    assert refused.code == 1 and "sent letters stay in your record" in refused.err


def test_cli_drafts_are_listed_and_deleted(capsys, ready, data_dir):
    from advocate_app.core.letters.compose import Letter
    from advocate_app.core.letters.routes import Route
    from advocate_app.core.officials.model import OfficeKind, Official

    official = Official("Bea Birch", "Senator", "Dear Senator Birch", OfficeKind.SENATOR)
    with Session.open(data_dir) as session:
        draft = session.save_letter(
            ready["001"], 2, Letter(official, "S", "Draft.", Route.COPY, "", None, (), ())
        )
    listed = run_cli(capsys, "letters", "--drafts")
    assert f"{draft:>5}" in listed.out and "draft" in listed.out and "Bea Birch" in listed.out
    assert run_cli(capsys, "letters", "--delete", str(draft)).code == 0
    assert run_cli(capsys, "letters", "--drafts").err.strip() == "No drafts."
