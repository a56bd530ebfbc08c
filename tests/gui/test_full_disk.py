"""A full disk, for real: a 2 MB tmpfs in a private mount namespace, filled to the last byte.

The window and the reading commands still open the library (as last saved), say that nothing
can be saved and why; the writing commands refuse in one line; once space is freed everything
is there and whole.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys

import pytest

from tests.support.paths import REPO_ROOT


def _namespace_command() -> list[str] | None:
    """`unshare` with a mount namespace of its own (and a user namespace when not root), or
    None where this machine allows neither."""
    unshare = shutil.which("unshare")
    if unshare is None or sys.platform != "linux":
        return None
    command = [unshare, "--mount"] + ([] if os.geteuid() == 0 else ["--map-root-user"])
    probe = subprocess.run(
        [
            *command,
            "sh",
            "-c",
            'd=$(mktemp -d) && mount -t tmpfs tmpfs "$d" && umount "$d" && rmdir "$d"',
        ],
        capture_output=True,
        check=False,
    )
    return command if probe.returncode == 0 else None


SCRIPT = r"""
set -u
disk="$1"; out="$2"; shift 2
mount -t tmpfs -o size=2m tmpfs "$disk" || exit 90
cli() { "$PYTHON" -m advocate_app.cli --data-dir "$disk" "$@"; }
cli import "$SEED1" "$SEED2" > /dev/null 2>&1 || exit 91
dd if=/dev/zero of="$disk/filler" bs=4k 2>/dev/null
"$PYTHON" -m tests.support.window_on_full_disk "$disk" "$out/settings.ini" \
    > "$out/window.out" 2> "$out/window.err"; echo $? > "$out/window.rc"
cli list > "$out/list.out" 2> "$out/list.err"; echo $? > "$out/list.rc"
cli import "$SEED3" > "$out/import.out" 2> "$out/import.err"; echo $? > "$out/import.rc"
cli profile set --city Olympia > "$out/profile.out" 2> "$out/profile.err"
echo $? > "$out/profile.rc"
rm "$disk/filler"
cli list > "$out/after.out" 2> "$out/after.err"; echo $? > "$out/after.rc"
cp "$disk/library.sqlite3" "$out/library-copy.sqlite3"
"""


def test_a_full_disk_is_read_and_said_never_a_traceback(tmp_path, seeds):
    command = _namespace_command()
    if command is None:
        if os.environ.get("ADVOCATE_REQUIRE_SHARED"):  # CI runs as a user who can
            pytest.fail("CI must be able to make a small tmpfs in a mount namespace")
        pytest.skip("this machine cannot mount a small tmpfs in a namespace")
    disk, out = tmp_path / "disk", tmp_path / "out"
    disk.mkdir()
    out.mkdir()
    names = sorted(p for p in seeds.glob("*.txt"))
    env = {
        **os.environ,
        "PYTHON": sys.executable,
        "SEED1": str(names[0]),
        "SEED2": str(names[1]),
        "SEED3": str(names[2]),
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
        "PYTHONPATH": str(REPO_ROOT),
    }
    done = subprocess.run(
        [*command, "bash", "-c", SCRIPT, "full-disk", str(disk), str(out)],
        cwd=REPO_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )
    assert done.returncode == 0, done.stderr

    def read(name: str) -> str:
        return (out / name).read_text(encoding="utf-8")

    # The window opens on what was there and says why nothing can be saved.
    assert read("window.rc").strip() == "0", read("window.out") + read("window.err")
    window = read("window.out")
    assert "articles: 2" in window
    assert "disk that holds your library is full" in window
    assert "after starring: Nothing can be saved: the disk that holds your library is full" in (
        window
    )
    assert "Traceback" not in read("window.err")

    # Reading works; writing refuses in one plain line.
    assert read("list.rc").strip() == "0" and len(read("list.out").splitlines()) >= 2
    for command_name in ("import", "profile"):
        assert read(f"{command_name}.rc").strip() == "1"
        err = read(f"{command_name}.err")
        assert "Traceback" not in err and len(err.strip().splitlines()) == 1, err
        assert "disk is full" in err or "disk that holds your library" in err, err

    # With space again, everything is there and whole.
    assert read("after.rc").strip() == "0"
    assert read("after.out") == read("list.out")
    copy = sqlite3.connect(out / "library-copy.sqlite3")
    assert copy.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    copy.close()
