"""Which links the app may open, and opening them in the system's browser or mail client."""

from __future__ import annotations

import re
from collections.abc import Callable
from html import escape
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices

from advocate_app.core.articles.links import safe_url

LinkOpener = Callable[[QUrl], object]
TEL = re.compile(r"^tel:\+?\d{7,15}$")
WEB_ADDRESS = re.compile(r"https?://[^\s<>\"']+[^\s<>\"'.,;:!?)]")


def linked_text(text: str) -> str:
    """Plain text as rich text whose web addresses are links; everything else is escaped, so
    nothing in the text can become markup."""
    parts, position = [], 0
    for match in WEB_ADDRESS.finditer(text):
        parts.append(escape(text[position : match.start()]))
        url = match.group(0)
        parts.append(f'<a href="{escape(url, quote=True)}">{escape(url)}</a>')
        position = match.end()
    parts.append(escape(text[position:]))
    return "".join(parts).replace("\n", "<br>")


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

    def dial(self, tel: str) -> bool:
        """Hand a phone number (a tel: link) to the system's dialer, if it has one; False,
        and said, when it does not."""
        if not TEL.match(tel):
            self._report(f"That is not a phone number: {tel[:40]}")
            return False
        if self._opener(QUrl(tel)) is False:
            self._report("No program on this computer can dial; copy the number instead.")
            return False
        return True

    def open_file(self, path: Path) -> bool:
        """Open a file of Advocate's own (the log) with the system; False, and said, when it
        could not be."""
        if self._opener(QUrl.fromLocalFile(str(path))) is False:
            self._report(f"It could not be opened here; the file is {path}.")
            return False
        return True

    def open(self, url: QUrl | str) -> bool:
        """Open a web or mail link; False when it is refused or the system could not open it
        (no browser or mail program), which is then reported."""
        text = url.toString() if isinstance(url, QUrl) else url
        safe = safe_url(text)
        if safe is None:
            self._report(f"Advocate does not open this kind of link: {text[:80]}")
            return False
        if self._opener(QUrl(safe)) is False:
            program = "mail program" if safe.lower().startswith("mailto:") else "web browser"
            self._report(f"Your {program} could not be opened for {safe[:80]}.")
            return False
        return True
