"""What is missing before letters can be written well, said plainly, with the button that
fixes it: the reader's details, the directory of officials, their district."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from advocate_app.core.officials.model import Need
from advocate_app.core.profile.model import Profile


@dataclass(frozen=True)
class Fixes:
    """The window's ways to fix what is missing (the Officials controller's)."""

    edit_profile: Callable[[], object]
    update_directory: Callable[[], object]
    update_directory_from_folder: Callable[[], object]


def missing_details(profile: Profile) -> list[str]:
    """The details a letter is signed with that the reader has not given."""
    missing = []
    if not profile.full_name.strip():
        missing.append("your name")
    if not profile.street.strip():
        missing.append("your street address")
    if not (profile.city.strip() and profile.state.strip()):
        missing.append("your city and state")
    if not profile.zip.strip():
        missing.append("your ZIP code")
    return missing


class NeedsBar(QFrame):
    """A band of plain sentences and buttons; hidden when nothing is missing."""

    def __init__(self, fixes: Fixes | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._fixes = fixes
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName("What is missing")
        self._layout = QVBoxLayout(self)
        self.lines: list[QLabel] = []
        self.buttons: list[QPushButton] = []
        self.hide()

    def show_needs(self, profile: Profile, needs: tuple[Need, ...]) -> None:
        for widget in [*self.lines, *self.buttons]:
            widget.deleteLater()
        self.lines, self.buttons = [], []
        while self._layout.count():
            self._layout.takeAt(0)
        missing = missing_details(profile)
        if missing or Need.STATE in needs or Need.ZIP in needs:
            what = ", ".join(missing) if missing else "your state and ZIP code"
            self._add(
                f"Your letters are signed with your details, and {what} "
                f"{'are' if len(missing) != 1 else 'is'} missing. Advocate also needs your "
                "state and ZIP code to find your officials.",
                [("Enter Your Details…", "edit_profile")],
            )
        if Need.DIRECTORY in needs:
            self._add(
                "Advocate finds your senators and representative in a public directory of "
                "Congress, which it has not downloaded yet. It takes a moment, once. Offline? "
                "Use the directory's files from a folder instead.",
                [
                    ("Get the Directory", "update_directory"),
                    ("From a Folder…", "update_directory_from_folder"),
                ],
            )
        elif Need.UPDATE_DIRECTORY in needs:
            self._add(
                "Your directory of officials is out of date, so some officials may have "
                "changed. Update it to write to the people serving today.",
                [
                    ("Update Directory", "update_directory"),
                    ("From a Folder…", "update_directory_from_folder"),
                ],
            )
        self.setVisible(bool(self.lines))

    def _add(self, text: str, buttons: list[tuple[str, str]]) -> None:
        label = QLabel(text, self)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setWordWrap(True)
        self._layout.addWidget(label)
        self.lines.append(label)
        row = QHBoxLayout()
        for words, fix in buttons:
            button = QPushButton(words, self)
            button.setAccessibleDescription(text)
            if self._fixes is None:
                button.setEnabled(False)
            else:
                button.clicked.connect(lambda _=False, f=fix: getattr(self._fixes, f)())
            row.addWidget(button)
            self.buttons.append(button)
        row.addStretch(1)
        self._layout.addLayout(row)
