"""Window benchmarks: start-up against a bare PySide6 window, memory, and article switching.

Each start-up is a fresh process, timed from launch until the window has been
shown and painted; the bare window is the floor that any Qt app pays.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

RUNS = 7  # each start-up alternates with a bare window, so both meet the same machine


def _child_env() -> dict[str, str]:
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    # An installed app starts from compiled bytecode (pip writes it); so does the floor's
    # PySide6. Without caches every start would compile Advocate's modules again.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def _timed_child(args: list[str]) -> tuple[float, dict[str, float]]:
    started = time.perf_counter()
    child = subprocess.run(
        [sys.executable, __file__, *args], capture_output=True, text=True, env=_child_env()
    )
    if child.returncode != 0:
        raise RuntimeError(f"benchmark child {args[0]} failed:\n{child.stderr[-3000:]}")
    output = child.stdout
    elapsed = (time.perf_counter() - started) * 1000
    return elapsed, json.loads(output.strip().splitlines()[-1])


def bench_window(data_dir: Path) -> dict[str, float]:
    from advocate_app.core.session import Session

    # The day's automatic backup is made once, in the background, by the day's first start;
    # the starts measured here are the others (a child that exits at once never finishes it).
    with Session.open(data_dir) as session:
        session.auto_backup_if_due()
    bare, app_runs = [], []
    _timed_child(["app", str(data_dir)])  # writes the bytecode caches, as installing does
    for _ in range(RUNS):
        bare.append(_timed_child(["bare"])[0])
        app_runs.append(_timed_child(["app", str(data_dir)]))
    app_ms = [ms for ms, _ in app_runs]
    _, switching = _timed_child(["switch", str(data_dir)])
    _, huge = _timed_child(["huge", str(data_dir.parent / "huge")])
    _, typing = _timed_child(["typing", str(data_dir)])
    return {
        "startup_bare_ms": round(statistics.median(bare)),
        "startup_app_ms": round(statistics.median(app_ms)),
        "startup_ratio": round(statistics.median(app_ms) / statistics.median(bare), 2),
        "rss_mb": round(max(info["rss_mb"] for _, info in app_runs), 1),
        "rss_after_browsing_mb": switching["rss_mb"],
        "show_article_p50_ms": switching["p50_ms"],
        "show_article_p95_ms": switching["p95_ms"],
        "show_999_actions_ms": huge["show_ms"],
        "show_999_actions_more_mb": huge["more_mb"],
        "typing_10k_letter_p95_ms": typing["keystroke_p95_ms"],
        "typing_10k_letter_max_ms": typing["keystroke_max_ms"],
        "draft_save_ui_max_ms": typing["save_ui_max_ms"],
        "draft_save_total_ms": typing["save_total_ms"],
    }


# --- child processes ---------------------------------------------------------------
def _rss_mb() -> float:
    """This process's peak resident memory. Read from /proc (VmHWM): getrusage's figure also
    counts the parent's memory before the child started, up to the benchmark's own size."""
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return round(int(line.split()[1]) / 1024, 1)
    import resource

    kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return round(kib / 1024, 1)


def _current_rss_mb() -> float:
    pages = int(Path("/proc/self/statm").read_text().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 1_048_576


def _bare() -> dict[str, float]:
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication([])
    window = QMainWindow()
    window.resize(1360, 840)
    window.show()
    window.grab()  # painted once
    app.processEvents()
    return {"rss_mb": _rss_mb()}


def _open_window(data_dir: Path):
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from advocate_app.gui import app as app_module

    settings = QSettings(str(data_dir / "bench-settings.ini"), QSettings.Format.IniFormat)
    result = app_module.start(["--data-dir", str(data_dir)], settings=settings)
    assert not isinstance(result, int), "the window did not open"
    window, instance = result
    window.grab()
    QApplication.processEvents()
    return window, instance


def _whole_list(window) -> None:  # noqa: ANN001 - a MainWindow
    """Until the rest of a long list has come from the background."""
    from PySide6.QtCore import QEventLoop
    from PySide6.QtWidgets import QApplication

    while not (window.list_pane.model.complete and window.list_pane.settled):
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 50)


def _app(data_dir: Path) -> dict[str, float]:
    window, instance = _open_window(data_dir)
    # Painted with the list's first rows (the rest comes from the background).
    # (Checked without counting the library: a count reads 100,000 rows, and is not start-up.)
    model = window.list_pane.model
    assert model.rowCount() >= 500 or (model.complete and model.rowCount() > 0)
    instance.close()
    return {"rss_mb": _rss_mb()}


def _switch(data_dir: Path) -> dict[str, float]:
    from PySide6.QtWidgets import QApplication

    window, instance = _open_window(data_dir)
    _whole_list(window)
    pane = window.list_pane
    timings = []
    for row in range(0, min(pane.model.rowCount(), 4000), 40):  # spread over the list
        started = time.perf_counter()
        pane.select_row(row)
        QApplication.processEvents()
        timings.append((time.perf_counter() - started) * 1000)
    timings.sort()
    instance.close()
    return {
        "p50_ms": round(statistics.median(timings), 1),
        "p95_ms": round(timings[int(0.95 * (len(timings) - 1))], 1),
        "rss_mb": _rss_mb(),
    }


def _huge(data_dir: Path) -> dict[str, float]:
    """Open an article with 999 actions: the time until it is shown, and the memory it took."""
    from PySide6.QtWidgets import QApplication

    from advocate_app.core.session import Session

    items = " ".join(
        f"{n}. **Action {n}**: - **What to Say**: Write to your senators about item {n}."
        for n in range(1, 1000)
    )
    data_dir.mkdir(parents=True, exist_ok=True)
    source = data_dir / "many.txt"
    source.write_text(
        "Many actions\n\nexample.org -- Tuesday, March 4, 2025, 10:05:00 AM Eastern Standard "
        "Time\nCategories: Health\n" + "Text of the article. " * 30 + f"\n\nTo Do:\n\n{items}\n",
        encoding="utf-8",
    )
    with Session.open(data_dir) as session:
        session.import_paths([source])
    window, instance = _open_window(data_dir)
    _whole_list(window)
    pane = window.list_pane
    row = pane.model.row_of(window.session.library.ids_by_title(["Many actions"])["Many actions"])
    assert row is not None
    pane.select_row(1 if row == 0 else 0)  # another article first
    QApplication.processEvents()
    before = _current_rss_mb()
    started = time.perf_counter()
    pane.select_row(row)
    window.grab()  # shown and painted
    QApplication.processEvents()
    shown = (time.perf_counter() - started) * 1000
    instance.close()
    return {"show_ms": round(shown), "more_mb": round(_current_rss_mb() - before, 1)}


def _typing(data_dir: Path) -> dict[str, float]:
    """Typing into a 10,000-character letter: what each keystroke costs the window's thread
    (the checks, the highlights, noting the draft), and what saving the draft costs it."""
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    window, instance = _open_window(data_dir)
    session = window.session
    article_id, number = next(
        (summary.id, action.number)
        for summary in session.library.list()
        for action in session.article(summary.id).article.actions
        if action.contacts_officials
    )
    from advocate_app.core.officials.model import MyOfficials, OfficeKind, Official
    from advocate_app.core.profile.model import Profile
    from advocate_app.gui.letters.composer import ComposerDialog

    senator = Official(
        "Ann Alder", "Senator", "Dear Senator Alder", OfficeKind.SENATOR, bioguide="B1"
    )
    stored, action = session.action(article_id, number)
    composer = ComposerDialog(
        window.context, stored, action, MyOfficials(senators=(senator,)), Profile(), window,
        only=senator,
    )  # fmt: skip
    composer.show()
    page = composer.pages[0]
    paragraph = "My neighbours and I depend on this. " * 14  # about 500 characters
    page.body.setPlainText(
        "Dear Senator Alder,\n\n[Why this matters to you]\n\n" + (paragraph + "\n\n") * 20
    )
    QApplication.processEvents()
    keystrokes = []
    for _ in range(200):
        started = time.perf_counter()
        page.body.insertPlainText("y")
        keystrokes.append((time.perf_counter() - started) * 1000)
    keeper = composer.drafts
    saves_ui, totals = [], []
    for n in range(20):
        page.body.insertPlainText(str(n))
        started = time.perf_counter()
        keeper.flush()
        saves_ui.append((time.perf_counter() - started) * 1000)
        loop = QEventLoop()
        while window.tasks.busy():
            QTimer.singleShot(1, loop.quit)
            loop.exec()
        totals.append((time.perf_counter() - started) * 1000)
    keystrokes.sort()
    instance.close()
    return {
        "keystroke_p95_ms": round(keystrokes[int(0.95 * (len(keystrokes) - 1))], 2),
        "keystroke_max_ms": round(keystrokes[-1], 2),
        "save_ui_max_ms": round(max(saves_ui), 2),
        "save_total_ms": round(statistics.median(totals), 1),
    }


if __name__ == "__main__":
    mode = sys.argv[1]
    folder = Path(sys.argv[2]) if len(sys.argv) > 2 else None
    children = {
        "bare": _bare,
        "app": lambda: _app(folder),
        "switch": lambda: _switch(folder),
        "huge": lambda: _huge(folder),
        "typing": lambda: _typing(folder),
    }
    print(json.dumps(children[mode]()), flush=True)
    # Measured up to a usable window; tearing down the interpreter is not part of it.
    os._exit(0)
