"""The `advocate` command line: the parser, and dispatch to one module per feature."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from advocate_app.cli import articles, letters, officials, tracking, web
from advocate_app.cli.common import EXIT_FAILED, EXIT_USAGE, open_session
from advocate_app.core.paths import data_dir
from advocate_app.core.store.database import LibraryError
from advocate_app.core.version import VersionAction

FEATURES = (articles, officials, letters, tracking, web)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="advocate",
        description="Keep advocacy articles offline and act on them.",
    )
    parser.add_argument("--version", action=VersionAction)
    parser.add_argument(
        "--data-dir",
        metavar="FOLDER",
        help="where the library lives (default: $ADVOCATE_DATA_DIR or your user data folder)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for feature in FEATURES:
        feature.add_commands(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return EXIT_USAGE
    feature = next(f for f in FEATURES if args.command in f.COMMANDS)
    session = open_session(data_dir(args.data_dir))
    try:
        return feature.run(args, session, sys.stdout, sys.stderr)
    except LibraryError as exc:
        print(f"advocate: {exc}", file=sys.stderr)
        return EXIT_FAILED
    except KeyboardInterrupt:
        print("advocate: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # the reader closed the pipe (`advocate list | head`)
        sys.stdout = None  # type: ignore[assignment]  # nothing more can be written
        return 0
    finally:
        session.close()


if __name__ == "__main__":
    sys.exit(main())
