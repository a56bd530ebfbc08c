"""Numbered schema migrations. Each runs in its own transaction; never edit a shipped one."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable


def _v1_articles(db: sqlite3.Connection) -> None:
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
            body_text TEXT NOT NULL,           -- indexed for search
            actions_text TEXT NOT NULL,        -- indexed for search
            action_count INTEGER NOT NULL,
            content TEXT NOT NULL,             -- the parsed article as JSON
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
        CREATE TABLE article_categories (
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            category TEXT NOT NULL,
            PRIMARY KEY (article_id, category)
        ) WITHOUT ROWID
        """
    )
    db.execute("CREATE INDEX categories_by_name ON article_categories(category)")
    db.execute(
        """
        CREATE VIRTUAL TABLE articles_fts USING fts5(
            title, body_text, actions_text,
            content='articles', content_rowid='id',
            tokenize='unicode61 remove_diacritics 2'
        )
        """
    )
    # Triggers keep the index in step with every write, whoever makes it.
    db.execute(
        """
        CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
            INSERT INTO articles_fts(rowid, title, body_text, actions_text)
            VALUES (new.id, new.title, new.body_text, new.actions_text);
        END
        """
    )
    db.execute(
        """
        CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
            INSERT INTO articles_fts(articles_fts, rowid, title, body_text, actions_text)
            VALUES ('delete', old.id, old.title, old.body_text, old.actions_text);
        END
        """
    )
    db.execute(
        """
        CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, body_text, actions_text
        ON articles BEGIN
            INSERT INTO articles_fts(articles_fts, rowid, title, body_text, actions_text)
            VALUES ('delete', old.id, old.title, old.body_text, old.actions_text);
            INSERT INTO articles_fts(rowid, title, body_text, actions_text)
            VALUES (new.id, new.title, new.body_text, new.actions_text);
        END
        """
    )


# (target version, migration). Append only.
MIGRATIONS: list[tuple[int, Callable[[sqlite3.Connection], None]]] = [
    (1, _v1_articles),
]
SCHEMA_VERSION = MIGRATIONS[-1][0]
