"""The composer as a reader meets it: template letters in their own voice, drafts that survive
every change and a restart, honest deliveries, one "sent" per letter, and Sent Letters."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QPushButton

from advocate_app.core.letters.checks import PERSONAL
from advocate_app.core.officials.directory import update_directory
from advocate_app.core.profile.storage import ProfileStore
from advocate_app.gui.letters.drafts import PAUSE_MS
from tests.support.data import ADA, SITE_TITLE, write_directory
from tests.support.paths import SCREENSHOTS
from tests.support.qt import select_title

BARE_TITLE_START = "President Donald Trump, soon on his way"


def prepare(folder, tmp_path) -> None:
    update_directory(folder, str(write_directory(tmp_path / "directory")))
    ProfileStore(folder).save(replace(ADA, zip="98104"))  # one district, not a split ZIP


def open_composer(window, number, qtbot):  # noqa: ANN001, ANN201
    card = window.action_panel.cards[number - 1]
    (write,) = [b for b in card.findChildren(QPushButton) if b.text() == "Write letter…"]
    with qtbot.waitSignal(window.letters.composer_opened, timeout=5000) as opened:
        qtbot.mouseClick(write, Qt.MouseButton.LeftButton)
    return opened.args[0]  # the window's child: it goes with the window


def select_bare(window) -> int:  # noqa: ANN001
    model = window.list_pane.model
    for row in range(model.rowCount()):
        if str(model.index(row).data()).startswith(BARE_TITLE_START):
            window.list_pane.select_row(row)
            return model.id_at(row)
    raise AssertionError("the bare article is not listed")


def drafts_saved(window, qtbot) -> None:  # noqa: ANN001
    qtbot.wait(PAUSE_MS + 100)
    qtbot.waitUntil(lambda: not window.tasks.busy(), timeout=5000)


def test_a_template_letter_for_a_news_article_is_in_the_readers_voice(
    open_window, library_path, qtbot, tmp_path
):
    prepare(library_path.parent, tmp_path)
    window = open_window(library_path)
    select_bare(window)
    composer = open_composer(window, 1, qtbot)  # "Write to your U.S. senators"
    assert [p.letter.recipient.name for p in composer.pages] == ["Bea Birch", "Ann Alder"]
    guidance = [label.text() for label in composer.guidance]
    assert any("Write to both of your senators" in text for text in guidance)
    for page in composer.pages:
        body = page.body.toPlainText()
        assert "Write to both of your senators" not in body and "Tell them" not in body
        assert PERSONAL in body and "a constituent from Seattle, WA 98104" in body
        assert len(page.body.extraSelections()) == 1  # the marked paragraph, highlighted
        assert "Your own words are missing" in page.checks.text()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for name, size in (("small", (820, 560)), ("large", (1400, 900))):
        composer.resize(*size)
        QApplication.processEvents()
        assert composer.grab().save(str(SCREENSHOTS / f"composer_guidance_{name}.png"))
    page = composer.pages[0]
    page.body.setPlainText(page.body.toPlainText().replace(PERSONAL, "My clinic closed."))
    assert page.checks.text() == "Ready to send." and page.body.extraSelections() == []


def test_edits_survive_template_and_recipient_changes_and_a_restart(
    open_window, restart, library_path, qtbot, tmp_path
):
    prepare(library_path.parent, tmp_path)
    window = open_window(library_path)
    select_title(window, SITE_TITLE)
    composer = open_composer(window, 2, qtbot)
    first, second = composer.pages[0], composer.pages[1]
    first.body.setPlainText(first.body.toPlainText() + "\nP.S. My own words.")
    composer.template.setCurrentIndex(composer.template.findData("senator"))
    assert first.body.toPlainText().endswith("P.S. My own words.")  # kept
    assert "Start Over" in first.note.text()
    assert "a constituent from Seattle" in second.body.toPlainText()  # rewritten

    composer.recipients.item(0).setCheckState(Qt.CheckState.Unchecked)  # Bea Birch away
    assert [p.letter.recipient.name for p in composer.pages] == ["Ann Alder", "Cy Cedar"]
    composer.recipients.item(0).setCheckState(Qt.CheckState.Checked)  # and back
    assert composer.pages[0].body.toPlainText().endswith("P.S. My own words.")
    drafts_saved(window, qtbot)
    (draft,) = window.session.letters(drafts=True)
    assert draft.recipient_name == "Bea Birch" and draft.body.endswith("P.S. My own words.")

    composer.pages[0].body.setPlainText(composer.pages[0].body.toPlainText() + " More.")
    window.choices.append("Keep Drafts")
    composer.close()
    assert window.questions[-1][0] == "Your letters are not sent"
    drafts_saved(window, qtbot)
    drafts = window.letters.show_drafts()
    qtbot.addWidget(drafts)
    assert drafts.list.count() == 1 and "Bea Birch · draft" in drafts.list.item(0).text()

    window = restart(window)
    select_title(window, SITE_TITLE)
    composer = open_composer(window, 2, qtbot)
    restored = composer.pages[0]
    assert restored.body.toPlainText().endswith("P.S. My own words. More.")
    assert "Your draft from" in restored.note.text()

    window.choices.append("Discard Changes")
    composer.close()
    drafts_saved(window, qtbot)
    assert window.session.letters(drafts=True) == []


def test_a_contact_page_that_does_not_open_is_said_and_not_recorded(
    open_window, library_path, qtbot, tmp_path
):
    prepare(library_path.parent, tmp_path)
    window = open_window(library_path)
    select_title(window, SITE_TITLE)
    composer = open_composer(window, 2, qtbot)
    page = composer.pages[0]
    window.opened.works = False  # no browser can start
    qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)
    assert page.problem.isVisibleTo(page) and "could not be opened" in page.problem.text()
    assert "nothing was sent" in page.problem.text()
    qtbot.mouseClick(page.copy_address, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == "https://birch.gov/contact"
    assert window.session.letters() == []  # nothing recorded
    assert window.letters.questions.pending == []  # nothing to ask about
    assert "could not be opened" in window.status_label.text()
    assert "not marked" not in window.action_panel.cards[1].tracking.text()


def test_a_confirmed_send_counts_once_however_often_it_was_copied(
    open_window, library_path, qtbot, tmp_path
):
    prepare(library_path.parent, tmp_path)
    window = open_window(library_path)
    select_title(window, SITE_TITLE)
    composer = open_composer(window, 2, qtbot)
    page = composer.pages[0]
    for button in (page.copy_button, page.open_button, page.copy_button):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert len(window.letters.questions.pending) == 1  # one letter, asked about once
    window.choices.append("Sent")
    window.letters.questions.reader_returned()
    assert window.questions[-1] == (
        "Did you send your letter?",
        "Did you send your letter to Senator Bea Birch?\n\nOnly letters you say you sent "
        "count in your record.",
    )
    assert "Sent ✓" in page.state.text()
    qtbot.mouseClick(page.copy_button, Qt.MouseButton.LeftButton)  # once more, unchanged
    assert window.letters.questions.pending == []  # already sent: nothing to ask
    (letter,) = window.session.letters()
    assert letter.sent and len(letter.deliveries) == 4
    assert window.session.activity().letters_sent == 1
    assert "1 of 3 officials contacted" in window.action_panel.cards[1].tracking.text()

    other = composer.pages[1]
    qtbot.mouseClick(other.copy_button, Qt.MouseButton.LeftButton)
    window.choices.append("Not Yet")
    window.letters.questions.reader_returned()
    assert window.session.activity().letters_sent == 1  # not yet is not a send
    window.choices.append("Don't Ask After Copying")
    window.letters.questions.queue(window.session.letters()[0].id, "x", other.letter.route)
    qtbot.mouseClick(other.copy_button, Qt.MouseButton.LeftButton)
    window.letters.questions.reader_returned()
    assert not window.settings.ask_if_sent("copy")
    qtbot.mouseClick(other.copy_button, Qt.MouseButton.LeftButton)
    assert window.letters.questions.pending == []  # no more questions after copying


def test_a_letter_with_gaps_asks_once_before_it_goes_out(
    open_window, library_path, qtbot, tmp_path
):
    prepare(library_path.parent, tmp_path)
    ProfileStore(library_path.parent).save(replace(ADA, zip="98104", email=""))
    window = open_window(library_path)
    select_title(window, SITE_TITLE)
    composer = open_composer(window, 2, qtbot)
    page = composer.pages[0]
    assert "[Your Email]" in page.checks.text()
    window.answers.append(False)  # "Send this letter as it is?" No
    qtbot.mouseClick(page.copy_button, Qt.MouseButton.LeftButton)
    assert window.questions[-1][0] == "Send this letter as it is?"
    assert "[Your Email]" in window.questions[-1][1]
    assert window.session.letters() == []
    asked = len(window.questions)
    qtbot.mouseClick(page.copy_button, Qt.MouseButton.LeftButton)  # yes, this time
    qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)  # not asked again
    assert len(window.questions) == asked + 1
    assert len(window.session.letters()[0].deliveries) == 2


def test_sent_letters_show_status_and_reopen_a_letter(open_window, library_path, qtbot, tmp_path):
    prepare(library_path.parent, tmp_path)
    window = open_window(library_path)
    select_title(window, SITE_TITLE)
    composer = open_composer(window, 2, qtbot)
    page = composer.pages[1]  # Ann Alder
    page.body.setPlainText(page.body.toPlainText() + "\nSent from the composer.")
    qtbot.mouseClick(page.copy_button, Qt.MouseButton.LeftButton)
    window.choices.append("Keep Drafts")
    composer.close()
    history = window.letters.show_sent_letters()
    qtbot.addWidget(history)
    assert history.list.item(0).text().split(" · ")[1:] == [
        "Ann Alder",
        "copied — Contact Elected Officials",
    ]
    assert "Status: copied." in history.details.text() and "Copied " in history.details.text()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    assert history.grab().save(str(SCREENSHOTS / "sent_letters.png"))
    qtbot.mouseClick(history.sent_button, Qt.MouseButton.LeftButton)
    assert "Ann Alder · sent ✓" in history.list.item(0).text()
    assert history.sent_button.text() == "Mark as Not Sent"
    assert not history.delete_button.isEnabled()
    with qtbot.waitSignal(window.letters.composer_opened, timeout=5000) as opened:
        qtbot.mouseClick(history.open_button, Qt.MouseButton.LeftButton)
    again = opened.args[0]
    assert [p.letter.recipient.name for p in again.pages] == ["Ann Alder"]
    assert again.pages[0].body.toPlainText().endswith("Sent from the composer.")
    assert "Sent ✓" in again.pages[0].state.text()


def test_a_huge_letter_and_a_draft_for_a_deleted_article(
    open_window, library_path, qtbot, tmp_path
):
    prepare(library_path.parent, tmp_path)
    window = open_window(library_path)
    article_id = select_title(window, SITE_TITLE)
    composer = open_composer(window, 5, qtbot)  # the White House, with its 2,000 limit
    (page,) = composer.pages
    page.body.setPlainText("Dear President Pine, " + "it matters. " * 8400)  # ~100,000
    assert "The office's form takes about 2,000 characters" in page.checks.text()
    drafts_saved(window, qtbot)
    (draft,) = window.session.letters(drafts=True)
    assert len(draft.body) > 100_000
    window.choices.append("Keep Drafts")
    composer.close()
    window.reading.save(lambda: window.session.delete([article_id]))
    window.session.purge_deleted()
    drafts = window.letters.show_drafts()
    qtbot.addWidget(drafts)
    assert "an article no longer in the library" in drafts.details.text()
    assert not drafts.open_button.isEnabled()
    qtbot.mouseClick(drafts.delete_button, Qt.MouseButton.LeftButton)
    assert drafts.list.count() == 0 and drafts.empty.isVisibleTo(drafts)
