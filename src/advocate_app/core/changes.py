"""What a use case touched, so each view can decide for itself whether to refresh.

Every use case of the session reports one `Changes` to the session's listeners. The window
turns them into one Qt signal; a list, a card or a dialog reads only the fields it shows.
"""

from __future__ import annotations

from dataclasses import dataclass, fields


@dataclass(frozen=True)
class Changes:
    articles: frozenset[int] = frozenset()  # rows to repaint: read, starred, progress, title
    content: frozenset[int] = frozenset()  # articles whose text or actions changed
    tracking: frozenset[int] = frozenset()  # articles whose done marks, calls, letters or
    #                                         follow-ups changed
    article_list: bool = False  # articles added, deleted or restored: lists run their query again
    letters: bool = False  # a letter was recorded
    feeds: bool = False  # subscriptions, or their unread counts
    officials: bool = False  # the directory, typed names or contact pages
    profile: bool = False  # the reader's details
    network: bool = False  # the Work Offline switch
    everything: bool = False  # the whole library was replaced (restore)

    def __or__(self, other: Changes) -> Changes:
        merged = {}
        for field in fields(self):
            mine, theirs = getattr(self, field.name), getattr(other, field.name)
            merged[field.name] = mine | theirs
        return Changes(**merged)

    def __bool__(self) -> bool:
        return any(getattr(self, field.name) for field in fields(self))

    def touches_article(self, article_id: int) -> bool:
        """Anything an article's own view shows: its row, its text or its actions' records."""
        return self.everything or any(
            article_id in ids for ids in (self.articles, self.content, self.tracking)
        )

    def rows(self) -> frozenset[int]:
        """Articles whose list row may look different now."""
        return self.articles | self.content | self.tracking


NOTHING = Changes()
