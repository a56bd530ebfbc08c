"""Open the library database: WAL, a versioned schema, backups before migrations."""

from __future__ import annotations

import contextlib
import shutil
import sqlite3
import urllib.parse
from collections.abc import Iterator
from pathlib import Path

from advocate_app.core import clock
from advocate_app.core.fs import PRIVATE_FILE, private_folder
from advocate_app.core.store.migrations import MIGRATIONS, SCHEMA_VERSION

# What a failed read or write raises; callers outside the store catch this name, not sqlite3's.
StoreError = sqlite3.Error

# "Advc": marks the file as an Advocate library, so another app's database is refused.
APPLICATION_ID = 0x41647663
BUSY_TIMEOUT_SECONDS = 5.0
CACHE_KIB = 32 * 1024  # the metadata of a 10,000-article library fits with room to spare
# Below this much free space SQLite cannot even make the library's shared-memory file (32 KiB),
# so an I/O error at opening means a full disk.
NEARLY_FULL_BYTES = 1024 * 1024


class LibraryError(Exception):
    """A library that cannot be opened; the message tells the reader what to do."""


class LibraryMissingError(LibraryError):
    pass


class LibraryNewerError(LibraryError):
    pass


class LibraryLockedError(LibraryError):
    pass


class NotALibraryError(LibraryError):
    pass


class LibraryDamagedError(LibraryError):
    """The library file is damaged: nothing more may be written to it."""


class LibraryDiskFullError(LibraryError):
    """The disk holding the library is full: it can be read (as a snapshot), not written."""


def open_database(
    path: Path,
    *,
    create: bool = True,
    check: bool = False,
    read_only: bool = False,
    snapshot: bool = False,
) -> sqlite3.Connection:
    """Open (and if needed create or upgrade) the library at `path`.

    Raises a LibraryError subclass with a readable message when the file is
    missing (and create is False), locked, from a newer version of the app,
    not a library at all, or on a full disk. An existing file is never replaced.
    `snapshot` reads the file as it was last saved, writing nothing at all (not even
    the files SQLite keeps beside it): how a library on a full disk can still be read.
    """
    if snapshot:
        return _open_snapshot(path)
    if not path.exists():
        if not create:
            raise LibraryMissingError(f"There is no library at {path}.")
        try:
            private_folder(path.parent)
            _create_private(path)
        except OSError as exc:
            raise LibraryError(
                f"Cannot create a library at {path}: {exc.strerror or exc}."
            ) from None
    try:
        connection = sqlite3.connect(
            path, timeout=BUSY_TIMEOUT_SECONDS, isolation_level=None, check_same_thread=False
        )
    except sqlite3.Error as exc:
        raise LibraryError(f"Cannot open the library at {path}: {exc}.") from None
    try:
        _configure(connection, path)
        if check:
            check_database(connection, path)
        if read_only:
            set_read_only(connection)
        else:
            _migrate(connection, path)
    except BaseException:
        connection.close()
        raise
    return connection


def _open_snapshot(path: Path) -> sqlite3.Connection:
    if not path.is_file():
        raise LibraryMissingError(f"There is no library at {path}.")
    address = f"file:{urllib.parse.quote(str(path))}?immutable=1"
    try:
        connection = sqlite3.connect(
            address, uri=True, isolation_level=None, check_same_thread=False
        )
        connection.row_factory = sqlite3.Row
        app_id = connection.execute("PRAGMA application_id").fetchone()[0]
        version = schema_version(connection)
    except sqlite3.Error as exc:
        raise LibraryError(f"Cannot read the library at {path}: {exc}.") from None
    if app_id != APPLICATION_ID or version != SCHEMA_VERSION:
        connection.close()
        raise LibraryDiskFullError(_full_message(path))
    connection.execute("PRAGMA foreign_keys = ON")
    set_read_only(connection)
    return connection


def disk_nearly_full(folder: Path) -> bool:
    try:
        return shutil.disk_usage(folder).free < NEARLY_FULL_BYTES
    except OSError:
        return False


def _full_message(path: Path) -> str:
    return (
        f"The disk that holds your library ({path.parent}) is full. Free some space, then "
        "try again."
    )


def _create_private(path: Path) -> None:
    """An empty file readable only by the reader: SQLite gives the library's journal files the
    same permissions."""
    import os

    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE)
    os.close(descriptor)


