"""Your Officials: a plain list of the reader's officials, with phones and contact pages."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from html import escape
from pathlib import Path

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

from advocate_app.core.officials.choices import load_choices, save_choices
from advocate_app.core.officials.directory import open_directory
from advocate_app.core.officials.lookup import MyOfficials, Official, find_officials
from advocate_app.core.profile.storage import ProfileStore
from advocate_app.gui.links import LinkPolicy


def load_officials(data_folder: Path) -> MyOfficials:
    profile = ProfileStore(data_folder).load().profile
    directory = open_directory(data_folder)
    try:
        return find_officials(profile, directory, choices=load_choices(data_folder))
    finally:
        if directory is not None:
            directory.close()


class OfficialCard(QFrame):
    district_chosen = Signal(int)
    write_requested = Signal(object)  # Official
    contact_edit_requested = Signal(object)  # Official

    def __init__(self, official: Official, links: LinkPolicy, candidate: bool, parent: QWidget):
        super().__init__(parent)
        self.official = official
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName(f"{official.title} {official.name}")
        layout = QVBoxLayout(self)
        seat = official.state + (f", district {official.district}" if official.district else "")
        if official.district == 0:
            seat = f"{official.state}, at-large"
        party = f" · {escape(official.party)}" if official.party else ""
        heading = QLabel(
            f"<b>{escape(official.title)} {escape(official.name)}</b>{party}"
            f"{' · ' + escape(seat) if official.state else ''}",
            self,
        )
        heading.setWordWrap(True)
        layout.addWidget(heading)
        phone_row = QHBoxLayout()
        row = QHBoxLayout()  # the actions, on their own line so the card stays narrow
        if official.phone:
            phone = QLabel(f"Phone: {official.phone}", self)
            phone.setTextFormat(Qt.TextFormat.PlainText)
            phone.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            copy = QPushButton("Copy number", self)
            copy.setAccessibleName(f"Copy the phone number of {official.name}")
            copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(official.phone))
            phone_row.addWidget(phone)
            phone_row.addWidget(copy)
            phone_row.addStretch(1)
            layout.addLayout(phone_row)
        if official.contact_url:
            contact = QPushButton("Contact page", self)
            contact.setToolTip(official.contact_url)
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
        if candidate and official.district is not None:
            choose = QPushButton(f"This is my district ({official.district})", self)
            choose.clicked.connect(lambda: self.district_chosen.emit(official.district or 0))
            row.addWidget(choose)
        row.addStretch(1)
        layout.addLayout(row)
        if official.office_address:
            layout.addWidget(self._small(f"Washington office: {official.office_address}"))
        for office in official.district_offices:
            layout.addWidget(self._small(f"{office.address} — {office.phone}".strip(" —")))

    def _small(self, text: str) -> QLabel:
        label = QLabel(text, self)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label


class OfficialsDialog(QDialog):
    def __init__(
        self,
        data_folder: Path,
        links: LinkPolicy,
        edit_profile: Callable[[], None],
        update_directory: Callable[[], None],
        parent: QWidget | None = None,
        write_to: Callable[[Official], object] | None = None,
    ) -> None:
        super().__init__(parent)
        self._write_to = write_to
        self.data_folder = data_folder
        self.links = links
        self._edit_profile = edit_profile
        self.cards: list[OfficialCard] = []
        self.error_text = ""
        self.setWindowTitle("Your Officials")
        self.setAccessibleName("Your officials")
        self.resize(620, 720)
        outer = QVBoxLayout(self)
        buttons = QHBoxLayout()
        details = QPushButton("Your Details…", self)
        details.clicked.connect(self._edit_and_refresh)
        update = QPushButton("Update Directory…", self)
        update.clicked.connect(update_directory)
        buttons.addWidget(details)
        buttons.addWidget(update)
        buttons.addStretch(1)
        outer.addLayout(buttons)
        self.scroll = QScrollArea(self)
        self.scroll.setWidgetResizable(True)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        outer.addWidget(self.scroll, 1)
        self.refresh()

    def refresh(self) -> None:
        officials = load_officials(self.data_folder)
        content = QWidget(self.scroll)
        layout = QVBoxLayout(content)
        self.notes = [QLabel(note, content) for note in officials.notes]
        for note in self.notes:
            note.setTextFormat(Qt.TextFormat.PlainText)
            note.setWordWrap(True)
            note.setStyleSheet("font-style: italic;")
            layout.addWidget(note)
        self.cards = []

        def add(official: Official | None, candidate: bool = False) -> None:
            if official is None:
                return
            card = OfficialCard(official, self.links, candidate, content)
            card.district_chosen.connect(self._choose_district)
            card.contact_edit_requested.connect(self._edit_contact)
            if self._write_to is not None:
                card.write_requested.connect(self._write_to)
            self.cards.append(card)
            layout.addWidget(card)

        for senator in officials.senators:
            add(senator)
        add(officials.representative)
        for candidate in officials.district_candidates:
            add(candidate, candidate=True)
        add(officials.president)
        add(officials.vice_president)
        layout.addStretch(1)
        self.scroll.setWidget(content)

    def _edit_contact(self, official: Official) -> None:
        url, ok = QInputDialog.getText(
            self,
            "Contact page",
            f"Contact page or email for {official.title} {official.name}\n"
            "(leave empty to go back to the directory's):",
            text=official.contact_url,
        )
        if ok and not self.set_contact(official, url.strip()):
            QMessageBox.warning(self, "Contact page", self.error_text)

    def set_contact(self, official: Official, url: str) -> bool:
        """Keep the reader's own contact address for an office ("" forgets it)."""
        choices = load_choices(self.data_folder)
        urls = dict(choices.contact_urls)
        if not url:
            urls.pop(official.bioguide, None)
        elif url.startswith(("http://", "https://", "mailto:")):
            urls[official.bioguide] = url
        else:
            self.error_text = "Give a web address (https://…) or an email link (mailto:…)."
            return False
        save_choices(self.data_folder, replace(choices, contact_urls=urls))
        self.error_text = ""
        self.refresh()
        return True

    def _choose_district(self, district: int) -> None:
        store = ProfileStore(self.data_folder)
        profile = store.load().profile
        store.save(profile.updated(district=district))
        self.refresh()

    def _edit_and_refresh(self) -> None:
        self._edit_profile()
        self.refresh()
