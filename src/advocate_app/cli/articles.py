"""`advocate import`, `advocate list` and `advocate show`."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any, TextIO

from advocate_app.cli.common import EXIT_FAILED, EXIT_OK, fail, terminal_safe, write_json
from advocate_app.core.articles.model import article_to_dict
from advocate_app.core.session import Session
from advocate_app.core.store.queries import ArticleQuery

COMMANDS = ("import", "list", "show", "rename")


def add_commands(commands: argparse._SubParsersAction) -> None:
    importing = commands.add_parser("import", help="import article files or folders")
    importing.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    importing.add_argument("--json", action="store_true", help="print results as JSON")
    importing.add_argument(
        "--allow-short",
        action="store_true",
        help="import texts shorter than a few sentences too (refused as not articles otherwise)",
    )

    listing = commands.add_parser("list", help="list articles, newest first")
    listing.add_argument("--search", metavar="Q", help="full-text search")
    listing.add_argument("--category", metavar="C", help="only this category")
    listing.add_argument("--json", action="store_true", help="print as JSON")
    listing.add_argument(
        "--limit", type=int, metavar="N", help="at most N articles (default: all of them)"
    )
    listing.add_argument(
        "--offset", type=int, default=0, metavar="N", help="leave out the first N articles"
    )

    renaming = commands.add_parser("rename", help="give an article a title of your own")
    renaming.add_argument("id", type=int, metavar="ID")
    renaming.add_argument("title", metavar="TITLE")

    showing = commands.add_parser("show", help="show one article")
    showing.add_argument("id", type=int, metavar="ID")
    showing.add_argument("--json", action="store_true", help="print as JSON")


def run(args: argparse.Namespace, session: Session, out: TextIO, err: TextIO) -> int:
    if args.command == "import":
        return _import(session, args.paths, args.json, out, err, args.allow_short)
    if not session.has_library():
        return _empty(args, session.folder, out, err)
    if args.command == "list":
        return _list(session, args, out)
    if args.command == "rename":
        return _rename(session, args.id, args.title, out, err)
    return _show(session, args.id, args.json, out, err)


def _rename(session: Session, article_id: int, title: str, out: TextIO, err: TextIO) -> int:
    try:
        renamed = session.rename_article(article_id, title)
    except ValueError as exc:
        return fail(str(exc), err)
    if not renamed:
        return fail(f"no article with id {article_id}", err)
    print(f"#{article_id} is now titled: {terminal_safe(' '.join(title.split()))}", file=out)
    return EXIT_OK


def _empty(args: argparse.Namespace, folder: Path, out: TextIO, err: TextIO) -> int:
    if args.command == "list":
        if args.json:
            print("[]", file=out)
        else:
            print(
                f"The library in {folder} is empty. Add articles with: advocate import FILE",
                file=err,
            )
        return EXIT_OK
    return fail(f"no article with id {args.id} (the library in {folder} is empty)", err)


def _import(
    session: Session,
    paths: list[Path],
    as_json: bool,
    out: TextIO,
    err: TextIO,
    allow_short: bool = False,
) -> int:
    def show(result) -> None:  # noqa: ANN001 - an ImportResult
        if as_json:
            return
        path = terminal_safe(str(result.path))
        if result.failed:
            hint = " (import it anyway with --allow-short)" if result.too_short else ""
            print(f"{path}: {terminal_safe(result.error or '')}{hint}", file=err)
            return
        print(f"{result.status:<9}  #{result.id}  {path}  ({terminal_safe(result.title or '')})",
              file=out)  # fmt: skip
        for warning in result.warnings:
            print(f"{path}: note: {terminal_safe(warning)}", file=err)

    results = session.import_paths(paths, progress=show, allow_short=allow_short)
    if as_json:
        write_json(
            [
                {
                    "path": str(r.path),
                    "id": r.id,
                    "status": str(r.status),
                    "error": r.error,
                    "title": r.title,
                    "warnings": list(r.warnings),
                }
                for r in results
            ],
            out,
        )
    if not results:
        return fail("no article files found in the given paths", err)
    return EXIT_FAILED if any(r.failed for r in results) else EXIT_OK


def _list(session: Session, args: argparse.Namespace, out: TextIO) -> int:
    if (args.limit is not None and args.limit < 0) or args.offset < 0:
        return fail("--limit and --offset are counts: 0 or more", sys.stderr)
    query = ArticleQuery(search=args.search or "", category=args.category)
    summaries = session.library.iter_summaries(query, args.limit, args.offset)
    if args.json:
        # Row by row: a large library is never held as one list to print.
        out.write("[")
        for number, s in enumerate(summaries):
            row = {
                "id": s.id,
                "title": s.title,
                "source": s.source,
                "published": s.published,
                "categories": list(s.categories),
                "actions": s.actions,
                "done": s.done,
            }
            out.write(("," if number else "") + "\n  " + json.dumps(row, ensure_ascii=False))
        out.write("\n]\n")
        return EXIT_OK
    for s in summaries:
        date = (s.published or "")[:10] or "          "
        progress = f"{s.done}/{s.actions}"
        line = f"{s.id:>5}  {date}  {progress:>5}  {s.title}  [{s.source or 'no source'}]"
        print(terminal_safe(line), file=out)
    return EXIT_OK


def _show(session: Session, article_id: int, as_json: bool, out: TextIO, err: TextIO) -> int:
    stored = session.article(article_id)
    if stored is None:
        return fail(f"no article with id {article_id}", err)
    data: dict[str, Any] = {"id": stored.id, **article_to_dict(stored.article)}
    if as_json:
        write_json(data, out)
        return EXIT_OK
    out.write(terminal_safe(_as_text(data)))
    return EXIT_OK


def _as_text(data: dict[str, Any]) -> str:
    lines = [data["title"], ""]
    byline = " — ".join(x for x in (data["source"], data["published"]) if x)
    if byline:
        lines.append(byline)
    if data["categories"]:
        lines.append("Categories: " + ", ".join(data["categories"]))
    if data["url"]:
        lines.append(data["url"])
    lines.append("")
    for heading, key in (("", "body"), ("Opinion", "opinion"), ("Action", "action_essay")):
        if data[key]:
            if heading:
                lines.extend((f"== {heading} ==", ""))
            for paragraph in data[key]:
                lines.extend((paragraph, ""))
    if data["actions"]:
        lines.extend(("== What you can do ==", ""))
    for action in data["actions"]:
        kinds = ", ".join(t["kind"] for t in action["targets"])
        suffix = f"  → {kinds}" if kinds else ""
        lines.append(f"{action['number']}. {action['title']}{suffix}")
        for step in action["steps"]:
            head = f"{step['label']}: " if step["label"] else ""
            lines.append(f"   - {head}{step['text']}")
            for link in step["links"]:
                lines.append(f"     {link['text']} <{link['url']}>")
        for sample in action["sample_messages"]:
            lines.append("   Sample message:")
            lines.extend("     | " + line for line in sample.split("\n"))
        lines.append("")
    if data["related"]:
        lines.extend(("== Related articles ==", *("  " + t for t in data["related"]), ""))
    return "\n".join(lines)
