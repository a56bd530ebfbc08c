"""Where the details of errors go: a small rotating log file in the data folder, readable only
by the reader. Nothing is printed to the terminal from here; people get one plain line."""

from __future__ import annotations

import logging
import os
from pathlib import Path

from advocate_app.core.fs import PRIVATE_FILE, private_folder

LOG_FILE = "advocate.log"
MAX_BYTES = 512 * 1024
KEEP = 3


class _PrivateRotatingHandler(logging.Handler):
    """A rotating log file, created readable only by the reader. The standard library's
    rotating handler (and the sockets and queues `logging.handlers` imports with it, about
    13 ms) is loaded when the first record is written, not at every start."""

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.baseFilename = str(path.absolute())
        self._file: logging.Handler | None = None

    def emit(self, record: logging.LogRecord) -> None:
        if self._file is None:
            self._file = _rotating_file(self.baseFilename)
            self._file.setFormatter(self.formatter)
        self._file.emit(record)

    def flush(self) -> None:
        if self._file is not None:
            self._file.flush()

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
        super().close()


def _rotating_file(path: str) -> logging.Handler:
    import logging.handlers

    class PrivateFile(logging.handlers.RotatingFileHandler):
        def _open(self):  # noqa: ANN202 - the file is created readable only by the reader
            descriptor = os.open(
                self.baseFilename, os.O_WRONLY | os.O_CREAT | os.O_APPEND, PRIVATE_FILE
            )
            return os.fdopen(descriptor, self.mode, encoding=self.encoding)

    return PrivateFile(path, maxBytes=MAX_BYTES, backupCount=KEEP, encoding="utf-8", delay=True)


def log_path(data_folder: Path) -> Path:
    return data_folder / LOG_FILE


def start_logging(data_folder: Path) -> Path | None:
    """Send the app's log records to the data folder's log file (once per process). Returns
    the file, or None when it cannot be written (a read-only or full disk): then records are
    dropped, never printed."""
    root = logging.getLogger()
    logging.lastResort = None  # nothing falls through to the terminal
    logging.raiseExceptions = False  # a log that cannot be written is not the reader's problem
    path = log_path(data_folder)
    for handler in list(root.handlers):
        if isinstance(handler, _PrivateRotatingHandler):
            if Path(handler.baseFilename) == path.absolute():
                return path
            root.removeHandler(handler)  # another data folder (tests run several)
            handler.close()
    try:
        private_folder(data_folder)
        handler = _PrivateRotatingHandler(path)
    except OSError:
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    return path
