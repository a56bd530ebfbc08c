"""The officials directory: read the public data files, check them, index them.

Source files (the `congress-legislators` project's format, and a ZIP table):
  legislators-current.json, executive.json, legislators-district-offices.json (optional),
  and a ZIP-to-district table: `zccd.csv` (state_fips,state_abbr,zcta,cd) or the Census
  Bureau's relationship file (`tab20_cd11920_zcta520_natl.txt`: pipe-delimited, with the land
  area each ZIP area shares with each district).
The app keeps an index of them, `directory.sqlite3`, in its data folder; an update builds a
new index beside the old one and swaps it in only when it is complete and no worse.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from advocate_app.core import clock
from advocate_app.core.fs import atomic_path
from advocate_app.core.officials.congress import (
    APPORTIONMENT,
    NO_SENATORS,
    STATE_FIPS,
    congress_on,
    house_seats,
    ordinal,
)
from advocate_app.core.paths import DIRECTORY_FILE
from advocate_app.core.store.directory_index import (
    DirectoryIndex,
    DirectoryInfo,
    build_index,
    open_index,
)

Directory = DirectoryIndex  # read access to an installed directory

INDEX_FILE = DIRECTORY_FILE
LEGISLATORS = "legislators-current.json"
EXECUTIVE = "executive.json"
OFFICES = "legislators-district-offices.json"
ZIP_TABLE = "zccd.csv"
CENSUS_TABLE = re.compile(r"^tab\d*_cd\d+\d*_zcta5\d*_natl\.txt$", re.IGNORECASE)
PUBLIC_SOURCES = {
    LEGISLATORS: "https://unitedstates.github.io/congress-legislators/legislators-current.json",
    EXECUTIVE: "https://unitedstates.github.io/congress-legislators/executive.json",
    OFFICES: "https://unitedstates.github.io/congress-legislators/legislators-district-offices.json",
    ZIP_TABLE: "https://raw.githubusercontent.com/OpenSourceActivismTech/us_zipcodes_congress/master/zccd.csv",
}
# A mirror of the public files (a web address holding all four), for offices that keep one
# and for tests: ADVOCATE_DIRECTORY_URL.
MIRROR_VARIABLE = "ADVOCATE_DIRECTORY_URL"


def default_location(name: str) -> str:
    mirror = os.environ.get(MIRROR_VARIABLE, "").strip()
    if mirror:
        return mirror.rstrip("/") + "/" + name
    return PUBLIC_SOURCES.get(name, name)


MAX_DOWNLOAD_BYTES = 40 * 1024 * 1024  # the Census relationship file is about 3 MB
DOWNLOAD_TIMEOUT_SECONDS = 60
# A new copy much smaller than the one in use is taken for a truncated download.
MIN_SHARE_OF_PREVIOUS = 0.5
KNOWN_STATES = frozenset(APPORTIONMENT) | NO_SENATORS

Progress = Callable[[str], None]


class DirectoryError(Exception):
    """The directory could not be read or updated; the message says which file and why.
    `plain` says it for the window; `download` is whether the network was needed."""

    def __init__(self, message: str, plain: str | None = None, download: bool = False) -> None:
        super().__init__(message)
        self.plain = plain or message
        self.download = download


@dataclass(frozen=True)
class ZipTable:
    rows: list[tuple[str, str, int, float | None]]  # (zcta, state, district, share)
    congress: int | None  # the Congress the districts belong to, when the file says
    source: str
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class UpdateReport:
    info: DirectoryInfo
    notes: tuple[str, ...] = field(default=())  # what was accepted with a remark


def index_path(data_folder: Path) -> Path:
    return data_folder / INDEX_FILE


def update_directory(
    data_folder: Path,
    source: str | None = None,
    progress: Progress | None = None,
    *,
    today: date | None = None,
    zip_table: str | None = None,
    zip_congress: int | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> UpdateReport:
    """Fetch (or copy) the files, check them, and swap in a new index atomically.

    `source` is a folder or a base URL holding the files by name; by default the data's
    public addresses. `zip_table` names a ZIP table elsewhere (a file or an address), and
    `zip_congress` the Congress it describes when the file does not say. On any error the
    previous index stays in use.
    """
    report = progress or (lambda message: None)
    today = today or clock.today()
    raw, table_name = _gather(source, zip_table, report, cancelled)
    report("Checking the data…")
    legislators = _parse_json(raw[LEGISLATORS], LEGISLATORS)
    executive = _parse_json(raw[EXECUTIVE], EXECUTIVE)
    offices = _parse_offices(raw.get(OFFICES) or b"")
    people = _legislators(legislators)
    terms = _executive_terms(executive)
    table = parse_zip_table(raw[table_name], table_name)
    data_date = max(t["start"] for p in people for t in p["terms"])
    latest_end = max(
        (t["end"] for p in people for t in p["terms"] if t["type"] == "rep"), default=""
    )
    last_day = max(t["end"] for p in people for t in p["terms"])
    if last_day < today.isoformat():
        raise DirectoryError(
            f"{LEGISLATORS} is old data: every term in it ended by {last_day}, so it names "
            "nobody who serves today"
        )
    data_congress = _data_congress(people)
    meta = {
        "data_date": data_date,
        "source": source or "the public congress-legislators data",
        "data_congress": str(data_congress),
        "zip_congress": str(table.congress or zip_congress or data_congress),
        "zip_source": table.source,
        "latest_term_end": latest_end,
    }
    _check_not_worse(data_folder, len(people), len(table.rows), data_date)
    _check_covers(people, table)
    report("Building the index…")
    with atomic_path(index_path(data_folder)) as temporary:
        build_index(temporary, people, terms, offices, table.rows, meta)
    directory = open_directory(data_folder)
    assert directory is not None
    try:
        info = directory.info()
    finally:
        directory.close()
    report("Done.")
    return UpdateReport(info, table.notes)


def _gather(
    source: str | None,
    zip_table: str | None,
    report: Progress,
    cancelled: Callable[[], bool] | None = None,
) -> tuple[dict[str, bytes], str]:
    """The files by name, and the name of the ZIP table among them."""
    files: dict[str, bytes] = {}
    table_name = ZIP_TABLE
    if zip_table is not None:
        table_name = Path(zip_table.rstrip("/")).name or ZIP_TABLE
    elif source is not None and not _is_url(source):
        folder = Path(source).expanduser()
        census = sorted(p.name for p in _listing(folder) if CENSUS_TABLE.match(p.name))
        if census and not (folder / ZIP_TABLE).exists():
            table_name = census[-1]
    for name in (LEGISLATORS, EXECUTIVE, OFFICES, table_name):
        location = _location(zip_table if name == table_name and zip_table else source, name)
        report(f"Reading {name}…")
        try:
            files[name] = _read(location, cancelled)
        except DirectoryError:
            if name == OFFICES:
                files[name] = b""  # optional: local offices are a bonus
                continue
            raise
    return files, table_name


def _listing(folder: Path) -> list[Path]:
    try:
        return list(folder.iterdir())
    except OSError:
        return []


def _location(source: str | None, name: str) -> str:
    if source is None:
        return default_location(name)
    if _is_url(source):
        return source if source.endswith(name) else source.rstrip("/") + "/" + name
    path = Path(source).expanduser()
    return str(path if path.name == name and path.is_file() else path / name)


def _is_url(text: str) -> bool:
    return text.startswith(("http://", "https://"))


def is_download(source: str | None) -> bool:
    """Whether updating from `source` uses the network (the default source does)."""
    return source is None or _is_url(source)


def _read(location: str, cancelled: Callable[[], bool] | None = None) -> bytes:
    if _is_url(location):
        from advocate_app.core.web.fetch import FetchError, fetch

        try:
            fetched = fetch(
                location,
                timeout=DOWNLOAD_TIMEOUT_SECONDS,
                max_bytes=MAX_DOWNLOAD_BYTES,
                same_site_only=False,
                cancelled=cancelled,
            )
        except FetchError as exc:
            raise DirectoryError(
                str(exc), f"The directory could not be downloaded. {exc.plain}", download=True
            ) from None
        return fetched.content
    try:
        path = Path(location)
        if path.is_file() and path.stat().st_size > MAX_DOWNLOAD_BYTES:
            raise DirectoryError(f"{location}: larger than {MAX_DOWNLOAD_BYTES // 1_048_576} MB")
        return path.read_bytes()
    except FileNotFoundError:
        raise DirectoryError(f"{location}: no such file") from None
    except IsADirectoryError:
        raise DirectoryError(f"{location}: this is a folder, not the file") from None
    except OSError as exc:
        raise DirectoryError(f"{location}: {exc.strerror}") from None


def _parse_json(data: bytes, name: str) -> list[dict[str, Any]]:
    try:
        value = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise DirectoryError(
            f"{name} is not valid JSON (truncated or damaged?): {exc}",
            f"The file {name} is damaged or incomplete (it is not valid JSON).",
        ) from None
    if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
        raise DirectoryError(f"{name} is not a list of records")
    return value


def _parse_offices(data: bytes) -> dict[str, list[dict[str, Any]]]:
    if not data:
        return {}
    try:
        records = _parse_json(data, OFFICES)
    except DirectoryError:
        return {}  # optional: a damaged offices file is left out, not fatal
    found: dict[str, list[dict[str, Any]]] = {}
    for item in records:
        identity = item.get("id")
        offices = item.get("offices")
        if isinstance(identity, dict) and identity.get("bioguide") and isinstance(offices, list):
            found[str(identity["bioguide"])] = [o for o in offices if isinstance(o, dict)]
    return found


# --- ZIP tables ------------------------------------------------------------------------
def parse_zip_table(data: bytes, name: str) -> ZipTable:
    """Either ZIP table format: the CSV, or the Census relationship file (with land shares)."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise DirectoryError(f"{name} is not UTF-8 text") from None
    first_line = text.split("\n", 1)[0]
    if "|" in first_line:
        table = _census_table(text, name)
    else:
        table = _csv_table(text, name)
    if not table.rows:
        raise DirectoryError(f"{name} has no rows")
    return table


