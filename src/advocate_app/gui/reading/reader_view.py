"""The centre pane: the article text, rendered safely, with collapsible sections."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QUrl, Signal
from PySide6.QtGui import QFontMetricsF, QPalette, QResizeEvent
from PySide6.QtWidgets import QTextBrowser, QWidget

from advocate_app.core.changes import Changes
from advocate_app.core.session import Session
from advocate_app.core.store.records import StoredArticle
from advocate_app.gui.links import LinkPolicy
from advocate_app.gui.reading.reader_html import (
    INTERNAL_SCHEME,
    ReaderOptions,
    article_html,
    style_sheet,
)

MEASURE_CHARS = 75  # a comfortable line: about 70 to 80 characters
MARGIN = 18  # around the text when the pane is narrower than the measure


class SafeTextBrowser(QTextBrowser):
    """A text browser that never loads anything: no images, no remote resources."""

    def loadResource(self, kind: int, name: QUrl) -> object:  # noqa: N802 - Qt override
        return None


class ReaderView(SafeTextBrowser):
    related_requested = Signal(int)  # article id

    def __init__(self, session: Session, links: LinkPolicy, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._links = links
        self._stored: StoredArticle | None = None
        self._collapsed: set[str] = set()
        self._related: dict[str, int] = {}
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.anchorClicked.connect(self._follow)
        self.setAccessibleName("Article text")
        self.setAccessibleDescription("The article you are reading; its links open in your browser")
        self.setPlaceholderText("Select an article to read it here.")
        self.setMinimumWidth(300)
        self.document().setDocumentMargin(MARGIN)

    @property
    def article_id(self) -> int | None:
        return self._stored.id if self._stored else None

    def show_article(self, stored: StoredArticle | None, related_ids: dict[str, int]) -> None:
        self._stored = stored
        self._related = related_ids
        self.verticalScrollBar().setValue(0)
        self._render()

    def follow(self, changes: Changes) -> None:
        """Show the article again when its text changed (a re-import, a restore)."""
        article_id = self.article_id
        if article_id is None or not (changes.everything or article_id in changes.content):
            return
        stored = self._session.article(article_id)
        related = self._session.library.ids_by_title(stored.article.related) if stored else {}
        position = self.verticalScrollBar().value()
        self.show_article(stored, related)
        self.verticalScrollBar().setValue(position)

    def set_collapsed(self, sections: set[str]) -> None:
        if set(sections) == self._collapsed:
            return
        self._collapsed = set(sections)
        if self._stored is not None:  # else the next article is shown folded this way
            self._render()

    def collapsed(self) -> set[str]:
        return set(self._collapsed)

    def set_placeholder(self, text: str) -> None:
        """What the empty pane says (no article selected, or none in the list)."""
        self.setPlaceholderText(text)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self.document().setDefaultFont(self.font())
            self._render()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._fit_measure()

    def _fit_measure(self) -> None:
        """Keep lines at a readable length: on a wide pane the text is centred in a column
        about MEASURE_CHARS wide."""
        metrics = QFontMetricsF(self.document().defaultFont())
        measure = metrics.averageCharWidth() * MEASURE_CHARS
        side = max(MARGIN, (self.viewport().width() - measure) / 2)
        root = self.document().rootFrame()
        frame = root.frameFormat()
        if abs(frame.leftMargin() - side) < 1 and abs(frame.rightMargin() - side) < 1:
            return
        frame.setLeftMargin(side)
        frame.setRightMargin(side)
        root.setFrameFormat(frame)

    def page_down(self) -> bool:
        """Scroll one page; False when already at the end."""
        bar = self.verticalScrollBar()
        if bar.value() >= bar.maximum():
            return False
        bar.setValue(bar.value() + bar.pageStep())
        return True

    def _render(self) -> None:
        if self._stored is None:
            self.clear()
            self._fit_measure()
            return
        muted = self.palette().color(QPalette.ColorRole.PlaceholderText).name()
        self.document().setDefaultStyleSheet(style_sheet(muted))
        options = ReaderOptions(frozenset(self._collapsed), self._related)
        position = self.verticalScrollBar().value()
        self.setHtml(article_html(self._stored.article, options))
        self._fit_measure()
        self.verticalScrollBar().setValue(position)

    def _follow(self, url: QUrl) -> None:
        if url.scheme() == INTERNAL_SCHEME:
            kind, _, value = url.path().partition("/")
            if kind == "toggle":
                self._collapsed ^= {value}
                self._render()
            elif kind == "article" and value.isdigit():
                self.related_requested.emit(int(value))
            return
        self._links.open(url)
