"""Tracking what was done: marks, notes, calls, follow-ups, activity, export, backup, restore,
and a library that survives being killed in the middle of writing."""

from __future__ import annotations

import csv
import io
import json
import random
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from datetime import date, timedelta
from pathlib import Path

import pytest

from advocate_app.core.letters.compose import Letter
from advocate_app.core.letters.routes import Route
from advocate_app.core.officials.model import OfficeKind, Official
from advocate_app.core.paths import library_path
from advocate_app.core.session import Session
from advocate_app.core.store.tracking import CallOutcome
from tests.support.cli import run_cli
from tests.support.paths import REPO_ROOT


@pytest.fixture
def site_id(capsys, seeds):
    results = run_cli(capsys, "import", str(seeds), "--json").json()
    return next(r["id"] for r in results if Path(r["path"]).name.startswith("001"))


def records(data_dir, article_id):
    with Session.open(data_dir) as session:
        return session.records(article_id)


def letter_to(name: str) -> Letter:
    official = Official(name, "Representative", f"Dear {name}", OfficeKind.REPRESENTATIVE)
    return Letter(official, "s", "b", Route.CONTACT_FORM, "", None, (), ())


def test_done_note_undo_and_progress(capsys, data_dir, site_id):
    assert run_cli(capsys, "done", str(site_id), "2", "--note", "sent by web form").code == 0
    record = records(data_dir, site_id)[2]
    assert record.done and record.note == "sent by web form" and record.done_at
    listed = run_cli(capsys, "list", "--json").json()
    assert next(a for a in listed if a["id"] == site_id)["done"] == 1

    again = run_cli(capsys, "done", str(site_id), "2")  # marking again keeps time and note
    assert again.code == 0 and records(data_dir, site_id)[2].done_at == record.done_at
    assert records(data_dir, site_id)[2].note == "sent by web form"

    assert "open again" in run_cli(capsys, "undo", str(site_id), "2").out
    assert 2 not in records(data_dir, site_id) or not records(data_dir, site_id)[2].done
    assert "was not marked done" in run_cli(capsys, "undo", str(site_id), "2").out
    assert run_cli(capsys, "done", str(site_id), "99").code == 1
    assert run_cli(capsys, "done", "9999", "1").code == 1


def test_calls_count_only_when_someone_was_reached(capsys, data_dir, site_id):
    result = run_cli(
        capsys, "call", str(site_id), "2", "--official", "Patty Murray", "--outcome", "unavailable"
    )
    assert "stays open" in result.out
    record = records(data_dir, site_id)[2]
    assert not record.done and record.reached == ()
    run_cli(
        capsys, "call", str(site_id), "2", "--official", "Maria Cantwell", "--outcome", "voicemail"
    )
    with Session.open(data_dir) as session:
        letter_id = session.deliver_letter(site_id, 2, letter_to("Pramila Jayapal"), Route.COPY)
        session.mark_letter_sent(letter_id)
    record = records(data_dir, site_id)[2]
    assert record.reached == ("Maria Cantwell", "Pramila Jayapal")  # 2 of 3 officials
    assert [c[1] for c in record.calls] == ["unavailable", "voicemail"]
    bad = run_cli(capsys, "call", str(site_id), "2", "--official", "X", "--outcome", "maybe")
    assert bad.code == 2


def test_activity_follow_ups_and_streak(capsys, data_dir, site_id):
    run_cli(capsys, "done", str(site_id), "1")
    run_cli(
        capsys, "call", str(site_id), "2", "--official", "Patty Murray", "--outcome", "contacted"
    )
    yesterday = (date.today() - timedelta(days=1)).isoformat()
    run_cli(capsys, "follow-up", str(site_id), "5", yesterday)
    run_cli(capsys, "follow-up", str(site_id), "6", "2999-01-01")
    summary = run_cli(capsys, "activity", "--json").json()
    assert (summary["actions_done"], summary["calls"], summary["letters_sent"]) == (1, 1, 0)
    assert summary["streak_days"] == 1
    assert summary["weekly"][-1][1] == 2 and len(summary["weekly"]) == 12
    assert [(d[0], d[2]) for d in summary["follow_ups_due"]] == [(site_id, 5)]
    run_cli(capsys, "done", str(site_id), "5")
    assert run_cli(capsys, "activity", "--json").json()["follow_ups_due"] == []
    assert run_cli(capsys, "follow-up", str(site_id), "5", "soon").code == 2
    text = run_cli(capsys, "activity").out
    assert text.startswith("Actions done: 2   Letters sent: 0   Calls: 1   Streak: 1 day(s)")


def test_streak_counts_consecutive_days(data_dir, site_id):
    today = date.today()
    with Session.open(data_dir, today=lambda: today) as session:
        for days_ago in (1, 2, 4):
            call = session.log_call(site_id, 2, "Someone", CallOutcome.CONTACTED)
            backdate_call(data_dir, call, today - timedelta(days=days_ago))
        assert session.activity().streak_days == 2  # yesterday and the day before


