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
import os
import sqlite3
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from advocate_app.core.paths import DIRECTORY_FILE

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


@dataclass(frozen=True)
class DirectoryInfo:
    data_date: str  # the newest term start in the data: how current it is
    fetched_at: str
    source: str
    legislators: int
    zip_rows: int


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
    _check_not_shrunk(data_folder, len(people), len(zips))
    report("Building the index…")
    data_folder.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=".directory-", suffix=".tmp", dir=data_folder)
    os.close(handle)
    try:
        info = _build_index(Path(temporary), people, executive, offices, zips, source)
        os.replace(temporary, index_path(data_folder))
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
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


def _build_index(
    path: Path,
    people: list[dict[str, Any]],
    executive: list[dict[str, Any]],
    offices: list[dict[str, Any]],
    zips: list[tuple[str, str, int]],
    source: str | None,
) -> DirectoryInfo:
    db = sqlite3.connect(path)
    try:
        db.executescript(
            """
            CREATE TABLE legislators (bioguide TEXT PRIMARY KEY, type TEXT NOT NULL,
                state TEXT NOT NULL, district INTEGER, record TEXT NOT NULL);
            CREATE INDEX legislators_by_seat ON legislators(state, type, district);
            CREATE TABLE offices (bioguide TEXT PRIMARY KEY, offices TEXT NOT NULL);
            CREATE TABLE executive (type TEXT NOT NULL, start TEXT NOT NULL, end TEXT NOT NULL,
                record TEXT NOT NULL);
            CREATE TABLE zips (zcta TEXT NOT NULL, state TEXT NOT NULL, district INTEGER NOT NULL);
            CREATE INDEX zips_by_zcta ON zips(zcta);
            CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
            """
        )
        db.executemany(
            "INSERT OR REPLACE INTO legislators VALUES (?, ?, ?, ?, ?)",
            [
                (
                    p["bioguide"],
                    p["type"],
                    p["state"],
                    p["term"].get("district"),
                    json.dumps({"name": p["name"], "term": p["term"]}),
                )
                for p in people
            ],
        )
        db.executemany(
            "INSERT OR REPLACE INTO offices VALUES (?, ?)",
            [
                (item["id"]["bioguide"], json.dumps(item.get("offices", [])))
                for item in offices
                if isinstance(item.get("id"), dict) and item["id"].get("bioguide")
            ],
        )
        rows = []
        for person in executive:
            for term in person.get("terms", []):
                if (
                    term.get("type") in ("prez", "viceprez")
                    and term.get("start")
                    and term.get("end")
                ):
                    rows.append(
                        (
                            term["type"],
                            term["start"],
                            term["end"],
                            json.dumps({"name": person.get("name", {}), "term": term}),
                        )
                    )
        if not any(row[0] == "prez" for row in rows):
            raise DirectoryError(f"{EXECUTIVE} names no president")
        db.executemany("INSERT INTO executive VALUES (?, ?, ?, ?)", rows)
        db.executemany("INSERT INTO zips VALUES (?, ?, ?)", zips)
        info = DirectoryInfo(
            data_date=max(p["term"].get("start", "") for p in people),
            fetched_at=datetime.now(UTC).isoformat(timespec="seconds"),
            source=source or "the public congress-legislators data",
            legislators=len(people),
            zip_rows=len(zips),
        )
        db.executemany(
            "INSERT INTO meta VALUES (?, ?)",
            [
                ("data_date", info.data_date),
                ("fetched_at", info.fetched_at),
                ("source", info.source),
            ],
        )
        db.commit()
        return info
    finally:
        db.close()


class Directory:
    """Read access to an installed directory index."""

    def __init__(self, path: Path) -> None:
        if not path.exists():
            raise DirectoryError("no directory of officials yet")
        self.path = path
        self.db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        self.db.row_factory = sqlite3.Row

    def close(self) -> None:
        self.db.close()

    def info(self) -> DirectoryInfo:
        meta = dict(self.db.execute("SELECT key, value FROM meta").fetchall())
        count = self.db.execute("SELECT count(*) FROM legislators").fetchone()[0]
        zip_rows = self.db.execute("SELECT count(*) FROM zips").fetchone()[0]
        return DirectoryInfo(
            meta.get("data_date", ""),
            meta.get("fetched_at", ""),
            meta.get("source", ""),
            int(count),
            int(zip_rows),
        )

    def senators(self, state: str) -> list[dict[str, Any]]:
        rows = self.db.execute(
            "SELECT bioguide, record FROM legislators WHERE state = ? AND type = 'sen'", (state,)
        )
        return [self._person(row) for row in rows]

    def representative(self, state: str, district: int) -> dict[str, Any] | None:
        row = self.db.execute(
            "SELECT bioguide, record FROM legislators WHERE state = ? AND type = 'rep'"
            " AND district = ?",
            (state, district),
        ).fetchone()
        return self._person(row) if row else None

    def districts(self, state: str) -> list[int]:
        rows = self.db.execute(
            "SELECT district FROM legislators WHERE state = ? AND type = 'rep' ORDER BY district",
            (state,),
        )
        return [int(r[0]) for r in rows if r[0] is not None]

    def zip_districts(self, zip5: str) -> list[tuple[str, int]]:
        rows = self.db.execute(
            "SELECT DISTINCT state, district FROM zips WHERE zcta = ? ORDER BY state, district",
            (zip5,),
        )
        return [(r[0], int(r[1])) for r in rows]

    def executive(self, kind: str, on: date) -> dict[str, Any] | None:
        row = self.db.execute(
            "SELECT record FROM executive WHERE type = ? AND start <= ? AND ? < end"
            " ORDER BY start DESC LIMIT 1",
            (kind, on.isoformat(), on.isoformat()),
        ).fetchone()
        return json.loads(row[0]) if row else None

    def _person(self, row: sqlite3.Row) -> dict[str, Any]:
        person = json.loads(row["record"])
        person["bioguide"] = row["bioguide"]
        offices = self.db.execute(
            "SELECT offices FROM offices WHERE bioguide = ?", (row["bioguide"],)
        ).fetchone()
        person["offices"] = json.loads(offices[0]) if offices else []
        return person


def open_directory(data_folder: Path) -> Directory | None:
    """The installed directory, or None when there is none yet."""
    path = index_path(data_folder)
    if not path.exists():
        return None
    try:
        return Directory(path)
    except sqlite3.Error:
        return None
