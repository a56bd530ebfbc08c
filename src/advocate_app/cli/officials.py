"""`advocate profile`, `advocate directory` and `advocate officials`."""

from __future__ import annotations

import argparse
from typing import TextIO

from advocate_app.cli.common import EXIT_OK, EXIT_USAGE, fail, write_json
from advocate_app.core.officials.directory import DirectoryError
from advocate_app.core.officials.model import MyOfficials, Official
from advocate_app.core.profile.model import Profile, field_errors, normalized
from advocate_app.core.session import Session
from advocate_app.core.web.network import NetworkOff

COMMANDS = ("profile", "directory", "officials")
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


def run(args: argparse.Namespace, session: Session, out: TextIO, err: TextIO) -> int:
    if args.command == "profile":
        return _profile(args, session, out, err)
    if args.command == "directory":
        return _directory(args, session, out, err)
    return _officials(args, session, out, err)


def _profile(args: argparse.Namespace, session: Session, out: TextIO, err: TextIO) -> int:
    store = session.profiles
    stored = session.load_profile()
    if stored.notice:
        print(f"note: {stored.notice}", file=err)
    if args.profile_command == "show":
        data = stored.profile.to_dict()
        if args.json:
            where = "keychain" if stored.in_keychain else str(store.fallback_path)
            write_json({**data, "stored_in": where}, out)
        else:
            for key, value in data.items():
                print(f"{key.replace('_', ' '):>11}: {'' if value is None else value}", file=out)
        return EXIT_OK
    changes = {name: getattr(args, name) for name in PROFILE_FIELDS}
    if args.district is not None and args.district.strip() and not args.district.strip().isdigit():
        return fail("--district takes a number, like 7 (0 for at-large)", err, EXIT_USAGE)
    profile = stored.profile.updated(**{k: v for k, v in changes.items() if v is not None})
    if args.district is not None:
        district = args.district.strip()
        profile = Profile.from_dict({**profile.to_dict(), "district": district or None})
    profile = normalized(profile)
    errors = field_errors(profile)
    if errors:
        for name, message in errors.items():
            print(f"advocate: {name.replace('_', ' ')}: {message}", file=err)
        return fail("nothing was saved", err)
    saved = session.save_profile(profile)
    if saved.notice:
        print(f"note: {saved.notice}", file=err)
    where = "the system keychain" if saved.in_keychain else str(store.fallback_path)
    print(f"Saved your details in {where}.", file=out)
    return EXIT_OK


def _directory(args: argparse.Namespace, session: Session, out: TextIO, err: TextIO) -> int:
    if args.directory_command == "status":
        info = session.directory_info()
        if info is None:
            print("There is no directory yet. Get one with: advocate directory update", file=out)
            return 1
        print(
            f"Directory of {info.legislators} members of Congress, data as of "
            f"{info.data_date}, fetched {info.fetched_at} from {info.source}.",
            file=out,
        )
        return EXIT_OK
    had_one = session.directory_info() is not None
    try:
        info = session.update_directory(args.source, progress=lambda m: print(m, file=err))
    except NetworkOff:
        return fail("network access is turned off (advocate network on); use --from FOLDER", err)
    except DirectoryError as exc:
        print(f"advocate: the directory was not updated: {exc}", file=err)
        if had_one:
            print("advocate: the previous directory is still in use", file=err)
        return 1
    print(
        f"Updated: {info.legislators} members of Congress, data as of {info.data_date}.", file=out
    )
    return EXIT_OK


def _officials(args: argparse.Namespace, session: Session, out: TextIO, err: TextIO) -> int:
    for item in args.contact or ():
        key, _, url = item.partition("=")
        if not url.startswith(("http://", "https://", "mailto:")):
            return fail(f"{item!r}: give ID=URL with a web or mailto address", err, EXIT_USAGE)
        session.set_contact_url(key.strip(), url.strip())
    if args.senator or args.representative is not None:
        session.set_typed_officials(
            tuple(args.senator) if args.senator else None, args.representative
        )
    officials = session.my_officials()
    if args.json:
        write_json(officials.to_dict(), out)
    else:
        out.write(_as_text(officials))
    for note in officials.notes:
        print(f"note: {note}", file=err)
    return EXIT_OK


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
