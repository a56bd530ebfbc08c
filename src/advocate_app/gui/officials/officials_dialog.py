"""Your Officials: a plain list of the reader's officials, with phones and contact pages."""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from advocate_app.core.changes import Changes
from advocate_app.core.officials.congress import ordinal
from advocate_app.core.officials.lookup import long_day
from advocate_app.core.officials.model import (
    HOUSE_KINDS,
    DirectoryStatus,
    MyOfficials,
    Need,
    Official,
    SeatStatus,
)
from advocate_app.core.sittings import ANSWERS_TO
from advocate_app.core.web.network import NetworkOff
from advocate_app.gui.context import AppContext
from advocate_app.gui.links import LinkPolicy
from advocate_app.gui.widgets import muted_label, note_label, plain_tip

TASK = "officials"


def data_status_text(status: DirectoryStatus | None) -> str:
    """ "Directory data as of June 10, 2026, of the 119th Congress (in session today)." """
    if status is None:
        return ""
    text = f"Directory data as of {long_day(status.data_date)}, of the " + (
        f"{ordinal(status.data_congress)} Congress"
    )
    if status.out_of_date:
        return text + (
            f"; the {ordinal(status.congress_today)} Congress sits today. Update the directory."
        )
    return text + " (in session today)."


class OfficialCard(QFrame):
    """One official, or one seat nobody holds today (vacant, or a term that has ended)."""

    district_chosen = Signal(int)
    sitting_requested = Signal(object)  # Official
    write_requested = Signal(object)  # Official
    contact_edit_requested = Signal(object)  # Official

    def __init__(self, official: Official, links: LinkPolicy, candidate: bool, parent: QWidget):
        super().__init__(parent)
        self.official = official
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName(official.display_name)
        layout = QVBoxLayout(self)
        party = f" · {escape(official.party)}" if official.party else ""
        where = self._where(official)
        heading = QLabel(
            f"<b>{escape(official.display_name)}</b>{party}"
            f"{' · ' + escape(where) if where else ''}",
            self,
        )
        heading.setWordWrap(True)
        layout.addWidget(heading)
        self.status = self._status(official)
        if self.status:
            layout.addWidget(muted_label(self.status, self))
        row = QHBoxLayout()  # the actions, on their own line so the card stays narrow
        if official.current:
            self._contact(official, links, layout, row)
        if official.current and official.kind in ANSWERS_TO and not candidate:
            sitting = QPushButton("Start a Sitting", self)
            sitting.setAccessibleName(f"Start a sitting with {official.display_name}")
            sitting.setToolTip("Every open action that asks you to contact them, one at a time")
            sitting.clicked.connect(lambda: self.sitting_requested.emit(official))
            row.addWidget(sitting)
        if candidate and official.district is not None:
            choose = QPushButton(f"This is my district ({official.district})", self)
            choose.setAccessibleName(f"Choose district {official.district} as yours")
            choose.clicked.connect(lambda: self.district_chosen.emit(official.district or 0))
            row.addWidget(choose)
        row.addStretch(1)
        layout.addLayout(row)
        if official.current and official.office_address:
            layout.addWidget(self._small(f"Washington office: {official.office_address}"))
        for office in official.district_offices if official.current else ():
            layout.addWidget(self._small(f"{office.address} — {office.phone}".strip(" —")))

    @staticmethod
    def _where(official: Official) -> str:
        if official.kind in HOUSE_KINDS and official.district is not None:
            return official.seat  # "WA-7", "AK at-large", "DC"
        return official.state

    @staticmethod
    def _status(official: Official) -> str:
        share = (
            f"{round(100 * official.share)}% of your ZIP code's area lies in this district. "
            if official.share is not None
            else ""
        )
        if official.seat_status is SeatStatus.VACANT:
            return share + "No one holds this seat today."
        if official.seat_status is SeatStatus.TERM_ENDED:
            return (
                f"{share}This term ended on {long_day(official.term_end)}; the directory knows "
                "no one newer. Update the directory."
            )
        return share.strip()

    def _contact(
        self, official: Official, links: LinkPolicy, layout: QVBoxLayout, row: QHBoxLayout
    ) -> None:
        if official.phone:
            phone_row = QHBoxLayout()
            phone = QLabel(f"Phone: {official.phone}", self)
            phone.setTextFormat(Qt.TextFormat.PlainText)
            phone.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            copy = QPushButton("Copy number", self)
            copy.setAccessibleName(f"Copy the phone number of {official.name}")
            copy.setToolTip(f"Copy {official.phone}, to call from your phone")
            copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(official.phone))
            phone_row.addWidget(phone)
            phone_row.addWidget(copy)
            phone_row.addStretch(1)
            layout.addLayout(phone_row)
        if official.contact_url:
            contact = QPushButton("Contact page", self)
            contact.setToolTip(plain_tip(official.contact_url))
            contact.setAccessibleName(f"Open the contact page of {official.name}")
            contact.clicked.connect(lambda: links.open(official.contact_url))
            row.addWidget(contact)
        if official.bioguide:
            edit = QPushButton("Change Contact Page…", self)
            edit.setToolTip("Use your own address for this office's contact page or email")
            edit.setAccessibleName(f"Change the contact page of {official.name}")
            edit.clicked.connect(lambda: self.contact_edit_requested.emit(official))
            row.addWidget(edit)
        write = QPushButton("Write letter…", self)
        write.setToolTip("Write to this official about the article you are reading")
        write.setAccessibleName(f"Write a letter to {official.name}")
        write.clicked.connect(lambda: self.write_requested.emit(official))
        row.addWidget(write)

    def _small(self, text: str) -> QLabel:
        label = QLabel(text, self)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label


