"""`advocate sitting` (the open actions for your officials) and `advocate script` (what to
say on the phone)."""

from __future__ import annotations

import argparse
from datetime import datetime
from typing import TextIO

from advocate_app.cli.common import EXIT_OK, fail, print_fixes, terminal_safe, write_json
from advocate_app.core.letters.templates import LetterTemplateError
from advocate_app.core.officials.model import Official
from advocate_app.core.officials.phone_book import open_note
from advocate_app.core.session import Session

COMMANDS = ("sitting", "script")


def add_commands(commands: argparse._SubParsersAction) -> None:
    sitting = commands.add_parser(
        "sitting", help="every open action for your officials, one per line"
    )
    sitting.add_argument(
        "--official", default="all", metavar="ID|all", help="one official (bioguide id), or all"
    )
    sitting.add_argument("--json", action="store_true")
    script = commands.add_parser("script", help="what to say when you call about an action")
    script.add_argument("article_id", type=int, metavar="ARTICLE_ID")
    script.add_argument("actions", type=int, nargs="+", metavar="ACTION")
    script.add_argument("--official", required=True, metavar="ID", help="their bioguide id")
    script.add_argument("--no-response", action="store_true", help="say that you need no answer")


def run(args: argparse.Namespace, session: Session, out: TextIO, err: TextIO) -> int:
    if not session.has_library():
        return fail(f"the library in {session.folder} is empty", err)
    if args.command == "sitting":
        return _sitting(session, args, out, err)
    return _script(session, args, out, err)


def _sitting(session: Session, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    key = None if args.official == "all" else _key(session, args.official)
    if key is False:
        return fail(f"{args.official} is not one of your officials (see: advocate officials)", err)
    sitting = session.sitting(key or None)
    for note in sitting.notes:
        print(f"note: {note}", file=err)
    print_fixes(sitting.needs, err)
    if args.json:
        write_json(
            [
                {
                    "article_id": item.article_id,
                    "article_title": item.article_title,
                    "action": item.action_number,
                    "action_title": item.action_title,
                    "official": item.official.display_name,
                    "official_id": item.official.key,
                }
                for item in sitting.items
            ],
            out,
        )
        return EXIT_OK
    if not sitting.items:
        print("Nothing is waiting: every action for your officials is done.", file=err)
    for item in sitting.items:
        print(
            f"{item.article_id:>5}:{item.action_number:<3} {item.official.display_name} — "
            f"{terminal_safe(item.action_title)} — {terminal_safe(item.article_title)}",
            file=out,
        )
    return EXIT_OK


def _key(session: Session, given: str) -> str | bool:
    official = _official(session, given)
    return official.key if official is not None else False


def _official(session: Session, given: str) -> Official | None:
    for person in session.my_officials().everyone():
        if given.strip().lower() in (person.key.lower(), person.bioguide.lower()):
            return person
    return None


def _script(session: Session, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    official = _official(session, args.official)
    if official is None:
        return fail(f"{args.official} is not one of your officials (see: advocate officials)", err)
    try:
        text = session.call_script(
            [(args.article_id, n) for n in args.actions], official, no_response=args.no_response
        )
    except LookupError as exc:
        return fail(str(exc), err)
    except LetterTemplateError as exc:
        return fail(str(exc), err)
    lines = session.phone_lines(official)
    print(f"Call {official.display_name}:", file=err)
    for line in lines:
        print(f"  {line.place}: {line.number}  ({line.hours.describe()})", file=err)
    print(f"  {open_note(lines, datetime.now().astimezone())}", file=err)
    out.write(text)
    return EXIT_OK
