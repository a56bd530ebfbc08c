"""The officials directory: read the public data files, check them, index them.

Source files (the `congress-legislators` project's format, and a ZIP table):
  legislators-current.json, executive.json, legislators-district-offices.json (optional),
  zccd.csv (state_fips,state_abbr,zcta,cd).
The app keeps an index of them, `directory.sqlite3`, in its data folder; an update
builds a new index beside the old one and swaps it in only when complete.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from advocate_app.core.fs import atomic_path
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
DEFAULT_SOURCES = {
    LEGISLATORS: "https://unitedstates.github.io/congress-legislators/legislators-current.json",
    EXECUTIVE: "https://unitedstates.github.io/congress-legislators/executive.json",
    OFFICES: "https://unitedstates.github.io/congress-legislators/legislators-district-offices.json",
    ZIP_TABLE: "https://raw.githubusercontent.com/OpenSourceActivismTech/us_zipcodes_congress/master/zccd.csv",
}
MAX_DOWNLOAD_BYTES = 20 * 1024 * 1024
DOWNLOAD_TIMEOUT_SECONDS = 30
# A new copy much smaller than the one in use is taken for a truncated download.
MIN_SHARE_OF_PREVIOUS = 0.5

Progress = Callable[[str], None]


class DirectoryError(Exception):
    """The directory could not be read or updated; the message says which file and why."""


def index_path(data_folder: Path) -> Path:
    return data_folder / INDEX_FILE


def update_directory(
    data_folder: Path, source: str | None = None, progress: Progress | None = None
) -> DirectoryInfo:
    """Fetch (or copy) the four files, check them, and swap in a new index atomically.

    `source` is a folder or a base URL holding the files by name; by default the
    data's public addresses. On any error the previous index stays in use.
    """
    report = progress or (lambda message: None)
    raw = _gather(source, report)
    report("Checking the data…")
    legislators = _parse_json(raw[LEGISLATORS], LEGISLATORS)
    executive = _parse_json(raw[EXECUTIVE], EXECUTIVE)
    offices = _parse_json(raw[OFFICES], OFFICES) if raw.get(OFFICES) else []
    zips = _parse_zip_table(raw[ZIP_TABLE])
    people = _current_legislators(legislators)
    terms = _executive_terms(executive)
    _check_not_shrunk(data_folder, len(people), len(zips))
    report("Building the index…")
    with atomic_path(index_path(data_folder)) as temporary:
        info = build_index(temporary, people, terms, offices, zips, source)
    report("Done.")
    return info


def _gather(source: str | None, report: Progress) -> dict[str, bytes]:
    files: dict[str, bytes] = {}
    for name in (LEGISLATORS, EXECUTIVE, OFFICES, ZIP_TABLE):
        if source is None:
            location = DEFAULT_SOURCES[name]
        elif _is_url(source):
            location = source.rstrip("/") + "/" + name
        else:
            location = str(Path(source).expanduser() / name)
        report(f"Reading {name}…")
        try:
            files[name] = _read(location)
        except DirectoryError:
            if name == OFFICES:
                files[name] = b""  # optional: local offices are a bonus
                continue
            raise
    return files


def _is_url(text: str) -> bool:
    return text.startswith(("http://", "https://"))


def is_download(source: str | None) -> bool:
    """Whether updating from `source` uses the network (the default source does)."""
    return source is None or _is_url(source)


def _read(location: str) -> bytes:
    if _is_url(location):
        import urllib.error  # only for downloads: slow to load at start-up
        import urllib.request

        try:
            with urllib.request.urlopen(location, timeout=DOWNLOAD_TIMEOUT_SECONDS) as response:
                data = response.read(MAX_DOWNLOAD_BYTES + 1)
        except urllib.error.HTTPError as exc:
            raise DirectoryError(
                f"{location}: the server answered {exc.code} {exc.reason}"
            ) from None
        except (urllib.error.URLError, TimeoutError, OSError) as exc:
            reason = getattr(exc, "reason", exc)
            raise DirectoryError(f"{location}: could not download it ({reason})") from None
    else:
        try:
            data = Path(location).read_bytes()
        except FileNotFoundError:
            raise DirectoryError(f"{location}: no such file") from None
        except OSError as exc:
            raise DirectoryError(f"{location}: {exc.strerror}") from None
    if len(data) > MAX_DOWNLOAD_BYTES:
        raise DirectoryError(f"{location}: larger than {MAX_DOWNLOAD_BYTES // 1_048_576} MB")
    return data


def _parse_json(data: bytes, name: str) -> list[dict[str, Any]]:
    try:
        value = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise DirectoryError(f"{name} is not valid JSON (truncated or damaged?): {exc}") from None
    if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
        raise DirectoryError(f"{name} is not a list of records")
    return value


def _parse_zip_table(data: bytes) -> list[tuple[str, str, int]]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise DirectoryError(f"{ZIP_TABLE} is not UTF-8 text") from None
    reader = csv.DictReader(io.StringIO(text))
    missing = {"state_abbr", "zcta", "cd"} - set(reader.fieldnames or ())
    if missing:
        raise DirectoryError(f"{ZIP_TABLE} lacks the column(s) {', '.join(sorted(missing))}")
    rows: list[tuple[str, str, int]] = []
    for line, row in enumerate(reader, start=2):
        try:
            zcta, state, district = (
                row["zcta"].strip().zfill(5),
                row["state_abbr"].strip(),
                int(row["cd"]),
            )
        except (AttributeError, TypeError, ValueError):
            raise DirectoryError(f"{ZIP_TABLE}, line {line}: unreadable row {row!r}") from None
        rows.append((zcta, state, district))
    if not rows:
        raise DirectoryError(f"{ZIP_TABLE} has no rows")
    return rows


def _current_legislators(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    people = []
    for record in records:
        try:
            bioguide = record["id"]["bioguide"]
            term = record["terms"][-1]  # the last term is the current one
            name = record["name"]
            kind, state = term["type"], term["state"]
        except (KeyError, IndexError, TypeError):
            raise DirectoryError(
                f"{LEGISLATORS}: a record lacks its id, name or current term ({str(record)[:80]}…)"
            ) from None
        if kind not in ("sen", "rep") or not name.get("last"):
            raise DirectoryError(f"{LEGISLATORS}: {bioguide} has an unknown term type or no name")
        people.append(
            {"bioguide": bioguide, "name": name, "term": term, "type": kind, "state": state}
        )
    if not any(p["type"] == "sen" for p in people):
        raise DirectoryError(f"{LEGISLATORS} names no senators")
    return people


def _check_not_shrunk(data_folder: Path, legislators: int, zip_rows: int) -> None:
    current = open_directory(data_folder)
    if current is None:
        return
    try:
        before = current.info()
    finally:
        current.close()
    for name, now, then in (
        (LEGISLATORS, legislators, before.legislators),
        (ZIP_TABLE, zip_rows, before.zip_rows),
    ):
        if now < then * MIN_SHARE_OF_PREVIOUS:
            raise DirectoryError(
                f"{name} has {now} entries where the directory in use has {then}: "
                "it looks truncated"
            )


def _executive_terms(executive: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Every presidential and vice-presidential term with its dates, and who held it."""
    terms = [
        {"name": person.get("name", {}), "term": term}
        for person in executive
        for term in person.get("terms", [])
        if isinstance(term, dict)
        and term.get("type") in ("prez", "viceprez")
        and term.get("start")
        and term.get("end")
    ]
    if not any(t["term"]["type"] == "prez" for t in terms):
        raise DirectoryError(f"{EXECUTIVE} names no president")
    return terms


def open_directory(data_folder: Path) -> Directory | None:
    """The installed directory, or None when there is none yet."""
    return open_index(index_path(data_folder))
