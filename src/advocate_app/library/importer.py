"""Import files and folders into the library, one transaction per article."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..articles.decoding import UnreadableInput
from ..articles.reader import IMPORTABLE_SUFFIXES, read_article
from .store import ImportStatus, Library


@dataclass(frozen=True)
class ImportResult:
    path: Path
    status: ImportStatus
    id: int | None = None
    title: str | None = None
    error: str | None = None
    warnings: tuple[str, ...] = ()

    @property
    def failed(self) -> bool:
        return self.status is ImportStatus.FAILED


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


def import_file(library: Library, path: Path) -> ImportResult:
    """Parse and store one file; failures come back as a result, never as an exception."""
    try:
        article = read_article(path)
    except UnreadableInput as exc:
        return ImportResult(path, ImportStatus.FAILED, error=str(exc))
    except RecursionError:
        return ImportResult(path, ImportStatus.FAILED, error="the page is nested too deeply")
    try:
        article_id, status = library.add(article, origin=str(path.resolve()))
    except sqlite3.Error as exc:
        return ImportResult(path, ImportStatus.FAILED, error=f"could not save it: {exc}")
    return ImportResult(path, status, article_id, article.title, warnings=article.warnings)


def import_paths(library: Library, paths: Iterable[Path]) -> Iterator[ImportResult]:
    for path in expand_paths(paths):
        yield import_file(library, path)
