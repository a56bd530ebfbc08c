"""The left pane: search, filters and the article list."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from advocate_app.core.changes import Changes
from advocate_app.core.session import Session
from advocate_app.core.store.queries import ArticleQuery, SortOrder, StatusFilter
from advocate_app.gui.reading.article_delegate import ArticleDelegate
from advocate_app.gui.reading.article_model import ArticleListModel

if TYPE_CHECKING:
    from advocate_app.core.store.feeds import Feed

SEARCH_DELAY_MS = 200
# A large list shows its first rows at once and gets the rest from the background; the
# window never waits on the whole of a 100,000-article list.
FIRST_ROWS = 500
# Runs `work(session)` on another thread with its own session and hands the result to
# `done` on this one, or calls `failed` (the runner has told the reader):
# Background(work, done, failed).
Background = Callable[[Callable[[Session], Any], Callable[[Any], None], Callable[[], None]], None]
STATUS_LABELS = {
    StatusFilter.ALL: "All",
    StatusFilter.UNREAD: "Unread",
    StatusFilter.STARRED: "Starred",
    StatusFilter.OPEN: "Open",
    StatusFilter.DONE: "Done",
}
STATUS_TIPS = {
    StatusFilter.ALL: "Every article",
    StatusFilter.UNREAD: "Articles you have not opened yet",
    StatusFilter.STARRED: "Articles you starred",
    StatusFilter.OPEN: "Articles with actions you have not done yet",
    StatusFilter.DONE: "Articles whose actions are all done",
}
SORT_LABELS = {
    SortOrder.NEWEST: "Newest first",
    SortOrder.OLDEST: "Oldest first",
    SortOrder.TITLE: "Title A–Z",
}
ALL_CATEGORIES = ""


class ArticleListPane(QWidget):
    current_article_changed = Signal(object)  # article id or None
    query_changed = Signal(object)  # ArticleQuery

    def __init__(
        self,
        session: Session,
        parent: QWidget | None = None,
        background: Background | None = None,
        first_rows: int | None = None,
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._background = background
        self._first_rows = first_rows or FIRST_ROWS
        self._requests: dict[str, int] = {}  # the latest background request of each kind
        self._waiting = 0  # background requests not answered yet
        # What to select once the whole list has come (see _keeping_current).
        self._settle_later: Callable[[], None] | None = None
        self._reselecting: int | None = None  # the article made current again (_reselect)
        self.model = ArticleListModel(session.library, self, today=session.today)
        # Qt properties are set one by one, never as constructor keywords: PySide6 6.12.0
        # corrupts Python reference counts with those (a crash some time later).
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._apply_query)
        self._setup_ui()

    def show_banner(self, banner: QWidget) -> None:
        """A band above the search box (what is waiting for the reader)."""
        self.layout().insertWidget(0, banner)

    def _setup_ui(self) -> None:
        self.setMinimumWidth(230)  # the five filter buttons, whole
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 0, 6)
        layout.setSpacing(6)

        self.search = QLineEdit(self)
        self.search.setPlaceholderText("Search articles and actions  (Ctrl+F)")
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName("Search")
        self.search.textChanged.connect(lambda _: self._search_timer.start())
        self.search.returnPressed.connect(self._apply_query)
        layout.addWidget(self.search)

        self.status_group = QButtonGroup(self)
        self.status_group.setExclusive(True)
        status_row = QHBoxLayout()
        status_row.setSpacing(2)
        self.status_buttons: dict[StatusFilter, QToolButton] = {}
        for status, label in STATUS_LABELS.items():
            button = QToolButton(self)
            button.setText(label)
            button.setCheckable(True)
            button.setAutoRaise(True)
            button.setToolTip(STATUS_TIPS[status])
            button.setAccessibleName(f"Show {label.lower()} articles")
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            self.status_group.addButton(button)
            self.status_buttons[status] = button
            status_row.addWidget(button)
        self.status_buttons[StatusFilter.ALL].setChecked(True)
        self.status_group.buttonToggled.connect(lambda _b, on: on and self._apply_query())
        layout.addLayout(status_row)

        combos = QHBoxLayout()
        self.category = QComboBox(self)
        self.category.setAccessibleName("Category")
        self.category.setToolTip("Show one category")
        self.category.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.category.setMinimumContentsLength(10)
        self.category.currentIndexChanged.connect(lambda _: self._apply_query())
        self.category.currentTextChanged.connect(
            lambda text: self.category.setToolTip(f"Show one category: {text}")
        )
        self.sort = QComboBox(self)
        self.sort.setAccessibleName("Sort order")
        self.sort.setToolTip("The order of the list: newest or oldest first, or by title")
        for order, label in SORT_LABELS.items():
            self.sort.addItem(label, order)
        self.sort.currentIndexChanged.connect(lambda _: self._apply_query())
        combos.addWidget(self.category, 1)
        combos.addWidget(self.sort)
        layout.addLayout(combos)
        self.source = QComboBox(self)
        self.source.setAccessibleName("Source")
        self.source.setToolTip("Show the articles of one feed")
        self.source.currentIndexChanged.connect(lambda _: self._apply_query())
        layout.addWidget(self.source)

        self.view = QListView(self)
        self.view.setModel(self.model)
        self.view.setItemDelegate(ArticleDelegate(self.view))
        self.view.setUniformItemSizes(True)  # rows are never measured one by one
        # Lay rows out in batches, so a long list does not delay the first paint.
        self.view.setLayoutMode(QListView.LayoutMode.Batched)
        self.view.setBatchSize(200)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.view.setAccessibleName("Articles")
        self.view.setAccessibleDescription(
            "Your articles; bold ones are unread. Enter opens one, Delete removes it"
        )
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.selectionModel().currentChanged.connect(self._current_changed)
        layout.addWidget(self.view, 1)

        self.count_label = QLabel(self)
        self.count_label.setAccessibleName("Number of articles shown")
        layout.addWidget(self.count_label)
        self.refresh_categories()
        self.refresh_sources()
        self.model.modelReset.connect(self._update_count)

    # --- queries -------------------------------------------------------------
    def query(self) -> ArticleQuery:
        status = next(
            (s for s, b in self.status_buttons.items() if b.isChecked()), StatusFilter.ALL
        )
        return ArticleQuery(
            search=self.search.text().strip(),
            category=self.category.currentData() or None,
            status=status,
            sort=self.sort.currentData() or SortOrder.NEWEST,
            feed_id=self.source.currentData(),
        )

    def set_query(self, query: ArticleQuery) -> None:
        """Restore filters (from the last session) without running the query once per widget."""
        widgets = (self.search, self.category, self.sort, self.status_group, self.source)
        for widget in widgets:
            widget.blockSignals(True)
        self.search.setText(query.search)
        category_index = self.category.findData(query.category or ALL_CATEGORIES)
        if category_index < 0 and query.category:  # the categories are still being counted
            self.category.addItem(query.category, query.category)
            category_index = self.category.count() - 1
        self.category.setCurrentIndex(max(0, category_index))
        self.sort.setCurrentIndex(max(0, self.sort.findData(query.sort)))
        self.status_buttons[query.status].setChecked(True)
        source_index = self.source.findData(query.feed_id)
        if source_index < 0 and query.feed_id is not None:  # the feeds are still being read
            self.source.addItem("This source", query.feed_id)
            source_index = self.source.count() - 1
        self.source.setCurrentIndex(max(0, source_index))
        for widget in widgets:
            widget.blockSignals(False)
        self._apply_query()

    def _apply_query(self) -> None:
        self._search_timer.stop()
        query = self.query()
        if query != self.model.query or not self.model.rowCount():
            self._keeping_current(lambda keep: self._load(query, keep), select_next=False)
        self.query_changed.emit(query)

    def _load(self, query: ArticleQuery, keep: int | None) -> None:
        """Show `query`'s list: with a background runner, its first rows now and the rest
        when they come (the list grows under the reader, who keeps their place)."""
        if self._background is None:
            self.model.load(query)
            return
        if self.model.load(query, self._first_rows):
            return
        generation = self.model.generation

        def arrived(ids: list[int]) -> None:
            if not self.model.complete_with(generation, ids):
                self.reload()  # the library changed meanwhile
                return
            self._update_count()
            settle, self._settle_later = self._settle_later, None
            if settle is not None and self.model.generation == generation:
                settle()

        self._ask(lambda session: session.library.ids(query), arrived)

    def _keeping_current(
        self, reset: Callable[[int | None], None], select_next: bool = True
    ) -> None:
        """Reset the list, then keep the same article current. When it is gone from the
        library, the one now in its row (`select_next`); when the list is empty, none (and say
        so). A filter that hides the current article does not open another one. When the
        article is not among the first rows, that is decided once the rest of the list has
        come from the background (the reader keeps reading it meanwhile): reading a long
        list on the window's thread to find it would hold the window."""
        current, row = self.current_id(), self.view.currentIndex().row()
        self._settle_later = None
        reset(current)
        if current is not None and self.model.row_of(current) is not None:
            self._reselect(current)
            return

        def settle() -> None:
            if current is not None and self._reselect(current):
                return
            if not self.model.rowCount():
                self.current_article_changed.emit(None)
            elif current is not None and select_next:
                self.select_row(max(0, row))

        if current is not None and not self.model.complete:
            self._settle_later = settle
        else:
            settle()

    def follow(self, changes: Changes) -> None:
        """Show what changed: run the query again when articles came or went, else repaint
        the rows that changed; feeds and their unread counts in the Sources box."""
        if changes.everything or changes.article_list:
            self.reload()
            return
        if changes.feeds or (changes.articles and self.source.isVisible()):
            self.refresh_sources()
        if changes.content:
            self.refresh_categories()
        rows = changes.rows()
        if rows:
            self.model.refresh(rows)

    def reload(self) -> None:
        """The library changed: run the query again, keeping the current article if it stays."""
        self.refresh_categories()
        self.refresh_sources()
        self._keeping_current(lambda keep: self._load(self.model.query, keep))

    def refresh_sources(self) -> None:
        """The feeds, with unread counts; hidden until there is one."""
        self._in_background(lambda session: session.feeds(), self._show_sources)

    def _show_sources(self, feeds: list[Feed]) -> None:
        chosen = self.source.currentData()
        self.source.blockSignals(True)
        self.source.clear()
        self.source.addItem("All sources", None)
        for feed in feeds:
            label = f"{feed.title} ({feed.unread} unread)" if feed.unread else feed.title
            self.source.addItem(label, feed.id)
        index = self.source.findData(chosen) if chosen is not None else 0
        self.source.setCurrentIndex(max(0, index))
        self.source.blockSignals(False)
        self.source.setVisible(bool(feeds))
        if index < 0:  # the feed chosen is gone: show every source's articles
            self._apply_query()

    def refresh_categories(self) -> None:
        """The categories, with their counts (counted in the background: a large library's
        take a moment)."""
        self._in_background(lambda session: session.library.categories(), self._show_categories)

    def _show_categories(self, categories: list[tuple[str, int]]) -> None:
        chosen = self.category.currentData()
        self.category.blockSignals(True)
        self.category.clear()
        self.category.addItem("All categories", ALL_CATEGORIES)
        for name, count in categories:
            self.category.addItem(f"{name} ({count:,})", name)
        index = self.category.findData(chosen or ALL_CATEGORIES)
        self.category.setCurrentIndex(max(0, index))
        self.category.blockSignals(False)
        self._fit_popup(self.category)
        if index < 0:  # no article has the chosen category any more: show them all
            self._apply_query()

    def _in_background(self, work: Callable[[Session], Any], done: Callable[[Any], None]) -> None:
        """Run `work` for `done`; only the latest request's answer is shown (two may run at
        once and end in either order)."""
        if self._background is None:
            done(work(self._session))
            return
        asked = self._requests[done.__name__] = self._requests.get(done.__name__, 0) + 1

        def answered(result: Any) -> None:
            if self._requests[done.__name__] == asked:
                done(result)

        self._ask(work, answered)

    def _ask(self, work: Callable[[Session], Any], done: Callable[[Any], None]) -> None:
        assert self._background is not None
        self._waiting += 1

        def answered(result: Any) -> None:
            self._waiting -= 1
            done(result)

        # A failed query is reported by the runner; it no longer counts as waiting either.
        self._background(work, answered, lambda: self._forget_one())

    def _forget_one(self) -> None:
        self._waiting -= 1

    @property
    def settled(self) -> bool:
        """Nothing the list asked for is still on its way (the whole list, the counts)."""
        return self._waiting == 0

    def _fit_popup(self, box: QComboBox) -> None:
        """The list that drops down shows whole names, however narrow the box is."""
        metrics = box.fontMetrics()
        widest = max(
            (metrics.horizontalAdvance(box.itemText(i)) for i in range(box.count())), default=0
        )
        box.view().setMinimumWidth(min(widest + 40, 640))
        box.setToolTip(f"Show one category: {box.currentText()}")

    def _update_count(self) -> None:
        shown = self.model.rowCount()
        if not self.model.complete:
            self.count_label.setText(f"More than {shown:,} articles")
            return
        self.count_label.setText(f"{shown:,} article{'s' if shown != 1 else ''}")

    # --- selection -----------------------------------------------------------
    def current_id(self) -> int | None:
        index = self.view.currentIndex()
        return self.model.id_at(index.row()) if index.isValid() else None

    def selected_ids(self) -> list[int]:
        # By ranges, not index by index: selecting 10,000 rows is one range.
        ranges = self.view.selectionModel().selection()
        rows = sorted({row for span in ranges for row in range(span.top(), span.bottom() + 1)})
        ids = [self.model.id_at(row) for row in rows]
        chosen = [i for i in ids if i is not None]
        current = self.current_id()
        return chosen or ([current] if current is not None else [])

    def select(self, article_id: int) -> bool:
        """Make this article the current one, and the only one selected."""
        row = self.model.row_of(article_id)
        if row is None and not self.model.complete:  # further down than the rows shown yet
            self.model.complete_with(
                self.model.generation, self._session.library.ids(self.model.query)
            )
            row = self.model.row_of(article_id)
        if row is None:
            return False
        self._select_only(row)
        self.view.scrollTo(self.model.index(row))
        return True

    def open_at_start(self, article_id: int | None) -> None:
        """The article the reader had open last time, shown at once. When it lies beyond
        the first rows of a long list it is read on its own and made current in the list
        once the rest has come (the whole list is never read on the window's thread to find
        it); when it is gone, or filtered out, the first article instead."""
        if article_id is not None and self.model.row_of(article_id) is not None:
            self.select(article_id)
            return
        if article_id is None or self.model.complete:
            self.select_row(0)
            return
        self.current_article_changed.emit(article_id)

        def settle() -> None:
            if not self._reselect(article_id):
                self.select_row(0)

        self._settle_later = settle

    def _reselect(self, article_id: int) -> bool:
        """The same article current again after the list was read again: the reader and the
        actions follow the change themselves, so it is not shown a second time."""
        self._reselecting = article_id
        try:
            return self.select(article_id)
        finally:
            self._reselecting = None

    def select_row(self, row: int) -> None:
        row = max(0, min(row, self.model.rowCount() - 1))
        if self.model.rowCount():
            self._select_only(row)

    def _select_only(self, row: int) -> None:
        # One article selected, whatever was before (an undone deletion of several, say):
        # the next key acts on it alone.
        flags = QItemSelectionModel.SelectionFlag
        self.view.selectionModel().setCurrentIndex(
            self.model.index(row), flags.ClearAndSelect | flags.Rows
        )

    def move(self, step: int) -> None:
        index = self.view.currentIndex()
        self.select_row(index.row() + step if index.isValid() else 0)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        article_id = self.model.id_at(current.row()) if current.isValid() else None
        if article_id is not None and article_id == self._reselecting:
            return
        self.current_article_changed.emit(article_id)
