"""The letter composer in the window: one letter per official, sent the way each office takes."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog, QPushButton

from advocate_app.core.officials.directory import update_directory
from advocate_app.core.profile.storage import ProfileStore
from tests.support.data import ADA, SITE_TITLE, write_directory
from tests.support.qt import select_title


def composer_for(window, title: str, number: int, qtbot):
    select_title(window, title)
    card = window.action_panel.cards[number - 1]
    (write,) = [b for b in card.findChildren(QPushButton) if b.text() == "Write letter…"]
    with qtbot.waitSignal(window.letters.composer_opened, timeout=5000) as opened:
        qtbot.mouseClick(write, Qt.MouseButton.LeftButton)
    composer = opened.args[0]
    qtbot.addWidget(composer)
    return composer


def prepare(folder, tmp_path):
    update_directory(folder, str(write_directory(tmp_path / "directory")))
    ProfileStore(folder).save(replace(ADA, zip="98104"))  # one district, not a split ZIP


def test_write_letter_opens_one_letter_per_official(open_window, library_path, qtbot, tmp_path):
    prepare(library_path.parent, tmp_path)
    window = open_window(library_path)
    composer = composer_for(window, SITE_TITLE, 2, qtbot)
    assert [composer.tabs.tabText(i) for i in range(composer.tabs.count())] == [
        "Bea Birch",
        "Ann Alder",
        "Cy Cedar",
    ]
    page = composer.pages[0]
    assert "Dear Senator Birch,\n" in page.body.toPlainText()
    assert "Ada Lovelace\n1 Main St, Seattle, WA 98104" in page.body.toPlainText()
    assert not page.email_button.isEnabled()  # senators take letters by web form

    page.body.setPlainText(page.body.toPlainText() + "\nP.S. Edited by me.")
    qtbot.mouseClick(page.copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text().endswith("P.S. Edited by me.")
    qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)
    assert window.opened.urls == ["https://birch.gov/contact"]
    assert QGuiApplication.clipboard().text().endswith("P.S. Edited by me.")
    (letter,) = window.session.letters(window.current_article_id())  # one letter, two ways out
    assert letter.recipient_name == "Bea Birch" and not letter.sent
    assert [route for route, _ in letter.deliveries] == ["copy", "contact_form"]
    assert letter.body.endswith("P.S. Edited by me.")
    assert window.session.activity().letters_sent == 0  # not sent until the reader says so
    assert "Letter to Bea Birch contact page opened" in window.status_label.text()
    assert "not marked as sent yet" in page.state.text()
    history = window.letters.show_sent_letters()
    qtbot.addWidget(history)
    assert history.list.count() == 1 and history.list.item(0).text().endswith(
        "Bea Birch · contact page opened — Contact Elected Officials"
    )
    assert history.text.toPlainText().endswith("P.S. Edited by me.")

    # Take a recipient away; choose a template instead of the sample.
    composer.recipients.item(0).setCheckState(Qt.CheckState.Unchecked)
    assert composer.tabs.count() == 2
    composer.template.setCurrentIndex(composer.template.findData("senator"))
    assert "Ada Lovelace, a constituent from Seattle, WA 98104" in (
        composer.pages[0].body.toPlainText()
    )


def test_white_house_letter_counts_characters_and_fixes_the_greeting(
    open_window, library_path, qtbot, tmp_path
):
    prepare(library_path.parent, tmp_path)
    window = open_window(library_path)
    composer = composer_for(window, SITE_TITLE, 5, qtbot)
    (page,) = composer.pages
    assert "Dear President Pine," in page.body.toPlainText()
    assert "the form takes about 2,000" in page.count.text()
    page.body.setPlainText("x" * 2100)
    assert page.count.text().startswith("⚠ 2,100 characters")


def test_email_route_and_pdf(open_window, library_path, qtbot, tmp_path, monkeypatch):
    prepare(library_path.parent, tmp_path)
    window = open_window(library_path)
    composer = composer_for(
        window, "The one thing Trump wants out of his meeting with Putin", 5, qtbot
    )
    un = next(p for p in composer.pages if p.letter.recipient.name == "United Nations Headquarters")
    assert un.email_button.isEnabled()
    qtbot.mouseClick(un.email_button, Qt.MouseButton.LeftButton)
    assert window.opened.urls[-1].startswith("mailto:contact@un.org?subject=")

    target = tmp_path / "letter.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "PDF"))
    qtbot.mouseClick(un.pdf_button, Qt.MouseButton.LeftButton)
    assert target.read_bytes().startswith(b"%PDF")
    (letter,) = window.session.letters(window.current_article_id())
    assert [route for route, _ in letter.deliveries] == ["email", "pdf"]
    assert "Saved as PDF" in un.state.text() and not letter.sent


def test_a_broken_user_template_shows_its_error(open_window, library_path, qtbot, tmp_path):
    prepare(library_path.parent, tmp_path)
    folder = library_path.parent / "templates"
    folder.mkdir()
    (folder / "mine.txt.j2").write_text("Subject: x\n\n{{ broken", encoding="utf-8")
    window = open_window(library_path)
    composer = composer_for(window, SITE_TITLE, 2, qtbot)
    composer.template.setCurrentIndex(composer.template.findData("mine"))
    assert composer.error.isVisible() and "template mine, line 3" in composer.error.text()
    assert composer.tabs.count() == 3  # the letters there stay
    composer.template.setCurrentIndex(composer.template.findData("senator"))
    assert not composer.error.isVisible() and composer.tabs.count() == 3  # it goes on
    assert "a constituent from Seattle" in composer.pages[0].body.toPlainText()


def test_write_from_your_officials(open_window, library_path, qtbot, tmp_path):
    prepare(library_path.parent, tmp_path)
    window = open_window(library_path)
    select_title(window, SITE_TITLE)
    dialog = window.officials.show_officials()
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: bool(dialog.cards), timeout=5000)
    card = next(c for c in dialog.cards if c.official.name == "Pat Pine")
    (write,) = [b for b in card.findChildren(QPushButton) if b.text() == "Write letter…"]
    with qtbot.waitSignal(window.letters.composer_opened, timeout=5000) as opened:
        qtbot.mouseClick(write, Qt.MouseButton.LeftButton)
    composer = opened.args[0]
    qtbot.addWidget(composer)
    assert [p.letter.recipient.name for p in composer.pages] == ["Pat Pine"]
    assert composer.action.number == 2  # the article's first action that writes to officials
    assert "Dear President Pine," in composer.pages[0].body.toPlainText()
