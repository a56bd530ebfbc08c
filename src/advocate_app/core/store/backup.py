"""Back up, restore and salvage the library.

A backup is SQLite's online copy: consistent even while the app is open, and checked before
it is called done. A restore never trusts the backup's schema: its data is copied, table by
table and column by column, into a library freshly created by this version, so a trigger, a
view or a table the app does not know cannot come along. Salvage does the same from a damaged
library, keeping every row that can still be read.
"""

from __future__ import annotations

import shutil
import sqlite3
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from advocate_app.core import clock
from advocate_app.core.fs import atomic_path
from advocate_app.core.store.database import (
    APPLICATION_ID,
    LibraryError,
    LibraryNewerError,
    NotALibraryError,
    open_database,
)
from advocate_app.core.store.migrations import SCHEMA_VERSION, index_actions

# The tables that hold the reader's data, parents before children. The search index
# (articles_fts and its own tables) is rebuilt from article_texts, never copied.
DATA_TABLES = (
    "articles",
    "article_texts",
    "article_categories",
    "action_status",
    "app_state",
    "letters",
    "deliveries",
    "calls",
    "follow_ups",
    "feeds",
    "feed_entries",
)
INDEX_PREFIX = "articles_fts"
# Tables made from the others (the actions index): rebuilt after a restore, never copied.
DERIVED_TABLES = ("action_index",)


@dataclass(frozen=True)
class RestoreReport:
    safety: Path  # where the library as it was before is kept
    rows: int  # rows brought in
    ignored: tuple[str, ...] = field(default=())  # what the backup had that was left out


def write_backup(connection: sqlite3.Connection, target: Path) -> Path:
    """Write a consistent copy of the library to `target` (replaced only when complete and
    checked); LibraryError when the copy is damaged."""
    with atomic_path(target) as partial:
        verdict = _copy_database(connection, partial)
        if verdict != "ok":
            raise LibraryError(
                f"The copy is damaged ({verdict}); the library itself may be. Nothing was "
                f"written to {target}."
            )
    return target.expanduser()


def _copy_database(connection: sqlite3.Connection, target: Path) -> str:
    """Copy the library into `target`; the copy's integrity check says whether it is whole."""
    copy = sqlite3.connect(target)
    try:
        connection.backup(copy)
        copy.execute("PRAGMA journal_mode = DELETE")  # one self-contained file
        return str(copy.execute("PRAGMA integrity_check").fetchone()[0])
    finally:
        copy.close()


def check_backup(source: Path) -> int:
    """The schema version of a backup file; raises LibraryError when it cannot be restored."""
    if not source.is_file():
        raise LibraryError(f"There is no backup file at {source}.")
    try:
        db = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
        try:
            app_id = db.execute("PRAGMA application_id").fetchone()[0]
            version = db.execute("PRAGMA user_version").fetchone()[0]
            ok = db.execute("PRAGMA integrity_check").fetchone()[0]
        finally:
            db.close()
    except sqlite3.DatabaseError as exc:
        raise NotALibraryError(f"{source} is not an Advocate backup: {exc}.") from None
    if app_id != APPLICATION_ID:
        raise NotALibraryError(f"{source} is not an Advocate backup.")
    if version > SCHEMA_VERSION:
        raise LibraryNewerError(
            f"{source} was made by a newer version of Advocate (schema {version}; this version "
            f"knows {SCHEMA_VERSION}). Update Advocate to restore it; nothing was changed."
        )
    if ok != "ok":
        raise LibraryError(f"{source} is damaged ({ok}); nothing was changed.")
    return int(version)


