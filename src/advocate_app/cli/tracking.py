"""`advocate done/undo/call/follow-up/activity/export/backup/restore`."""

from __future__ import annotations

import argparse
import json
from contextlib import closing
from dataclasses import asdict
from datetime import date
from pathlib import Path
from typing import TextIO

from advocate_app.core.paths import library_path
from advocate_app.core.store.backup import backup, check_backup, restore
from advocate_app.core.store.database import LibraryError
from advocate_app.core.store.export import export_csv, export_json
from advocate_app.core.store.library import Library, open_library
from advocate_app.core.store.tracking import (
    CallOutcome,
    activity,
    log_call,
    mark_done,
    set_follow_up,
    undo,
)

COMMANDS = ("done", "undo", "call", "follow-up", "activity", "export", "backup", "restore")


def add_commands(commands: argparse._SubParsersAction) -> None:
    done = commands.add_parser("done", help="mark an action done")
    _article_action(done)
    done.add_argument("--note", metavar="TEXT")
    _article_action(commands.add_parser("undo", help="take back a done mark"))
    call = commands.add_parser("call", help="log a phone call for an action")
    _article_action(call)
    call.add_argument("--official", required=True, metavar="NAME")
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
    back.add_argument("file", type=Path, metavar="FILE")


def _article_action(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("article_id", type=int, metavar="ARTICLE_ID")
    parser.add_argument("action", type=int, metavar="ACTION")


def run(args: argparse.Namespace, folder: Path, out: TextIO, err: TextIO) -> int:
    path = library_path(folder)
    if args.command == "restore":
        return _restore(path, args.file, out, err)
    if not path.exists():
        print(f"advocate: the library in {folder} is empty", file=err)
        return 1
    with closing(open_library(path, create=False)) as library:
        if args.command in ("done", "undo", "call", "follow-up"):
            return _mark(library, args, out, err)
        if args.command == "activity":
            return _activity(library, args.json, out)
        if args.command == "export":
            text = export_json(library) if args.format == "json" else export_csv(library)
            if args.output:
                args.output.write_text(text, encoding="utf-8")
                print(f"Exported to {args.output}", file=err)
            else:
                out.write(text if text.endswith("\n") else text + "\n")
            return 0
        target = backup(library, args.file)
        print(f"Backed up the library to {target}", file=out)
        return 0


def _mark(library: Library, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    stored = library.get(args.article_id)
    if stored is None:
        print(f"advocate: no article with id {args.article_id}", file=err)
        return 1
    action = next((a for a in stored.article.actions if a.number == args.action), None)
    if action is None:
        print(f"advocate: article {args.article_id} has no action {args.action}", file=err)
        return 1
    label = f"action {action.number} ({action.title})"
    if args.command == "done":
        mark_done(library, stored.id, action.number, args.note)
        print(f"Marked {label} done.", file=out)
    elif args.command == "undo":
        if not undo(library, stored.id, action.number):
            print(f"{label} was not marked done.", file=out)
        else:
            print(f"{label} is open again.", file=out)
    elif args.command == "call":
        log_call(
            library, stored.id, action.number, args.official, CallOutcome(args.outcome), args.note
        )
        hint = " Try again later; it stays open." if args.outcome == "unavailable" else ""
        print(f"Logged a call to {args.official} ({args.outcome}) for {label}.{hint}", file=out)
    else:
        if args.due == "clear":
            set_follow_up(library, stored.id, action.number, None)
            print(f"No follow-up for {label}.", file=out)
        else:
            try:
                due = date.fromisoformat(args.due)
            except ValueError:
                print("advocate: give the date as YYYY-MM-DD, or 'clear'", file=err)
                return 2
            set_follow_up(library, stored.id, action.number, due)
            print(f"Follow up on {label} on {due.isoformat()}.", file=out)
    return 0


def _activity(library: Library, as_json: bool, out: TextIO) -> int:
    summary = activity(library)
    if as_json:
        data = asdict(summary)
        json.dump(data, out, indent=2, ensure_ascii=False)
        out.write("\n")
        return 0
    print(
        f"Actions done: {summary.actions_done}   Letters sent: {summary.letters_sent}   "
        f"Calls: {summary.calls}   Streak: {summary.streak_days} day(s)",
        file=out,
    )
    for week, count in summary.weekly[-6:]:
        print(f"  week of {week}: {'#' * count} {count}", file=out)
    for name, count in summary.letters_per_official:
        print(f"  {count} letter(s) to {name}", file=out)
    for article_id, title, number, due in summary.follow_ups_due:
        print(f"  follow up (due {due}): #{article_id} action {number} — {title}", file=out)
    for event in summary.recent[:10]:
        print(
            f"  {event.at[:16].replace('T', ' ')}  {event.detail} — {event.article_title}", file=out
        )
    return 0


def _restore(path: Path, source: Path, out: TextIO, err: TextIO) -> int:
    try:
        check_backup(source)
        with closing(open_library(path)) as library:
            safety = restore(library, source)
    except LibraryError as exc:
        print(f"advocate: {exc}", file=err)
        return 1
    print(
        f"Restored the library from {source}. What was there before is saved in {safety}.", file=out
    )
    return 0
