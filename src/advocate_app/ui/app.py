"""Start-up of the desktop app."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    print("The reading window is not built yet; use the `advocate` command.", file=sys.stderr)
    return 1
