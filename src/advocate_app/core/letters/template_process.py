"""The app's side of the template worker: start it when first needed, send it requests, wait
no longer than the time limit, and start a new one after it is killed or dies.

A template that loops without end, or asks for a number with a hundred million digits, costs
at most TIME_LIMIT_SECONDS of waiting and never the app's own memory.
"""

from __future__ import annotations

import atexit
import json
import queue
import subprocess
import sys
import threading
from typing import Any

from advocate_app.core.letters.sandbox import TIME_LIMIT_SECONDS
from advocate_app.core.letters.template_worker import WORKER_FLAG

START_SECONDS = 20.0  # starting Python and Jinja2 on a slow, busy machine
SLACK_SECONDS = 0.5  # the time limit is the worker's; this covers passing the request


class WorkerError(Exception):
    """The worker could not render: killed for its time, out of memory, or gone."""


class TemplateProcess:
    def __init__(self) -> None:
        self._process: subprocess.Popen[str] | None = None
        self._lines: queue.Queue[str | None] = queue.Queue()
        self._lock = threading.Lock()
        atexit.register(self.close)

    def render(self, folders: list[str], renders: list[dict[str, Any]]) -> list[dict[str, str]]:
        """One result per render, {"text": …} or {"error": …}; WorkerError when the worker
        had to be stopped (the next call starts a new one)."""
        request = json.dumps({"folders": folders, "renders": renders}) + "\n"
        limit = TIME_LIMIT_SECONDS + SLACK_SECONDS + 0.05 * len(renders)
        with self._lock:
            for attempt in (1, 2):  # a worker that ended between two uses is started again
                process = self._ensure()
                try:
                    assert process.stdin is not None
                    process.stdin.write(request)
                    process.stdin.flush()
                except (BrokenPipeError, OSError):
                    self._stop()
                    if attempt == 2:
                        raise WorkerError("the template worker could not be started") from None
                    continue
                return self._answer(limit)
        raise WorkerError("the template worker could not be started")

    def _answer(self, limit: float) -> list[dict[str, str]]:
        try:
            line = self._lines.get(timeout=limit)
        except queue.Empty:
            self._stop()
            raise WorkerError(
                f"took longer than {TIME_LIMIT_SECONDS:g} seconds (a loop, or a huge number?)"
            ) from None
        if line is None:
            self._stop()
            raise WorkerError("needed too much memory, or stopped") from None
        answer = json.loads(line)
        if "failed" in answer:
            raise WorkerError(str(answer["failed"]))
        return list(answer["results"])

    def _ensure(self) -> subprocess.Popen[str]:
        if self._process is not None and self._process.poll() is None:
            return self._process
        self._stop()
        self._lines = queue.Queue()
        process = subprocess.Popen(
            _command(),
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            encoding="utf-8",
            bufsize=1,
        )
        threading.Thread(target=_pump, args=(process, self._lines), daemon=True).start()
        self._process = process
        # The first answer includes starting up: allow for a slow machine once.
        self._warm(process)
        return process

    def _warm(self, process: subprocess.Popen[str]) -> None:
        try:
            assert process.stdin is not None
            process.stdin.write(json.dumps({"folders": [], "renders": []}) + "\n")
            process.stdin.flush()
            line = self._lines.get(timeout=START_SECONDS)
        except (OSError, queue.Empty):
            line = None
        if line is None:
            self._stop()
            raise WorkerError("the template worker could not be started")

    def _stop(self) -> None:
        process, self._process = self._process, None
        if process is not None and process.poll() is None:
            process.kill()
            process.wait()

    def close(self) -> None:
        with self._lock:
            self._stop()


def _pump(process: subprocess.Popen[str], lines: queue.Queue[str | None]) -> None:
    assert process.stdout is not None
    for line in process.stdout:
        lines.put(line)
    lines.put(None)  # the worker ended


def _command() -> list[str]:
    if getattr(sys, "frozen", False):  # the packaged app runs the worker as itself
        return [sys.executable, WORKER_FLAG]
    return [sys.executable, "-m", "advocate_app.core.letters.template_worker"]
