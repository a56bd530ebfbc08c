"""Back up and restore the whole library with SQLite's online backup: a consistent copy,
even while the app is open, that another computer can restore."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from advocate_app.core import clock
from advocate_app.core.fs import atomic_path
from advocate_app.core.store.database import (
    APPLICATION_ID,
    LibraryError,
    LibraryNewerError,
    NotALibraryError,
)
from advocate_app.core.store.migrations import SCHEMA_VERSION


def write_backup(connection: sqlite3.Connection, target: Path) -> Path:
    """Write a consistent copy of the library to `target` (replaced only when complete)."""
    with atomic_path(target) as partial:
        copy = sqlite3.connect(partial)
        try:
            connection.backup(copy)
            copy.execute("PRAGMA journal_mode = DELETE")  # one self-contained file
        finally:
            copy.close()
    return target.expanduser()


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


def restore_into(connection: sqlite3.Connection, library_path: Path, source: Path) -> Path:
    """Replace the library's contents with the backup's, after saving the current ones.

    Returns the path of the safety copy of what was there before.
    """
    check_backup(source)
    safety = write_backup(
        connection, library_path.with_name(f"library.before-restore.{clock.file_stamp()}.bak")
    )
    backup_db = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        backup_db.backup(connection)  # page by page, inside SQLite's own locking
    finally:
        backup_db.close()
    return safety
