"""Import files and folders into the library.

Parsing is the slow part, so large imports parse in worker processes while
this process writes; writes go in batches, each one transaction, so an
interrupted import keeps every batch it finished.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from advocate_app.core.articles.decoding import UnreadableInput
from advocate_app.core.articles.model import too_short
from advocate_app.core.articles.reader import IMPORTABLE_SUFFIXES, read_article
from advocate_app.core.store.database import StoreError
from advocate_app.core.store.library import Library
from advocate_app.core.store.records import ImportStatus, PreparedArticle, prepare

PARALLEL_THRESHOLD = 200  # below this, starting worker processes costs more than it saves
BATCH_SIZE = 100
MAX_WORKERS = 4


@dataclass(frozen=True)
class ImportResult:
    path: Path
    status: ImportStatus
    id: int | None = None
    title: str | None = None
    error: str | None = None
    warnings: tuple[str, ...] = ()
    too_short: bool = False  # refused only for its length: the reader may import it anyway

    @property
    def failed(self) -> bool:
        return self.status is ImportStatus.FAILED


@dataclass(frozen=True)
class _Parsed:
    path: Path
    prepared: PreparedArticle | None
    error: str | None
    warnings: tuple[str, ...] = ()
    too_short: bool = False


def expand_paths(paths: Iterable[Path]) -> Iterator[Path]:
    """Files as given, and inside folders every text or HTML file (recursively, sorted)."""
    for path in paths:
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                relative = child.relative_to(path)
                if any(part.startswith(".") for part in relative.parts):
                    continue
                if child.is_file() and child.suffix.lower() in IMPORTABLE_SUFFIXES:
                    yield child
        else:
            yield path


def import_paths(
    library: Library,
    paths: Iterable[Path],
    *,
    parallel: bool = True,
    cancelled: Callable[[], bool] = lambda: False,
    allow_short: bool = False,
) -> Iterator[ImportResult]:
    """Import every article file under `paths`, yielding one result per file, in order. A
    file too short to be an article ("buy milk") is refused unless `allow_short`."""
    files = list(expand_paths(paths))
    batch: list[_Parsed] = []
    parse = parse_file if not allow_short else parse_short_too
    for parsed in _parse_all(files, parallel and len(files) >= PARALLEL_THRESHOLD, parse):
        if cancelled():
            break
        if parsed.prepared is None:
            yield from _store(library, batch)
            batch = []
            yield ImportResult(
                parsed.path, ImportStatus.FAILED, error=parsed.error, too_short=parsed.too_short
            )
            continue
        batch.append(parsed)
        if len(batch) >= BATCH_SIZE:
            yield from _store(library, batch)
            batch = []
    yield from _store(library, batch)


def parse_file(path: Path, allow_short: bool = False) -> _Parsed:
    try:
        article = read_article(path)
    except UnreadableInput as exc:
        return _Parsed(path, None, str(exc))
    except RecursionError:
        return _Parsed(path, None, "the page is nested too deeply")
    short = None if allow_short else too_short(article)
    if short:
        return _Parsed(path, None, short, too_short=True)
    return _Parsed(path, prepare(article, str(path.resolve())), None, article.warnings)


def parse_short_too(path: Path) -> _Parsed:
    return parse_file(path, allow_short=True)


def _parse_all(
    files: list[Path], parallel: bool, parse: Callable[[Path], _Parsed] = parse_file
) -> Iterator[_Parsed]:
    if not parallel:
        yield from map(parse, files)
        return
    workers = max(1, min(MAX_WORKERS, os.cpu_count() or 1))
    # Never fork: the GUI process has threads. forkserver is cheap where it exists.
    method = "forkserver" if sys.platform.startswith("linux") else "spawn"
    context = multiprocessing.get_context(method)
    with ProcessPoolExecutor(
        max_workers=workers,
        mp_context=context,
        initializer=_worker_started,
        initargs=(os.getpid(),),
    ) as pool:
        yield from pool.map(parse, files, chunksize=32)


WATCH_SECONDS = 0.5


def _worker_started(importer: int) -> None:
    """In each worker: keep off the caller's terminal and pipes, and stop when the importing
    process is gone (killed, say): the workers hold each other's pipes open, so they would not
    notice on their own, and the process server that started them waits for them."""
    try:
        quiet = os.open(os.devnull, os.O_RDWR)
        for stream in (0, 1, 2):
            os.dup2(quiet, stream)
        os.close(quiet)
    except OSError:
        pass

    def watch() -> None:
        while True:
            time.sleep(WATCH_SECONDS)
            try:
                os.kill(importer, 0)
            except ProcessLookupError:
                os._exit(0)
            except PermissionError:
                pass  # alive, under another user's name (it cannot be ours then, but stay)

    threading.Thread(target=watch, daemon=True).start()


def _store(library: Library, batch: list[_Parsed]) -> Iterator[ImportResult]:
    if not batch:
        return
    try:
        outcomes = library.add_many(p.prepared for p in batch if p.prepared is not None)
    except StoreError:
        # Find which article the database refused; store the others one by one.
        yield from (_store_one(library, parsed) for parsed in batch)
        return
    for parsed, outcome in zip(batch, outcomes, strict=True):
        yield _result(parsed, outcome)


def _store_one(library: Library, parsed: _Parsed) -> ImportResult:
    assert parsed.prepared is not None
    try:
        (outcome,) = library.add_many([parsed.prepared])
    except StoreError as exc:
        return ImportResult(parsed.path, ImportStatus.FAILED, error=f"could not save it: {exc}")
    return _result(parsed, outcome)


def _result(parsed: _Parsed, outcome: tuple[int, ImportStatus]) -> ImportResult:
    assert parsed.prepared is not None
    article_id, status = outcome
    return ImportResult(
        parsed.path, status, article_id, parsed.prepared.title, warnings=parsed.warnings
    )
