"""Running the `advocate` command in-process."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import pytest

from advocate_app.cli import main


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
