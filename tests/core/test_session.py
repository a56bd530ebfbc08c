"""The session's use cases: each reports what it changed, and the rules live in one place."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from advocate_app.core.changes import Changes
from advocate_app.core.letters.compose import Letter
from advocate_app.core.letters.routes import Route
from advocate_app.core.officials.model import OfficeKind, Official
from advocate_app.core.profile.model import Profile
from advocate_app.core.session import Session
from advocate_app.core.store.tracking import CallOutcome, EventKind
from advocate_app.core.web.network import NetworkOff
from tests.support.data import SITE_TITLE

TODAY = date(2026, 11, 28)


@pytest.fixture
def session(library_path: Path):
    opened = Session.open(library_path.parent, today=lambda: TODAY)
    heard: list[Changes] = []
    opened.subscribe(heard.append)
    opened.heard = heard  # type: ignore[attr-defined]
    yield opened
    opened.close()


def site_id(session: Session) -> int:
    return next(s.id for s in session.library.list() if s.title == SITE_TITLE)


def letter_to(name: str) -> Letter:
    official = Official(name, "Senator", f"Dear Senator {name}", OfficeKind.SENATOR)
    return Letter(official, "Subject", "Body", Route.CONTACT_FORM, "", None, (), ())


def test_each_use_case_reports_what_it_changed(session, tmp_path):
    article = site_id(session)
    session.set_done(article, 2, True)
    session.log_call(article, 2, "Senator Patty Murray", CallOutcome.CONTACTED)
    session.set_follow_up(article, 3, TODAY)
    assert session.heard == [Changes(tracking=frozenset({article}))] * 3

    session.heard.clear()
    letter_id = session.save_letter(article, 2, letter_to("Patty Murray"))
    assert session.heard == [Changes(letters=True)]  # a draft: no action's record changes
    session.heard.clear()
    session.deliver_letter(article, 2, letter_to("Patty Murray"), Route.COPY, letter_id)
    session.mark_letter_sent(letter_id)
    assert session.heard == [Changes(tracking=frozenset({article}), letters=True)] * 2

    session.heard.clear()
    session.set_starred([article], True)
    session.delete([article])
    session.undelete([article])
    session.set_network_allowed(False)
    session.save_profile(Profile(first_name="Ada"))
    assert [(bool(c.articles), c.article_list, c.network, c.profile) for c in session.heard] == [
        (True, False, False, False),
        (False, True, False, False),
        (False, True, False, False),
        (False, False, True, False),
        (False, False, False, True),
    ]

    session.heard.clear()
    backup = session.backup(tmp_path / "copy.sqlite3")
    session.restore(backup)
    assert session.heard == [Changes(everything=True)]


def test_changes_merge_and_say_which_articles_they_touch():
    merged = Changes(tracking=frozenset({1})) | Changes(content=frozenset({2}), letters=True)
    assert merged.touches_article(1) and merged.touches_article(2)
    assert not merged.touches_article(3) and merged.letters and merged.rows() == {1, 2}
    assert not Changes() and Changes(everything=True).touches_article(99)


def test_follow_ups_due_leave_out_deleted_articles(session):
    article = site_id(session)
    other = next(s.id for s in session.library.list() if s.id != article)
    session.set_follow_up(article, 5, TODAY - timedelta(days=1))
    session.set_follow_up(other, 1, TODAY)
    session.set_follow_up(other, 2, TODAY + timedelta(days=1))  # not due yet
    due = [(f.article_id, f.action_number) for f in session.activity().follow_ups_due]
    assert due == [(article, 5), (other, 1)]
    session.delete([article])
    assert [(f.article_id, f.action_number) for f in session.activity().follow_ups_due] == [
        (other, 1)
    ]


def test_the_history_names_an_action_of_a_deleted_article_as_such(session):
    article = site_id(session)
    session.set_done(article, 1, True)
    letter_id = session.deliver_letter(article, 2, letter_to("Patty Murray"), Route.COPY)
    session.mark_letter_sent(letter_id)
    events = session.activity().recent
    assert {e.article_id for e in events} == {article} and not any(
        e.article_deleted for e in events
    )
    session.delete([article])
    events = session.activity().recent
    assert all(e.article_id is None and e.article_deleted for e in events)
    assert {e.kind for e in events} == {EventKind.DONE, EventKind.LETTER}
    assert all(e.article_title == SITE_TITLE for e in events)  # named, not linked
    session.purge_deleted()
    titles = {e.article_title for e in session.activity().recent}
    assert titles == {"an article no longer in the library"}


def test_the_offline_switch_covers_the_directory_too(session, directory_source):
    session.set_network_allowed(False)
    with pytest.raises(NetworkOff):
        session.update_directory()  # the public data, from the internet
    with pytest.raises(NetworkOff):
        session.update_directory("https://example.org/directory/")
    report = session.update_directory(str(directory_source))  # a folder is not the network
    assert report.info.legislators == 8 and session.heard[-1] == Changes(officials=True)


def test_a_session_without_a_library_never_creates_one(data_dir):
    session = Session(data_dir)
    assert session.network_allowed() and not session.has_library()
    session.save_profile(Profile(first_name="Ada"))
    assert session.my_officials().president is not None  # the White House, always
    assert not (data_dir / "library.sqlite3").exists()
    session.close()


def test_worker_sessions_share_the_listeners_but_not_the_connection(session):
    heard_in_worker = session.heard
    worker = session.worker()
    try:
        assert worker.library is not session.library
        worker.set_starred([site_id(worker)], True)
    finally:
        worker.close()
    assert heard_in_worker[-1].articles == {site_id(session)}
    assert session.library.summaries([site_id(session)])[0].starred
