"""What the reader does to articles from the list and the action cards: read, star, delete
and undo, and ticking actions done."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from advocate_app.gui.context import AppContext
from advocate_app.gui.reading.article_list_pane import ArticleListPane


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
        if not self.save(lambda: self._context.session.delete(ids)):
            return
        self._deleted.append(ids)
        self._list.select_row(row)
        count = f"{len(ids)} article{'s' if len(ids) != 1 else ''}"
        self._context.status(f"Deleted {count}. Undo with Ctrl+Z.")
        self.undo_available.emit(True)

    def undo_delete(self) -> None:
        if not self._deleted:
            return
        ids = self._deleted.pop()
        if self.save(lambda: self._context.session.undelete(ids)):
            self._list.select(ids[0])
            self._context.status(f"Restored {len(ids)} article{'s' if len(ids) != 1 else ''}.")
        self.undo_available.emit(bool(self._deleted))

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
