"""The article list as a Qt model: holds only ids, loads rows a page at a time."""

from __future__ import annotations

import logging
from collections import OrderedDict
from collections.abc import Callable, Iterable
from datetime import date, datetime
from enum import IntEnum

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from advocate_app.core.store.database import StoreError
from advocate_app.core.store.library import Library
from advocate_app.core.store.queries import ArticleQuery
from advocate_app.core.store.records import ArticleSummary
from advocate_app.gui.formats import day_text
from advocate_app.gui.widgets import plain_tip

PAGE_SIZE = 100
CACHED_PAGES = 30

Index = QModelIndex | QPersistentModelIndex

log = logging.getLogger(__name__)


class ArticleRole(IntEnum):
    ID = Qt.ItemDataRole.UserRole + 1
    SUMMARY = Qt.ItemDataRole.UserRole + 2
    DETAILS = Qt.ItemDataRole.UserRole + 3  # "source · date · category"
    PROGRESS = Qt.ItemDataRole.UserRole + 4  # "2/8"
    UNREAD = Qt.ItemDataRole.UserRole + 5
    STARRED = Qt.ItemDataRole.UserRole + 6
    FOLLOW_UP_DUE = Qt.ItemDataRole.UserRole + 7  # a follow-up of an open action has come due


class ArticleListModel(QAbstractListModel):
    def __init__(
        self,
        library: Library,
        parent: QObject | None = None,
        today: Callable[[], date] = date.today,
    ) -> None:
        super().__init__(parent)
        self._library = library
        self._today = today
        self._query = ArticleQuery()
        self._ids: list[int] = []
        self._rows: dict[int, int] = {}
        self._generation = 0
        self._complete = True
        self._pages: OrderedDict[int, list[ArticleSummary | None]] = OrderedDict()

    # --- the query ------------------------------------------------------
    @property
    def query(self) -> ArticleQuery:
        return self._query

    def set_query(self, query: ArticleQuery) -> None:
        self.load(query)

    def reload(self) -> None:
        """Run the query again (after imports, deletions, filter changes), every row now."""
        self.load(self._query)

    def load(self, query: ArticleQuery, first_rows: int | None = None) -> bool:
        """Run `query`: its first rows only when `first_rows` is given (a large list's first
        screens come at once; the caller fetches the rest and hands it to `complete_with`).
        True when complete."""
        ids = self._library.ids(query, first_rows)
        complete = first_rows is None or len(ids) < first_rows
        self.beginResetModel()
        self._query = query
        self._generation += 1
        self._complete = complete
        self._ids = ids
        self._rows = {article_id: row for row, article_id in enumerate(ids)}
        self._pages.clear()
        self.endResetModel()
        return complete

    @property
    def generation(self) -> int:
        """Counts loads: the whole list fetched for an older one is not this list's."""
        return self._generation

    @property
    def complete(self) -> bool:
        """Every row of the query is here (not only its first screens)."""
        return self._complete

    def complete_with(self, generation: int, ids: list[int]) -> bool:
        """The whole list of load number `generation` arrived: its rows after those shown are
        added (the rows shown stay, and so do the selection and scroll position). False when
        it no longer starts with the rows shown (the library changed): load again."""
        if generation != self._generation or self._complete:
            return True  # an older load's list, or nothing missing: nothing to do
        shown = len(self._ids)
        if ids[:shown] != self._ids:
            return False
        self._complete = True
        self._pages.pop((shown - 1) // PAGE_SIZE, None)  # a short last page grows
        if len(ids) > shown:
            self.beginInsertRows(QModelIndex(), shown, len(ids) - 1)
            self._ids = ids
            self._rows.update((ids[row], row) for row in range(shown, len(ids)))
            self.endInsertRows()
        return True

    def refresh(self, ids: Iterable[int]) -> None:
        """Read these articles again (their marks changed); rows stay where they are. One
        signal for the span, however many changed (all of them, after mark all read)."""
        rows = [row for article_id in ids if (row := self._rows.get(article_id)) is not None]
        if not rows:
            return
        for page in {row // PAGE_SIZE for row in rows}:
            self._pages.pop(page, None)
        self.dataChanged.emit(self.index(min(rows)), self.index(max(rows)))

    def all_ids(self) -> list[int]:
        """The articles in the list, in its order."""
        return list(self._ids)

    def row_of(self, article_id: int) -> int | None:
        return self._rows.get(article_id)

    def id_at(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def summary_at(self, row: int) -> ArticleSummary | None:
        if not 0 <= row < len(self._ids):
            return None
        page_number = row // PAGE_SIZE
        page = self._pages.get(page_number)
        if page is None:
            page = self._load_page(page_number)
        else:
            self._pages.move_to_end(page_number)
        return page[row % PAGE_SIZE]

    def _load_page(self, page_number: int) -> list[ArticleSummary | None]:
        ids = self._ids[page_number * PAGE_SIZE : (page_number + 1) * PAGE_SIZE]
        try:
            found = {s.id: s for s in self._library.summaries(ids)}
        except StoreError:  # closing, or a disk that fails: the rows are blank, never a crash
            log.exception("article rows could not be read")
            return [None] * len(ids)
        page = [found.get(article_id) for article_id in ids]
        self._pages[page_number] = page
        while len(self._pages) > CACHED_PAGES:
            self._pages.popitem(last=False)
        return page

    # --- Qt model interface ---------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._ids)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        summary = self.summary_at(index.row()) if index.isValid() else None
        if summary is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return summary.title
        if role == ArticleRole.ID:
            return summary.id
        if role == ArticleRole.SUMMARY:
            return summary
        if role == ArticleRole.DETAILS:
            return details_line(summary)
        if role == ArticleRole.PROGRESS:
            return f"{summary.done}/{summary.actions}"
        if role == ArticleRole.UNREAD:
            return not summary.read
        if role == ArticleRole.STARRED:
            return summary.starred
        if role == ArticleRole.FOLLOW_UP_DUE:
            return bool(summary.follow_up and summary.follow_up <= self._today().isoformat())
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tip(f"{summary.title}\n{details_line(summary)}").replace("\n", "<br>")
        if role == Qt.ItemDataRole.AccessibleTextRole:
            state = "unread, " if not summary.read else ""
            if summary.follow_up and summary.follow_up <= self._today().isoformat():
                state += "follow-up due, "
            star = "starred, " if summary.starred else ""
            return (
                f"{summary.title}. {state}{star}{summary.done} of {summary.actions} actions done. "
                f"{details_line(summary)}"
            )
        return None


def details_line(summary: ArticleSummary) -> str:
    parts = [summary.source or "No source"]
    if summary.published:
        try:
            parts.append(_short_date(datetime.fromisoformat(summary.published)))
        except ValueError:
            pass
    if summary.categories:
        parts.append(summary.categories[0])
    return " · ".join(parts)


def _short_date(value: datetime) -> str:
    return day_text(value.date())  # the article's own day, as it was published
