"""`advocate fetch`, `advocate feeds …` and `advocate network on|off`."""

from __future__ import annotations

import argparse
from dataclasses import asdict
from pathlib import Path
from typing import TextIO

from advocate_app.cli.common import EXIT_OK, fail, write_json
from advocate_app.core.fs import FileProblem, atomic_write, read_small_file
from advocate_app.core.session import Session

COMMANDS = ("fetch", "feeds", "network")
OFFLINE = "network access is turned off; turn it on with: advocate network on"


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


def run(args: argparse.Namespace, session: Session, out: TextIO, err: TextIO) -> int:
    from advocate_app.core.web.fetch import FetchError
    from advocate_app.core.web.network import NetworkOff

    try:
        return _run(session, args, out, err)
    except NetworkOff:
        return fail(OFFLINE, err)
    except FetchError as exc:
        return fail(str(exc), err)


def _run(session: Session, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    if args.command == "network":
        if args.state != "status":
            session.set_network_allowed(args.state == "on")
        state = "on" if session.network_allowed() else "off"
        print(f"Network access is {state}.", file=out)
        return EXIT_OK
    if args.command == "fetch":
        article_id, status = session.fetch_article(args.url)
        stored = session.article(article_id)
        title = stored.article.title if stored else ""
        if args.json:
            write_json({"id": article_id, "status": status, "title": title, "url": args.url}, out)
        else:
            print(f"{status}  #{article_id}  {title}", file=out)
        return EXIT_OK
    command = args.feeds_command
    if command == "add":
        feed = session.add_feed(args.url)
        print(f"Subscribed to {feed.title} (#{feed.id}).", file=out)
    elif command == "list":
        feeds = session.feeds()
        if args.json:
            write_json([asdict(f) for f in feeds], out)
        for feed in [] if args.json else feeds:
            problem = f"  (last refresh failed: {feed.error})" if feed.error else ""
            print(
                f"{feed.id:>4}  {feed.unread:>4} unread  {feed.title}  <{feed.url}>{problem}",
                file=out,
            )
    elif command == "refresh":
        return _refresh(session, out, err)
    elif command == "remove":
        if not session.remove_feed(args.feed_id):
            return fail(f"there is no feed #{args.feed_id} (see: advocate feeds list)", err)
        print(f"Unsubscribed from feed #{args.feed_id}.", file=out)
    elif command == "import":
        try:
            data = read_small_file(args.file)
        except FileProblem as exc:
            return fail(f"{args.file}: {exc}", err)
        count = session.import_opml(data)
        print(
            f"Subscribed to {count} new feed(s). Run `advocate feeds refresh` to fetch them.",
            file=out,
        )
    else:
        text = session.export_opml()
        if args.output:
            atomic_write(args.output, text)
        else:
            out.write(text)
    return EXIT_OK


def _refresh(session: Session, out: TextIO, err: TextIO) -> int:
    reports = session.refresh_feeds(progress=lambda m: print(m, file=err))
    if not reports:
        print("No feeds yet; follow one with: advocate feeds add URL", file=err)
        return EXIT_OK
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
    return 1 if failed else EXIT_OK
