"""Opening the library at start-up, asking the reader when something is wrong."""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from pathlib import Path

from advocate_app.core.store.database import (
    LibraryDiskFullError,
    LibraryError,
    LibraryLockedError,
)
from advocate_app.core.store.library import Library, open_library
from advocate_app.gui.settings import WindowSettings


class Choice(StrEnum):
    CREATE = "Create a new library"
    RETRY = "Try again"
    QUIT = "Quit"


# ask(title, message, choices) -> the reader's choice
Ask = Callable[[str, str, list[Choice]], Choice]


def open_library_for_window(path: Path, settings: WindowSettings, ask: Ask) -> Library | None:
    """Open the library, or return None when the reader chose to quit.

    A library that was here before and is now missing is never silently
    replaced by an empty one: the reader is asked first.
    """
    while True:
        if not path.exists() and settings.known_library(str(path)):
            choice = ask(
                "Your library is missing",
                f"Advocate cannot find your library at\n{path}\n\n"
                "If it is on a drive that is not connected, connect it and try again. If you "
                "moved it, move it back. You can also start a new, empty library there.",
                [Choice.RETRY, Choice.CREATE, Choice.QUIT],
            )
            if choice is Choice.QUIT:
                return None
            if choice is Choice.RETRY:
                continue
        try:
            library = open_library(path)
        except LibraryDiskFullError as exc:
            try:  # the reader can still read what is there; the window says why nothing saves
                library = open_library(path, create=False, snapshot=True)
            except LibraryError:
                if ask("Your disk is full", str(exc), [Choice.RETRY, Choice.QUIT]) is Choice.RETRY:
                    continue
                return None
        except LibraryError as exc:
            choices = [Choice.RETRY, Choice.QUIT]
            title = (
                "The library is in use"
                if isinstance(exc, LibraryLockedError)
                else ("Advocate cannot open your library")
            )
            if ask(title, str(exc), choices) is Choice.RETRY:
                continue
            return None
        settings.remember_library(str(path))
        return library
