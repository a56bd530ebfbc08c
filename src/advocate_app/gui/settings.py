"""Window state and reading preferences kept between sessions (QSettings)."""

from __future__ import annotations

import hashlib

from PySide6.QtCore import QByteArray, QSettings

from advocate_app.core.store.queries import ArticleQuery, SortOrder, StatusFilter

ORGANIZATION = "Advocate"
APPLICATION = "Advocate"
APP_ID = "org.advocate.Advocate"
LAST_ARTICLE = "reader/last_article"


class WindowSettings:
    """Typed access to the few things the window remembers."""

    def __init__(self, settings: QSettings) -> None:
        self._s = settings
        # Changes wait here until sync() (when the window closes or the app goes to the
        # background): QSettings would rewrite and fsync its file after each one, and every
        # click changes the last article; on a busy disk (a backup of a large library) each
        # such write held the window for hundreds of milliseconds.
        self._unsaved: dict[str, object] = {}

    def _value(self, key: str, default: object = None) -> object:
        return self._unsaved[key] if key in self._unsaved else self._s.value(key, default)

    def _set(self, key: str, value: object) -> None:
        self._unsaved[key] = value

    def geometry(self) -> QByteArray | None:
        value = self._value("window/geometry")
        return value if isinstance(value, QByteArray) else None

    def set_geometry(self, value: QByteArray) -> None:
        self._set("window/geometry", value)

    def splitter(self) -> QByteArray | None:
        value = self._value("window/splitter")
        return value if isinstance(value, QByteArray) else None

    def set_splitter(self, value: QByteArray) -> None:
        self._set("window/splitter", value)

    def query(self) -> ArticleQuery:
        def pick(enum, key: str, default):
            try:
                return enum(str(self._value(key, default)))
            except ValueError:
                return default

        feed = str(self._value("filters/feed", "") or "")
        return ArticleQuery(
            search=str(self._value("filters/search", "") or ""),
            category=str(self._value("filters/category", "") or "") or None,
            status=pick(StatusFilter, "filters/status", StatusFilter.ALL),
            sort=pick(SortOrder, "filters/sort", SortOrder.NEWEST),
            feed_id=int(feed) if feed.isdigit() else None,
        )

    def set_query(self, query: ArticleQuery) -> None:
        self._set("filters/search", query.search)
        self._set("filters/category", query.category or "")
        self._set("filters/status", str(query.status))
        self._set("filters/sort", str(query.sort))
        self._set("filters/feed", "" if query.feed_id is None else str(query.feed_id))

    def last_article(self, library: str) -> int | None:
        """The article last shown in this library (ids are a library's own)."""
        # Before libraries had their own key, one was kept for all of them.
        value = self._value(f"{LAST_ARTICLE}_{_key(library)}") or self._value(LAST_ARTICLE)
        try:
            return int(value) if value not in (None, "") else None
        except (TypeError, ValueError):
            return None

    def set_last_article(self, library: str, article_id: int | None) -> None:
        self._set(f"{LAST_ARTICLE}_{_key(library)}", "" if article_id is None else article_id)

    def font_size(self, default: int) -> int:
        try:
            return int(self._value("reader/font_size", default))
        except (TypeError, ValueError):
            return default

    def set_font_size(self, size: int) -> None:
        self._set("reader/font_size", size)

    def collapsed_sections(self) -> set[str]:
        value = str(self._value("reader/collapsed", "") or "")
        return {part for part in value.split(",") if part}

    def set_collapsed_sections(self, sections: set[str]) -> None:
        self._set("reader/collapsed", ",".join(sorted(sections)))

    def ask_if_sent(self, route: str) -> bool:
        """Whether to ask "Did you send your letter?" after a letter goes out by `route`."""
        return str(self._value(f"letters/ask_after_{route}", "true")).lower() != "false"

    def set_ask_if_sent(self, route: str, ask: bool) -> None:
        self._set(f"letters/ask_after_{route}", "true" if ask else "false")

    def last_folder(self, kind: str) -> str:
        return str(self._value(f"folders/{kind}", "") or "")

    def set_last_folder(self, kind: str, folder: str) -> None:
        self._set(f"folders/{kind}", folder)

    def sitting_position(self, key: str) -> str:
        """The item a sitting for `key` (an official, or "all") stopped at."""
        return str(self._value(f"sittings/{key.replace('/', '_')}", "") or "")

    def set_sitting_position(self, key: str, item: str) -> None:
        self._set(f"sittings/{key.replace('/', '_')}", item)

    def reminders_dismissed(self) -> str:
        """The day (YYYY-MM-DD) the reader put the reminders away, if any."""
        return str(self._value("reminders/dismissed", "") or "")

    def set_reminders_dismissed(self, day: str) -> None:
        self._set("reminders/dismissed", day)

    def setup_finished(self) -> bool:
        return str(self._value("setup/finished", "false")).lower() == "true"

    def set_setup_finished(self, finished: bool) -> None:
        self._set("setup/finished", "true" if finished else "false")

    def known_library(self, path: str) -> bool:
        return str(self._value(f"libraries/{_key(path)}", "false")).lower() == "true"

    def remember_library(self, path: str) -> None:
        self._set(f"libraries/{_key(path)}", True)

    def sync(self) -> None:
        """Write the changes kept since the last sync."""
        for key, value in self._unsaved.items():
            self._s.setValue(key, value)
            if key.startswith(f"{LAST_ARTICLE}_"):
                self._s.remove(LAST_ARTICLE)  # the old key for all libraries
        self._unsaved.clear()
        self._s.sync()


def _key(path: str) -> str:
    return hashlib.sha256(path.encode("utf-8")).hexdigest()[:16]
