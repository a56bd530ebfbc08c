"""Tracking in the window: notes, calls, follow-ups, activity, backup and restore."""

from __future__ import annotations

import sqlite3
from datetime import date, timedelta

from PySide6.QtWidgets import QApplication

from advocate_app.core.letters.compose import Letter
from advocate_app.core.letters.routes import Route
from advocate_app.core.officials.model import OfficeKind, Official
from advocate_app.core.store.tracking import CallOutcome
from advocate_app.gui.tracking.activity_dialog import ActivityDialog
from tests.support.data import SITE_TITLE
from tests.support.paths import SCREENSHOTS
from tests.support.qt import select_title


def test_notes_calls_and_follow_ups_show_on_the_action(open_window, library_path):
    window = open_window(library_path)
    article_id = select_title(window, SITE_TITLE)
    card = window.action_panel.cards[1]
    assert [a.text() for a in card.more_button.menu().actions()] == [
        "Add a Note…",
        "Call with a Script…",
        "Log a Call…",
        "Follow Up On…",
        "Clear Follow-Up",
    ]

    window.tracking.log_call(article_id, 2, "Senator Patty Murray", CallOutcome.UNAVAILABLE)
    card = window.action_panel.cards[1]
    assert not card.done_box.isChecked()
    assert "last call: Senator Patty Murray, nobody answered" in card.tracking.text()
    assert "stays open" in window.status_label.text()

    window.tracking.log_call(article_id, 2, "Senator Maria Cantwell", CallOutcome.CONTACTED)
    assert "1 of 3 officials contacted" in window.action_panel.cards[1].tracking.text()

    window.tracking.add_note(article_id, 2, "Called both offices")
    card = window.action_panel.cards[1]
    assert card.done_box.isChecked() and "Note: Called both offices" in card.tracking.text()
    assert card.tracking.text().startswith("Done ")

    due = date.today() + timedelta(days=3)
    window.tracking.set_follow_up(article_id, 5, due)
    assert (
        f"follow up on {due:%b} {due.day}, {due.year}"
        in window.action_panel.cards[4].tracking.text()
    )
    window.tracking.set_follow_up(article_id, 5, None)
    assert "follow up" not in window.action_panel.cards[4].tracking.text()


def test_activity_view_with_its_chart(open_window, library_path, qtbot):
    window = open_window(library_path)
    article_id = select_title(window, SITE_TITLE)
    window.tracking.add_note(article_id, 1, "signed")
    window.tracking.log_call(article_id, 2, "Senator Patty Murray", CallOutcome.CONTACTED)
    window.tracking.set_follow_up(article_id, 5, date.today() - timedelta(days=1))
    window.list_pane.select_row(0)
    other = window.current_article_id()

    dialog = ActivityDialog(window.context, window.open_article)
    qtbot.addWidget(dialog)
    dialog.resize(640, 760)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.summary is not None, timeout=5000)
    QApplication.processEvents()
    summary = dialog.summary
    assert (summary.actions_done, summary.calls, summary.streak_days) == (1, 1, 1)
    assert dialog.chart.weekly[-1][1] == 2
    assert "2 things done" in dialog.chart.accessibleDescription()
    assert dialog.follow_ups.count() == 1 and "action 5" in dialog.follow_ups.item(0).text()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    assert dialog.grab().save(str(SCREENSHOTS / "activity.png"))

    assert window.current_article_id() == other
    dialog.recent.itemActivated.emit(dialog.recent.item(0))
    assert window.current_article_id() == article_id


def letter_to(name: str, body: str) -> Letter:
    official = Official(name, "Senator", f"Dear Senator {name}", OfficeKind.SENATOR)
    return Letter(official, "Subject", body, Route.CONTACT_FORM, "", None, (), ())


def test_a_letter_in_recent_activity_opens_the_letter(open_window, library_path, qtbot):
    window = open_window(library_path)
    article_id = select_title(window, SITE_TITLE)
    session = window.session
    for name, body in (
        ("Patty Murray", "Dear Senator Murray, first."),
        ("Maria Cantwell", "Dear Senator Cantwell, second."),
    ):
        second = session.deliver_letter(article_id, 2, letter_to(name, body), Route.COPY)
        session.mark_letter_sent(second)
    dialog = window.tracking.show_activity()
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.summary is not None, timeout=5000)
    item = next(
        dialog.recent.item(i)
        for i in range(dialog.recent.count())
        if "Maria Cantwell" in dialog.recent.item(i).text()
    )
    dialog.recent.itemActivated.emit(item)
    letters = window.letters.sent_letters
    qtbot.addWidget(letters)
    assert letters.letters[letters.list.currentRow()].id == second
    assert letters.text.toPlainText() == "Dear Senator Cantwell, second."


def test_back_up_and_restore_from_the_window(open_window, library_path, tmp_path, qtbot):
    window = open_window(library_path)
    article_id = select_title(window, SITE_TITLE)
    window.tracking.add_note(article_id, 2, "before the backup")
    with qtbot.waitSignal(window.safekeeping.backed_up, timeout=10000) as done:
        assert window.safekeeping.back_up(tmp_path / "backup.sqlite3")  # in the background
    saved = done.args[0]
    assert saved.exists() and "Backed up" in window.status_label.text()

    window.reading.delete_selected()
    window.session.purge_deleted()
    assert window.list_pane.model.rowCount() == 2
    with qtbot.waitSignal(window.safekeeping.restored, timeout=10000) as restored:
        window.safekeeping.restore_backup(saved, confirm=False)
    assert restored.args[0] is True
    assert window.list_pane.model.rowCount() == 3
    select_title(window, SITE_TITLE)
    assert "before the backup" in window.action_panel.cards[1].tracking.text()
    assert list(library_path.parent.glob("library.before-restore.*.bak"))

    db = sqlite3.connect(saved)
    db.execute("PRAGMA user_version = 99")
    db.commit()
    db.close()
    with qtbot.waitSignal(window.safekeeping.restored, timeout=10000) as refused:
        window.safekeeping.restore_backup(saved, confirm=False)
    assert refused.args[0] is False
    title, text, _ = window.notices[-1]
    assert title == "This backup cannot be restored" and "newer version" in text
