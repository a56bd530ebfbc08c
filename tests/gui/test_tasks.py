"""Background work: one runner, each task with its own progress, errors said once, and waits
(the keychain, the officials) kept off the window's thread."""

from __future__ import annotations

import json
import threading
import time

from advocate_app.core.profile.model import Profile
from tests.support.data import MemoryKeyring


def test_two_tasks_keep_their_own_progress(open_window, tmp_path, qtbot):
    window = open_window(tmp_path / "data" / "library.sqlite3")
    release = threading.Event()

    def slow_import(report, cancelled):
        report("file 3", 3, 10)
        release.wait(10)
        return "imported"

    def quick_fetch(report, cancelled):
        report("page", 1, 1)
        return "fetched"

    done: list[str] = []
    assert window.tasks.run("import", "Importing", slow_import, on_done=done.append)
    qtbot.waitUntil(lambda: window.task_panel.rows["import"].bar.value() == 3, timeout=5000)
    assert window.tasks.run("web", "Fetching", quick_fetch, on_done=done.append)
    assert not window.tasks.run("web", "Fetching again", quick_fetch)  # one per kind at a time
    qtbot.waitUntil(lambda: done == ["fetched"], timeout=5000)

    # The fetch ended; the import's own progress is still there and still right.
    row = window.task_panel.rows["import"]
    assert window.task_panel.isVisible() and list(window.task_panel.rows) == ["import"]
    assert (row.bar.value(), row.bar.maximum()) == (3, 10)
    assert row.label.text() == "Importing: file 3"
    release.set()
    qtbot.waitUntil(lambda: done == ["fetched", "imported"], timeout=5000)
    assert not window.task_panel.isVisible() and window.task_panel.rows == {}


def test_a_failing_task_is_reported_once_in_plain_words(open_window, tmp_path, qtbot):
    window = open_window(tmp_path / "data" / "library.sqlite3")

    def broken(report, cancelled):
        raise OSError("the disk is full")

    assert window.tasks.run("export", "Exporting", broken)
    qtbot.waitUntil(lambda: not window.tasks.busy(), timeout=5000)
    assert window.notices == [("Exporting did not finish", "the disk is full", "")]


def test_cancel_reaches_the_task(open_window, tmp_path, qtbot):
    window = open_window(tmp_path / "data" / "library.sqlite3")
    seen: list[bool] = []

    def patient(report, cancelled):
        while not cancelled():
            time.sleep(0.01)
        seen.append(True)
        return None

    window.tasks.run("import", "Importing", patient)
    qtbot.waitUntil(lambda: "import" in window.task_panel.rows, timeout=2000)
    window.task_panel.rows["import"].cancel.click()
    qtbot.waitUntil(lambda: not window.tasks.busy(), timeout=5000)
    assert seen == [True]


class SlowKeyring(MemoryKeyring):
    """A keychain that takes its time to answer, as a locked one waiting for a password does."""

    def get_password(self, service, username):
        time.sleep(1.0)
        return super().get_password(service, username)

    def set_password(self, service, username, password):
        time.sleep(1.0)
        super().set_password(service, username, password)


def test_a_slow_keychain_never_freezes_the_window(open_window, tmp_path, qtbot, use_keyring):
    use_keyring(SlowKeyring())
    window = open_window(tmp_path / "data" / "library.sqlite3")
    started = time.monotonic()
    window.actions_.profile.trigger()  # Your Details…
    window.officials.show_officials()  # Your Officials (reads the details too)
    assert time.monotonic() - started < 0.3  # the window went on at once
    assert set(window.task_panel.rows) >= {"profile", "officials"}
    with qtbot.waitSignal(window.officials.profile_dialog_opened, timeout=5000) as opened:
        pass
    opened.args[0].reject()


def test_saving_the_profile_waits_in_the_background(open_window, tmp_path, qtbot, use_keyring):
    backend = use_keyring(SlowKeyring())
    window = open_window(tmp_path / "data" / "library.sqlite3")
    with qtbot.waitSignal(window.officials.profile_dialog_opened, timeout=5000) as opened:
        window.officials.edit_profile()
    dialog = opened.args[0]
    dialog.edits["first_name"].setText("Ada")
    started = time.monotonic()
    with qtbot.waitSignal(window.officials.profile_saved, timeout=5000):
        dialog.accept()
        assert time.monotonic() - started < 0.3
    (secret,) = backend.secrets.values()
    assert Profile.from_dict(json.loads(secret)) == Profile(first_name="Ada")
