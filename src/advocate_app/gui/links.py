"""Which links the app may open, and opening them in the system's browser or mail client."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices

from advocate_app.core.articles.links import safe_url

LinkOpener = Callable[[QUrl], object]


def system_opener(url: QUrl) -> bool:
    return QDesktopServices.openUrl(url)


class LinkPolicy:
    """Opens http(s) and mailto links with the system; refuses everything else.

    `opener` is the system by default; tests pass a recorder.
    """

    def __init__(
        self, opener: LinkOpener = system_opener, report: Callable[[str], None] | None = None
    ):
        self._opener = opener
        self._report = report or (lambda message: None)

    def open(self, url: QUrl | str) -> bool:
        text = url.toString() if isinstance(url, QUrl) else url
        safe = safe_url(text)
        if safe is None:
            self._report(f"Advocate does not open this kind of link: {text[:80]}")
            return False
        self._opener(QUrl(safe))
        return True
