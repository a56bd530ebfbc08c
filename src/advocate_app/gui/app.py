"""Start-up of the desktop app: arguments, data folder, library, then the window."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication, QMessageBox
from shiboken6 import isValid

from advocate_app.core.logs import log_path, start_logging
from advocate_app.core.paths import bundled, data_dir, library_path
from advocate_app.core.session import Session
from advocate_app.core.store.database import StoreError
from advocate_app.core.version import VersionAction
from advocate_app.gui.settings import APP_ID, APPLICATION, ORGANIZATION, WindowSettings
from advocate_app.gui.single_instance import SingleInstance
from advocate_app.gui.startup import Ask, Choice, open_library_for_window
from advocate_app.gui.theme import follow_system_palette
from advocate_app.gui.window.main_window import MainWindow


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="advocate-app", description="The Advocate reading window."
    )
    parser.add_argument("--version", action=VersionAction)
    parser.add_argument("--data-dir", metavar="FOLDER", help="where the library lives")
    parser.add_argument("--smoke-test", action="store_true", help=argparse.SUPPRESS)
    args, _qt_args = parser.parse_known_args(argv)
    return args


def ask_with_dialog(title: str, message: str, choices: list[Choice]) -> Choice:
    box = QMessageBox(QMessageBox.Icon.Warning, title, message)
    buttons = {
        box.addButton(str(choice), QMessageBox.ButtonRole.ActionRole): choice for choice in choices
    }
    box.exec()
    return buttons.get(box.clickedButton(), Choice.QUIT)


SWITCH_INTERVAL_S = 0.0005


def start(
    argv: Sequence[str], ask: Ask = ask_with_dialog, settings: QSettings | None = None
) -> tuple[MainWindow, SingleInstance] | int:
    """Everything before the event loop: the window shown, or an exit code."""
    args = parse_args(argv)
    # Qt asks for Python's lock on every call into a Python widget; while a background task
    # computes in Python, each ask waits up to the switch interval (5 ms by default), and a
    # repaint asks hundreds of times. A shorter interval keeps the window answering.
    sys.setswitchinterval(SWITCH_INTERVAL_S)
    # The program's name as the first argument names the window to the desktop (its X
    # instance name), so task bars group it as Advocate, not as "__main__.py".
    app = QApplication.instance() or QApplication([APP_ID, *argv])
    follow_system_palette(app)
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    QGuiApplication.setDesktopFileName(APP_ID)
    icon = bundled("resources") / "icons" / f"{APP_ID}.svg"
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))

    folder = data_dir(args.data_dir)
    start_logging(folder)
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
    session = Session(folder, library)
    problem = None
    try:
        first_run = not library.snapshot and session.add_welcome_article() is not None
    except StoreError as exc:  # a full disk, say: the window opens all the same, and says so
        logging.getLogger(__name__).exception("the welcome article could not be added")
        first_run, problem = False, str(exc)
    if library.snapshot:
        first_run, problem = False, "the disk that holds your library is full"
    window = MainWindow(session, window_settings)
    # After the first paint: the damage check, today's backup and the reminders run in the
    # background, but even starting them is not the reader's wait.
    QTimer.singleShot(0, window.safekeeping.check_library)
    QTimer.singleShot(0, window.reminders.check)
    if problem is not None:
        window.show_status(
            f"Advocate cannot save anything to your disk right now ({problem}); free some "
            "space, then restart it. You can read what is already here."
        )
    if first_run and not window_settings.setup_finished():
        window.show_setup()  # beside the window: the reader may look around first
    _catch_unexpected(window, log_path(folder))
    instance.activation_requested.connect(lambda: _bring_forward(window))
    window.show()
    return window, instance


def smoke_test(argv: list[str]) -> int:
    """For packaged builds: open and close the window on a throw-away library, and check that
    the bundled templates and welcome article were found."""
    import tempfile

    from advocate_app.core.paths import bundled as find

    with tempfile.TemporaryDirectory(prefix="advocate-smoke-") as folder:
        settings = QSettings(str(Path(folder) / "settings.ini"), QSettings.Format.IniFormat)
        started = start([*argv, "--data-dir", folder], settings=settings)
        if isinstance(started, int):
            return started
        window, instance = started
        templates = sorted(p.name for p in find("templates").glob("*.txt.j2"))
        welcome = window.reader.toPlainText().startswith("Welcome to Advocate")
        QApplication.processEvents()
        window.close()
        instance.close()
        window.session.close()
    ok = welcome and len(templates) >= 4
    print(
        f"smoke test {'passed' if ok else 'FAILED'}: window opened and closed; "
        f"{len(templates)} templates; welcome article {'found' if welcome else 'MISSING'}"
    )
    return 0 if ok else 1


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    if "--smoke-test" in arguments:
        return smoke_test([a for a in arguments if a != "--smoke-test"])
    started = start(arguments)
    if isinstance(started, int):
        return started
    window, instance = started
    code = QApplication.exec()
    instance.close()
    window.session.close()
    return code


def _catch_unexpected(window: MainWindow, log_file: Path) -> None:
    """A bug in a click's handler: the details go to the log, the reader gets one line in the
    window, and the window goes on (Qt would print a traceback to the terminal)."""

    def report(kind: type[BaseException], error: BaseException, trace: TracebackType | None):  # noqa: ANN202
        if issubclass(kind, KeyboardInterrupt):
            QApplication.quit()
            return
        logging.getLogger("advocate_app").error(
            "unexpected error in the window", exc_info=(kind, error, trace)
        )
        if isValid(window):  # not while the app is closing
            window.show_status(
                f"Something went wrong ({kind.__name__}); what you were doing may not have "
                f"finished. The details are in {log_file}."
            )

    sys.excepthook = report


def _bring_forward(window: MainWindow) -> None:
    window.showNormal()
    window.raise_()
    window.activateWindow()
