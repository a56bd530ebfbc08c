"""`advocate profile`, `advocate directory` and `advocate officials`."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TextIO

from advocate_app.core.officials.choices import OfficialChoices, load_choices, save_choices
from advocate_app.core.officials.directory import DirectoryError, open_directory, update_directory
from advocate_app.core.officials.lookup import MyOfficials, Official, find_officials
from advocate_app.core.profile.model import Profile, field_errors, normalized
from advocate_app.core.profile.storage import ProfileStore

PROFILE_FIELDS = (
    "prefix",
    "first_name",
    "last_name",
    "street",
    "city",
    "state",
    "zip",
    "email",
    "phone",
)


def add_commands(commands: argparse._SubParsersAction) -> None:
    profile = commands.add_parser("profile", help="your name and address, used in letters")
    profile_commands = profile.add_subparsers(
        dest="profile_command", metavar="ACTION", required=True
    )
    setting = profile_commands.add_parser("set", help="change your details (others are kept)")
    for name in PROFILE_FIELDS:
        setting.add_argument("--" + name.replace("_", "-"), dest=name, metavar="TEXT")
    setting.add_argument(
        "--district", metavar="N", help="congressional district (0: at-large; '' to forget it)"
    )
    showing = profile_commands.add_parser("show", help="show your details")
    showing.add_argument("--json", action="store_true")

    directory = commands.add_parser("directory", help="the offline directory of officials")
    directory_commands = directory.add_subparsers(
        dest="directory_command", metavar="ACTION", required=True
    )
    update = directory_commands.add_parser("update", help="download or copy a new directory")
    update.add_argument(
        "--from",
        dest="source",
        metavar="FOLDER_OR_URL",
        help="a folder or base URL holding the four files",
    )
    directory_commands.add_parser("status", help="how current the directory is")

    officials = commands.add_parser(
        "officials", help="your senators, representative and the White House"
    )
    officials.add_argument("--json", action="store_true")
    officials.add_argument(
        "--senator",
        action="append",
        metavar="NAME",
        help="type a senator's name (used when there is no directory)",
    )
    officials.add_argument(
        "--representative",
        metavar="NAME",
        help="type your representative's name (used without a directory)",
    )
    officials.add_argument(
        "--contact",
        action="append",
        metavar="ID=URL",
        help="your own contact address for an office (bioguide id)",
    )


def run(args: argparse.Namespace, folder: Path, out: TextIO, err: TextIO) -> int:
    if args.command == "profile":
        return _profile(args, folder, out, err)
    if args.command == "directory":
        return _directory(args, folder, out, err)
    return _officials(args, folder, out, err)


def _profile(args: argparse.Namespace, folder: Path, out: TextIO, err: TextIO) -> int:
    store = ProfileStore(folder)
    stored = store.load()
    if stored.notice:
        print(f"note: {stored.notice}", file=err)
    if args.profile_command == "show":
        data = stored.profile.to_dict()
        if args.json:
            json.dump(
                {
                    **data,
                    "stored_in": "keychain" if stored.in_keychain else str(store.fallback_path),
                },
                out,
                indent=2,
                ensure_ascii=False,
            )
            out.write("\n")
        else:
            for key, value in data.items():
                print(f"{key.replace('_', ' '):>11}: {'' if value is None else value}", file=out)
        return 0
    changes = {name: getattr(args, name) for name in PROFILE_FIELDS}
    if args.district is not None:
        if args.district.strip() == "":
            changes["district"] = None
        elif not args.district.strip().isdigit():
            print("advocate: --district takes a number, like 7 (0 for at-large)", file=err)
            return 2
    profile = stored.profile.updated(**{k: v for k, v in changes.items() if v is not None})
    if args.district is not None:
        district = args.district.strip()
        profile = Profile.from_dict({**profile.to_dict(), "district": district or None})
    profile = normalized(profile)
    errors = field_errors(profile)
    if errors:
        for name, message in errors.items():
            print(f"advocate: {name.replace('_', ' ')}: {message}", file=err)
        print("advocate: nothing was saved", file=err)
        return 1
    saved = store.save(profile)
    if saved.notice:
        print(f"note: {saved.notice}", file=err)
    where = "the system keychain" if saved.in_keychain else str(store.fallback_path)
    print(f"Saved your details in {where}.", file=out)
    return 0


def _directory(args: argparse.Namespace, folder: Path, out: TextIO, err: TextIO) -> int:
    if args.directory_command == "status":
        directory = open_directory(folder)
        if directory is None:
            print("There is no directory yet. Get one with: advocate directory update", file=out)
            return 1
        info = directory.info()
        directory.close()
        print(
            f"Directory of {info.legislators} members of Congress, data as of "
            f"{info.data_date}, fetched {info.fetched_at} from {info.source}.",
            file=out,
        )
        return 0
    if (args.source is None or args.source.startswith(("http://", "https://"))) and not _online(
        folder
    ):
        print(
            "advocate: network access is turned off (advocate network on); use --from FOLDER",
            file=err,
        )
        return 1
    try:
        info = update_directory(folder, args.source, progress=lambda m: print(m, file=err))
    except DirectoryError as exc:
        print(f"advocate: the directory was not updated: {exc}", file=err)
        if open_directory(folder) is not None:
            print("advocate: the previous directory is still in use", file=err)
        return 1
    print(
        f"Updated: {info.legislators} members of Congress, data as of {info.data_date}.", file=out
    )
    return 0


def _online(folder: Path) -> bool:
    from contextlib import closing

    from advocate_app.core.paths import library_path
    from advocate_app.core.store.library import open_library
    from advocate_app.core.web.network import network_allowed

    if not library_path(folder).exists():
        return True
    with closing(open_library(library_path(folder), create=False)) as library:
        return network_allowed(library)


def _officials(args: argparse.Namespace, folder: Path, out: TextIO, err: TextIO) -> int:
    choices = load_choices(folder)
    if args.senator or args.representative is not None or args.contact:
        urls = dict(choices.contact_urls)
        for item in args.contact or ():
            key, _, url = item.partition("=")
            if not url.startswith(("http://", "https://", "mailto:")):
                print(f"advocate: {item!r}: give ID=URL with a web or mailto address", file=err)
                return 2
            urls[key.strip()] = url.strip()
        choices = OfficialChoices(
            senators=tuple(args.senator[:2]) if args.senator else choices.senators,
            representative=(
                args.representative if args.representative is not None else choices.representative
            ),
            contact_urls=urls,
        )
        save_choices(folder, choices)
    stored = ProfileStore(folder).load()
    directory = open_directory(folder)
    try:
        officials = find_officials(stored.profile, directory, choices=choices)
    finally:
        if directory is not None:
            directory.close()
    if args.json:
        json.dump(officials.to_dict(), out, indent=2, ensure_ascii=False)
        out.write("\n")
    else:
        out.write(_as_text(officials))
    for note in officials.notes:
        print(f"note: {note}", file=err)
    return 0


def _as_text(officials: MyOfficials) -> str:
    lines: list[str] = []

    def add(official: Official) -> None:
        seat = official.state + (f"-{official.district}" if official.district is not None else "")
        party = f" ({official.party})" if official.party else ""
        lines.append(f"{official.title} {official.name}{party} {seat}".rstrip())
        if official.phone:
            lines.append(f"    phone:   {official.phone}")
        if official.contact_url:
            lines.append(f"    contact: {official.contact_url}")
        for office in official.district_offices:
            lines.append(f"    office:  {office.address}  {office.phone}".rstrip())

    for official in officials.senators:
        add(official)
    if officials.representative:
        add(officials.representative)
    for candidate in officials.district_candidates:
        lines.append("One of (your ZIP code is split):")
        add(candidate)
    for official in (officials.president, officials.vice_president):
        if official:
            add(official)
    return "\n".join(lines) + ("\n" if lines else "")