def _configure(connection: sqlite3.Connection, path: Path) -> None:
    connection.row_factory = sqlite3.Row
    try:
        app_id = connection.execute("PRAGMA application_id").fetchone()[0]
        version = connection.execute("PRAGMA user_version").fetchone()[0]
    except sqlite3.OperationalError as exc:
        raise _locked_or(exc, path) from None
    except sqlite3.DatabaseError as exc:
        raise NotALibraryError(
            f"{path} is not an Advocate library (or it is damaged): {exc}. "
            "Choose another data folder, or restore a backup."
        ) from None
    foreign_tables = (
        app_id == 0 and connection.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
    )
    if app_id not in (0, APPLICATION_ID) or (app_id == 0 and (version or foreign_tables)):
        raise NotALibraryError(f"{path} is a database of another program, not an Advocate library.")
    try:
        connection.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_SECONDS * 1000)}")
        mode = connection.execute("PRAGMA journal_mode = WAL").fetchone()[0]
    except sqlite3.OperationalError as exc:
        raise _locked_or(exc, path) from None
    if str(mode).lower() != "wal":
        raise LibraryLockedError(
            f"The library at {path} is in use by another program; close it and try again."
        )
    connection.execute("PRAGMA synchronous = NORMAL")
    connection.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
    connection.execute("PRAGMA foreign_keys = ON")


# The tables a command writes to, and their indexes: checked before every writing command.
# The article texts and the search index are most of the file; the whole-file check (the
# window's, in the background, and the daily backup's) covers them too.
WRITTEN_TABLES = (
    "articles",
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


def check_database(connection: sqlite3.Connection, path: Path, *, full: bool = True) -> None:
    """Raise LibraryDamagedError when SQLite finds the file damaged. `full` reads every page
    (about 0.1 s for 10,000 articles, 1 s for 100,000 once cached, many seconds from a cold
    disk); otherwise only the tables commands write are read (milliseconds)."""
    try:
        if full:
            verdict = str(connection.execute("PRAGMA quick_check").fetchone()[0])
        else:
            verdict = "ok"
            for table in WRITTEN_TABLES:
                verdict = str(connection.execute(f"PRAGMA quick_check({table})").fetchone()[0])
                if verdict != "ok":
                    break
    except sqlite3.DatabaseError as exc:
        verdict = str(exc)
    if verdict != "ok":
        raise LibraryDamagedError(
            f"The library at {path} is damaged ({verdict.splitlines()[0][:120]}). Advocate "
            "will not write to it. Restore your latest automatic backup, or salvage what can "
            "still be read into a new library; the damaged file is kept either way."
        )


def set_read_only(connection: sqlite3.Connection) -> None:
    """Refuse every write on this connection from now on (a damaged library)."""
    connection.execute("PRAGMA query_only = ON")


def schema_version(connection: sqlite3.Connection) -> int:
    return int(connection.execute("PRAGMA user_version").fetchone()[0])


def _migrate(connection: sqlite3.Connection, path: Path) -> None:
    version = schema_version(connection)
    if version > SCHEMA_VERSION:
        raise LibraryNewerError(
            f"The library at {path} was written by a newer version of Advocate "
            f"(schema {version}; this version knows {SCHEMA_VERSION}). "
            "Update Advocate to open it; nothing was changed."
        )
    if version == SCHEMA_VERSION:
        return
    if version > 0:
        try:
            backup_before_migration(connection, path, version)
        except sqlite3.Error as exc:
            raise LibraryError(
                f"The library at {path} needs upgrading, and the copy kept before an upgrade "
                f"could not be written ({exc}); nothing was changed."
            ) from None
    for target, migration in MIGRATIONS:
        if target <= version:
            continue
        try:
            with transaction(connection):
                migration(connection)
                connection.execute(f"PRAGMA application_id = {APPLICATION_ID}")
                connection.execute(f"PRAGMA user_version = {target}")
        except sqlite3.OperationalError as exc:
            raise _locked_or(exc, path) from None


def backup_before_migration(connection: sqlite3.Connection, path: Path, version: int) -> Path:
    target = path.with_name(f"{path.stem}.v{version}.{clock.file_stamp()}.bak")
    copy = sqlite3.connect(target)
    try:
        connection.backup(copy)
    except sqlite3.Error:
        copy.close()
        target.unlink(missing_ok=True)  # half a copy is no copy
        raise
    copy.close()
    return target


def _locked_or(exc: sqlite3.OperationalError, path: Path) -> LibraryError:
    if "full" in str(exc).lower() or disk_nearly_full(path.parent):
        return LibraryDiskFullError(_full_message(path))
    if "locked" in str(exc).lower() or "busy" in str(exc).lower():
        return LibraryLockedError(
            f"The library at {path} is locked by another copy of Advocate or another program. "
            "Close it and try again."
        )
    return LibraryError(f"Cannot use the library at {path}: {exc}.")


@contextlib.contextmanager
def transaction(connection: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One write transaction: committed when the block ends, rolled back on any error."""
    connection.execute("BEGIN IMMEDIATE")
    try:
        yield connection
    except BaseException:
        connection.execute("ROLLBACK")
        raise
    connection.execute("COMMIT")
