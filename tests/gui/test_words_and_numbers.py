"""Words and numbers for people: local times in the system's format, plain words for every
status and outcome, a chart that says what it counts, due follow-ups that stand out."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QLocale
from PySide6.QtGui import QFont

from advocate_app.core.store.tracking import CallOutcome
from advocate_app.gui.formats import day_text, time_text
from tests.support.data import SITE_TITLE
from tests.support.qt import clipped_labels, select_title

INTERNAL_WORDS = ("contact_form", "(copy)", "unavailable", ": contacted", "T1", "+00:00")


def test_dates_follow_the_systems_locale():
    stamp = "2026-11-28T22:05:00+00:00"  # stored in UTC
    assert day_text(date(2026, 11, 28)) == "Nov 28, 2026"
    assert time_text(stamp).startswith(day_text(date.fromisoformat("2026-11-28"))[:3])
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    assert day_text(date(2026, 11, 28)) == "28 Nov 2026"
    assert ":" in time_text(stamp) and "PM" not in time_text(stamp)
    QLocale.setDefault(QLocale(QLocale.Language.German, QLocale.Country.Germany))
    assert day_text("2026-11-28") == "28. Nov. 2026"


def test_your_activity_speaks_plainly(open_window, library_path, qtbot):
    window = open_window(library_path)
    article_id = select_title(window, SITE_TITLE)
    window.tracking.log_call(article_id, 2, "Senator Patty Murray", CallOutcome.UNAVAILABLE)
    window.tracking.log_call(article_id, 2, "Senator Patty Murray", CallOutcome.VOICEMAIL)
    window.tracking.set_follow_up(article_id, 5, date.today() - timedelta(days=2))
    window.reading.set_done(article_id, 1, True)
    dialog = window.tracking.show_activity()
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.summary is not None and dialog.recent.count() >= 3, timeout=5000)
    lines = [dialog.recent.item(i).text() for i in range(dialog.recent.count())]
    assert any("called Senator Patty Murray: nobody answered" in line for line in lines)
    assert any("left a voicemail" in line for line in lines)
    for line in lines:
        assert not any(word in line for word in INTERNAL_WORDS), line
    assert lines[0].startswith(time_text(dialog.summary.recent[0].at))  # local, readable
    due = dialog.follow_ups.item(0)
    assert due.text().startswith(f"Due since {day_text(date.today() - timedelta(days=2))}")
    assert due.font().weight() == QFont.Weight.Bold and not due.icon().isNull()
    assert dialog.follow_ups_title.text() == "<b>Follow up now (1)</b>"
    assert "Things you did each week" in " ".join(
        label.text() for label in dialog.findChildren(type(dialog.follow_ups_title))
    )
    assert "week of" in dialog.chart.accessibleDescription()
    assert dialog.recent.horizontalScrollBar().maximum() == 0  # nothing hidden to the side
    assert clipped_labels(dialog) == []
