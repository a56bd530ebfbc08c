"""The reader's marks in the library: read, starred, done, deleted, and schema upgrades."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from advocate_app.core.articles.reader import read_article
from advocate_app.core.store import database
from advocate_app.core.store.library import open_library
from advocate_app.core.store.migrations import MIGRATIONS, SCHEMA_VERSION
from advocate_app.core.store.queries import ArticleQuery, SortOrder, StatusFilter
from advocate_app.core.welcome import add_welcome_article


@pytest.fixture
def library(tmp_path, seeds):
    lib = open_library(tmp_path / "library.sqlite3")
    for path in sorted(seeds.glob("*.txt")):
        lib.add(read_article(path), origin=str(path))
    yield lib
    lib.close()


def titles(library, **query) -> list[str]:
    return [s.title[:12] for s in library.list(ArticleQuery(**query))]


def test_status_filters_and_sorting(library):
    bare, site, politico = library.ids()
    assert titles(library, status=StatusFilter.UNREAD) == [
        "President Do",
        "Trump-Putin ",
        "The one thin",
    ]
    library.set_read([site], True)
    library.set_starred([politico], True)
    assert titles(library, status=StatusFilter.UNREAD) == ["President Do", "The one thin"]
    assert titles(library, status=StatusFilter.STARRED) == ["The one thin"]
    assert titles(library, sort=SortOrder.TITLE) == ["President Do", "The one thin", "Trump-Putin "]
    assert titles(library, sort=SortOrder.OLDEST)[0] == "The one thin"

    for number in range(1, 4):
        library.tracking.set_done(bare, number, True)
    library.tracking.set_done(site, 2, True)
    assert titles(library, status=StatusFilter.DONE) == ["President Do"]
    assert titles(library, status=StatusFilter.OPEN) == ["Trump-Putin ", "The one thin"]
    summary = {s.id: s for s in library.list()}
    assert (summary[site].done, summary[site].actions, summary[site].read) == (1, 8, True)
    assert summary[bare].done == summary[bare].actions == 3 and summary[politico].starred


def test_action_done_survives_reopen_and_reimport(tmp_path, seeds):
    path = tmp_path / "library.sqlite3"
    seed = seeds / "001_c58c9c95f498da18.txt"
    lib = open_library(path)
    article_id, _ = lib.add(read_article(seed))
    lib.tracking.set_done(article_id, 2, True)
    lib.tracking.set_done(article_id, 5, True)
    lib.tracking.set_done(article_id, 5, False)
    lib.close()

    lib = open_library(path)
    assert lib.get(article_id).done_actions == {2}
    lib.delete([article_id])
    lib.purge_deleted()
    assert lib.get(article_id) is None
    new_id, status = lib.add(read_article(seed))
    assert status == "imported"
    assert lib.get(new_id).done_actions == {2}  # kept by the article's identity
    lib.close()


def test_delete_restore_and_purge(library):
    first = library.ids()[0]
    library.delete([first])
    assert first not in library.ids() and library.get(first) is None and library.count() == 2
    library.undelete([first])
    assert library.ids()[0] == first and library.count() == 3
    library.delete([first])
    assert library.purge_deleted() == 1
    library.undelete([first])
    assert library.count() == 2


def test_related_titles_resolve_to_articles(library):
    site = library.get(library.ids()[1]).article
    assert library.ids_by_title(site.related) == {}
    found = library.ids_by_title(["the one thing trump wants out of his meeting with putin"])
    assert list(found.values()) == [library.ids()[2]]


def test_welcome_article_is_added_once(tmp_path):
    lib = open_library(tmp_path / "library.sqlite3")
    welcome_id = add_welcome_article(lib)
    stored = lib.get(welcome_id)
    assert stored.article.title == "Welcome to Advocate"
    write = stored.article.actions[1]
    assert [str(t.kind) for t in write.targets] == ["senators", "representative"]
    assert write.sample_messages[0].startswith("Dear [Representative's Name],")
    lib.delete([welcome_id])
    lib.purge_deleted()
    assert add_welcome_article(lib) is None and lib.count() == 0


def test_upgrade_from_version_1_keeps_articles_and_saves_a_backup(tmp_path, monkeypatch):
    path = tmp_path / "library.sqlite3"
    monkeypatch.setattr(database, "MIGRATIONS", MIGRATIONS[:1])
    monkeypatch.setattr(database, "SCHEMA_VERSION", 1)
    old = database.open_database(path)
    old.execute(
        "INSERT INTO articles (uid, title, sort_key, action_count, content_hash, imported_at,"
        " updated_at) VALUES ('u1', 'Old article', 1, 0, 'h', 'now', 'now')"
    )
    old.execute(
        "INSERT INTO article_texts (id, title, body, opinion, action_essay, actions_text, details)"
        " VALUES (1, 'Old article', 'Text.', '', '', '', '{}')"
    )
    old.close()
    monkeypatch.undo()

    lib = open_library(path)
    assert lib.schema_version() == SCHEMA_VERSION
    assert [s.title for s in lib.list()] == ["Old article"]
    assert lib.list()[0].read is False
    lib.close()
    (backup,) = tmp_path.glob("library.v1.*.bak")
    copy = sqlite3.connect(backup)
    assert copy.execute("PRAGMA user_version").fetchone()[0] == 1
    assert copy.execute("SELECT title FROM articles").fetchall() == [("Old article",)]
    copy.close()


def test_missing_library_is_not_created_when_asked_not_to(tmp_path: Path):
    with pytest.raises(database.LibraryMissingError):
        open_library(tmp_path / "nope" / "library.sqlite3", create=False)
    assert not (tmp_path / "nope").exists()


def test_the_first_rows_of_a_query_are_the_start_of_its_whole_list(tmp_path):
    """A list's first screens (asked for with a limit, walked in the list's order) are the
    same rows, in the same order, as the start of the whole list, for every kind of filter."""
    from advocate_app.core.session import Session
    from tests.support.data import write_stories

    with Session.open(tmp_path / "data") as session:
        session.import_paths(write_stories(tmp_path / "stories", 30))
        library = session.library
        library.set_starred(library.ids()[::3], True)
        library.delete(library.ids()[:2])
        queries = [
            ArticleQuery(),
            ArticleQuery(search="storm"),  # every article
            ArticleQuery(search="flood"),  # a few
            ArticleQuery(search="sto tow"),  # the start of two words
            ArticleQuery(search='"came through"'),
            ArticleQuery(search="storm", category="Health", status=StatusFilter.STARRED),
            ArticleQuery(category="Weather", sort=SortOrder.OLDEST),
            ArticleQuery(search="storm", sort=SortOrder.TITLE),
        ]
        for query in queries:
            every = library.ids(query)
            assert every, query
            for limit in (0, 1, 4, len(every), len(every) + 5):
                assert library.ids(query, limit) == every[:limit], (query, limit)
            assert [s.id for s in library.list(query, limit=3, offset=2)] == every[2:5]
