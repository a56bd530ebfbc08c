"""Files written whole or not at all: a temporary file in the same folder, flushed to disk, then
renamed over the target. A failure (disk full, no permission) leaves the old file as it was."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

PRIVATE_FILE = 0o600


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
        with open(temporary, "wb") as out:
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
