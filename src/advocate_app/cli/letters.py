"""`advocate letter`, `advocate sent`, `advocate letters` and `advocate templates`."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TextIO

from advocate_app.cli.common import EXIT_OK, fail, print_fixes, terminal_safe, write_json
from advocate_app.core import clock
from advocate_app.core.articles.model import Action
from advocate_app.core.letters.checks import problems
from advocate_app.core.letters.compose import Letter, guidance
from advocate_app.core.letters.recipients import (
    AUDIENCE_ALIASES,
    Audience,
    parse_audience,
    plan_recipients,
)
from advocate_app.core.letters.routes import Route, status_words
from advocate_app.core.letters.templates import LetterTemplateError
from advocate_app.core.officials.model import OfficeKind
from advocate_app.core.session import Session
from advocate_app.core.store.letters import LetterNotFound, LetterRecord

COMMANDS = ("letter", "sent", "letters", "templates")


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
    letter.add_argument(
        "--official",
        metavar="ID",
        help="write only to this official (a bioguide id, as advocate officials --json gives"
        " them): one of the action's, or one offered instead (a Delegate, say)",
    )
    letter.add_argument("--json", action="store_true")
    letter.add_argument(
        "--pdf", type=Path, metavar="OUT.pdf", help="also save them to a PDF (kept as saved)"
    )
    letter.add_argument(
        "--sent",
        action="store_true",
        help="you have sent these letters: count them as sent",
    )
    sent = commands.add_parser("sent", help="say that a letter was sent (see `letters`)")
    sent.add_argument("letter_id", type=int, metavar="LETTER_ID")
    sent.add_argument("--undo", action="store_true", help="it was not sent after all")
    listing = commands.add_parser("letters", help="list your letters and their status")
    listing.add_argument("--drafts", action="store_true", help="the drafts being written")
    listing.add_argument("--json", action="store_true")
    listing.add_argument(
        "--delete", type=int, metavar="LETTER_ID", help="delete a letter not sent (a draft)"
    )
    commands.add_parser("templates", help="list the letter templates")


def run(args: argparse.Namespace, session: Session, out: TextIO, err: TextIO) -> int:
    if args.command == "templates":
        templates = session.templates
        for info in templates.available():
            origin = "yours" if info.user else "built in"
            print(f"{info.name:<16} {origin:<9} {info.path}", file=out)
        print(f"Add or override templates in {templates.user_folder}", file=err)
        return EXIT_OK
    if args.command == "sent":
        return _mark_sent(session, args, out, err)
    if args.command == "letters":
        return _list_letters(session, args, out, err)
    return _write(session, args, out, err)


def _write(session: Session, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
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
    recipients = list(plan.recipients)
    if args.official:
        choices = [*plan.recipients, *plan.offered]
        recipients = [o for o in choices if args.official in (o.key, o.bioguide)]
        if not recipients:
            names = ", ".join(f"{o.display_name} ({o.key})" for o in choices) or "nobody"
            return fail(
                f"{args.official} is not among those action {action.number} can go to: {names}",
                err,
            )
    try:
        letters = session.compose(
            stored,
            action,
            officials,
            profile,
            template=args.template,
            recipients=recipients,
        )
    except LetterTemplateError as exc:
        return fail(str(exc), err)
    for note in dict.fromkeys((*officials.notes, *plan.notes)):
        print(f"note: {note}", file=err)
    waiting = [o for o in plan.offered if o not in recipients]
    if waiting:
        names = ", ".join(o.display_name for o in waiting)
        print(f"note: not written, waiting for your choice: {names}", file=err)
        for official in waiting:
            if official.kind is OfficeKind.DELEGATE and official.key:  # no senators here
                print(
                    f"to fix: advocate letter {stored.id} --action {action.number}"
                    f" --official {official.key}  (your {official.title})",
                    file=err,
                )
    print_fixes((*officials.needs, *plan.needs), err)
    if not letters:
        return fail(f"action {action.number} has no one to write to among --to {args.to}", err)
    for line in guidance(action):
        print(f"the article suggests: {terminal_safe(line)}", file=err)
    ids: dict[int, int] = {}
    if args.pdf:
        from advocate_app.gui.letters.printing import write_pdf_standalone

        write_pdf_standalone(letters, profile, args.pdf)
        for n, letter in enumerate(letters):
            ids[n] = session.deliver_letter(stored.id, action.number, letter, Route.PDF)
        print(f"Saved {len(letters)} letter(s) as PDF in {args.pdf}", file=err)
    if args.sent:
        for n, letter in enumerate(letters):
            if n not in ids:
                ids[n] = session.deliver_letter(stored.id, action.number, letter, Route.COPY)
            session.mark_letter_sent(ids[n])
        print(f"Counted {len(letters)} letter(s) as sent.", file=err)
    elif ids:
        numbers = " ".join(str(i) for i in ids.values())
        print(f"When you have sent them: advocate sent LETTER_ID (letters {numbers})", file=err)
    if args.json:
        write_json([_letter_json(letter, ids.get(n)) for n, letter in enumerate(letters)], out)
    else:
        for n, letter in enumerate(letters):
            out.write(_as_text(letter, ids.get(n)))
    return EXIT_OK


def _mark_sent(session: Session, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    try:
        record = session.mark_letter_sent(args.letter_id, not args.undo)
    except LetterNotFound:
        return fail(f"there is no letter {args.letter_id} (see `advocate letters`)", err)
    except ValueError as exc:
        return fail(str(exc), err)
    state = "sent" if record.sent else "not sent"
    print(f"Letter {record.id} to {terminal_safe(record.recipient_name)}: {state}.", file=out)
    return EXIT_OK


def _list_letters(session: Session, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    if args.delete is not None:
        record = session.letter(args.delete) if session.has_library() else None
        if record is None:
            return fail(f"there is no letter {args.delete}", err)
        if not session.delete_letter(args.delete):
            return fail(f"letter {args.delete} was sent; sent letters stay in your record", err)
        print(f"Deleted letter {args.delete} to {terminal_safe(record.recipient_name)}.", file=out)
        return EXIT_OK
    records = session.letters(drafts=args.drafts) if session.has_library() else []
    if args.json:
        write_json([_record_json(r) for r in records], out)
        return EXIT_OK
    if not records:
        print("No drafts." if args.drafts else "No letters yet.", file=err)
    for record in records:
        status = status_words(record.sent, [route for route, _ in record.deliveries])
        when = _local(record.sent_at or record.updated_at)
        print(
            f"{record.id:>5}  {when}  {status:<20} {terminal_safe(record.recipient_name)} — "
            f"{terminal_safe(record.article_title)} (action {record.action_number})",
            file=out,
        )
    return EXIT_OK


def _local(stamp: str) -> str:
    return clock.local_moment(stamp).strftime("%Y-%m-%d %H:%M")


def _record_json(record: LetterRecord) -> dict[str, object]:
    return {
        "id": record.id,
        "article_id": record.article_id,
        "article_title": record.article_title,
        "action_number": record.action_number,
        "recipient_key": record.recipient_key,
        "recipient_name": record.recipient_name,
        "status": status_words(record.sent, [route for route, _ in record.deliveries]),
        "sent_at": record.sent_at,
        "updated_at": record.updated_at,
        "deliveries": [{"route": route, "at": at} for route, at in record.deliveries],
        "subject": record.subject,
        "body": record.body,
    }


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


def _letter_json(letter: Letter, letter_id: int | None) -> dict[str, object]:
    found = problems(letter.subject, letter.body, letter.route, letter.limit)
    return {
        **letter.to_dict(),
        "letter_id": letter_id,
        "before_sending": [problem.text for problem in found],
    }


def _as_text(letter: Letter, letter_id: int | None) -> str:
    head = f"=== To {letter.recipient.display_name}"
    if letter_id is not None:
        head += f" (letter {letter_id})"
    lines = [head.strip(), f"Route: {letter.route}  {letter.contact_url}"]
    lines += [f"Note: {note}" for note in letter.notes]
    found = problems(letter.subject, letter.body, letter.route, letter.limit)
    lines += [f"Before sending: {problem.text}" for problem in found]
    lines += ["", f"Subject: {letter.subject}", "", letter.body]
    return "\n".join(lines) + "\n"
