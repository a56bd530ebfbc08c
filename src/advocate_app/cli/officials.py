"""`advocate profile`, `advocate directory` and `advocate officials`."""

from __future__ import annotations

import argparse
from dataclasses import replace
from typing import TextIO

from advocate_app.cli.common import EXIT_OK, EXIT_USAGE, fail, print_fixes, write_json
from advocate_app.core.officials.congress import ordinal
from advocate_app.core.officials.directory import DirectoryError
from advocate_app.core.officials.geocoder import GeocodeError
from advocate_app.core.officials.model import HOUSE_KINDS, MyOfficials, Official, SeatStatus
from advocate_app.core.profile.model import Profile, field_errors, normalized
from advocate_app.core.profile.storage import ProfileUnavailable
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
    setting.add_argument(
        "--confirm",
        action="store_true",
        help="save even when the ZIP code does not lie in the state",
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
    update.add_argument(
        "--zip-table",
        metavar="FILE_OR_URL",
        help="a ZIP-to-district table: zccd.csv, or the Census relationship file "
        "(tab20_cd11920_zcta520_natl.txt)",
    )
    update.add_argument(
        "--zip-congress",
        type=int,
        metavar="N",
        help="the Congress whose districts the ZIP table describes (when the file does not say)",
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
    officials.add_argument(
        "--locate",
        action="store_true",
        help="find your district from your street address with the U.S. Census Bureau's "
        "geocoder (sends your saved address to it)",
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
            if stored.unreadable:
                where = "keychain (unreadable now)"
            write_json({**data, "stored_in": where}, out)
        else:
            for key, value in data.items():
                print(f"{key.replace('_', ' '):>14}: {'' if value is None else value}", file=out)
            print(f"Kept in {stored.where}.", file=err)
        return EXIT_OK
    changes = {name: getattr(args, name) for name in PROFILE_FIELDS}
    if args.district is not None and args.district.strip() and not args.district.strip().isdigit():
        return fail("--district takes a number, like 7 (0 for at-large)", err, EXIT_USAGE)
    profile = stored.profile.updated(**{k: v for k, v in changes.items() if v is not None})
    if args.district is not None:
        district = args.district.strip()
        profile = Profile.from_dict({**profile.to_dict(), "district": district or None})
    if args.district is not None and profile.district is not None:
        profile = replace(
            profile, district_source="you", district_zip=profile.zip5, district_date=""
        )
    profile = normalized(profile)
    errors = field_errors(profile)
    if errors:
        for name, message in errors.items():
            print(f"advocate: {name.replace('_', ' ')}: {message}", file=err)
        return fail("nothing was saved", err)
    problems = session.check_address(profile)
    if problems and not args.confirm:
        for problem in problems:
            print(f"advocate: {problem}", file=err)
        return fail("nothing was saved; check the details, or add --confirm to keep them", err)
    try:
        saved = session.save_profile(profile)
    except ProfileUnavailable as exc:
        return fail(str(exc), err)
    if saved.notice:
        print(f"note: {saved.notice}", file=err)
    for note in saved.notes:
        print(f"note: {note}", file=err)
    where = "the system keychain" if saved.in_keychain else str(store.fallback_path)
    print(f"Saved your details in {where}.", file=out)
    return EXIT_OK


def _directory(args: argparse.Namespace, session: Session, out: TextIO, err: TextIO) -> int:
    if args.directory_command == "status":
        return _status(session, out, err)
    had_one = session.directory_info() is not None
    try:
        report = session.update_directory(
            args.source,
            progress=lambda m: print(m, file=err),
            zip_table=args.zip_table,
            zip_congress=args.zip_congress,
        )
    except NetworkOff:
        return fail("network access is turned off (advocate network on); use --from FOLDER", err)
    except DirectoryError as exc:
        print(f"advocate: the directory was not updated: {exc}", file=err)
        if had_one:
            print("advocate: the previous directory is still in use", file=err)
        return 1
    for note in report.notes:
        print(f"note: {note}", file=err)
    info = report.info
    print(
        f"Updated: {info.legislators} members of Congress, data as of {info.data_date}.", file=out
    )
    return _status(session, out, err, quiet=True)


def _status(session: Session, out: TextIO, err: TextIO, quiet: bool = False) -> int:
    info = session.directory_info()
    status = session.directory_status()
    if info is None or status is None:
        print("There is no directory yet. Get one with: advocate directory update", file=out)
        return 1
    if not quiet:
        print(
            f"Directory of {info.legislators} members of Congress, data as of "
            f"{info.data_date}, fetched {info.fetched_at} from {info.source}.",
            file=out,
        )
        print(
            f"Its data is of the {ordinal(status.data_congress)} Congress; the "
            f"{ordinal(status.congress_today)} Congress sits today. Its ZIP table ("
            f"{info.zip_source}) describes the districts of the "
            f"{ordinal(status.zip_congress)} Congress.",
            file=out,
        )
    if status.out_of_date:
        print(
            f"warning: the directory is of the {ordinal(status.data_congress)} Congress; "
            "update it: advocate directory update",
            file=err,
        )
    elif status.zip_congress < status.congress_today:
        print(
            f"warning: the ZIP table describes the {ordinal(status.zip_congress)} Congress's "
            "districts; a ZIP-based district may be out of date (advocate officials --locate)",
            file=err,
        )
    return 0


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
    if args.locate:
        try:
            located, _saved = session.locate_district()
        except NetworkOff:
            return fail("network access is turned off (advocate network on)", err)
        except GeocodeError as exc:
            return fail(str(exc), err)
        print(f"Matched {located.matched_address} → {located.label}; saved as your district.",
              file=err)  # fmt: skip
    officials = session.my_officials()
    if args.json:
        write_json(officials.to_dict(), out)
    else:
        out.write(_as_text(officials))
    for note in officials.notes:
        print(f"note: {note}", file=err)
    print_fixes(officials.needs, err)
    return EXIT_OK


def _as_text(officials: MyOfficials) -> str:
    lines: list[str] = []

    def add(official: Official, prefix: str = "") -> None:
        if official.seat_status is SeatStatus.VACANT:
            lines.append(f"{prefix}{official.display_name}: no one holds it today")
            return
        party = f" ({official.party})" if official.party else ""
        seat = official.seat if official.kind in HOUSE_KINDS else official.state
        ended = (
            f"  [term ended {official.term_end}]"
            if official.seat_status is SeatStatus.TERM_ENDED
            else ""
        )
        lines.append(f"{prefix}{official.display_name}{party} {seat}".rstrip() + ended)
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
    if officials.district_candidates:
        lines.append("Your ZIP code is split; your representative is one of:")
        for candidate in officials.district_candidates:
            add(candidate, "  - ")
            if candidate.share is not None:
                lines.append(f"      {round(100 * candidate.share)}% of the ZIP code's area")
    for seat in officials.open_seats:
        add(seat)
    for official in (officials.president, officials.vice_president):
        if official:
            add(official)
    return "\n".join(lines) + ("\n" if lines else "")
