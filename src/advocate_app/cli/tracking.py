"""`advocate done/undo/call/follow-up/activity/export/backup/restore`."""

from __future__ import annotations

import argparse
from dataclasses import asdict
from datetime import date
from pathlib import Path
from typing import TextIO

from advocate_app.cli.common import EXIT_OK, EXIT_USAGE, fail, terminal_safe, write_json
from advocate_app.core.fs import atomic_write
from advocate_app.core.session import Session
from advocate_app.core.store.backup import check_backup
from advocate_app.core.store.database import LibraryDamagedError, LibraryError
from advocate_app.core.store.tracking import REACHED, CallOutcome, outcome_words

COMMANDS = (
    "done",
    "undo",
    "call",
    "follow-up",
    "activity",
    "export",
    "backup",
    "restore",
    "salvage",
)


def add_commands(commands: argparse._SubParsersAction) -> None:
    done = commands.add_parser("done", help="mark an action done")
    _article_action(done)
    done.add_argument("--note", metavar="TEXT")
    _article_action(commands.add_parser("undo", help="take back a done mark"))
    call = commands.add_parser("call", help="log a phone call for one or more actions")
    call.add_argument("article_id", type=int, metavar="ARTICLE_ID")
    call.add_argument("actions", type=int, nargs="+", metavar="ACTION")
    call.add_argument(
        "--also",
        action="append",
        default=[],
        metavar="ARTICLE_ID:ACTION",
        help="another article's action the same call covered (repeat as needed)",
    )
    call.add_argument("--official", required=True, metavar="NAME_OR_ID")
    call.add_argument("--outcome", required=True, choices=[str(o) for o in CallOutcome])
    call.add_argument("--note", metavar="TEXT")
    follow = commands.add_parser("follow-up", help="remind me about an action on a date")
    _article_action(follow)
    follow.add_argument("due", metavar="YYYY-MM-DD|clear")
    shown = commands.add_parser("activity", help="what you did, at a glance")
    shown.add_argument("--json", action="store_true")
    export = commands.add_parser("export", help="export what you did")
    export.add_argument("--format", choices=("json", "csv"), default="json")
    export.add_argument("-o", "--output", type=Path, metavar="FILE")
    made = commands.add_parser("backup", help="a consistent copy of the whole library")
    made.add_argument("file", type=Path, metavar="FILE")
    back = commands.add_parser("restore", help="replace the library with a backup")
    back.add_argument("file", type=Path, metavar="FILE", nargs="?")
    back.add_argument(
        "--latest", action="store_true", help="the latest automatic backup (kept daily)"
    )
    commands.add_parser(
        "salvage", help="rebuild a damaged library from what can still be read of it"
    )


