"""Paints an article row: title (bold when unread), a details line, star and progress."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from advocate_app.gui.reading.article_model import ArticleRole
from advocate_app.gui.theme import warning_colour

PADDING = 8
STAR = "★"
FOLLOW_UP = "Follow up due"


class ArticleDelegate(QStyledItemDelegate):
    def sizeHint(  # noqa: N802 - Qt override
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        metrics = QFontMetrics(option.font)  # type: ignore[attr-defined]
        return QSize(200, metrics.height() * 2 + PADDING * 2 + 4)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        painter.save()
        try:
            self._paint(painter, option, index)
        finally:  # a painter left saved would take the whole window down with it
            painter.restore()

    def _paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        style = option.widget.style() if option.widget else None  # type: ignore[attr-defined]
        # The base style draws selection and focus, so themes and dark mode look right.
        plain = QStyleOptionViewItem(option)
        self.initStyleOption(plain, index)
        plain.text = ""  # type: ignore[attr-defined]
        if style:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, plain, painter, plain.widget)  # type: ignore[attr-defined]

        rect: QRect = option.rect.adjusted(PADDING, PADDING, -PADDING, -PADDING)  # type: ignore[attr-defined]
        selected = bool(option.state & QStyle.StateFlag.State_Selected)  # type: ignore[attr-defined]
        palette: QPalette = option.palette  # type: ignore[attr-defined]
        text_role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        muted_role = (
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.PlaceholderText
        )
        unread = bool(index.data(ArticleRole.UNREAD))
        starred = bool(index.data(ArticleRole.STARRED))
        progress = str(index.data(ArticleRole.PROGRESS) or "")

        base_font = QFont(option.font)  # type: ignore[attr-defined]
        title_font = QFont(base_font)
        title_font.setBold(unread)
        metrics = QFontMetrics(base_font)
        line = metrics.height()

        # Right column: progress on top, star below.
        painter.setFont(base_font)
        painter.setPen(palette.color(muted_role))
        progress_width = metrics.horizontalAdvance("88/88") + 4
        right = QRect(rect.right() - progress_width, rect.top(), progress_width, line)
        painter.drawText(
            right, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, progress
        )
        if starred:
            star_rect = right.translated(0, line + 4)
            painter.setPen(
                palette.color(text_role) if selected else palette.color(QPalette.ColorRole.Link)
            )
            painter.drawText(
                star_rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, STAR
            )

        text_width = rect.width() - progress_width - PADDING
        painter.setFont(title_font)
        painter.setPen(palette.color(text_role))
        title = QFontMetrics(title_font).elidedText(
            str(index.data(Qt.ItemDataRole.DisplayRole) or ""),
            Qt.TextElideMode.ElideRight,
            text_width,
        )
        painter.drawText(
            QRect(rect.left(), rect.top(), text_width, line), Qt.AlignmentFlag.AlignVCenter, title
        )

        painter.setFont(base_font)
        painter.setPen(palette.color(muted_role))
        details = str(index.data(ArticleRole.DETAILS) or "")
        if index.data(ArticleRole.FOLLOW_UP_DUE):
            # A follow-up has come due: said first, in the warning colour, with a bar beside.
            details = f"{FOLLOW_UP} · {details}"
            if not selected and option.widget is not None:  # type: ignore[attr-defined]
                warning = warning_colour(option.widget)  # type: ignore[attr-defined]
                painter.setPen(warning)
                painter.fillRect(QRect(option.rect.left(), option.rect.top(), 3,  # type: ignore[attr-defined]
                                       option.rect.height()), warning)  # type: ignore[attr-defined]  # fmt: skip
        details = metrics.elidedText(details, Qt.TextElideMode.ElideRight, text_width)
        painter.drawText(
            QRect(rect.left(), rect.top() + line + 4, text_width, line),
            Qt.AlignmentFlag.AlignVCenter,
            details,
        )