class OfficialsDialog(QDialog):
    """The reader's officials; found in the background, shown again whenever the reader's
    details or the directory change."""

    refreshed = Signal()

    def __init__(
        self,
        context: AppContext,
        edit_profile: Callable[[], None],
        update_directory: Callable[[], None],
        parent: QWidget | None = None,
        write_to: Callable[[Official], object] | None = None,
        start_sitting: Callable[[Official | None], object] | None = None,
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._write_to = write_to
        self._start_sitting = start_sitting
        self.links = context.links
        self._edit_profile = edit_profile
        self.cards: list[OfficialCard] = []
        self.notes: list[QLabel] = []
        self.error_text = ""
        self._stale = False
        self.setWindowTitle("Your Officials")
        self.setAccessibleName("Your officials")
        self.resize(620, 720)
        outer = QVBoxLayout(self)
        buttons = QHBoxLayout()
        details = QPushButton("Your Details…", self)
        details.setToolTip("Your name and address: your officials are found from them")
        details.clicked.connect(edit_profile)
        update = QPushButton("Update Directory…", self)
        update.setToolTip("Download the public directory of officials again")
        update.clicked.connect(update_directory)
        self.locate = QPushButton("Find My District from My Address", self)
        self.locate.setToolTip(
            "Sends your saved street address to the U.S. Census Bureau's geocoder, which "
            "answers with your congressional district"
        )
        self.locate.clicked.connect(self.locate_district)
        self.locate.hide()
        buttons.addWidget(details)
        buttons.addWidget(update)
        buttons.addWidget(self.locate)
        if start_sitting is not None:
            everyone = QPushButton("Sitting with All My Officials", self)
            everyone.setToolTip("Every open action for your officials, one at a time")
            everyone.clicked.connect(lambda: start_sitting(None))
            buttons.addWidget(everyone)
        buttons.addStretch(1)
        outer.addLayout(buttons)
        self.data_status = muted_label("", self)
        self.data_status.setAccessibleName("How current the directory is")
        outer.addWidget(self.data_status)
        self.scroll = QScrollArea(self)
        self.scroll.setWidgetResizable(True)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.loading = QLabel("Finding your officials…", self.scroll)
        self.scroll.setWidget(self.loading)
        outer.addWidget(self.scroll, 1)
        context.bus.changed.connect(self._follow)
        self.refresh()

    def _follow(self, changes: Changes) -> None:
        if changes.profile or changes.officials or changes.everything:
            self.refresh()

    def refresh(self) -> None:
        """Find the officials again, off the window's thread (keychain, ZIP data)."""
        started = self._context.run(
            TASK,
            "Finding your officials",
            lambda session, _report, _cancelled: session.my_officials(),
            on_done=self._show,
            cancellable=False,
        )
        self._stale = not started  # one is running: look again when it ends

    def _show(self, officials: MyOfficials) -> None:
        if self._stale:
            self._stale = False
            self.refresh()
        self.officials = officials
        self.locate.setVisible(Need.DISTRICT in officials.needs)
        self.data_status.setText(data_status_text(officials.directory))
        self.data_status.setVisible(bool(self.data_status.text()))
        content = QWidget(self.scroll)
        layout = QVBoxLayout(content)
        self.notes = [note_label(note, content, self.links) for note in officials.notes]
        for note in self.notes:
            note.setStyleSheet("font-style: italic;")
            layout.addWidget(note)
        self.cards = []

        def add(official: Official | None, candidate: bool = False) -> None:
            if official is None:
                return
            card = OfficialCard(official, self.links, candidate, content)
            card.district_chosen.connect(self.choose_district)
            card.contact_edit_requested.connect(self._edit_contact)
            if self._write_to is not None:
                card.write_requested.connect(self._write_to)
            if self._start_sitting is not None:
                card.sitting_requested.connect(self._start_sitting)
            self.cards.append(card)
            layout.addWidget(card)

        for senator in officials.senators:
            add(senator)
        add(officials.representative)
        for candidate in officials.district_candidates:
            add(candidate, candidate=True)
        for seat in officials.open_seats:
            add(seat)
        add(officials.president)
        add(officials.vice_president)
        layout.addStretch(1)
        self.scroll.setWidget(content)
        self.refreshed.emit()

    def _edit_contact(self, official: Official) -> None:
        url, ok = QInputDialog.getText(
            self,
            "Contact page",
            f"Contact page or email for {official.display_name}\n"
            "(leave empty to go back to the directory's):",
            text=official.contact_url,
        )
        if ok and not self.set_contact(official, url.strip()):
            QMessageBox.warning(self, "Contact page", self.error_text)

    def set_contact(self, official: Official, url: str) -> bool:
        """Keep the reader's own contact address for an office ("" forgets it)."""
        try:
            self._context.session.set_contact_url(official.bioguide, url)
        except ValueError as exc:
            self.error_text = str(exc)
            return False
        self.error_text = ""
        return True

    def locate_district(self) -> None:
        """Ask the Census geocoder for the reader's district (online, in the background)."""

        def work(session, _report, _cancelled):  # noqa: ANN001, ANN202
            return session.locate_district()

        self._context.run(
            "locate",
            "Finding your district",
            work,
            on_done=self._located,
            on_error=self._not_located,
            cancellable=False,
        )

    def _located(self, result) -> None:  # noqa: ANN001 - (Located, StoredProfile)
        located, _saved = result
        self._context.status(
            f"Matched {located.matched_address} → {located.label}; saved as your district."
        )

    def _not_located(self, message: str) -> None:
        if message == str(NetworkOff()):
            message = (
                "You are working offline. Turn off File ▸ Work Offline to ask the Census "
                "Bureau's geocoder, or choose your district."
            )
        self._context.notify("Your district was not found", message, "")

    def choose_district(self, district: int) -> None:
        """Save the reader's district (the keychain may be slow: in the background)."""
        self._context.run(
            "district",
            "Saving your district",
            lambda session, _report, _cancelled: session.choose_district(district),
            cancellable=False,
        )
