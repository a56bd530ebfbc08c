"""Your Details: the reader's name and address, checked as they type, kept in the keychain."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from advocate_app.core.profile.model import PREFIXES, Profile, field_errors, normalized
from advocate_app.core.profile.storage import StoredProfile
from advocate_app.gui.theme import set_warning
from advocate_app.gui.widgets import grow_to_fit

FIELDS = (
    ("first_name", "First name"),
    ("last_name", "Last name"),
    ("street", "Street address"),
    ("city", "City"),
    ("state", "State"),
    ("zip", "ZIP code"),
    ("email", "Email"),
    ("phone", "Phone"),
)
PLACEHOLDERS = {
    "state": "WA",
    "zip": "98101 or 98101-1234",
    "email": "name@example.org",
    "phone": "206-555-0100",
}
NO_DISTRICT = -1
DESCRIPTIONS = {
    "first_name": "Your first name, as letters are signed",
    "last_name": "Your last name, as letters are signed",
    "street": "Your street address, for letters and to find your district",
    "city": "Your city",
    "state": "Your state: its name or two-letter code",
    "zip": "Your ZIP code: it finds your representative",
    "email": "Your email address, for offices that answer by email",
    "phone": "Your phone number, if you want offices to call you back (optional)",
}


class ProfileDialog(QDialog):
    """The form: the details as loaded, checked as they are typed. Whoever opened it saves
    `profile()` when it is accepted."""

    def __init__(self, stored: StoredProfile, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._loaded = stored.profile  # keeps what the form does not show (where the district
        #                                 came from)
        self.setWindowTitle("Your Details")
        self.setAccessibleName("Your details")
        self.setMinimumWidth(480)
        self._setup_ui(stored)

    def _setup_ui(self, stored: StoredProfile) -> None:
        layout = QVBoxLayout(self)
        intro = QLabel(
            "Letters are signed with these details. They stay on this computer, in the "
            "system keychain when there is one.",
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.prefix = QComboBox(self)
        self.prefix.addItems(list(PREFIXES))
        self.prefix.setEditable(True)
        self.prefix.setCurrentText(stored.profile.prefix)
        self.prefix.setAccessibleName("Prefix")
        self.prefix.setToolTip("How letters name you, if you like: Ms., Mr., Dr.…")
        form.addRow("Prefix", self.prefix)
        self.edits: dict[str, QLineEdit] = {}
        self.errors: dict[str, QLabel] = {}
        for name, label in FIELDS:
            edit = QLineEdit(self)
            edit.setText(getattr(stored.profile, name))
            edit.setPlaceholderText(PLACEHOLDERS.get(name, ""))
            edit.setAccessibleName(label)
            edit.setAccessibleDescription(DESCRIPTIONS[name])
            edit.textChanged.connect(self._validate)
            error = QLabel(self)
            error.setTextFormat(Qt.TextFormat.PlainText)
            set_warning(error)
            error.setWordWrap(True)
            error.hide()
            column = QVBoxLayout()
            column.setSpacing(2)
            column.addWidget(edit)
            column.addWidget(error)
            form.addRow(label, column)
            self.edits[name] = edit
            self.errors[name] = error
        self.district = QSpinBox(self)
        self.district.setRange(NO_DISTRICT, 53)
        self.district.setSpecialValueText("I don't know")
        self.district.setValue(
            stored.profile.district if stored.profile.district is not None else NO_DISTRICT
        )
        self.district.setAccessibleName("Congressional district")
        self.district.setToolTip(
            "Set it when your ZIP code is split between districts (0: at-large)"
        )
        form.addRow("District", self.district)
        layout.addLayout(form)

        where = "the system keychain" if stored.in_keychain else str(stored.fallback_path)
        self.storage_note = QLabel(self)
        self.storage_note.setTextFormat(Qt.TextFormat.PlainText)
        self.storage_note.setWordWrap(True)
        self.storage_note.setText(
            f"Saved in {where}."
            if stored.keychain or stored.in_keychain
            else "This computer has no system keychain: your details are saved in a file in "
            "Advocate's data folder that only you can read."
        )
        layout.addWidget(self.storage_note)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setToolTip(
            "Save your details on this computer"
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setToolTip(
            "Close without saving"
        )
        self.buttons.accepted.connect(self._save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._validate()

    def profile(self) -> Profile:
        value = self.district.value()
        district = None if value == NO_DISTRICT else value
        typed = normalized(
            replace(
                self._loaded,
                prefix=self.prefix.currentText(),
                district=district,
                **{name: edit.text() for name, edit in self.edits.items()},
            )
        )
        if district != self._loaded.district:  # chosen here, by the reader
            typed = replace(
                typed,
                district_source="you" if district is not None else "",
                district_zip=typed.zip5 if district is not None else "",
                district_date="",
            )
        return typed

    def _validate(self) -> bool:
        problems = field_errors(self.profile())
        for name, label in self.errors.items():
            message = problems.get(name, "")
            label.setText(message)
            label.setVisible(bool(message))
            self.edits[name].setToolTip(message)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(not problems)
        if self.isVisible():
            grow_to_fit(self)
        return not problems

    def _save(self) -> None:
        if self._validate():
            self.accept()
