"""Numbered schema migrations. Each runs in its own transaction; never edit a shipped one."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable

from advocate_app.core.identity import match_name, name_key, official_key


def _v1_articles(db: sqlite3.Connection) -> None:
    # Article metadata stays in small rows, so lists and sorting touch few pages;
    # the long texts live beside them in article_texts.
    db.execute(
        """
        CREATE TABLE articles (
            id INTEGER PRIMARY KEY,
            uid TEXT NOT NULL UNIQUE,          -- stable identity across re-imports
            title TEXT NOT NULL,
            source TEXT,
            url TEXT,
            published TEXT,                    -- ISO 8601 with offset, or NULL
            sort_key REAL NOT NULL,            -- UTC seconds: published, else import time
            action_count INTEGER NOT NULL,
            content_hash TEXT NOT NULL,
            origin TEXT,                       -- the file or address it came from
            imported_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )
        """
    )
    db.execute("CREATE INDEX articles_by_date ON articles(sort_key DESC, id DESC)")
    db.execute(
        """
        CREATE TABLE article_texts (
            id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
            title TEXT NOT NULL,               -- repeated here for the search index
            body TEXT NOT NULL,                -- paragraphs separated by blank lines
            opinion TEXT NOT NULL,             -- same
            action_essay TEXT NOT NULL,        -- same
            actions_text TEXT NOT NULL,        -- the action list as plain text, for search
            details TEXT NOT NULL              -- the rest of the parsed article, as JSON
        )
        """
    )
    db.execute(
        """
        CREATE TABLE article_categories (
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            category TEXT NOT NULL,
            PRIMARY KEY (article_id, category)
        ) WITHOUT ROWID
        """
    )
    db.execute("CREATE INDEX categories_by_name ON article_categories(category)")
    # detail=none keeps no word positions: a smaller index, faster imports; searches
    # are lists of words (and prefixes), which need no positions.
    db.execute(
        """
        CREATE VIRTUAL TABLE articles_fts USING fts5(
            title, body, opinion, action_essay, actions_text,
            content='article_texts', content_rowid='id',
            tokenize='unicode61 remove_diacritics 2',
            detail=none
        )
        """
    )
    # Triggers keep the index in step with every write, whoever makes it.
    columns = "title, body, opinion, action_essay, actions_text"
    new = ", ".join(f"new.{c.strip()}" for c in columns.split(","))
    old = ", ".join(f"old.{c.strip()}" for c in columns.split(","))
    db.execute(
        f"""
        CREATE TRIGGER article_texts_insert AFTER INSERT ON article_texts BEGIN
            INSERT INTO articles_fts(rowid, {columns}) VALUES (new.id, {new});
        END
        """
    )
    db.execute(
        f"""
        CREATE TRIGGER article_texts_delete AFTER DELETE ON article_texts BEGIN
            INSERT INTO articles_fts(articles_fts, rowid, {columns})
            VALUES ('delete', old.id, {old});
        END
        """
    )
    db.execute(
        f"""
        CREATE TRIGGER article_texts_update AFTER UPDATE ON article_texts BEGIN
            INSERT INTO articles_fts(articles_fts, rowid, {columns})
            VALUES ('delete', old.id, {old});
            INSERT INTO articles_fts(rowid, {columns}) VALUES (new.id, {new});
        END
        """
    )


def _v2_reader_marks(db: sqlite3.Connection) -> None:
    db.execute("ALTER TABLE articles ADD COLUMN is_read INTEGER NOT NULL DEFAULT 0")
    db.execute("ALTER TABLE articles ADD COLUMN is_starred INTEGER NOT NULL DEFAULT 0")
    db.execute("ALTER TABLE articles ADD COLUMN deleted_at TEXT")  # set: in the trash
    db.execute("CREATE INDEX articles_by_title ON articles(title COLLATE NOCASE)")
    # Keyed by the article's stable identity, so a re-import or a restore keeps it.
    db.execute(
        """
        CREATE TABLE action_status (
            article_uid TEXT NOT NULL,
            action_number INTEGER NOT NULL,
            done_at TEXT NOT NULL,
            PRIMARY KEY (article_uid, action_number)
        ) WITHOUT ROWID
        """
    )
    db.execute("CREATE TABLE app_state (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID")


def _v3_letters(db: sqlite3.Connection) -> None:
    # Every letter copied, opened, mailed or printed, keyed by the article's identity.
    db.execute(
        """
        CREATE TABLE letters (
            id INTEGER PRIMARY KEY,
            article_uid TEXT NOT NULL,
            action_number INTEGER NOT NULL,
            recipient_name TEXT NOT NULL,
            recipient_kind TEXT NOT NULL,
            recipient_id TEXT,                 -- bioguide id, when known
            route TEXT NOT NULL,               -- copy, contact_form, email, print
            subject TEXT NOT NULL,
            body TEXT NOT NULL,
            sent_at TEXT NOT NULL
        )
        """
    )
    db.execute("CREATE INDEX letters_by_article ON letters(article_uid, action_number)")


def _v4_tracking(db: sqlite3.Connection) -> None:
    db.execute("ALTER TABLE action_status ADD COLUMN note TEXT")
    db.execute(
        """
        CREATE TABLE calls (
            id INTEGER PRIMARY KEY,
            article_uid TEXT NOT NULL,
            action_number INTEGER NOT NULL,
            official TEXT NOT NULL,
            outcome TEXT NOT NULL CHECK (outcome IN ('contacted', 'voicemail', 'unavailable')),
            note TEXT,
            called_at TEXT NOT NULL
        )
        """
    )
    db.execute("CREATE INDEX calls_by_article ON calls(article_uid, action_number)")
    db.execute(
        """
        CREATE TABLE follow_ups (
            article_uid TEXT NOT NULL,
            action_number INTEGER NOT NULL,
            due TEXT NOT NULL,                 -- YYYY-MM-DD
            PRIMARY KEY (article_uid, action_number)
        ) WITHOUT ROWID
        """
    )


def _v5_feeds(db: sqlite3.Connection) -> None:
    db.execute(
        """
        CREATE TABLE feeds (
            id INTEGER PRIMARY KEY,
            url TEXT NOT NULL UNIQUE,
            title TEXT NOT NULL,
            etag TEXT,
            last_modified TEXT,
            checked_at TEXT,
            error TEXT                          -- why the last refresh failed, if it did
        )
        """
    )
    # Which articles came from which feed; an entry seen in two feeds is fetched once.
    db.execute(
        """
        CREATE TABLE feed_entries (
            feed_id INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
            link TEXT NOT NULL,
            article_id INTEGER,
            error TEXT,
            PRIMARY KEY (feed_id, link)
        ) WITHOUT ROWID
        """
    )
    db.execute("CREATE INDEX feed_entries_by_link ON feed_entries(link)")


def _v6_letters_and_deliveries(db: sqlite3.Connection) -> None:
    # A letter is one record, a draft until the reader says it was sent; copying it, opening
    # the contact page, mailing and printing it are deliveries of that record. Officials are
    # keyed by identity (bioguide id, the White House's fixed key, an article's address).
    db.execute("ALTER TABLE letters RENAME TO letters_v5")
    db.execute("DROP INDEX letters_by_article")
    db.execute(
        """
        CREATE TABLE letters (
            id INTEGER PRIMARY KEY,
            article_uid TEXT NOT NULL,
            action_number INTEGER NOT NULL,
            recipient_key TEXT NOT NULL,       -- who: see core/identity.official_key
            recipient_name TEXT NOT NULL,      -- as the letter named them
            recipient_kind TEXT NOT NULL,
            recipient_id TEXT,                 -- bioguide id, when known
            subject TEXT NOT NULL,
            body TEXT NOT NULL,
            template TEXT,                     -- what wrote the first text ('sample', 'senator')
            edited INTEGER NOT NULL DEFAULT 0, -- the reader changed the text
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            sent_at TEXT                       -- the reader said it was sent; NULL: not yet
        )
        """
    )
    db.execute("CREATE INDEX letters_by_article ON letters(article_uid, action_number)")
    # One letter being written per recipient of an action; sent ones are history.
    db.execute(
        "CREATE UNIQUE INDEX one_open_letter ON letters(article_uid, action_number,"
        " recipient_key) WHERE sent_at IS NULL"
    )
    db.execute(
        """
        CREATE TABLE deliveries (
            id INTEGER PRIMARY KEY,
            letter_id INTEGER NOT NULL REFERENCES letters(id) ON DELETE CASCADE,
            route TEXT NOT NULL,               -- copy, contact_form, email, print, pdf
            at TEXT NOT NULL
        )
        """
    )
    db.execute("CREATE INDEX deliveries_by_letter ON deliveries(letter_id)")
    # Letters recorded before were counted as sent: they stay sent, each with its delivery;
    # the same text copied and then opened is one letter delivered twice.
    letters: dict[tuple[str, int, str, str, str], int] = {}
    for uid, number, name, kind, bioguide, route, subject, body, at in db.execute(
        "SELECT article_uid, action_number, recipient_name, recipient_kind, recipient_id,"
        " route, subject, body, sent_at FROM letters_v5 ORDER BY sent_at, id"
    ).fetchall():
        key = official_key(kind, name, bioguide)
        same = (uid, number, key, subject, body)
        if same not in letters:
            letters[same] = db.execute(
                "INSERT INTO letters (article_uid, action_number, recipient_key, recipient_name,"
                " recipient_kind, recipient_id, subject, body, created_at, updated_at, sent_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (uid, number, key, name, kind, bioguide, subject, body, at, at, at),
            ).lastrowid
        db.execute(
            "INSERT INTO deliveries (letter_id, route, at) VALUES (?, ?, ?)",
            (letters[same], route, at),
        )
    db.execute("DROP TABLE letters_v5")
    # A call names whom it reached by the same key: the official a letter of that article
    # went to when the names agree ("Senator Patty Murray" and "Patty Murray"), else the name.
    db.execute("ALTER TABLE calls ADD COLUMN official_key TEXT NOT NULL DEFAULT ''")
    written: dict[str, list[tuple[str, str]]] = {}
    for uid, key, name in db.execute(
        "SELECT DISTINCT article_uid, recipient_key, recipient_name FROM letters"
    ).fetchall():
        written.setdefault(uid, []).append((key, name))
    for call_id, uid, official in db.execute(
        "SELECT id, article_uid, official FROM calls"
    ).fetchall():
        key = match_name(official, written.get(uid, [])) or f"name:{name_key(official)}"
        db.execute("UPDATE calls SET official_key = ? WHERE id = ?", (key, call_id))


def index_actions(db: sqlite3.Connection) -> None:
    """Fill action_index from the stored articles (after a migration or a restore: it is
    derived data, like the search index, and never copied from a backup)."""
    db.execute("DELETE FROM action_index")
    rows = db.execute("SELECT id, details FROM article_texts").fetchall()
    for article_id, details in rows:
        try:
            actions = json.loads(details).get("actions", [])
        except (ValueError, AttributeError):
            continue
        db.executemany(
            "INSERT OR IGNORE INTO action_index (article_id, action_number, title, targets)"
            " VALUES (?, ?, ?, ?)",
            [
                (article_id, action["number"], action.get("title", ""), targets)
                for action in actions
                if isinstance(action, dict)
                and "number" in action
                and (targets := action_targets(action.get("targets", [])))
            ],
        )


def action_targets(targets: list[dict[str, object]]) -> str:
    """The kinds of people an action asks to contact, as the index keeps them: " senators
    representative " (spaces around each, so one kind is found with LIKE)."""
    kinds = sorted({str(t.get("kind", "")) for t in targets if isinstance(t, dict)} - {""})
    return f" {' '.join(kinds)} " if kinds else ""


