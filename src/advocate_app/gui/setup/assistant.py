"""Set Up Advocate: three short steps for a newcomer (your details, your officials, done),
beside the window rather than in front of it. It can be skipped and taken up again from Help ▸
Set Up Advocate…; it opens where the reader left off."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from advocate_app.core.officials.model import DirectoryStatus, MyOfficials, Need
from advocate_app.core.profile.model import Profile
from advocate_app.gui.context import AppContext
from advocate_app.gui.officials.needs_bar import Fixes, missing_details
from advocate_app.gui.officials.officials_dialog import data_status_text
from advocate_app.gui.theme import set_muted
from advocate_app.gui.widgets import grow_to_fit

TASK = "setup-status"
STEPS = ("Your details", "Your officials", "You are ready")


@dataclass(frozen=True)
class SetupState:
    """What is set up already, read in the background (the keychain, the directory)."""

    profile: Profile
    directory: DirectoryStatus | None
    officials: MyOfficials

    @property
    def details_done(self) -> bool:
        return not missing_details(self.profile)

    @property
    def officials_done(self) -> bool:
        return self.directory is not None

    def first_step(self) -> int:
        if not self.details_done:
            return 0
        return 1 if not self.officials_done else 2


class SetupAssistant(QDialog):
    refreshed = Signal(object)  # SetupState

    def __init__(
        self,
        context: AppContext,
        fixes: Fixes,
        show_officials: object,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._fixes = fixes
        self._show_officials = show_officials
        self.state: SetupState | None = None
        self._jump = True  # on the first answer, open at the first step still to do
        self.setWindowTitle("Set Up Advocate")
        self.setAccessibleName("Set Up Advocate")
        self.setModal(False)
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        self.heading = QLabel(self)
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        self.heading.setAccessibleName("Set-up step")
        layout.addWidget(self.heading)
        # One page shown at a time; a plain layout (not a stack) lets wrapped text take the
        # height it needs.
        self.pages = [self._details_page(), self._officials_page(), self._ready_page()]
        self.step = 0
        for page in self.pages:
            layout.addWidget(page, 1)
        row = QHBoxLayout()
        self.not_now = QPushButton("Not Now", self)
        self.not_now.setToolTip("Close; you can finish from Help ▸ Set Up Advocate…")
        self.not_now.clicked.connect(self._dismiss)
        self.back = QPushButton("Back", self)
        self.back.setToolTip("The step before")
        self.back.clicked.connect(lambda: self.go(self.step - 1))
        self.next = QPushButton("Next", self)
        self.next.setToolTip("The next step (your details are saved as you give them)")
        self.next.setDefault(True)
        self.next.clicked.connect(self._next)
        row.addWidget(self.not_now)
        row.addStretch(1)
        row.addWidget(self.back)
        row.addWidget(self.next)
        layout.addLayout(row)
        self.go(0)
        context.bus.changed.connect(self._follow)
        self.refresh()

    # --- pages --------------------------------------------------------------------------
    def _page(self, text: str) -> tuple[QWidget, QVBoxLayout]:
        page = QWidget(self)
        column = QVBoxLayout(page)
        intro = QLabel(text, page)
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.PlainText)
        column.addWidget(intro)
        return page, column

    def _status_label(self, page: QWidget, name: str) -> QLabel:
        label = QLabel("Looking…", page)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setAccessibleName(name)
        return label

    def _details_page(self) -> QWidget:
        page, column = self._page(
            "Advocate signs your letters with your name and address, and finds your senators "
            "and representative from your state and ZIP code. Your details stay on this "
            "computer: in its keychain when it has one, otherwise in a file only you can read."
        )
        self.details_status = self._status_label(page, "Your details")
        column.addWidget(self.details_status)
        self.enter_details = QPushButton("Enter Your Details…", page)
        self.enter_details.clicked.connect(lambda: self._fixes.edit_profile())
        column.addWidget(self.enter_details, 0, Qt.AlignmentFlag.AlignLeft)
        column.addStretch(1)
        return page

    def _officials_page(self) -> QWidget:
        page, column = self._page(
            "Advocate looks your officials up in a public directory of Congress and the White "
            "House, kept on this computer so it works offline. Get it once now (a few "
            "megabytes); update it when Congress changes."
        )
        self.officials_status = self._status_label(page, "Your officials")
        column.addWidget(self.officials_status)
        row = QHBoxLayout()
        self.get_directory = QPushButton("Get the Directory", page)
        self.get_directory.clicked.connect(lambda: self._fixes.update_directory())
        self.from_folder = QPushButton("From a Folder…", page)
        self.from_folder.setToolTip("Use the directory's files copied from another computer")
        self.from_folder.clicked.connect(lambda: self._fixes.update_directory_from_folder())
        self.open_officials = QPushButton("Open Your Officials…", page)
        self.open_officials.clicked.connect(lambda: self._show_officials())
        for button in (self.get_directory, self.from_folder, self.open_officials):
            row.addWidget(button)
        row.addStretch(1)
        column.addLayout(row)
        offline = QLabel(
            "No internet on this computer? On one that has it, save the four files "
            "legislators-current.json, executive.json, legislators-district-offices.json and "
            "zccd.csv (from the public congress-legislators project) into one folder, bring "
            "it over, and choose From a Folder.",
            page,
        )
        offline.setWordWrap(True)
        set_muted(offline)  # for the few who need it
        column.addWidget(offline)
        column.addStretch(1)
        return page

    def _ready_page(self) -> QWidget:
        page, column = self._page(
            "You are ready. Choose an article on the left: what you can do about it is on the "
            "right. Tick an action when it is done; Write letter… writes to your officials, "
            "and Advocate keeps what you sent. You can change your details at any time in "
            "Officials ▸ Your Details…."
        )
        self.summary = self._status_label(page, "What is set up")
        column.addWidget(self.summary)
        column.addStretch(1)
        return page

    # --- moving -------------------------------------------------------------------------
    def go(self, step: int) -> None:
        step = max(0, min(len(STEPS) - 1, step))
        self.step = step
        for number, page in enumerate(self.pages):
            page.setVisible(number == step)
        self.heading.setText(f"<b>Step {step + 1} of {len(STEPS)}: {STEPS[step]}</b>")
        self.back.setEnabled(step > 0)
        self.next.setText("Finish" if step == len(STEPS) - 1 else "Next")
        if self.isVisible():
            grow_to_fit(self)

    def _next(self) -> None:
        step = self.step
        if step == len(STEPS) - 1:
            self._context.settings.set_setup_finished(True)
            self.accept()
        else:
            self.go(step + 1)

    def _dismiss(self) -> None:
        self._context.status("You can finish setting up at any time: Help ▸ Set Up Advocate….")
        self.reject()

    # --- what is set up -----------------------------------------------------------------
    def _follow(self, changes) -> None:  # noqa: ANN001 - Changes
        if changes.profile or changes.officials or changes.everything:
            self.refresh()

    def refresh(self) -> None:
        def read(session, _report, _cancelled):  # noqa: ANN001, ANN202
            return SetupState(
                session.load_profile().profile, session.directory_status(), session.my_officials()
            )

        self._context.run(TASK, "Checking what is set up", read, on_done=self._show,
                          cancellable=False, quiet=True)  # fmt: skip

    def _show(self, state: SetupState) -> None:
        self.state = state
        profile = state.profile
        if state.details_done:
            self.details_status.setText(
                f"✓ Saved: {profile.full_name}, {profile.street}, {profile.city}, "
                f"{profile.state} {profile.zip}."
            )
            self.enter_details.setText("Change Your Details…")
        else:
            missing = ", ".join(missing_details(profile))
            self.details_status.setText(f"Still to give: {missing}.")
        self.officials_status.setText(self._officials_text(state))
        self.open_officials.setVisible(state.officials_done)
        self.get_directory.setText(
            "Update the Directory" if state.officials_done else "Get the Directory"
        )
        done = [STEPS[i] for i, ok in enumerate((state.details_done, state.officials_done)) if ok]
        self.summary.setText(
            "Set up: " + (", ".join(done).lower() if done else "nothing yet") + "."
            if len(done) < 2
            else "Your details and your officials are set up."
        )
        if self._jump:
            self._jump = False
            self.go(state.first_step())
        elif self.isVisible():
            grow_to_fit(self)
        self.refreshed.emit(state)

    @staticmethod
    def _officials_text(state: SetupState) -> str:
        if state.directory is None:
            return "There is no directory on this computer yet."
        people = [o.display_name for o in state.officials.everyone()]
        lines = [data_status_text(state.directory)]
        if people:
            lines.append("Your officials: " + ", ".join(people) + ".")
        if Need.DISTRICT in state.officials.needs:
            lines.append(
                "Your ZIP code is split between districts: open Your Officials to choose yours "
                "or find it from your address."
            )
        elif Need.STATE in state.officials.needs or Need.ZIP in state.officials.needs:
            lines.append("Give your state and ZIP code (step 1) to find your officials.")
        return "\n".join(lines)
