"""The officials index, `directory.sqlite3`: built from checked data in a new file, then read
only. The officials package gathers and checks the data; this module owns the file's SQL."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from advocate_app.core import clock


@dataclass(frozen=True)
class DirectoryInfo:
    data_date: str  # the newest term start in the data: how current it is
    fetched_at: str
    source: str
    legislators: int
    zip_rows: int


def build_index(
    path: Path,
    people: list[dict[str, Any]],
    executive: list[dict[str, Any]],  # {"name": ..., "term": ...}, one per term
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
        rows = [
            (
                term["term"]["type"],
                term["term"]["start"],
                term["term"]["end"],
                json.dumps({"name": term["name"], "term": term["term"]}),
            )
            for term in executive
        ]
        db.executemany("INSERT INTO executive VALUES (?, ?, ?, ?)", rows)
        db.executemany("INSERT INTO zips VALUES (?, ?, ?)", zips)
        info = DirectoryInfo(
            data_date=max(p["term"].get("start", "") for p in people),
            fetched_at=clock.stamp(),
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


class DirectoryIndex:
    """Read access to an installed directory index."""

    def __init__(self, path: Path) -> None:
        if not path.exists():
            raise FileNotFoundError(f"no officials index at {path}")
        self.path = path
        self._db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        self._db.row_factory = sqlite3.Row

    def close(self) -> None:
        self._db.close()

    def info(self) -> DirectoryInfo:
        meta = dict(self._db.execute("SELECT key, value FROM meta").fetchall())
        count = self._db.execute("SELECT count(*) FROM legislators").fetchone()[0]
        zip_rows = self._db.execute("SELECT count(*) FROM zips").fetchone()[0]
        return DirectoryInfo(
            meta.get("data_date", ""),
            meta.get("fetched_at", ""),
            meta.get("source", ""),
            int(count),
            int(zip_rows),
        )

    def senators(self, state: str) -> list[dict[str, Any]]:
        rows = self._db.execute(
            "SELECT bioguide, record FROM legislators WHERE state = ? AND type = 'sen'", (state,)
        )
        return [self._person(row) for row in rows]

    def representative(self, state: str, district: int) -> dict[str, Any] | None:
        row = self._db.execute(
            "SELECT bioguide, record FROM legislators WHERE state = ? AND type = 'rep'"
            " AND district = ?",
            (state, district),
        ).fetchone()
        return self._person(row) if row else None

    def districts(self, state: str) -> list[int]:
        rows = self._db.execute(
            "SELECT district FROM legislators WHERE state = ? AND type = 'rep' ORDER BY district",
            (state,),
        )
        return [int(r[0]) for r in rows if r[0] is not None]

    def zip_districts(self, zip5: str) -> list[tuple[str, int]]:
        rows = self._db.execute(
            "SELECT DISTINCT state, district FROM zips WHERE zcta = ? ORDER BY state, district",
            (zip5,),
        )
        return [(r[0], int(r[1])) for r in rows]

    def executive(self, kind: str, on: date) -> dict[str, Any] | None:
        row = self._db.execute(
            "SELECT record FROM executive WHERE type = ? AND start <= ? AND ? < end"
            " ORDER BY start DESC LIMIT 1",
            (kind, on.isoformat(), on.isoformat()),
        ).fetchone()
        return json.loads(row[0]) if row else None

    def _person(self, row: sqlite3.Row) -> dict[str, Any]:
        person = json.loads(row["record"])
        person["bioguide"] = row["bioguide"]
        offices = self._db.execute(
            "SELECT offices FROM offices WHERE bioguide = ?", (row["bioguide"],)
        ).fetchone()
        person["offices"] = json.loads(offices[0]) if offices else []
        return person


def open_index(path: Path) -> DirectoryIndex | None:
    """The index at `path`, or None when there is none (or it cannot be read)."""
    if not path.exists():
        return None
    try:
        return DirectoryIndex(path)
    except (OSError, sqlite3.Error):
        return None
