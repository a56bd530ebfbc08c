"""Text from articles and pages is shown as text, never as markup: in every label, button,
tooltip and list of the window and the composer."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QAbstractButton, QLabel, QPushButton, QWidget

from advocate_app.core.session import Session

MARKUP = "<h1 style='color:red'>LOUD</h1>"
PAGE = f"""{MARKUP} headline

<b>Bold Source</b> -- Tuesday, March 4, 2025, 10:05:00 AM Eastern Standard Time
Categories: <i>Cat</i>, Health
The article says {MARKUP} in its text, and goes on for a while so it counts as one.

To Do:

1. **Write {MARKUP}**: - **Who {MARKUP}**: Write to your senators and ask them {MARKUP}. \
- **Contact {MARKUP}**: [{MARKUP}](mailto:org@example.org) \
- **Links**: see [the page](https://example.org/<b>x</b>)
"""


def shown(text: str, rich: bool) -> str:
    """What a person sees of a widget's text."""
    if not rich:
        return text
    document = QTextDocument()
    document.setHtml(text)
    return document.toPlainText()


def is_rich(text: str, text_format: Qt.TextFormat) -> bool:
    if text_format == Qt.TextFormat.RichText:
        return True
    return text_format == Qt.TextFormat.AutoText and GuiQt.mightBeRichText(text)


def seen_texts(root: QWidget) -> list[str]:
    texts = []
    for label in root.findChildren(QLabel):
        texts.append(shown(label.text(), is_rich(label.text(), label.textFormat())))
    for widget in root.findChildren(QWidget):
        tip = widget.toolTip()
        if tip:
            texts.append(shown(tip, GuiQt.mightBeRichText(tip)))
    texts += [button.text() for button in root.findChildren(QAbstractButton)]  # always plain
    return texts


def test_markup_in_an_article_is_shown_as_text(open_window, tmp_path, qtbot):
    source = tmp_path / "loud.txt"
    source.write_text(PAGE, encoding="utf-8")
    path = tmp_path / "data" / "library.sqlite3"
    with Session.open(path.parent) as session:
        (result,) = session.import_paths([source])
    assert not result.failed, result.error
    window = open_window(path)
    window.list_pane.select_row(0)
    texts = seen_texts(window)
    showing = [t for t in texts if "LOUD" in t]
    assert len(showing) >= 4  # the title, the step texts, the recipient…
    assert all(MARKUP in t for t in showing), [t for t in showing if MARKUP not in t]
    tip = window.list_pane.model.index(0).data(Qt.ItemDataRole.ToolTipRole)
    assert MARKUP in shown(tip, GuiQt.mightBeRichText(tip))

    card = window.action_panel.cards[0]
    (write,) = [b for b in card.findChildren(QPushButton) if b.text() == "Write letter…"]
    with qtbot.waitSignal(window.letters.composer_opened, timeout=5000) as opened:
        write.click()
    composer = opened.args[0]
    qtbot.addWidget(composer)
    composer_texts = [t for t in seen_texts(composer) if "LOUD" in t]
    assert composer_texts and all(MARKUP in t for t in composer_texts)
    window.show_status(f"Fetching {MARKUP}…")  # a feed entry's title, say
    assert window.status_label.textFormat() == Qt.TextFormat.PlainText
