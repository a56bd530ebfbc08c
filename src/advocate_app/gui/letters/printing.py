"""Letters on paper: a formatted page per letter, to a printer or a PDF, with Qt."""

from __future__ import annotations

import os
import sys
from html import escape
from pathlib import Path

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import (
    QGuiApplication,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPdfWriter,
    QTextDocument,
)

from advocate_app.core.fs import atomic_path
from advocate_app.core.letters.compose import Letter
from advocate_app.core.profile.model import Profile


def letter_html(letter: Letter, sender: Profile) -> str:
    """One letter as a page: the sender's address, the office's address, then the text."""
    sender_lines = [
        sender.full_name,
        sender.street,
        " ".join(p for p in (f"{sender.city}, {sender.state}".strip(", "), sender.zip) if p),
    ]
    office = [
        f"{letter.recipient.title} {letter.recipient.name}".strip(),
        *[p.strip() for p in letter.recipient.office_address.split(",") if p.strip()],
    ]
    paragraphs = "".join(
        f"<p>{escape(p).replace(chr(10), '<br>')}</p>" for p in letter.body.split("\n\n")
    )
    return (
        '<div style="font-family: serif; font-size: 12pt;">'
        f'<p align="right">{"<br>".join(escape(x) for x in sender_lines if x)}</p>'
        f"<p>{'<br>'.join(escape(x) for x in office if x)}</p>"
        f"{paragraphs}</div>"
    )


def print_letters(letters: list[Letter], sender: Profile, device: QPagedPaintDevice) -> bool:
    """Print the letters on `device` (a QPrinter or a QPdfWriter), each from a new page;
    False when the printer reported an error."""
    document = QTextDocument()
    document.documentLayout().setPaintDevice(device)  # font sizes in the device's own units
    pages = [letter_html(letter, sender) for letter in letters]
    breaks = '<div style="page-break-before: always"></div>'
    document.setHtml(breaks.join(pages))
    document.print_(device)
    state = getattr(device, "printerState", None)
    if state is None:
        return True
    from PySide6.QtPrintSupport import QPrinter

    return state() != QPrinter.PrinterState.Error


def write_pdf(letters: list[Letter], sender: Profile, path: Path) -> None:
    """Write the letters to a PDF at `path`, whole or not at all (OSError when it could not
    be written)."""
    with atomic_path(path) as partial:
        writer = QPdfWriter(str(partial))
        writer.setPageSize(QPageSize(QPageSize.PageSizeId.Letter))
        writer.setPageMargins(QMarginsF(25, 25, 25, 25), QPageLayout.Unit.Millimeter)
        writer.setTitle(letters[0].subject if letters else "Letters")
        print_letters(letters, sender, writer)
        del writer  # the file is finished when the writer goes
        if partial.stat().st_size == 0:
            raise OSError(f"the PDF could not be written to {path}")


def write_pdf_standalone(letters: list[Letter], sender: Profile, path: Path) -> None:
    """For the command line: start Qt without a window (no display is needed)."""
    if (
        sys.platform.startswith("linux")
        and not os.environ.get("DISPLAY")
        and not os.environ.get("WAYLAND_DISPLAY")
    ):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    _app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])
    write_pdf(letters, sender, path)
