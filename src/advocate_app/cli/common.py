"""What every command shares: exit codes, the one way to open a data folder, and printing."""

from __future__ import annotations

import argparse
import json
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any, TextIO

from advocate_app.core.session import Session

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


# Commands, and their actions, that change the library: the library is checked for damage
# before them, and an automatic backup is kept after them.
WRITING = {
    "import", "done", "undo", "call", "follow-up", "fetch", "restore", "salvage", "sent",
    "rename",
}  # fmt: skip
WRITING_ACTIONS = {"feeds": {"add", "refresh", "remove", "import"}, "network": {"on", "off"}}
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def writes(args: argparse.Namespace) -> bool:
    """Whether this command changes the library."""
    if args.command in WRITING:
        return True
    if args.command == "feeds":
        return args.feeds_command in WRITING_ACTIONS["feeds"]
    if args.command == "network":
        return args.state in WRITING_ACTIONS["network"]
    if args.command == "letters":
        return getattr(args, "delete", None) is not None
    return args.command == "letter" and bool(getattr(args, "pdf", None) or getattr(args, "sent", 0))


def open_session(folder: Path, writes: bool = False) -> Session:
    """The data folder's session; its library opens (or is created) when a command uses it. A
    command that only reads (not `writes`) can still read a library on a full disk."""
    return Session(folder, read_when_full=not writes)


def terminal_safe(text: str) -> str:
    """Text from articles, pages and file names with its control characters (escape
    sequences that could rewrite the terminal) shown as "?"."""
    return CONTROL.sub("?", text)


def write_json(value: Any, out: TextIO) -> None:
    json.dump(value, out, indent=2, ensure_ascii=False)
    out.write("\n")


# What to run for each thing the officials' lookup is missing.
FIX_FOR_NEED = {
    "directory": "advocate directory update  (offline: --from FOLDER with the four files)",
    "update_directory": "advocate directory update",
    "state": "advocate profile set --state XX --zip 12345",
    "zip": "advocate profile set --zip 12345",
    "district": "advocate officials --locate  (or: advocate profile set --district N)",
}


def print_fixes(needs: Iterable[str], err: TextIO) -> None:
    """One line per missing thing, with the command that supplies it."""
    for need in dict.fromkeys(str(n) for n in needs):
        if need in FIX_FOR_NEED:
            print(f"to fix: {FIX_FOR_NEED[need]}", file=err)


def fail(message: str, err: TextIO, code: int = EXIT_FAILED) -> int:
    print(f"advocate: {terminal_safe(message)}", file=err)
    return code
