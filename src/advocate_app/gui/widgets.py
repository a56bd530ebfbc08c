"""Small widgets the window's parts share."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from advocate_app.gui.links import LinkPolicy, linked_text
from advocate_app.gui.theme import set_muted


def muted_label(text: str, parent: QWidget) -> QLabel:
    """Secondary text in the palette's muted colour (right in light and dark themes), shown as
    plain text whatever it contains."""
    label = QLabel(text, parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    set_muted(label)
    return label


def note_label(text: str, parent: QWidget, links: LinkPolicy) -> QLabel:
    """A note for the reader whose web addresses can be clicked (through the link policy);
    the rest of the text stays plain."""
    label = QLabel(linked_text(text), parent)
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setWordWrap(True)
    label.setOpenExternalLinks(False)
    label.setTextInteractionFlags(
        Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.LinksAccessibleByMouse
    )
    label.linkActivated.connect(links.open)
    label.setAccessibleName(text[:200])
    return label


def plain_tip(text: str) -> str:
    """A tooltip that shows `text` as written. Qt renders a tooltip as rich text when it looks
    like markup, so the text is escaped and marked as rich text on purpose."""
    return f"<qt>{escape(text)}</qt>" if text else ""


def grow_to_fit(window: QWidget) -> None:
    """A dialog whose messages grew (a check failed, a note appeared) grows with them, so no
    message is squashed or cut; it never shrinks under the reader's hands."""
    hint = window.sizeHint()
    width, height = max(window.width(), hint.width()), max(window.height(), hint.height())
    if (width, height) != (window.width(), window.height()):
        window.resize(width, height)
