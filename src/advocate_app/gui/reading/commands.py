"""What the reader does to articles from the list and the action cards: read, star, delete
and undo, and ticking actions done."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from advocate_app.core.session import Session
from advocate_app.gui.context import AppContext
from advocate_app.gui.reading.article_list_pane import ArticleListPane

BULK_ROWS = 500  # more than this many articles at once: changed in the background
BULK_TASK = "bulk"


class ArticleCommands(QObject):
    undo_available = Signal(bool)

    def __init__(self, context: AppContext, list_pane: ArticleListPane) -> None:
        super().__init__(list_pane)
        self._context = context
        self._list = list_pane
        self._deleted: list[list[int]] = []  # undo stack of deletions

    def save(self, change: Callable[[], object]) -> bool:
        return self._context.save(change)

    def toggle_read(self) -> None:
        self._toggle("read", self._context.session.set_read)

    def toggle_star(self) -> None:
        self._toggle("starred", self._context.session.set_starred)

    def _toggle(self, flag: str, setter: Callable[[list[int], bool], None]) -> None:
        """Set the flag on the selection, or clear it where every selected article has it."""
        ids = self._list.selected_ids()
        summaries = self._context.session.library.summaries(ids)
        if not summaries:
            return
        value = not all(getattr(s, flag) for s in summaries)
        self.save(lambda: setter(ids, value))

    def delete_selected(self) -> None:
        ids = self._list.selected_ids()
        if not ids:
            return
        row = self._list.view.currentIndex().row()
        count = f"{len(ids)} article{'s' if len(ids) != 1 else ''}"

        def deleted() -> None:
            self._deleted.append(ids)
            self._list.select_row(row)
            self._context.status(f"Deleted {count}. Undo with Ctrl+Z.")
            self.undo_available.emit(True)

        self._bulk(ids, "Deleting", lambda session: session.delete(ids), deleted)

    def undo_delete(self) -> None:
        if not self._deleted:
            return
        ids = self._deleted.pop()
        count = f"{len(ids)} article{'s' if len(ids) != 1 else ''}"

        def restored() -> None:
            self._list.select(ids[0])
            self._context.status(f"Restored {count}.")
            self.undo_available.emit(bool(self._deleted))

        if not self._bulk(ids, "Restoring", lambda session: session.undelete(ids), restored):
            self._deleted.append(ids)  # not done: it can be undone again

    def mark_all_read(self) -> None:
        """Every article in the list (as filtered now) marked read."""
        model = self._list.model
        if not model.complete:  # a long list still arriving: its ids are read where it runs
            query = model.query

            def mark(session: Session) -> int:
                ids = session.library.ids(query)
                session.set_read(ids, True)
                return len(ids)

            self._in_background("Marking as read", mark, self._marked)
            return
        ids = model.all_ids()
        if not ids:
            return
        self._bulk(
            ids,
            "Marking as read",
            lambda session: session.set_read(ids, True),
            lambda: self._marked(len(ids)),
        )

    def _marked(self, count: int) -> None:
        self._context.status(f"Marked {count:,} article{'s' if count != 1 else ''} as read.")

    def _bulk(
        self,
        ids: list[int],
        label: str,
        change: Callable[[Session], object],
        then: Callable[[], None],
    ) -> bool:
        """A change to many articles: at once when they are few, else in the background, so
        the window never waits on it (thousands at a time in a large library)."""
        if len(ids) <= BULK_ROWS:
            if self.save(lambda: change(self._context.session)):
                then()
                return True
            return False

        return self._in_background(f"{label} {len(ids):,} articles", change, lambda _result: then())

    def _in_background(
        self, label: str, change: Callable[[Session], object], then: Callable[[object], None]
    ) -> bool:
        def failed(message: str) -> None:
            self._context.status(f"Nothing was changed: {message}")

        started = self._context.run(
            BULK_TASK, label, lambda session, _report, _cancelled: change(session),
            on_done=then, on_error=failed, cancellable=False,
        )  # fmt: skip
        if not started:
            self._context.status("A change to many articles is running; wait for it.")
        return started

    def rename_current(self, title: str | None = None) -> bool:
        """Give the article being read a title of the reader's own (asked for when not
        given)."""
        article_id = self._list.current_id()
        if article_id is None:
            return False
        stored = self._context.session.article(article_id)
        if stored is None:
            return False
        if title is None:
            from PySide6.QtWidgets import QInputDialog

            title, ok = QInputDialog.getText(
                self._list, "Rename Article", "Title:", text=stored.article.title
            )
            if not ok:
                return False
        try:
            return self.save(lambda: self._context.session.rename_article(article_id, title))
        except ValueError as exc:
            self._context.status(str(exc))
            return False

    def set_done(self, article_id: int, number: int, done: bool) -> None:
        self.save(lambda: self._context.session.set_done(article_id, number, done))