def restore_into(connection: sqlite3.Connection, library_path: Path, source: Path) -> RestoreReport:
    """Replace the library's contents with the backup's data, after saving the current ones
    beside it. The library is never touched unless the rebuilt copy is whole."""
    with tempfile.TemporaryDirectory(prefix=".restoring-", dir=library_path.parent) as folder:
        fresh = open_database(Path(folder) / "fresh.sqlite3")
        try:
            rows, ignored = _rebuild(source, fresh, Path(folder))
            safety = write_backup(
                connection,
                library_path.with_name(f"library.before-restore.{clock.file_stamp()}.bak"),
            )
            fresh.backup(connection)  # page by page, inside SQLite's own locking
        finally:
            fresh.close()
    return RestoreReport(safety, rows, ignored)


def replace_damaged(library_path: Path, source: Path | None) -> RestoreReport:
    """Set a damaged library aside (it is kept, renamed) and put a rebuilt one in its place:
    from the backup at `source`, or from what can still be read of the damaged file itself.
    When that fails, the damaged file is put back as it was."""
    aside = library_path.with_name(f"library.damaged.{clock.file_stamp()}.sqlite3")
    moved = _move_with_journal(library_path, aside)
    try:
        if source is None:
            report = salvage(aside, library_path)
            return RestoreReport(aside, report.rows, report.ignored)
        with tempfile.TemporaryDirectory(prefix=".restoring-", dir=library_path.parent) as tmp:
            fresh = open_database(library_path)
            try:
                rows, ignored = _rebuild(source, fresh, Path(tmp))
            finally:
                fresh.close()
        return RestoreReport(aside, rows, ignored)
    except BaseException:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{library_path}{suffix}").unlink(missing_ok=True)
        for original, kept in moved:
            kept.replace(original)
        raise


def _move_with_journal(path: Path, aside: Path) -> list[tuple[Path, Path]]:
    moved = []
    for suffix in ("", "-wal", "-shm"):
        original, kept = Path(f"{path}{suffix}"), Path(f"{aside}{suffix}")
        if original.exists():
            original.replace(kept)
            moved.append((original, kept))
    return moved


def _rebuild(source: Path, fresh: sqlite3.Connection, folder: Path) -> tuple[int, list[str]]:
    """Copy a checked backup's data into `fresh`: the backup is staged, stripped of its
    triggers and views, brought to this version by the app's migrations, then read."""
    check_backup(source)
    staged = folder / "backup.sqlite3"
    shutil.copyfile(source, staged)
    ignored = _neutralise(staged)
    try:
        open_database(staged, create=False).close()
    except LibraryError as exc:
        raise LibraryError(f"{source} could not be read: {exc}") from None
    rows, more = _copy_rows(fresh, staged, source, tolerant=False)
    _verify(fresh, source)
    return rows, [*ignored, *more]


AUTO_FOLDER = "backups"
AUTO_PREFIX = "auto-"
AUTO_KEEP = 7


def auto_backup(connection: sqlite3.Connection, data_folder: Path, day: str) -> Path | None:
    """Today's automatic backup, unless there is one already; the last AUTO_KEEP are kept."""
    folder = data_folder / AUTO_FOLDER
    target = folder / f"{AUTO_PREFIX}{day}.sqlite3"
    if target.exists():
        return None
    folder.mkdir(parents=True, exist_ok=True)
    write_backup(connection, target)
    for old in auto_backups(data_folder)[AUTO_KEEP:]:
        old.unlink(missing_ok=True)
    return target


def auto_backups(data_folder: Path) -> list[Path]:
    """The automatic backups, newest first."""
    folder = data_folder / AUTO_FOLDER
    return sorted(folder.glob(f"{AUTO_PREFIX}*.sqlite3"), reverse=True) if folder.is_dir() else []


def salvage(damaged: Path, target: Path) -> RestoreReport:
    """Copy every row that can still be read from a damaged library into a new one at
    `target` (which must not exist yet)."""
    fresh = open_database(target)
    try:
        rows, skipped = _copy_rows(fresh, damaged, damaged, tolerant=True)
        _verify(fresh, damaged)
    except BaseException:
        fresh.close()
        target.unlink(missing_ok=True)
        raise
    fresh.close()
    return RestoreReport(damaged, rows, skipped)


