"""`advocate letter` and `advocate templates`."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TextIO

from advocate_app.cli.common import EXIT_OK, fail, write_json
from advocate_app.core.articles.model import Action
from advocate_app.core.letters.compose import Letter
from advocate_app.core.letters.recipients import (
    AUDIENCE_ALIASES,
    Audience,
    parse_audience,
    plan_recipients,
)
from advocate_app.core.letters.routes import Route
from advocate_app.core.letters.templates import LetterTemplateError
from advocate_app.core.session import Session

COMMANDS = ("letter", "templates")


def add_commands(commands: argparse._SubParsersAction) -> None:
    letter = commands.add_parser("letter", help="write letters for an article's action")
    letter.add_argument("article_id", type=int, metavar="ARTICLE_ID")
    letter.add_argument(
        "--action",
        type=int,
        metavar="N",
        help="the action's number (default: the first that writes to officials)",
    )
    letter.add_argument(
        "--to",
        choices=[*(str(a) for a in Audience), *AUDIENCE_ALIASES],
        default=str(Audience.ALL),
        metavar="{" + ",".join(Audience) + "}",
        help="whom to write to (default: everyone the action names)",
    )
    letter.add_argument("--template", metavar="NAME", help="a template instead of the sample")
    letter.add_argument("--json", action="store_true")
    letter.add_argument("--pdf", type=Path, metavar="OUT.pdf", help="also print them to a PDF")
    commands.add_parser("templates", help="list the letter templates")


def run(args: argparse.Namespace, session: Session, out: TextIO, err: TextIO) -> int:
    if args.command == "templates":
        templates = session.templates
        for info in templates.available():
            origin = "yours" if info.user else "built in"
            print(f"{info.name:<16} {origin:<9} {info.path}", file=out)
        print(f"Add or override templates in {templates.user_folder}", file=err)
        return EXIT_OK
    if not session.has_library():
        return fail(f"no article with id {args.article_id} (the library is empty)", err)
    stored = session.article(args.article_id)
    if stored is None:
        return fail(f"no article with id {args.article_id}", err)
    action = _choose_action(stored.article.actions, args.action, err)
    if action is None:
        return 1
    officials = session.my_officials()
    profile = session.load_profile().profile
    audience = parse_audience(args.to)
    plan = plan_recipients(action, officials, audience)
    try:
        letters = session.compose(
            stored,
            action,
            officials,
            profile,
            template=args.template,
            recipients=list(plan.recipients),
        )
    except LetterTemplateError as exc:
        return fail(str(exc), err)
    for note in dict.fromkeys((*officials.notes, *plan.notes)):
        print(f"note: {note}", file=err)
    if plan.offered:
        names = ", ".join(o.display_name for o in plan.offered)
        print(f"note: not written, waiting for your choice: {names}", file=err)
    if not letters:
        return fail(f"action {action.number} has no one to write to among --to {args.to}", err)
    if args.pdf:
        from advocate_app.gui.letters.printing import write_pdf_standalone

        write_pdf_standalone(letters, profile, args.pdf)
        for letter in letters:
            session.record_delivery(stored.id, action.number, letter, Route.PRINT)
        print(f"Wrote {len(letters)} letter(s) to {args.pdf}", file=err)
    if args.json:
        write_json([letter.to_dict() for letter in letters], out)
    else:
        for letter in letters:
            out.write(_as_text(letter))
    return EXIT_OK


def _choose_action(actions: tuple[Action, ...], number: int | None, err: TextIO) -> Action | None:
    if number is not None:
        for action in actions:
            if action.number == number:
                if not action.targets:
                    fail(f"action {number} does not ask to contact anyone", err)
                    return None
                return action
        fail(f"the article has no action {number}", err)
        return None
    for action in actions:
        if action.contacts_officials:
            return action
    fail("no action of this article writes to officials; choose one with --action", err)
    return None


def _as_text(letter: Letter) -> str:
    head = f"=== To {letter.recipient.display_name}"
    lines = [head.strip(), f"Route: {letter.route}  {letter.contact_url}"]
    lines += [f"Note: {note}" for note in letter.notes]
    lines += ["", f"Subject: {letter.subject}", "", letter.body]
    return "\n".join(lines) + "\n"
