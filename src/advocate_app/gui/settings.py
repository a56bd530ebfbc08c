"""Window state and reading preferences kept between sessions (QSettings)."""

from __future__ import annotations

import hashlib

from PySide6.QtCore import QByteArray, QSettings

from advocate_app.core.store.queries import ArticleQuery, SortOrder, StatusFilter

ORGANIZATION = "Advocate"
APPLICATION = "Advocate"
APP_ID = "org.advocate.Advocate"


class WindowSettings:
    """Typed access to the few things the window remembers."""

    def __init__(self, settings: QSettings) -> None:
        self._s = settings
        # The article shown changes with every click; QSettings would rewrite and fsync its
        # file after each one, which holds the window for hundreds of milliseconds while the
        # disk is busy (a backup of a large library). Kept here, written by sync().
        self._last_article: int | None = None
        self._last_article_library = ""
        self._last_article_pending = False

    def geometry(self) -> QByteArray | None:
        value = self._s.value("window/geometry")
        return value if isinstance(value, QByteArray) else None

    def set_geometry(self, value: QByteArray) -> None:
        self._s.setValue("window/geometry", value)

    def splitter(self) -> QByteArray | None:
        value = self._s.value("window/splitter")
        return value if isinstance(value, QByteArray) else None

    def set_splitter(self, value: QByteArray) -> None:
        self._s.setValue("window/splitter", value)

    def query(self) -> ArticleQuery:
        def pick(enum, key: str, default):
            try:
                return enum(str(self._s.value(key, default)))
            except ValueError:
                return default

        feed = str(self._s.value("filters/feed", "") or "")
        return ArticleQuery(
            search=str(self._s.value("filters/search", "") or ""),
            category=str(self._s.value("filters/category", "") or "") or None,
            status=pick(StatusFilter, "filters/status", StatusFilter.ALL),
            sort=pick(SortOrder, "filters/sort", SortOrder.NEWEST),
            feed_id=int(feed) if feed.isdigit() else None,
        )

    def set_query(self, query: ArticleQuery) -> None:
        self._s.setValue("filters/search", query.search)
        self._s.setValue("filters/category", query.category or "")
        self._s.setValue("filters/status", str(query.status))
        self._s.setValue("filters/sort", str(query.sort))
        self._s.setValue("filters/feed", "" if query.feed_id is None else str(query.feed_id))

    def last_article(self, library: str) -> int | None:
        """The article last shown in this library (ids are a library's own)."""
        if self._last_article_pending and self._last_article_library == library:
            return self._last_article
        # Before libraries had their own key, one was kept for all of them.
        value = self._s.value(f"reader/last_article_{_key(library)}") or self._s.value(
            "reader/last_article"
        )
        try:
            return int(value) if value not in (None, "") else None
        except (TypeError, ValueError):
            return None

    def set_last_article(self, library: str, article_id: int | None) -> None:
        """Remembered at once, written with the rest when the window closes."""
        self._last_article, self._last_article_library = article_id, library
        self._last_article_pending = True

    def font_size(self, default: int) -> int:
        try:
            return int(self._s.value("reader/font_size", default))
        except (TypeError, ValueError):
            return default

    def set_font_size(self, size: int) -> None:
        self._s.setValue("reader/font_size", size)

    def collapsed_sections(self) -> set[str]:
        value = str(self._s.value("reader/collapsed", "") or "")
        return {part for part in value.split(",") if part}

    def set_collapsed_sections(self, sections: set[str]) -> None:
        self._s.setValue("reader/collapsed", ",".join(sorted(sections)))

    def ask_if_sent(self, route: str) -> bool:
        """Whether to ask "Did you send your letter?" after a letter goes out by `route`."""
        return str(self._s.value(f"letters/ask_after_{route}", "true")).lower() != "false"

    def set_ask_if_sent(self, route: str, ask: bool) -> None:
        self._s.setValue(f"letters/ask_after_{route}", "true" if ask else "false")

    def last_folder(self, kind: str) -> str:
        return str(self._s.value(f"folders/{kind}", "") or "")

    def set_last_folder(self, kind: str, folder: str) -> None:
        self._s.setValue(f"folders/{kind}", folder)

    def sitting_position(self, key: str) -> str:
        """The item a sitting for `key` (an official, or "all") stopped at."""
        return str(self._s.value(f"sittings/{key.replace('/', '_')}", "") or "")

    def set_sitting_position(self, key: str, item: str) -> None:
        self._s.setValue(f"sittings/{key.replace('/', '_')}", item)

    def reminders_dismissed(self) -> str:
        """The day (YYYY-MM-DD) the reader put the reminders away, if any."""
        return str(self._s.value("reminders/dismissed", "") or "")

    def set_reminders_dismissed(self, day: str) -> None:
        self._s.setValue("reminders/dismissed", day)

    def setup_finished(self) -> bool:
        return str(self._s.value("setup/finished", "false")).lower() == "true"

    def set_setup_finished(self, finished: bool) -> None:
        self._s.setValue("setup/finished", "true" if finished else "false")

    def known_library(self, path: str) -> bool:
        return bool(self._s.value(f"libraries/{_key(path)}", False, type=bool))

    def remember_library(self, path: str) -> None:
        self._s.setValue(f"libraries/{_key(path)}", True)

    def sync(self) -> None:
        if self._last_article_pending:
            article_id, key = self._last_article, _key(self._last_article_library)
            self._s.setValue(f"reader/last_article_{key}", "" if article_id is None else article_id)
            self._s.remove("reader/last_article")  # the old key for all libraries
            self._last_article_pending = False
        self._s.sync()


def _key(path: str) -> str:
    return hashlib.sha256(path.encode("utf-8")).hexdigest()[:16]