def _neutralise(path: Path) -> list[str]:
    """Drop the triggers and views of a staged copy before anything runs on it: they are the
    backup's, not this version's, and could act on every write."""
    db = sqlite3.connect(path)
    try:
        objects = db.execute(
            "SELECT type, name FROM sqlite_master WHERE type IN ('trigger', 'view')"
        ).fetchall()
        with db:
            for kind, name in objects:
                db.execute(f'DROP {kind.upper()} IF EXISTS "{_quoted(name)}"')
    except sqlite3.DatabaseError as exc:
        raise LibraryError(f"the backup could not be read: {exc}") from None
    finally:
        db.close()
    ours = {"article_texts_insert", "article_texts_delete", "article_texts_update"}
    return [f"{kind} {name}" for kind, name in objects if name not in ours]


def _copy_rows(
    fresh: sqlite3.Connection, source_path: Path, source: Path, *, tolerant: bool
) -> tuple[int, list[str]]:
    """Copy the data tables' known columns; return the rows copied and what was left out."""
    old = sqlite3.connect(f"file:{source_path}?mode=ro", uri=True)
    notes: list[str] = []
    rows = 0
    try:
        tables = {
            name for (name,) in old.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        }
        for name in sorted(tables - set(DATA_TABLES) - set(DERIVED_TABLES)):
            if not name.startswith(("sqlite_", INDEX_PREFIX)):
                notes.append(f"table {name}")
        fresh.execute("BEGIN")
        for table in DATA_TABLES:
            if table not in tables:
                if tolerant:
                    notes.append(f"table {table} (missing)")
                    continue
                fresh.execute("ROLLBACK")
                raise LibraryError(
                    f"{source} lacks the {table} table: it is not a whole Advocate backup, and "
                    "nothing was changed."
                )
            wanted = [r[1] for r in fresh.execute(f'PRAGMA table_info("{table}")')]
            present = [r[1] for r in old.execute(f'PRAGMA table_info("{table}")')]
            notes.extend(f"column {table}.{c}" for c in present if c not in wanted)
            columns = [c for c in wanted if c in present]
            rows += _copy_table(fresh, old, table, columns, tolerant, notes)
        index_actions(fresh)
        fresh.execute("COMMIT")
    except sqlite3.DatabaseError as exc:
        if fresh.in_transaction:
            fresh.execute("ROLLBACK")
        raise LibraryError(
            f"{source} holds data Advocate cannot take ({exc}); nothing was changed."
        ) from None
    finally:
        old.close()
    return rows, notes


def _copy_table(
    fresh: sqlite3.Connection,
    old: sqlite3.Connection,
    table: str,
    columns: list[str],
    tolerant: bool,
    notes: list[str],
) -> int:
    names = ", ".join(f'"{c}"' for c in columns)
    marks = ", ".join("?" * len(columns))
    insert = f'INSERT OR IGNORE INTO "{table}" ({names}) VALUES ({marks})'
    copied = 0
    try:
        for row in old.execute(f'SELECT {names} FROM "{table}"'):
            copied += _insert(fresh, insert, row, tolerant)
    except sqlite3.DatabaseError as exc:
        if not tolerant:
            raise
        notes.append(f"rows of {table} after a damaged page ({exc})")
    return copied


def _insert(fresh: sqlite3.Connection, insert: str, row: tuple[object, ...], tolerant: bool) -> int:
    try:
        return fresh.execute(insert, row).rowcount
    except sqlite3.IntegrityError:
        if tolerant:
            return 0  # a row whose article is gone, say: salvage keeps what holds together
        raise


def _verify(fresh: sqlite3.Connection, source: Path) -> None:
    verdict = fresh.execute("PRAGMA integrity_check").fetchone()[0]
    problems = fresh.execute("PRAGMA foreign_key_check").fetchall()
    if verdict != "ok" or problems:
        raise LibraryError(f"the data of {source} does not hold together; nothing was changed.")


def _quoted(name: str) -> str:
    return name.replace('"', '""')
