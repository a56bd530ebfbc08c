"""Small helpers shared by tests."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import pytest
from PySide6.QtCore import QUrl

from advocate_app.cli.run import main
from advocate_app.gui.window.main_window import MainWindow


@dataclass
class CliResult:
    code: int
    out: str
    err: str

    def json(self) -> Any:
        return json.loads(self.out)


def run_cli(capsys: pytest.CaptureFixture[str], *args: str) -> CliResult:
    """Run `advocate ARGS` in-process and capture what it printed."""
    capsys.readouterr()
    try:
        code = main(list(args))
    except SystemExit as exc:  # argparse usage errors and --version
        code = int(exc.code or 0)
    captured = capsys.readouterr()
    return CliResult(code, captured.out, captured.err)


class Opened:
    """Records the links the window asked the system to open."""

    def __init__(self) -> None:
        self.urls: list[str] = []

    def __call__(self, url: QUrl) -> None:
        self.urls.append(url.toString())


def select_title(window: MainWindow, title: str) -> int:
    model = window.list_pane.model
    for row in range(model.rowCount()):
        if model.index(row).data() == title:
            window.list_pane.select_row(row)
            return model.id_at(row)
    raise AssertionError(f"{title!r} is not in the list")
