"""Start-up of the desktop app: arguments, data folder, library, then the window."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from PySide6.QtCore import QSettings
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from ..library.welcome import add_welcome_article
from ..officials.directory import index_path
from ..paths import data_dir, library_path
from ..version import VersionAction
from .main_window import MainWindow
from .settings import APP_ID, APPLICATION, ORGANIZATION, WindowSettings
from .single_instance import SingleInstance
from .startup import Ask, Choice, open_library_for_window


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="advocate-app", description="The Advocate reading window."
    )
    parser.add_argument("--version", action=VersionAction)
    parser.add_argument("--data-dir", metavar="FOLDER", help="where the library lives")
    args, _qt_args = parser.parse_known_args(argv)
    return args


def ask_with_dialog(title: str, message: str, choices: list[Choice]) -> Choice:
    box = QMessageBox(QMessageBox.Icon.Warning, title, message)
    buttons = {
        box.addButton(str(choice), QMessageBox.ButtonRole.ActionRole): choice for choice in choices
    }
    box.exec()
    return buttons.get(box.clickedButton(), Choice.QUIT)


def start(
    argv: Sequence[str], ask: Ask = ask_with_dialog, settings: QSettings | None = None
) -> tuple[MainWindow, SingleInstance] | int:
    """Everything before the event loop: the window shown, or an exit code."""
    args = parse_args(argv)
    app = QApplication.instance() or QApplication([sys.argv[0], *argv])
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    QGuiApplication.setDesktopFileName(APP_ID)

    folder = data_dir(args.data_dir)
    instance = SingleInstance(folder)
    if instance.ask_running_instance():
        print("Advocate is already open; it was brought to the front.", file=sys.stderr)
        return 0
    instance.listen()

    window_settings = WindowSettings(settings or QSettings())
    library = open_library_for_window(library_path(folder), window_settings, ask)
    if library is None:
        instance.close()
        return 1
    first_run = add_welcome_article(library) is not None
    window = MainWindow(library, window_settings)
    if first_run and not index_path(folder).exists():
        window.show_status(
            "To find your senators and representative offline, choose Officials ▸ Update "
            "Directory (it downloads the public directory once)."
        )
    instance.activation_requested.connect(lambda: _bring_forward(window))
    window.show()
    return window, instance


def main(argv: Sequence[str] | None = None) -> int:
    started = start(list(sys.argv[1:] if argv is None else argv))
    if isinstance(started, int):
        return started
    window, instance = started
    code = QApplication.exec()
    instance.close()
    window.library.close()
    return code


def _bring_forward(window: MainWindow) -> None:
    window.showNormal()
    window.raise_()
    window.activateWindow()
