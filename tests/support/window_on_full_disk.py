"""Open the window on a data folder whose disk is full, try to save a change, and print what
the reader would see (run as a script by tests/gui/test_full_disk.py, inside a small tmpfs)."""

from __future__ import annotations

import sys

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from advocate_app.gui import app
from advocate_app.gui.startup import Choice


def main(folder: str, settings_file: str) -> int:
    asked: list[str] = []

    def ask(title: str, message: str, choices: list[Choice]) -> Choice:
        asked.append(title)
        return Choice.QUIT

    settings = QSettings(settings_file, QSettings.Format.IniFormat)
    started = app.start(["--data-dir", folder], ask=ask, settings=settings)
    if isinstance(started, int):
        print(f"did not start ({started}); asked: {asked}")
        return 1
    window, instance = started
    QApplication.processEvents()
    print(f"articles: {window.list_pane.model.rowCount()}")
    print(f"status: {window.status_label.text()}")
    window.list_pane.select_row(0)
    window.actions_.toggle_star.trigger()
    print(f"after starring: {window.status_label.text()}")
    window.close()
    instance.close()
    window.session.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