def _article_action(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("article_id", type=int, metavar="ARTICLE_ID")
    parser.add_argument("action", type=int, metavar="ACTION")


def run(args: argparse.Namespace, session: Session, out: TextIO, err: TextIO) -> int:
    if args.command == "restore":
        return _restore(session, args, out, err)
    if args.command == "salvage":
        return _salvage(session, out, err)
    if not session.has_library():
        return fail(f"the library in {session.folder} is empty", err)
    if args.command == "call":
        return _call(session, args, out, err)
    if args.command in ("done", "undo", "follow-up"):
        return _mark(session, args, out, err)
    if args.command == "activity":
        return _activity(session, args.json, out)
    if args.command == "export":
        text = session.export(args.format)
        if args.output:
            atomic_write(args.output, text)
            print(f"Exported to {args.output}", file=err)
        else:
            out.write(text if text.endswith("\n") else text + "\n")
        return EXIT_OK
    target = session.backup(args.file)
    print(f"Backed up the library to {target}", file=out)
    return EXIT_OK


def _call(session: Session, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """One call, one outcome, on every action it covered."""
    pairs = [(args.article_id, number) for number in args.actions]
    for also in args.also:
        article, _, number = also.partition(":")
        if not (article.strip().isdigit() and number.strip().isdigit()):
            return fail(f"--also wants ARTICLE_ID:ACTION, like 12:3 (not {also!r})", err)
        pairs.append((int(article), int(number)))
    for article_id, number in pairs:
        if session.action(article_id, number) is None:
            return fail(f"article {article_id} has no action {number}", err)
    official = _official_by_id(session, args.official)
    outcome = CallOutcome(args.outcome)
    session.log_calls(list(dict.fromkeys(pairs)), official, outcome, args.note)
    name = official if isinstance(official, str) else official.display_name
    what = ", ".join(f"{a}:{n}" for a, n in dict.fromkeys(pairs))
    hint = " It stays open: try another number, or write instead." if outcome not in REACHED else ""
    print(f"Logged a call to {terminal_safe(name)} ({outcome_words(outcome)}) for {what}.{hint}",
          file=out)  # fmt: skip
    return EXIT_OK


def _official_by_id(session: Session, given: str):  # noqa: ANN202 - Official | str
    """An official by their bioguide id (as `advocate officials --json` shows it), else the
    name as typed (matched to the reader's officials when the call is kept)."""
    for person in session.my_officials().everyone():
        if person.bioguide and person.bioguide.lower() == given.strip().lower():
            return person
    return given


def _mark(session: Session, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    if session.article(args.article_id) is None:
        return fail(f"no article with id {args.article_id}", err)
    found = session.action(args.article_id, args.action)
    if found is None:
        return fail(f"article {args.article_id} has no action {args.action}", err)
    stored, action = found
    label = f"action {action.number} ({action.title})"
    if args.command == "done":
        session.set_done(stored.id, action.number, True, args.note)
        print(f"Marked {label} done.", file=out)
    elif args.command == "undo":
        if not session.set_done(stored.id, action.number, False):
            print(f"{label} was not marked done.", file=out)
        else:
            print(f"{label} is open again.", file=out)
    elif args.due == "clear":
        session.set_follow_up(stored.id, action.number, None)
        print(f"No follow-up for {label}.", file=out)
    else:
        try:
            due = date.fromisoformat(args.due)
        except ValueError:
            return fail("give the date as YYYY-MM-DD, or 'clear'", err, EXIT_USAGE)
        session.set_follow_up(stored.id, action.number, due)
        print(f"Follow up on {label} on {due.isoformat()}.", file=out)
    return EXIT_OK


def _activity(session: Session, as_json: bool, out: TextIO) -> int:
    summary = session.activity()
    if as_json:
        data = asdict(summary)
        # The shape earlier versions printed: [article id, title, action, due].
        data["follow_ups_due"] = [
            [f.article_id, f.article_title, f.action_number, f.due] for f in summary.follow_ups_due
        ]
        write_json(data, out)
        return EXIT_OK
    print(
        f"Actions done: {summary.actions_done}   Letters sent: {summary.letters_sent}   "
        f"Calls: {summary.calls}   Streak: {summary.streak_days} day(s)",
        file=out,
    )
    for week, count in summary.weekly[-6:]:
        print(f"  week of {week}: {'#' * count} {count}", file=out)
    for name, count in summary.letters_per_official:
        print(f"  {count} letter(s) to {name}", file=out)
    for due in summary.follow_ups_due:
        print(
            f"  follow up (due {due.due}): #{due.article_id} action {due.action_number} — "
            f"{due.article_title}",
            file=out,
        )
    for event in summary.recent[:10]:
        title = event.article_title + (" (deleted)" if event.article_deleted else "")
        print(f"  {event.at[:16].replace('T', ' ')}  {event.detail} — {title}", file=out)
    return EXIT_OK


def _restore(session: Session, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    source = args.file
    if args.latest:
        source = session.latest_auto_backup()
        if source is None:
            return fail("there is no automatic backup yet", err)
    if source is None:
        return fail("give the backup FILE, or --latest for the latest automatic backup", err, 2)
    try:
        check_backup(source)
        report = _restore_or_recover(session, source)
    except LibraryError as exc:
        return fail(str(exc), err)
    print(
        f"Restored the library from {source} ({report.rows:,} rows). What was there before is "
        f"saved in {report.safety}.",
        file=out,
    )
    if report.ignored:
        print(f"note: left out of the backup: {', '.join(report.ignored)}", file=err)
    return EXIT_OK


def _restore_or_recover(session: Session, source: Path):  # noqa: ANN202 - a RestoreReport
    """Restore into the library as it is, or, when it is damaged, in place of it."""
    try:
        session.verify_library()
    except LibraryDamagedError:
        return session.recover(source)
    return session.restore(source)


def _salvage(session: Session, out: TextIO, err: TextIO) -> int:
    if not session.has_library():
        return fail(f"there is no library in {session.folder}", err)
    report = session.recover(None)
    print(
        f"Salvaged {report.rows:,} rows into a new library; the damaged one is kept as "
        f"{report.safety}.",
        file=out,
    )
    if report.ignored:
        print(f"note: could not be read: {', '.join(report.ignored)}", file=err)
    return EXIT_OK
