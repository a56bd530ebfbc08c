"""The version, read from the installed package's metadata when asked for."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from typing import Any


def version() -> str:
    from importlib import metadata

    try:
        return metadata.version("advocate-app")
    except metadata.PackageNotFoundError:  # a source tree that was never installed
        return "0.0.0+source"


class VersionAction(argparse.Action):
    """`--version` that reads the version only when it is asked for."""

    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: Any) -> None:
        super().__init__(option_strings, dest, nargs=0, help="show the version and exit")

    def __call__(self, parser: argparse.ArgumentParser, *args: Any, **kwargs: Any) -> None:
        print(f"{parser.prog} {version()}")
        parser.exit()
