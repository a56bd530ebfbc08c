"""The `advocate` command line: a thin layer over the library."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from contextlib import closing
from pathlib import Path
from typing import Any, TextIO

from advocate_app.cli import letters as cli_letters
from advocate_app.cli import officials as cli_officials
from advocate_app.cli import tracking as cli_tracking
from advocate_app.cli import web as cli_sources
from advocate_app.core.articles.model import article_to_dict
from advocate_app.core.importer import import_paths
from advocate_app.core.paths import data_dir, library_path
from advocate_app.core.store.database import LibraryError
from advocate_app.core.store.library import Library, open_library
from advocate_app.core.store.queries import ArticleQuery
from advocate_app.core.version import VersionAction

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


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

    importing = commands.add_parser("import", help="import article files or folders")
    importing.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    importing.add_argument("--json", action="store_true", help="print results as JSON")

    listing = commands.add_parser("list", help="list articles, newest first")
    listing.add_argument("--search", metavar="Q", help="full-text search")
    listing.add_argument("--category", metavar="C", help="only this category")
    listing.add_argument("--json", action="store_true", help="print as JSON")

    showing = commands.add_parser("show", help="show one article")
    showing.add_argument("id", type=int, metavar="ID")
    showing.add_argument("--json", action="store_true", help="print as JSON")
    cli_officials.add_commands(commands)
    cli_letters.add_commands(commands)
    cli_tracking.add_commands(commands)
    cli_sources.add_commands(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return EXIT_USAGE
    folder = data_dir(args.data_dir)
    try:
        if args.command == "import":
            return _import(folder, args.paths, args.json, sys.stdout, sys.stderr)
        if args.command in ("profile", "directory", "officials"):
            return cli_officials.run(args, folder, sys.stdout, sys.stderr)
        if args.command in ("letter", "templates"):
            return cli_letters.run(args, folder, sys.stdout, sys.stderr)
        if args.command in cli_tracking.COMMANDS:
            return cli_tracking.run(args, folder, sys.stdout, sys.stderr)
        if args.command in cli_sources.COMMANDS:
            return cli_sources.run(args, folder, sys.stdout, sys.stderr)
        library = _open_existing(folder)
        if library is None:
            return _no_library(args, folder)
        with closing(library):
            if args.command == "list":
                return _list(library, args.search, args.category, args.json, sys.stdout)
            return _show(library, args.id, args.json, sys.stdout, sys.stderr)
    except LibraryError as exc:
        print(f"advocate: {exc}", file=sys.stderr)
        return EXIT_FAILED
    except KeyboardInterrupt:
        print("advocate: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # the reader closed the pipe (`advocate list | head`)
        sys.stdout = None  # type: ignore[assignment]  # nothing more can be written
        return 0


def _open_existing(folder: Path) -> Library | None:
    path = library_path(folder)
    if not path.exists():
        return None
    return open_library(path, create=False)


def _no_library(args: argparse.Namespace, folder: Path) -> int:
    if args.command == "list":
        if args.json:
            print("[]")
        else:
            print(
                f"The library in {folder} is empty. Add articles with: advocate import FILE",
                file=sys.stderr,
            )
        return EXIT_OK
    print(
        f"advocate: no article with id {args.id} (the library in {folder} is empty)",
        file=sys.stderr,
    )
    return EXIT_FAILED


def _import(folder: Path, paths: list[Path], as_json: bool, out: TextIO, err: TextIO) -> int:
    results = []
    with closing(open_library(library_path(folder))) as library:
        for result in import_paths(library, paths):
            results.append(result)
            if as_json:
                continue
            if result.failed:
                print(f"{result.path}: {result.error}", file=err)
            else:
                print(
                    f"{result.status:<9}  #{result.id}  {result.path}  ({result.title})", file=out
                )
                for warning in result.warnings:
                    print(f"{result.path}: note: {warning}", file=err)
    if as_json:
        payload = [
            {
                "path": str(r.path),
                "id": r.id,
                "status": str(r.status),
                "error": r.error,
                "title": r.title,
                "warnings": list(r.warnings),
            }
            for r in results
        ]
        json.dump(payload, out, indent=2, ensure_ascii=False)
        out.write("\n")
    if not results:
        print("advocate: no article files found in the given paths", file=err)
        return EXIT_FAILED
    return EXIT_FAILED if any(r.failed for r in results) else EXIT_OK


def _list(
    library: Library, search: str | None, category: str | None, as_json: bool, out: TextIO
) -> int:
    summaries = library.list(ArticleQuery(search=search or "", category=category))
    if as_json:
        payload = [
            {
                "id": s.id,
                "title": s.title,
                "source": s.source,
                "published": s.published,
                "categories": list(s.categories),
                "actions": s.actions,
                "done": s.done,
            }
            for s in summaries
        ]
        json.dump(payload, out, indent=2, ensure_ascii=False)
        out.write("\n")
        return EXIT_OK
    for s in summaries:
        date = (s.published or "")[:10] or "          "
        progress = f"{s.done}/{s.actions}"
        print(f"{s.id:>5}  {date}  {progress:>5}  {s.title}  [{s.source or 'no source'}]", file=out)
    return EXIT_OK


def _show(library: Library, article_id: int, as_json: bool, out: TextIO, err: TextIO) -> int:
    stored = library.get(article_id)
    if stored is None:
        print(f"advocate: no article with id {article_id}", file=err)
        return EXIT_FAILED
    data: dict[str, Any] = {"id": stored.id, **article_to_dict(stored.article)}
    if as_json:
        json.dump(data, out, indent=2, ensure_ascii=False)
        out.write("\n")
        return EXIT_OK
    out.write(_as_text(data))
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


if __name__ == "__main__":
    sys.exit(main())