def _v7_sittings(db: sqlite3.Connection) -> None:
    # Every action that asks the reader to contact someone, by article, with the kinds it
    # names: a sitting's queue is read from here without opening each article.
    db.execute(
        """
        CREATE TABLE action_index (
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            action_number INTEGER NOT NULL,
            title TEXT NOT NULL,
            targets TEXT NOT NULL,             -- " senators white_house ": see action_targets
            PRIMARY KEY (article_id, action_number)
        ) WITHOUT ROWID
        """
    )
    index_actions(db)
    # The live articles newest first, with what a sitting's queue reads of them: the queue
    # is read from this index alone, never from the articles' rows.
    db.execute(
        "CREATE INDEX articles_live_order ON articles(sort_key DESC, id DESC, uid, title)"
        " WHERE deleted_at IS NULL"
    )
    # One story from a file and from its address is found by its source and day, among the
    # articles with an address or among those without (so a bulk import looks at neither).
    db.execute(
        "CREATE INDEX articles_with_address ON articles(source, published)"
        " WHERE coalesce(url, '') != ''"
    )
    db.execute(
        "CREATE INDEX articles_without_address ON articles(source, published)"
        " WHERE coalesce(url, '') = ''"
    )
    # A line that is busy or a mailbox that is full is an outcome of its own (try again).
    db.execute("ALTER TABLE calls RENAME TO calls_v6")
    db.execute("DROP INDEX calls_by_article")
    db.execute(
        """
        CREATE TABLE calls (
            id INTEGER PRIMARY KEY,
            article_uid TEXT NOT NULL,
            action_number INTEGER NOT NULL,
            official TEXT NOT NULL,
            outcome TEXT NOT NULL
                CHECK (outcome IN ('contacted', 'voicemail', 'busy', 'unavailable')),
            note TEXT,
            called_at TEXT NOT NULL,
            official_key TEXT NOT NULL DEFAULT ''
        )
        """
    )
    db.execute(
        "INSERT INTO calls (id, article_uid, action_number, official, outcome, note, called_at,"
        " official_key) SELECT id, article_uid, action_number, official, outcome, note,"
        " called_at, official_key FROM calls_v6"
    )
    db.execute("DROP TABLE calls_v6")
    db.execute("CREATE INDEX calls_by_article ON calls(article_uid, action_number)")
    db.execute("CREATE INDEX calls_by_official ON calls(official_key)")


# (target version, migration). Append only.
MIGRATIONS: list[tuple[int, Callable[[sqlite3.Connection], None]]] = [
    (1, _v1_articles),
    (2, _v2_reader_marks),
    (3, _v3_letters),
    (4, _v4_tracking),
    (5, _v5_feeds),
    (6, _v6_letters_and_deliveries),
    (7, _v7_sittings),
]
SCHEMA_VERSION = MIGRATIONS[-1][0]
