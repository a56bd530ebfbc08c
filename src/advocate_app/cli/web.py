"""`advocate fetch`, `advocate feeds …` and `advocate network on|off`."""

from __future__ import annotations

import argparse
import json
from contextlib import closing
from dataclasses import asdict
from pathlib import Path
from typing import TextIO

from advocate_app.core.paths import library_path
from advocate_app.core.store.library import Library, open_library

COMMANDS = ("fetch", "feeds", "network")


def add_commands(commands: argparse._SubParsersAction) -> None:
    fetching = commands.add_parser("fetch", help="download an article page to read offline")
    fetching.add_argument("url", metavar="URL")
    fetching.add_argument("--json", action="store_true")
    feeds = commands.add_parser("feeds", help="RSS and Atom subscriptions")
    actions = feeds.add_subparsers(dest="feeds_command", metavar="ACTION", required=True)
    adding = actions.add_parser("add", help="subscribe to a feed")
    adding.add_argument("url", metavar="URL")
    listing = actions.add_parser("list", help="your subscriptions, with unread counts")
    listing.add_argument("--json", action="store_true")
    actions.add_parser("refresh", help="fetch new articles from every feed")
    removing = actions.add_parser("remove", help="unsubscribe")
    removing.add_argument("feed_id", type=int, metavar="ID")
    importing = actions.add_parser("import", help="subscribe to the feeds of an OPML file")
    importing.add_argument("file", type=Path, metavar="FILE")
    exporting = actions.add_parser("export", help="write your subscriptions as OPML")
    exporting.add_argument("-o", "--output", type=Path, metavar="FILE")
    network = commands.add_parser("network", help="allow or forbid all network access")
    network.add_argument("state", choices=("on", "off", "status"))


def run(args: argparse.Namespace, folder: Path, out: TextIO, err: TextIO) -> int:
    from advocate_app.core.web.fetch import FetchError

    with closing(open_library(library_path(folder))) as library:
        try:
            return _run(library, args, out, err)
        except FetchError as exc:
            print(f"advocate: {exc}", file=err)
            return 1


def _run(library: Library, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from advocate_app.core.web import feeds as sources

    if args.command == "network":
        if args.state != "status":
            sources.set_network_allowed(library, args.state == "on")
        state = "on" if sources.network_allowed(library) else "off"
        print(f"Network access is {state}.", file=out)
        return 0
    if args.command == "fetch":
        article_id, status = sources.fetch_article(library, args.url)
        stored = library.get(article_id)
        title = stored.article.title if stored else ""
        if args.json:
            json.dump({"id": article_id, "status": status, "title": title, "url": args.url}, out)
            out.write("\n")
        else:
            print(f"{status}  #{article_id}  {title}", file=out)
        return 0
    command = args.feeds_command
    if command == "add":
        feed = sources.add_feed(library, args.url)
        print(f"Subscribed to {feed.title} (#{feed.id}).", file=out)
    elif command == "list":
        feeds = sources.list_feeds(library)
        if args.json:
            json.dump([asdict(f) for f in feeds], out, indent=2, ensure_ascii=False)
            out.write("\n")
        for feed in [] if args.json else feeds:
            problem = f"  (last refresh failed: {feed.error})" if feed.error else ""
            print(
                f"{feed.id:>4}  {feed.unread:>4} unread  {feed.title}  <{feed.url}>{problem}",
                file=out,
            )
    elif command == "refresh":
        reports = sources.refresh_feeds(library, progress=lambda m: print(m, file=err))
        failed = False
        for report in reports:
            if report.error:
                failed = True
                print(f"{report.feed}: {report.error}", file=err)
            elif report.not_modified:
                print(f"{report.feed}: no change", file=out)
            else:
                print(f"{report.feed}: {report.new_articles} new", file=out)
            for problem in report.entry_errors:
                print(f"  {problem}", file=err)
        return 1 if failed else 0
    elif command == "remove":
        sources.remove_feed(library, args.feed_id)
        print(f"Unsubscribed from feed #{args.feed_id}.", file=out)
    elif command == "import":
        try:
            text = args.file.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            print(f"advocate: {args.file}: {exc}", file=err)
            return 1
        count = sources.import_opml(library, text)
        print(
            f"Subscribed to {count} new feed(s). Run `advocate feeds refresh` to fetch them.",
            file=out,
        )
    else:
        text = sources.export_opml(library)
        if args.output:
            args.output.write_text(text, encoding="utf-8")
        else:
            out.write(text)
    return 0
