"""The `advocate` command line: the parser, and dispatch to one module per feature."""

from __future__ import annotations

import argparse
import errno
import logging
import sys
from collections.abc import Sequence

from advocate_app.cli import articles, letters, officials, sittings, tracking, web
from advocate_app.cli.common import EXIT_FAILED, EXIT_USAGE, open_session, terminal_safe, writes
from advocate_app.core.logs import log_path, start_logging
from advocate_app.core.paths import data_dir
from advocate_app.core.store.database import LibraryDamagedError, LibraryError, StoreError
from advocate_app.core.version import VersionAction

log = logging.getLogger(__name__)
RECOVERY = (
    "advocate: restore your latest automatic backup with `advocate restore --latest`, or "
    "salvage what can be read with `advocate salvage`"
)

FEATURES = (articles, officials, letters, sittings, tracking, web)


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
    folder = data_dir(args.data_dir)
    logged = start_logging(folder)
    changes = writes(args)
    session = open_session(folder, writes=changes)
    err = sys.stderr
    try:
        if changes and session.has_library() and args.command not in ("restore", "salvage"):
            # Before anything is written: the tables it writes (the whole file is checked by
            # the window and by the daily backup; reading it all here would take seconds).
            session.verify_library(full=False)
        code = feature.run(args, session, sys.stdout, err)
        if changes and code == 0:
            _keep_a_daily_copy(session)
        return code
    except LibraryDamagedError as exc:
        print(f"advocate: {terminal_safe(str(exc))}", file=err)
        print(RECOVERY, file=err)
        return EXIT_FAILED
    except LibraryError as exc:
        print(f"advocate: {terminal_safe(str(exc))}", file=err)
        return EXIT_FAILED
    except KeyboardInterrupt:
        print("advocate: interrupted", file=err)
        return 130
    except BrokenPipeError:  # the reader closed the pipe (`advocate list | head`)
        sys.stdout = None  # type: ignore[assignment]  # nothing more can be written
        return 0
    except StoreError as exc:
        log.exception("library error in %s", args.command)
        if "malformed" in str(exc) or "not a database" in str(exc):
            print(f"advocate: the library is damaged ({terminal_safe(str(exc))})", file=err)
            print(RECOVERY, file=err)
        else:
            print(f"advocate: the library could not be used: {terminal_safe(str(exc))}", file=err)
        return EXIT_FAILED
    except OSError as exc:
        log.exception("file error in %s", args.command)
        where = f" ({exc.filename})" if exc.filename else ""
        reason = exc.strerror or str(exc)
        if exc.errno == errno.ENOSPC:
            reason = "the disk is full; nothing was changed. Free some space and try again"
        print(f"advocate: {terminal_safe(reason)}{terminal_safe(str(where))}", file=err)
        return EXIT_FAILED
    except Exception as exc:  # a bug: one line here, the details in the log
        log.exception("unexpected error in %s", args.command)
        details = f"; details are in {log_path(folder)}" if logged else ""
        print(
            f"advocate: something went wrong ({type(exc).__name__}: "
            f"{terminal_safe(str(exc))[:200]}){details}",
            file=err,
        )
        return EXIT_FAILED
    finally:
        session.close()


def _keep_a_daily_copy(session) -> None:  # noqa: ANN001 - a Session
    """Today's automatic backup, after a command that changed something (quietly: a failed
    copy is logged, and the command's own result stands)."""
    try:
        session.auto_backup_if_due()
    except (LibraryError, StoreError, OSError):
        log.exception("the automatic backup failed")


if __name__ == "__main__":
    sys.exit(main())
