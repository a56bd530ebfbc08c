"""The officials index, `directory.sqlite3`: built from checked data in a new file, then read
only. The officials package gathers and checks the data; this module owns the file's SQL.

It keeps every term of every member with its dates, so which one is current is decided on the
day of the question, not on the day of the download.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from advocate_app.core import clock

INDEX_FORMAT = "3"  # bumped when the tables change; an older index asks to be updated


class IndexFormatError(Exception):
    """The index was made by another version of Advocate."""


@dataclass(frozen=True)
class DirectoryInfo:
    data_date: str  # the newest term start in the data: how current it is
    fetched_at: str
    source: str
    legislators: int
    zip_rows: int
    data_congress: int = 0  # the Congress most House terms in the data belong to
    zip_congress: int = 0  # the Congress whose districts the ZIP table describes
    zip_source: str = ""
    latest_term_end: str = ""  # the last day any House term in the data covers


@dataclass(frozen=True)
class ZipRow:
    state: str
    district: int
    share: float | None  # of the ZIP area's land in this district, when the source says


@dataclass(frozen=True)
class Term:
    bioguide: str
    name: dict[str, Any]
    term: dict[str, Any]  # the data's own record of the term
    offices: tuple[dict[str, Any], ...] = ()
    latest: bool = True  # the person's most recent term in the data

    @property
    def start(self) -> str:
        return str(self.term.get("start", ""))

    @property
    def end(self) -> str:
        return str(self.term.get("end", ""))


def build_index(
    path: Path,
    people: list[dict[str, Any]],  # {"bioguide", "name", "terms": [...]}
    executive: list[dict[str, Any]],  # {"name": ..., "term": ...}, one per term
    offices: dict[str, list[dict[str, Any]]],
    zips: list[tuple[str, str, int, float | None]],  # (zcta, state, district, share)
    meta: dict[str, str],
) -> None:
    db = sqlite3.connect(path)
    try:
        db.executescript(
            """
            CREATE TABLE people (bioguide TEXT PRIMARY KEY, name TEXT NOT NULL,
                offices TEXT NOT NULL, last_start TEXT NOT NULL);
            CREATE TABLE terms (bioguide TEXT NOT NULL REFERENCES people(bioguide),
                type TEXT NOT NULL, state TEXT NOT NULL, district INTEGER,
                start TEXT NOT NULL, end TEXT NOT NULL, record TEXT NOT NULL);
            CREATE INDEX terms_by_seat ON terms(state, type, district, start);
            CREATE TABLE executive (type TEXT NOT NULL, start TEXT NOT NULL, end TEXT NOT NULL,
                record TEXT NOT NULL);
            CREATE TABLE zips (zcta TEXT NOT NULL, state TEXT NOT NULL,
                district INTEGER NOT NULL, share REAL);
            CREATE INDEX zips_by_zcta ON zips(zcta);
            CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
            """
        )
        db.executemany(
            "INSERT INTO people VALUES (?, ?, ?, ?)",
            [
                (
                    p["bioguide"],
                    json.dumps(p["name"]),
                    json.dumps(offices.get(p["bioguide"], [])),
                    max(t["start"] for t in p["terms"]),
                )
                for p in people
            ],
        )
        db.executemany(
            "INSERT INTO terms VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    p["bioguide"],
                    t["type"],
                    t["state"],
                    t.get("district"),
                    t["start"],
                    t["end"],
                    json.dumps(t),
                )
                for p in people
                for t in p["terms"]
            ],
        )
        db.executemany(
            "INSERT INTO executive VALUES (?, ?, ?, ?)",
            [
                (
                    e["term"]["type"],
                    e["term"]["start"],
                    e["term"]["end"],
                    json.dumps({"name": e["name"], "term": e["term"]}),
                )
                for e in executive
            ],
        )
        db.executemany("INSERT INTO zips VALUES (?, ?, ?, ?)", zips)
        db.executemany(
            "INSERT INTO meta VALUES (?, ?)",
            [*meta.items(), ("format", INDEX_FORMAT), ("fetched_at", clock.stamp())],
        )
        db.commit()
    finally:
        db.close()


class DirectoryIndex:
    """Read access to an installed directory index."""

    def __init__(self, path: Path) -> None:
        if not path.exists():
            raise FileNotFoundError(f"no officials index at {path}")
        self.path = path
        self._info: DirectoryInfo | None = None  # the file never changes once built
        self._executive: dict[str, list[dict[str, Any]]] = {}
        self._terms: dict[tuple[str, str, int | None], list[Term]] = {}
        self._db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        self._db.row_factory = sqlite3.Row
        try:
            found = self._meta().get("format")
        except sqlite3.Error:
            found = None
        if found != INDEX_FORMAT:
            self._db.close()
            raise IndexFormatError(
                "the directory of officials was made by another version of Advocate"
            )

    def close(self) -> None:
        self._db.close()

    def _meta(self) -> dict[str, str]:
        return dict(self._db.execute("SELECT key, value FROM meta").fetchall())

    def info(self) -> DirectoryInfo:
        if self._info is None:
            self._info = self._read_info()
        return self._info

    def _read_info(self) -> DirectoryInfo:
        meta = self._meta()
        count = self._db.execute("SELECT count(*) FROM people").fetchone()[0]
        zip_rows = self._db.execute("SELECT count(*) FROM zips").fetchone()[0]
        return DirectoryInfo(
            data_date=meta.get("data_date", ""),
            fetched_at=meta.get("fetched_at", ""),
            source=meta.get("source", ""),
            legislators=int(count),
            zip_rows=int(zip_rows),
            data_congress=int(meta.get("data_congress", "0") or 0),
            zip_congress=int(meta.get("zip_congress", "0") or 0),
            zip_source=meta.get("zip_source", ""),
            latest_term_end=meta.get("latest_term_end", ""),
        )

    def terms(self, state: str, kind: str, district: int | None = None) -> list[Term]:
        """Every term of the data for a state's senators (kind "sen") or for one House seat
        (kind "rep"), oldest first."""
        key = (state, kind, district)
        if key not in self._terms:
            self._terms[key] = self._read_terms(state, kind, district)
        return self._terms[key]

    def _read_terms(self, state: str, kind: str, district: int | None) -> list[Term]:
        sql = (
            "SELECT t.bioguide, t.record, p.name, p.offices, t.start = p.last_start AS latest"
            " FROM terms t"
            " JOIN people p USING (bioguide) WHERE t.state = ? AND t.type = ?"
        )
        params: list[object] = [state, kind]
        if district is not None:
            sql += " AND t.district = ?"
            params.append(district)
        rows = self._db.execute(sql + " ORDER BY t.start, t.bioguide", params)
        return [
            Term(
                row["bioguide"],
                json.loads(row["name"]),
                json.loads(row["record"]),
                tuple(json.loads(row["offices"])),
                bool(row["latest"]),
            )
            for row in rows
        ]

    def zip_rows(self, zip5: str) -> list[ZipRow]:
        rows = self._db.execute(
            "SELECT state, district, max(share) FROM zips WHERE zcta = ?"
            " GROUP BY state, district ORDER BY state, district",
            (zip5,),
        )
        return [ZipRow(r[0], int(r[1]), r[2]) for r in rows]

    def executive(self, kind: str) -> list[dict[str, Any]]:
        """Every term of presidents ("prez") or vice presidents ("viceprez"), oldest first."""
        if kind not in self._executive:
            rows = self._db.execute(
                "SELECT record FROM executive WHERE type = ? ORDER BY start", (kind,)
            )
            self._executive[kind] = [json.loads(row[0]) for row in rows]
        return self._executive[kind]


def open_index(path: Path) -> DirectoryIndex | None:
    """The index at `path`, or None when there is none or it cannot be read."""
    if not path.exists():
        return None
    try:
        return DirectoryIndex(path)
    except (OSError, sqlite3.Error, IndexFormatError):
        return None
