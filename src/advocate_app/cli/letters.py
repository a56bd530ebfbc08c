"""`advocate letter` and `advocate templates`."""

from __future__ import annotations

import argparse
import json
from contextlib import closing
from pathlib import Path
from typing import TextIO

from advocate_app.core.articles.model import Action
from advocate_app.core.letters.compose import TO_CHOICES, Letter, compose_letters
from advocate_app.core.letters.templates import LetterTemplateError, LetterTemplates
from advocate_app.core.officials.choices import load_choices
from advocate_app.core.officials.directory import open_directory
from advocate_app.core.officials.lookup import find_officials
from advocate_app.core.paths import library_path
from advocate_app.core.profile.storage import ProfileStore
from advocate_app.core.store.letters import record_letter
from advocate_app.core.store.library import open_library


def add_commands(commands: argparse._SubParsersAction) -> None:
    letter = commands.add_parser("letter", help="write letters for an article's action")
    letter.add_argument("article_id", type=int, metavar="ARTICLE_ID")
    letter.add_argument(
        "--action",
        type=int,
        metavar="N",
        help="the action's number (default: the first that writes to officials)",
    )
    letter.add_argument("--to", choices=TO_CHOICES, default="all")
    letter.add_argument("--template", metavar="NAME", help="a template instead of the sample")
    letter.add_argument("--json", action="store_true")
    letter.add_argument("--pdf", type=Path, metavar="OUT.pdf", help="also print them to a PDF")
    commands.add_parser("templates", help="list the letter templates")


def run(args: argparse.Namespace, folder: Path, out: TextIO, err: TextIO) -> int:
    templates = LetterTemplates(folder)
    if args.command == "templates":
        for info in templates.available():
            origin = "yours" if info.user else "built in"
            print(f"{info.name:<16} {origin:<9} {info.path}", file=out)
        print(f"Add or override templates in {templates.user_folder}", file=err)
        return 0
    if not library_path(folder).exists():
        print(f"advocate: no article with id {args.article_id} (the library is empty)", file=err)
        return 1
    with closing(open_library(library_path(folder), create=False)) as library:
        stored = library.get(args.article_id)
        if stored is None:
            print(f"advocate: no article with id {args.article_id}", file=err)
            return 1
        action = _choose_action(stored.article.actions, args.action, err)
        if action is None:
            return 1
        letters = _compose(folder, stored.article, action, templates, args, err)
        if letters is None:
            return 1
        if args.pdf:
            from advocate_app.gui.letters.printing import write_pdf_standalone

            profile = ProfileStore(folder).load().profile
            write_pdf_standalone(letters, profile, args.pdf)
            for letter in letters:
                record_letter(
                    library,
                    stored.id,
                    action.number,
                    letter.recipient.name,
                    letter.recipient.kind,
                    letter.recipient.bioguide or None,
                    "print",
                    letter.subject,
                    letter.body,
                )
            print(f"Wrote {len(letters)} letter(s) to {args.pdf}", file=err)
    if args.json:
        json.dump([letter.to_dict() for letter in letters], out, indent=2, ensure_ascii=False)
        out.write("\n")
    else:
        for letter in letters:
            out.write(_as_text(letter))
    return 0


def _choose_action(actions: tuple[Action, ...], number: int | None, err: TextIO) -> Action | None:
    if number is not None:
        for action in actions:
            if action.number == number:
                if not action.targets:
                    print(f"advocate: action {number} does not ask to contact anyone", file=err)
                    return None
                return action
        print(f"advocate: the article has no action {number}", file=err)
        return None
    for action in actions:
        if action.contacts_officials:
            return action
    print(
        "advocate: no action of this article writes to officials; choose one with --action",
        file=err,
    )
    return None


def _compose(
    folder: Path,
    article,
    action: Action,
    templates: LetterTemplates,
    args: argparse.Namespace,
    err: TextIO,
) -> list[Letter] | None:
    profile = ProfileStore(folder).load().profile
    directory = open_directory(folder)
    try:
        officials = find_officials(profile, directory, choices=load_choices(folder))
    finally:
        if directory is not None:
            directory.close()
    try:
        letters = compose_letters(
            article, action, officials, profile, templates, to=args.to, template=args.template
        )
    except LetterTemplateError as exc:
        print(f"advocate: {exc}", file=err)
        return None
    if not letters:
        print(f"advocate: action {action.number} has no recipients among --to {args.to}", file=err)
        return None
    for note in officials.notes:
        print(f"note: {note}", file=err)
    return letters


def _as_text(letter: Letter) -> str:
    head = f"=== To {letter.recipient.title} {letter.recipient.name}".replace("  ", " ")
    lines = [head.strip(), f"Route: {letter.route}  {letter.contact_url}"]
    lines += [f"Note: {note}" for note in letter.notes]
    lines += ["", f"Subject: {letter.subject}", "", letter.body]
    return "\n".join(lines) + "\n"