def _csv_table(text: str, name: str) -> ZipTable:
    reader = csv.DictReader(io.StringIO(text))
    missing = {"state_abbr", "zcta", "cd"} - set(reader.fieldnames or ())
    if missing:
        raise DirectoryError(f"{name} lacks the column(s) {', '.join(sorted(missing))}")
    rows: list[tuple[str, str, int, float | None]] = []
    for line, row in enumerate(reader, start=2):
        try:
            zcta = row["zcta"].strip().zfill(5)
            state = row["state_abbr"].strip().upper()
            district = int(row["cd"])
        except (AttributeError, TypeError, ValueError):
            raise DirectoryError(f"{name}, line {line}: unreadable row {row!r}") from None
        _check_seat(name, line, zcta, state, district)
        rows.append((zcta, state, district, None))
    return _deduplicated(rows, None, name)


CENSUS_CD = re.compile(r"^GEOID_CD(\d{3})_\d+$", re.IGNORECASE)
CENSUS_ZCTA = re.compile(r"^GEOID_ZCTA5_\d+$", re.IGNORECASE)


def _census_table(text: str, name: str) -> ZipTable:
    reader = csv.reader(io.StringIO(text), delimiter="|")
    header = [column.strip() for column in next(reader, [])]
    cd_column = next((i for i, c in enumerate(header) if CENSUS_CD.match(c)), None)
    zcta_column = next((i for i, c in enumerate(header) if CENSUS_ZCTA.match(c)), None)
    land_column = next((i for i, c in enumerate(header) if c.upper() == "AREALAND_PART"), None)
    if cd_column is None or zcta_column is None:
        raise DirectoryError(
            f"{name} is not a Census ZIP-area-to-district relationship file "
            "(no GEOID_CD…/GEOID_ZCTA5… columns)"
        )
    match = CENSUS_CD.match(header[cd_column])
    congress = int(match.group(1)) if match else None
    land: dict[str, dict[tuple[str, int], float]] = defaultdict(dict)
    for line, row in enumerate(reader, start=2):
        if not row or not any(cell.strip() for cell in row):
            continue
        try:
            geoid, zcta = row[cd_column].strip(), row[zcta_column].strip()
            if not zcta or len(geoid) != 4 or geoid[2:].upper() == "ZZ":
                continue  # a district part with no ZIP area, or water outside any district
            area = float(row[land_column]) if land_column is not None else 0.0
        except (IndexError, ValueError):
            raise DirectoryError(f"{name}, line {line}: unreadable row {'|'.join(row)!r}") from None
        state = STATE_FIPS.get(geoid[:2])
        if state is None or not geoid[2:].isdigit():
            raise DirectoryError(f"{name}, line {line}: unknown district {geoid!r}")
        district = int(geoid[2:])
        district = 0 if district in (98, 99) else district  # non-voting delegates' districts
        _check_seat(name, line, zcta, state, district)
        seat = (state, district)
        land[zcta][seat] = land[zcta].get(seat, 0.0) + area
    rows: list[tuple[str, str, int, float | None]] = []
    for zcta, seats in land.items():
        total = sum(seats.values())
        for (state, district), area in seats.items():
            rows.append((zcta, state, district, round(area / total, 4) if total else None))
    source = f"{name} (the {ordinal(congress)} Congress)" if congress else name
    return ZipTable(rows, congress, source)


