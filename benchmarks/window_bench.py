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

RUNS = 5


def _child_env() -> dict[str, str]:
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
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
    bare = [_timed_child(["bare"])[0] for _ in range(RUNS)]
    app_runs = [_timed_child(["app", str(data_dir)]) for _ in range(RUNS)]
    app_ms = [ms for ms, _ in app_runs]
    _, switching = _timed_child(["switch", str(data_dir)])
    _, huge = _timed_child(["huge", str(data_dir.parent / "huge")])
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
    }


# --- child processes ---------------------------------------------------------------
def _rss_mb() -> float:
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


def _app(data_dir: Path) -> dict[str, float]:
    window, instance = _open_window(data_dir)
    assert window.list_pane.model.rowCount() >= 1000
    instance.close()
    return {"rss_mb": _rss_mb()}


def _switch(data_dir: Path) -> dict[str, float]:
    from PySide6.QtWidgets import QApplication

    window, instance = _open_window(data_dir)
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
    pane = window.list_pane
    row = next(
        r for r in range(pane.model.rowCount()) if pane.model.index(r).data() == "Many actions"
    )
    pane.select_row(1 - row)  # another article first
    QApplication.processEvents()
    before = _current_rss_mb()
    started = time.perf_counter()
    pane.select_row(row)
    window.grab()  # shown and painted
    QApplication.processEvents()
    shown = (time.perf_counter() - started) * 1000
    instance.close()
    return {"show_ms": round(shown), "more_mb": round(_current_rss_mb() - before, 1)}


if __name__ == "__main__":
    mode = sys.argv[1]
    folder = Path(sys.argv[2]) if len(sys.argv) > 2 else None
    children = {
        "bare": _bare,
        "app": lambda: _app(folder),
        "switch": lambda: _switch(folder),
        "huge": lambda: _huge(folder),
    }
    print(json.dumps(children[mode]()), flush=True)
    # Measured up to a usable window; tearing down the interpreter is not part of it.
    os._exit(0)
