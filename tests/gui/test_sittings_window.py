"""A sitting in the window: write, call and skip across three articles, the queue after each,
closing and coming back; the call desk's script, numbers and outcomes; the prompter."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from advocate_app.core.officials.directory import update_directory
from advocate_app.core.profile.storage import ProfileStore
from advocate_app.core.store.tracking import CallOutcome
from tests.support.data import ADA, write_directory
from tests.support.paths import SCREENSHOTS


def prepared(open_window, library_path, tmp_path):  # noqa: ANN001, ANN201
    update_directory(library_path.parent, str(write_directory(tmp_path / "directory")))
    ProfileStore(library_path.parent).save(replace(ADA, zip="98104"))
    return open_window(library_path)


def started(window, qtbot, official=None):  # noqa: ANN001, ANN201
    dialog = window.sittings.start(official)
    qtbot.waitUntil(lambda: dialog.sitting is not None, timeout=5000)
    return dialog


def test_a_sitting_writes_calls_and_skips_through_the_queue(
    open_window, library_path, tmp_path, qtbot
):
    window = prepared(open_window, library_path, tmp_path)
    dialog = started(window, qtbot)
    total = len(dialog.items)
    articles = {item.article_id for item in dialog.items}
    assert total >= 9 and len(articles) == 3  # three articles' open actions
    assert dialog.progress.text() == f"1 of {total}"
    first = dialog.current()
    assert dialog.official.text() == first.official.display_name
    assert dialog.article.text() == f"About: {first.article_title}"
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    assert dialog.grab().save(str(SCREENSHOTS / "sitting.png"))

    # Write: the composer for this one official; a letter said to be sent takes it out.
    with qtbot.waitSignal(window.letters.composer_opened, timeout=5000) as opened:
        qtbot.mouseClick(dialog.write, Qt.MouseButton.LeftButton)
    composer = opened.args[0]
    assert [p.letter.recipient.key for p in composer.pages] == [first.official.key]
    page = composer.pages[0]
    qtbot.mouseClick(page.copy_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.sent_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(dialog.refreshed, timeout=5000):
        composer.close()
    assert len(dialog.items) == total - 1
    assert first.key not in [item.key for item in dialog.items]
    assert dialog.progress.text() == f"1 of {total - 1}"

    # Skip: it stays for next time.
    skipped = dialog.current()
    qtbot.mouseClick(dialog.skip, Qt.MouseButton.LeftButton)
    assert dialog.progress.text() == f"2 of {total - 1}" and skipped in dialog.items

    # Call: the desk for that official, one outcome on two actions.
    calling = dialog.current()
    qtbot.mouseClick(dialog.call, Qt.MouseButton.LeftButton)
    desk = window.sittings.desk
    qtbot.waitUntil(lambda: desk.facts is not None, timeout=5000)
    assert desk.script.toPlainText().startswith("Hello, my name is Ada Lovelace")
    also = [box for box in desk.covered[1:]]
    if also:
        also[0].setChecked(True)
        qtbot.waitUntil(lambda: desk.script.toPlainText().count("I am calling about") == 2,
                        timeout=5000)  # fmt: skip
    covered = len(desk.covered_items())
    with qtbot.waitSignal(dialog.refreshed, timeout=5000):
        qtbot.mouseClick(desk.outcome_buttons[CallOutcome.CONTACTED], Qt.MouseButton.LeftButton)
    assert len(dialog.items) == total - 1 - covered
    record = window.session.records(calling.article_id)[calling.action_number]
    assert calling.official.display_name in record.reached

    # Closing keeps the queue; the next sitting comes back to where this one was.
    where = dialog.current().key
    dialog.close()
    again = started(window, qtbot)
    assert again.current().key == where
    assert skipped.key in [item.key for item in again.items]


def test_the_call_desk_for_a_representative_with_district_offices(
    open_window, library_path, tmp_path, qtbot
):
    window = prepared(open_window, library_path, tmp_path)
    dialog = started(window, qtbot)
    item = next(i for i in dialog.items if i.official.name == "Cy Cedar")
    tuesday_noon = datetime(2026, 12, 1, 12, 0, tzinfo=ZoneInfo("America/Los_Angeles"))
    from advocate_app.gui.sittings.call_desk import CallDesk

    desk = CallDesk(window.context, item.official, [item], window, now=lambda: tuesday_noon)
    qtbot.addWidget(desk)
    desk.show()
    qtbot.waitUntil(lambda: desk.facts is not None, timeout=5000)
    places = [line.place for line, _label in desk.number_rows]
    assert places == ["Seattle", "Washington, DC"]  # nearest first
    seattle = desk.number_rows[0][1].text()
    assert seattle.startswith("Seattle: 206-555-0107") and "likely open" in seattle
    washington = desk.number_rows[1][1].text()
    assert "Tue 3:00 PM there, likely open" in washington
    assert "I urge Representative Cedar" in desk.script.toPlainText() or (
        "I am calling about" in desk.script.toPlainText()
    )
    desk.no_response.setChecked(True)
    qtbot.waitUntil(lambda: "I don't need a response" in desk.script.toPlainText(), timeout=5000)
    desk.resize(900, 640)
    QApplication.processEvents()
    assert desk.grab().save(str(SCREENSHOTS / "call_desk.png"))

    # Busy: it stays open, the next number and writing instead are offered.
    assert desk.log(CallOutcome.BUSY)
    assert "it stays open. Try the Washington, DC office, 202-224-0000" in desk.after.text()
    assert desk.write_button.isVisibleTo(desk)
    record = window.session.records(item.article_id).get(item.action_number)
    assert record is not None and record.reached == ()
    assert record.calls[-1][1] == "busy"


def test_the_prompter_reads_a_part_at_a_time(qtbot):
    from advocate_app.gui.sittings.prompter import Prompter

    prompter = Prompter("Hello, my name is Ada.\n\nI am calling about parks.\n\nThank you.")
    qtbot.addWidget(prompter)
    prompter.show()
    assert prompter.text.text() == "Hello, my name is Ada."
    assert prompter.text.font().pointSizeF() > QApplication.font().pointSizeF() * 2
    qtbot.keyClick(prompter, Qt.Key.Key_Space)
    assert prompter.text.text() == "I am calling about parks."
    assert prompter.hint.text().startswith("Part 2 of 3")
    prompter.resize(980, 560)
    assert prompter.grab().save(str(SCREENSHOTS / "prompter.png"))
    qtbot.keyClick(prompter, Qt.Key.Key_Escape)
    assert prompter.text.text() == "Hello, my name is Ada."
    qtbot.keyClick(prompter, Qt.Key.Key_Escape)
    assert not prompter.isVisible()


def test_a_sitting_for_one_official_from_your_officials(open_window, library_path, tmp_path, qtbot):
    window = prepared(open_window, library_path, tmp_path)
    officials = window.officials.show_officials()
    qtbot.waitUntil(lambda: bool(officials.cards), timeout=5000)
    card = next(c for c in officials.cards if c.official.name == "Ann Alder")
    button = next(
        b for b in card.findChildren(type(officials.locate)) if b.text() == "Start a Sitting"
    )
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dialog = window.sittings.dialog
    qtbot.waitUntil(lambda: dialog.sitting is not None, timeout=5000)
    assert {item.official.name for item in dialog.items} == {"Ann Alder"}


def test_what_is_waiting_is_said_above_the_list_until_put_away(
    open_window, library_path, tmp_path, qtbot
):
    from datetime import timedelta

    from advocate_app.gui.reading.article_model import ArticleRole
    from tests.support.data import SITE_TITLE
    from tests.support.qt import select_title

    window = prepared(open_window, library_path, tmp_path)
    article_id = select_title(window, SITE_TITLE)
    window.tracking.set_follow_up(article_id, 5, window.session.today() - timedelta(days=1))
    window.tracking.set_follow_up(article_id, 6, window.session.today() + timedelta(days=9))
    with qtbot.waitSignal(window.reminders.checked, timeout=5000) as checked:
        window.reminders.check()
    waiting = checked.args[0]
    assert waiting.follow_ups == 1 and waiting.open_actions > 5
    banner = window.reminders
    assert banner.isVisibleTo(window)
    assert banner.text.text() == (
        f"1 follow-up due · {waiting.open_actions} open actions for your officials"
    )
    model = window.list_pane.model
    assert model.index(model.row_of(article_id)).data(ArticleRole.FOLLOW_UP_DUE) is True
    others = [model.index(r) for r in range(model.rowCount()) if model.id_at(r) != article_id]
    assert not any(index.data(ArticleRole.FOLLOW_UP_DUE) for index in others)

    qtbot.mouseClick(banner.sitting, Qt.MouseButton.LeftButton)
    assert window.sittings.dialog.isVisible()
    qtbot.mouseClick(banner.follow_ups, Qt.MouseButton.LeftButton)
    activity = window.tracking.activity_dialog
    qtbot.waitUntil(lambda: activity.summary is not None, timeout=5000)
    assert activity.follow_ups.item(0).text().startswith("Due since")
    qtbot.mouseClick(banner.dismiss, Qt.MouseButton.LeftButton)
    assert not banner.isVisibleTo(window)
    window.reminders.check()  # the same day: it stays away
    assert not banner.isVisibleTo(window)


def test_call_with_a_script_from_an_action_and_calls_by_outcome(
    open_window, library_path, tmp_path, qtbot, monkeypatch
):
    from PySide6.QtWidgets import QInputDialog

    from advocate_app.gui.reading.action_panel import TrackRequest
    from tests.support.data import SITE_TITLE
    from tests.support.qt import select_title

    window = prepared(open_window, library_path, tmp_path)
    article_id = select_title(window, SITE_TITLE)
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: ("Senator Ann Alder", True))
    window.tracking.requested(article_id, 2, TrackRequest.CALL_DESK)
    qtbot.waitUntil(lambda: window.sittings.desk is not None, timeout=5000)
    desk = window.sittings.desk
    assert desk.official.name == "Ann Alder"
    qtbot.waitUntil(lambda: desk.facts is not None, timeout=5000)
    desk.log(CallOutcome.VOICEMAIL)
    activity = window.tracking.show_activity()
    qtbot.waitUntil(lambda: activity.summary is not None, timeout=5000)
    assert activity.calls_detail.text() == "Calls: 1 left a voicemail"


def test_an_article_deleted_during_a_sitting_and_the_end_of_the_queue(
    open_window, library_path, tmp_path, qtbot
):
    window = prepared(open_window, library_path, tmp_path)
    dialog = started(window, qtbot, window.session.my_officials().senators[0])
    item = dialog.current()
    window.session.delete([item.article_id])  # gone while it is shown
    dialog.go(dialog.position)
    assert not dialog.write.isEnabled() and not dialog.call.isEnabled()
    with qtbot.waitSignal(dialog.refreshed, timeout=5000):
        dialog.reload()
    assert all(i.article_id != item.article_id for i in dialog.items)
    while dialog.current() is not None:
        qtbot.mouseClick(dialog.skip, Qt.MouseButton.LeftButton)
    assert not dialog.skip.isEnabled()
    assert "That was the last one for now" in dialog.steps_area.widget().text()