def backdate_call(data_dir: Path, call_id: int, day: date) -> None:
    """Move a logged call into the past (the app only ever stamps calls with now)."""
    db = sqlite3.connect(library_path(data_dir))
    with db:
        db.execute("UPDATE calls SET called_at = ? WHERE id = ?", (f"{day}T12:00:00", call_id))
    db.close()


def test_export_json_and_csv(capsys, data_dir, site_id, tmp_path):
    run_cli(capsys, "done", str(site_id), "2", "--note", "emailed")
    data = json.loads(run_cli(capsys, "export").out)
    row = next(r for r in data["actions"] if r["article_id"] == site_id and r["action"] == 2)
    assert row["done"] is True and row["note"] == "emailed" and row["action_title"]
    out = tmp_path / "export.csv"
    assert run_cli(capsys, "export", "--format", "csv", "-o", str(out)).code == 0
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert len(rows) == 8 + 8 + 3  # every action of the three seed articles
    assert (
        next(r for r in rows if r["article_id"] == str(site_id) and r["action"] == "2")["done"]
        == "True"
    )


def test_backup_restores_on_a_fresh_data_folder(capsys, data_dir, site_id, tmp_path, monkeypatch):
    run_cli(capsys, "done", str(site_id), "2", "--note", "kept")
    backup_file = tmp_path / "backups" / "advocate.sqlite3"
    assert run_cli(capsys, "backup", str(backup_file)).code == 0

    fresh = tmp_path / "another-computer"
    monkeypatch.setenv("ADVOCATE_DATA_DIR", str(fresh))
    result = run_cli(capsys, "restore", str(backup_file))
    assert result.code == 0, result.err
    assert len(run_cli(capsys, "list", "--json").json()) == 3
    assert records(fresh, site_id)[2].note == "kept"


def test_restore_refuses_newer_and_damaged_backups(capsys, data_dir, site_id, tmp_path):
    backup_file = tmp_path / "b.sqlite3"
    run_cli(capsys, "backup", str(backup_file))
    db = sqlite3.connect(backup_file)
    db.execute("PRAGMA user_version = 77")
    db.commit()
    db.close()
    result = run_cli(capsys, "restore", str(backup_file))
    assert result.code == 1 and "newer version of Advocate" in result.err
    assert len(run_cli(capsys, "list", "--json").json()) == 3  # nothing changed
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"not a database at all" * 50)
    assert "not an Advocate backup" in run_cli(capsys, "restore", str(junk)).err
    assert "no backup file" in run_cli(capsys, "restore", str(tmp_path / "none")).err


def test_reimporting_keeps_tracking(capsys, data_dir, seeds, site_id):
    run_cli(capsys, "done", str(site_id), "3")
    run_cli(capsys, "import", str(seeds))
    assert records(data_dir, site_id)[3].done


WRITER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    import sqlite3
    from advocate_app.core.session import Session
    from advocate_app.core.store.tracking import CallOutcome

    path = Path(sys.argv[1])
    counting = sqlite3.connect(path)
    start = counting.execute("SELECT count(*) FROM calls").fetchone()[0]
    counting.close()
    session = Session.open(path.parent)
    article_id = int(sys.argv[2])
    for i in range(start + 1, start + 100000):
        session.log_call(article_id, 2, f"Official {i}", CallOutcome.CONTACTED)
        session.set_done(article_id, 1, bool(i % 2))
        print(i, flush=True)  # written after the commit: this many calls are saved
    """
)


def test_killing_the_app_while_it_writes_never_damages_the_library(data_dir, site_id, tmp_path):
    script = tmp_path / "writer.py"
    script.write_text(WRITER, encoding="utf-8")
    path = library_path(data_dir)
    rng = random.Random(1)
    last_reported = 0
    for _ in range(6):
        child = subprocess.Popen(
            [sys.executable, str(script), str(path), str(site_id)],
            stdout=subprocess.PIPE,
            text=True,
            cwd=REPO_ROOT,
        )
        assert child.stdout is not None
        first = child.stdout.readline()  # running and writing
        assert first.strip().isdigit(), first
        time.sleep(rng.uniform(0.05, 0.4))
        child.send_signal(signal.SIGKILL)
        output, _ = child.communicate()
        lines = [first, *output.splitlines()]
        last_reported = int([line for line in lines if line.strip()][-1])

        db = sqlite3.connect(path)
        try:
            assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            calls = db.execute("SELECT count(*) FROM calls").fetchone()[0]
        finally:
            db.close()
        # Everything reported as saved is there; at most the change in flight is extra.
        assert last_reported <= calls <= last_reported + 1
    assert last_reported > 10
