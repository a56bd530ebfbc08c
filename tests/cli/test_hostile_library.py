"""Backups that carry traps, and a library that is damaged: a restore rebuilds and never
trusts; a damaged library is caught before anything is written to it, and can be rebuilt."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from advocate_app.core.paths import library_path
from tests.support.cli import run_cli


@pytest.fixture
def backup(capsys, seeds, tmp_path) -> Path:
    run_cli(capsys, "import", str(seeds))
    site = next(a["id"] for a in run_cli(capsys, "list", "--json").json() if "Putin" in a["title"])
    run_cli(capsys, "done", str(site), "2", "--note", "kept")
    path = tmp_path / "backup.sqlite3"
    assert run_cli(capsys, "backup", str(path)).code == 0
    return path


def tamper(path: Path, *statements: str) -> None:
    db = sqlite3.connect(path)
    with db:
        for statement in statements:
            db.execute(statement)
    db.close()


def test_a_backup_with_a_trigger_restores_the_data_not_the_trigger(capsys, backup, data_dir):
    tamper(
        backup,
        "CREATE TRIGGER wipe AFTER INSERT ON action_status BEGIN DELETE FROM articles; END",
        "CREATE TABLE stowaway (x)",
        "ALTER TABLE articles ADD COLUMN extra TEXT",
    )
    result = run_cli(capsys, "restore", str(backup))
    assert result.code == 0, result.err
    assert "trigger wipe" in result.err and "table stowaway" in result.err
    assert "column articles.extra" in result.err
    listed = run_cli(capsys, "list", "--json").json()
    assert len(listed) == 3 and sum(a["done"] for a in listed) == 1
    run_cli(capsys, "done", str(listed[0]["id"]), "1")  # the trap would empty the library now
    assert len(run_cli(capsys, "list", "--json").json()) == 3
    db = sqlite3.connect(library_path(data_dir))
    names = {r[0] for r in db.execute("SELECT name FROM sqlite_master")}
    db.close()
    assert "wipe" not in names and "stowaway" not in names


def test_a_view_cannot_pass_for_a_table(capsys, backup):
    tamper(
        backup,
        "DROP TABLE feed_entries",
        "DROP TABLE feeds",
        "CREATE VIEW feeds AS SELECT 1 AS id, 'http://evil.example/' AS url, 'Fake' AS title,"
        " NULL AS etag, NULL AS last_modified, NULL AS checked_at, NULL AS error",
    )
    result = run_cli(capsys, "restore", str(backup))
    assert result.code == 1 and "lacks the feeds table" in result.err
    assert len(run_cli(capsys, "list", "--json").json()) == 3  # nothing changed
    assert run_cli(capsys, "feeds", "list", "--json").json() == []


def test_a_backup_without_tables_is_refused(capsys, backup, tmp_path):
    empty = tmp_path / "empty.sqlite3"
    shutil.copy(backup, empty)
    db = sqlite3.connect(empty)
    tables = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    with db:
        for table in tables:
            if not table.startswith("articles_fts"):
                db.execute(f'DROP TABLE IF EXISTS "{table}"')
    db.close()
    result = run_cli(capsys, "restore", str(empty))
    assert result.code == 1 and "is not a whole Advocate backup" in result.err
    assert run_cli(capsys, "list", "--json").code == 0  # every command still works


def damage(path: Path) -> None:
    """Write 8 KB of noise into the middle of the file, as a failing disk would."""
    size = path.stat().st_size
    with open(path, "r+b") as file:
        file.seek(size // 2 - 4096)
        file.write(bytes((n * 37 + 11) % 256 for n in range(8192)))


@pytest.fixture
def damaged(capsys, seeds, data_dir) -> Path:
    run_cli(capsys, "import", str(seeds))
    assert run_cli(capsys, "done", "1", "1").code == 0  # keeps today's automatic backup
    db = sqlite3.connect(library_path(data_dir))
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    damage(library_path(data_dir))
    return library_path(data_dir)


def test_a_damaged_library_is_never_written_to(capsys, damaged, seeds, tmp_path):
    before = damaged.read_bytes()
    for args in (("done", "1", "2"), ("import", str(seeds)), ("feeds", "import", "x.opml")):
        result = run_cli(capsys, *args)
        assert result.code == 1 and "is damaged" in result.err, args
        assert "advocate restore --latest" in result.err and "Traceback" not in result.err
    assert damaged.read_bytes() == before
    copy = run_cli(capsys, "backup", str(tmp_path / "copy.sqlite3"))
    assert copy.code == 1 and "damaged" in copy.err and not (tmp_path / "copy.sqlite3").exists()


def test_a_damaged_library_is_rebuilt_from_the_latest_automatic_backup(capsys, damaged, data_dir):
    assert len(list((data_dir / "backups").glob("auto-*.sqlite3"))) == 1
    result = run_cli(capsys, "restore", "--latest")
    assert result.code == 0, result.err
    assert "library.damaged." in result.out
    assert len(list(data_dir.glob("library.damaged.*.sqlite3"))) == 1  # kept, not deleted
    listed = run_cli(capsys, "list", "--json").json()
    # The day's automatic backup is taken after its first change (the import), so it holds
    # the articles but not the action marked done afterwards.
    assert len(listed) == 3 and sum(a["done"] for a in listed) == 0
    assert run_cli(capsys, "done", str(listed[0]["id"]), "2").code == 0


def test_salvage_keeps_what_can_be_read(capsys, damaged, data_dir):
    result = run_cli(capsys, "salvage")
    assert result.code == 0, result.err
    assert "Salvaged" in result.out and "the damaged one is kept" in result.out
    assert run_cli(capsys, "list", "--json").code == 0
    assert run_cli(capsys, "import", str(data_dir.parent)).code in (0, 1)  # it takes writes


def test_restoring_keeps_a_safety_copy_and_automatic_backups_roll(capsys, backup, data_dir):
    from advocate_app.core.session import Session
    from advocate_app.core.store.backup import AUTO_KEEP, auto_backups

    with Session.open(data_dir) as session:
        for day in range(1, 12):
            session.today = lambda day=day: __import__("datetime").date(2026, 11, day)
            session.auto_backup_if_due()
        kept = auto_backups(data_dir)
    assert len(kept) == AUTO_KEEP  # today's (from the fixture's commands) and the six newest
    assert [p.name for p in kept[1:3]] == ["auto-2026-11-11.sqlite3", "auto-2026-11-10.sqlite3"]
    result = run_cli(capsys, "restore", str(backup))
    assert result.code == 0 and list(data_dir.glob("library.before-restore.*.bak"))
