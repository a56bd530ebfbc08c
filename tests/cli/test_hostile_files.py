"""Files that are not what they seem, a killed import, a full disk, and files kept private."""

from __future__ import annotations

import errno
import os
import signal
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from advocate_app.core import fs
from tests.support.cli import run_cli
from tests.support.paths import REPO_ROOT


def test_devices_and_pipes_are_refused_at_once(capsys, tmp_path):
    pipe = tmp_path / "pipe.txt"
    os.mkfifo(pipe)
    started = time.monotonic()
    for path, reason in (
        ("/dev/zero", "not an ordinary file"),
        (str(pipe), "not an ordinary file"),
        ("/dev/null", "not an ordinary file"),
    ):
        result = run_cli(capsys, "import", path)
        assert result.code == 1 and reason in result.err, (path, result.err)
    assert time.monotonic() - started < 5  # no hang on the pipe, no reading /dev/zero
    assert run_cli(capsys, "list", "--json").json() == []


def test_a_file_larger_than_it_says_is_cut_off_while_reading(tmp_path, monkeypatch):
    """The size is checked as the bytes arrive, not only from what the file system says."""
    path = tmp_path / "grows.txt"
    path.write_bytes(b"x" * 100)
    with pytest.raises(fs.FileProblem, match="too large"):
        fs.read_small_file(path, max_bytes=50)


def test_a_killed_import_leaves_no_process_behind(tmp_path, seeds):
    folder = tmp_path / "many"
    folder.mkdir()
    text = (seeds / "001_c58c9c95f498da18.txt").read_text(encoding="utf-8")
    for n in range(600):  # enough to use worker processes
        (folder / f"{n:04}.txt").write_text(text.replace("Trump-Putin", f"Talks {n}"), "utf-8")
    env = {**os.environ, "ADVOCATE_DATA_DIR": str(tmp_path / "data")}
    child = subprocess.Popen(
        [sys.executable, "-m", "advocate_app.cli", "import", str(folder)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        env=env,
        cwd=REPO_ROOT,
        start_new_session=True,  # its own process group: every helper it starts is in it
    )
    assert child.stdout is not None
    child.stdout.readline()  # it is importing
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    group = child.pid
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline and _in_group(group):
        time.sleep(0.1)
    assert _in_group(group) == []
    closed = threading.Event()
    threading.Thread(target=lambda: (child.stdout.read(), closed.set()), daemon=True).start()
    assert closed.wait(2), "a helper still holds the caller's output open"


def _in_group(group: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[2]) == group and fields[0] != "Z":  # pgrp, not yet a zombie
            found.append(int(entry.name))
    return found


def test_a_full_disk_leaves_every_old_file_whole(capsys, seeds, tmp_path, data_dir, monkeypatch):
    run_cli(capsys, "import", str(seeds))
    export = tmp_path / "export.json"
    export.write_text("what was there before", encoding="utf-8")
    assert run_cli(capsys, "profile", "set", "--first-name", "Ada").code == 0
    profile_before = (data_dir / "profile.json").read_bytes()

    def no_space(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(fs, "_write_all", no_space)
    for args in (
        ("export", "-o", str(export)),
        ("profile", "set", "--first-name", "Grace"),
        ("feeds", "export", "-o", str(export)),
    ):
        result = run_cli(capsys, *args)
        assert result.code == 1 and "the disk is full; nothing was changed" in result.err, args
        assert "Traceback" not in result.err and len(result.err.strip().splitlines()) <= 2
    assert export.read_text(encoding="utf-8") == "what was there before"  # not truncated
    assert (data_dir / "profile.json").read_bytes() == profile_before
    assert not list(tmp_path.glob(".export.json.*")) and not list(data_dir.glob(".*.part"))


def test_a_failed_backup_leaves_no_partial_file(capsys, seeds, tmp_path, monkeypatch):
    run_cli(capsys, "import", str(seeds))
    import sqlite3

    from advocate_app.core.store import backup

    def no_space(connection, target):
        target.write_bytes(b"half a copy")
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(backup, "_copy_database", no_space)
    result = run_cli(capsys, "backup", str(tmp_path / "copy.sqlite3"))
    assert result.code == 1 and "disk is full" in result.err and "Traceback" not in result.err
    assert list(tmp_path.glob("*copy*")) == []


def test_everything_advocate_keeps_is_private(capsys, seeds, tmp_path, data_dir):
    run_cli(capsys, "import", str(seeds))
    run_cli(capsys, "profile", "set", "--first-name", "Ada")
    run_cli(capsys, "backup", str(data_dir / "manual.sqlite3"))
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    run_cli(capsys, "export", "-o", str(elsewhere / "did.json"))
    assert stat.S_IMODE(data_dir.stat().st_mode) == 0o700
    kept = [p for p in data_dir.rglob("*") if p.is_file()] + [elsewhere / "did.json"]
    assert {p.name for p in kept} >= {"library.sqlite3", "profile.json", "manual.sqlite3"}
    loose = [p.name for p in kept if stat.S_IMODE(p.stat().st_mode) & 0o077]
    assert loose == []


def test_titles_cannot_rewrite_the_terminal(capsys, tmp_path):
    article = tmp_path / "escape\x1b[2J.txt"
    article.write_text(
        "The \x1b[31mred\x1b[0m headline\n\n"
        + "A sentence of the article, long enough to count as one. " * 8,
        encoding="utf-8",
    )
    result = run_cli(capsys, "import", str(article))
    listed = run_cli(capsys, "list").out
    assert "\x1b" not in result.out + result.err + listed
    assert "?[31mred" in listed
