"""Files written whole or not at all: a temporary file in the same folder, flushed to disk, then
renamed over the target. A failure (disk full, no permission) leaves the old file as it was."""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path

PRIVATE_FILE = 0o600
PRIVATE_FOLDER = 0o700
SMALL_FILE_BYTES = 5 * 1024 * 1024
READ_CHUNK = 64 * 1024


class FileProblem(ValueError):
    """A file that cannot be read as asked; the message says why, in one line."""


def read_small_file(path: Path, max_bytes: int = SMALL_FILE_BYTES) -> bytes:
    """The bytes of an ordinary file of at most `max_bytes`.

    Devices, pipes and sockets are refused before anything is read (opening a pipe does not
    wait for a writer), and the size is checked while reading, so a file that says it is
    empty but never ends (/dev/zero) cannot fill the memory.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        descriptor = os.open(path, flags)
    except FileNotFoundError:
        raise FileProblem("no such file") from None
    except PermissionError:
        raise FileProblem("permission denied") from None
    except OSError as exc:
        raise FileProblem(exc.strerror or str(exc)) from None
    try:
        info = os.fstat(descriptor)
        if stat.S_ISDIR(info.st_mode):
            raise FileProblem("this is a folder, not a file")
        if not stat.S_ISREG(info.st_mode):
            raise FileProblem("this is not an ordinary file (a device, a pipe or a socket)")
        too_large = FileProblem(f"file is too large (more than {max_bytes / 1_048_576:g} MB)")
        if info.st_size > max_bytes:
            raise too_large
        pieces, size = [], 0
        while chunk := os.read(descriptor, READ_CHUNK):
            size += len(chunk)
            if size > max_bytes:
                raise too_large
            pieces.append(chunk)
        return b"".join(pieces)
    except OSError as exc:
        raise FileProblem(exc.strerror or str(exc)) from None
    finally:
        os.close(descriptor)


def private_folder(folder: Path) -> Path:
    """Create `folder` (and its parents) if need be; the folder itself readable only by the
    reader."""
    folder.mkdir(parents=True, exist_ok=True)
    with contextlib.suppress(OSError):
        os.chmod(folder, PRIVATE_FOLDER)
    return folder


@contextlib.contextmanager
def atomic_path(target: Path, *, private: bool = True) -> Iterator[Path]:
    """A temporary path beside `target` to write to; it replaces `target` when the block ends
    without an error, and is removed otherwise."""
    target = target.expanduser()
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    os.close(handle)
    temporary = Path(name)
    try:
        if private:
            os.chmod(temporary, PRIVATE_FILE)
        yield temporary
        _fsync(temporary)
        os.replace(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    _fsync_folder(target.parent)


def atomic_write(target: Path, data: bytes | str, *, private: bool = True) -> None:
    """Write `data` (text as UTF-8) to `target` atomically; readable only by the reader unless
    `private` is False."""
    payload = data.encode("utf-8") if isinstance(data, str) else data
    with atomic_path(target, private=private) as temporary:
        _write_all(temporary, payload)


def _write_all(path: Path, payload: bytes) -> None:
    with open(path, "wb") as out:
        out.write(payload)


def _fsync(path: Path) -> None:
    with open(path, "rb") as handle:
        os.fsync(handle.fileno())


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable (where the system allows opening a folder)."""
    with contextlib.suppress(OSError):
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