def _check_seat(name: str, line: int, zcta: str, state: str, district: int) -> None:
    if not (len(zcta) == 5 and zcta.isdigit()):
        raise DirectoryError(f"{name}, line {line}: {zcta!r} is not a ZIP code")
    if state not in KNOWN_STATES:
        raise DirectoryError(f"{name}, line {line}: {state!r} is not a state or territory")
    if district not in house_seats(state):
        raise DirectoryError(
            f"{name}, line {line}: {state} has no congressional district {district}"
        )


def _deduplicated(
    rows: list[tuple[str, str, int, float | None]], congress: int | None, name: str
) -> ZipTable:
    unique = list(dict.fromkeys(rows))
    repeated = len(rows) - len(unique)
    notes = (f"{name}: {repeated} repeated row(s) were counted once",) if repeated else ()
    return ZipTable(unique, congress, name, notes)


# --- legislators and the executive ---------------------------------------------------------
def _legislators(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    people = []
    for record in records:
        try:
            bioguide = str(record["id"]["bioguide"])
            name = record["name"]
            terms = [t for t in record["terms"] if isinstance(t, dict)]
            assert isinstance(name, dict) and terms
        except (KeyError, TypeError, AssertionError):
            raise DirectoryError(
                f"{LEGISLATORS}: a record lacks its id, name or terms ({str(record)[:80]}…)"
            ) from None
        if not name.get("last"):
            raise DirectoryError(f"{LEGISLATORS}: {bioguide} has no last name")
        for term in terms:
            if term.get("type") not in ("sen", "rep") or not term.get("state"):
                raise DirectoryError(f"{LEGISLATORS}: {bioguide} has a term of unknown type")
            if not _is_day(term.get("start")) or not _is_day(term.get("end")):
                raise DirectoryError(f"{LEGISLATORS}: {bioguide} has a term without dates")
        people.append({"bioguide": bioguide, "name": name, "terms": terms})
    if not any(t["type"] == "sen" for p in people for t in p["terms"]):
        raise DirectoryError(f"{LEGISLATORS} names no senators")
    return people


def _check_covers(people: list[dict[str, Any]], table: ZipTable) -> None:
    """Every state of the ZIP table must have members in the legislators' file."""
    with_members = {t["state"] for p in people for t in p["terms"]}
    missing = sorted({state for _, state, _, _ in table.rows} - with_members)
    if missing:
        from advocate_app.core.profile.model import STATES

        names = ", ".join(STATES.get(s, s) for s in missing[:5])
        more = f" and {len(missing) - 5} more" if len(missing) > 5 else ""
        raise DirectoryError(
            f"{LEGISLATORS} names no one for {names}{more}, which the ZIP table covers: it "
            "looks incomplete"
        )


def _is_day(value: object) -> bool:
    try:
        date.fromisoformat(str(value))
    except ValueError:
        return False
    return True


def _data_congress(people: list[dict[str, Any]]) -> int:
    """The Congress of most House terms in the data (their last ones)."""
    starts = Counter(
        congress_on(date.fromisoformat(p["terms"][-1]["start"]))
        for p in people
        if p["terms"][-1]["type"] == "rep"
    )
    return starts.most_common(1)[0][0] if starts else 0


def _executive_terms(executive: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Every presidential and vice-presidential term with its dates, and who held it."""
    terms = [
        {"name": person.get("name", {}), "term": term}
        for person in executive
        for term in person.get("terms", [])
        if isinstance(term, dict)
        and term.get("type") in ("prez", "viceprez")
        and _is_day(term.get("start"))
        and _is_day(term.get("end"))
    ]
    if not any(t["term"]["type"] == "prez" for t in terms):
        raise DirectoryError(f"{EXECUTIVE} names no president")
    return terms


def _check_not_worse(data_folder: Path, legislators: int, zip_rows: int, data_date: str) -> None:
    current = open_directory(data_folder)
    if current is None:
        return
    try:
        before = current.info()
    finally:
        current.close()
    for name, now, then in (
        (LEGISLATORS, legislators, before.legislators),
        ("the ZIP table", zip_rows, before.zip_rows),
    ):
        if now < then * MIN_SHARE_OF_PREVIOUS:
            raise DirectoryError(
                f"{name} has {now} entries where the directory in use has {then}: "
                "it looks truncated"
            )
    if data_date < before.data_date:
        raise DirectoryError(
            f"this data is older (as of {data_date}) than the directory in use "
            f"(as of {before.data_date})"
        )


def open_directory(data_folder: Path) -> Directory | None:
    """The installed directory, or None when there is none yet (or it is unusable)."""
    return open_index(index_path(data_folder))
