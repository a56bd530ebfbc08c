"""The welcome article a new library starts with."""

from __future__ import annotations

from advocate_app.core.paths import bundled
from advocate_app.core.store.library import Library

WELCOME_FILE = "welcome.txt"
WELCOME_STATE_KEY = "welcome_added"
WELCOME_ORIGIN = "advocate:welcome"


def add_welcome_article(library: Library) -> int | None:
    """Add the welcome article once, the first time a library is opened.

    Deleting it later is respected: it never comes back on its own.
    """
    if library.state(WELCOME_STATE_KEY) is not None:
        return None
    # Imported here: the parsers are needed at start-up only on the very first run.
    from advocate_app.core.articles.reader import read_article

    article = read_article(bundled("resources") / WELCOME_FILE)
    article_id, _ = library.add(article, origin=WELCOME_ORIGIN)
    library.set_state(WELCOME_STATE_KEY, "1")
    return article_id
