"""SQL shared by the store: which articles a list shows and in what order, the rule that
hides deleted articles, and finding an article's stable identity."""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from enum import StrEnum

SEARCH_TOKEN = re.compile(r"\w+", re.UNICODE)
# Deleted articles wait in the trash until purged; everything the reader sees leaves them out.
LIVE = "deleted_at IS NULL"
DONE_COUNT = (
    "(SELECT count(*) FROM action_status s"
    " WHERE s.article_uid = a.uid AND s.action_number <= a.action_count)"
)


class StatusFilter(StrEnum):
    ALL = "all"
    UNREAD = "unread"
    STARRED = "starred"
    OPEN = "open"  # has actions not yet done
    DONE = "done"  # every action done


class SortOrder(StrEnum):
    NEWEST = "newest"
    OLDEST = "oldest"
    TITLE = "title"


ORDER_BY = {
    SortOrder.NEWEST: "a.sort_key DESC, a.id DESC",
    SortOrder.OLDEST: "a.sort_key ASC, a.id ASC",
    SortOrder.TITLE: "a.title COLLATE NOCASE ASC, a.id ASC",
}
STATUS_CLAUSE = {
    StatusFilter.ALL: None,
    StatusFilter.UNREAD: "a.is_read = 0",
    StatusFilter.STARRED: "a.is_starred = 1",
    StatusFilter.OPEN: f"a.action_count > {DONE_COUNT}",
    StatusFilter.DONE: f"a.action_count > 0 AND a.action_count <= {DONE_COUNT}",
}


@dataclass(frozen=True)
class ArticleQuery:
    search: str = ""
    category: str | None = None
    status: StatusFilter = StatusFilter.ALL
    sort: SortOrder = SortOrder.NEWEST
    feed_id: int | None = None

    def sql(self, limit: int | None = None) -> tuple[str, list[object]]:
        """SELECT of the matching article ids, in order; the first `limit` of them if given."""
        clauses = [f"a.{LIVE}"]
        params: list[object] = []
        # For the first rows only, walk the list's own order and stop when they are found:
        # "+a.id" keeps SQLite from fetching every match by id and sorting them all, which
        # costs as much as the whole list for a word in every article.
        member = "a.id" if limit is None else "+a.id"
        match = fts_query(self.search)
        if match:
            clauses.append(
                f"{member} IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)"
            )
            params.append(match)
        for phrase in phrases(self.search):
            # The index keeps no word positions (it is smaller and faster for it): a phrase is
            # checked in the text of the articles its words found.
            clauses.append(
                f"{member} IN (SELECT t.id FROM article_texts t WHERE instr(lower(t.title || ' ' ||"
                " t.body || ' ' || t.opinion || ' ' || t.action_essay || ' ' || t.actions_text),"
                " ?))"
            )
            params.append(phrase)
        if self.category:
            clauses.append(
                f"{member} IN (SELECT article_id FROM article_categories WHERE category = ?)"
            )
            params.append(self.category)
        if self.feed_id is not None:
            clauses.append(f"{member} IN (SELECT article_id FROM feed_entries WHERE feed_id = ?)")
            params.append(self.feed_id)
        status = STATUS_CLAUSE[self.status]
        if status:
            clauses.append(status)
        where = " AND ".join(clauses)
        sql = f"SELECT a.id FROM articles a WHERE {where} ORDER BY {ORDER_BY[self.sort]}"
        if limit is not None:
            sql += " LIMIT ?"
            params.append(max(0, limit))
        return sql, params


def fts_query(text: str | None) -> str | None:
    """A safe FTS5 query: every word must match, each as the start of a word, in any order
    ("zelensky putin" finds "Putin and Zelenskiy")."""
    words = SEARCH_TOKEN.findall(text or "")
    if not words:
        return None
    return " ".join(f'"{word}"*' for word in words[:32])


PHRASE = re.compile(r'"([^"]+)"')


def phrases(text: str | None) -> list[str]:
    """The phrases in double quotes, lower case with single spaces ("climate bill")."""
    found = (" ".join(SEARCH_TOKEN.findall(p)).lower() for p in PHRASE.findall(text or ""))
    return [phrase for phrase in found if " " in phrase][:4]


def article_uid(db: sqlite3.Connection, article_id: int) -> str:
    """The stable identity of an article (deleted or not); KeyError when there is none."""
    row = db.execute("SELECT uid FROM articles WHERE id = ?", (article_id,)).fetchone()
    if row is None:
        raise KeyError(f"no article with id {article_id}")
    return str(row[0])
