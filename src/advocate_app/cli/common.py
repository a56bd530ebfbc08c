"""What every command shares: exit codes, the one way to open a data folder, and printing."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, TextIO

from advocate_app.core.session import Session

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def open_session(folder: Path) -> Session:
    """The data folder's session; its library opens (or is created) when a command uses it."""
    return Session(folder)


def write_json(value: Any, out: TextIO) -> None:
    json.dump(value, out, indent=2, ensure_ascii=False)
    out.write("\n")


def fail(message: str, err: TextIO, code: int = EXIT_FAILED) -> int:
    print(f"advocate: {message}", file=err)
    return code
