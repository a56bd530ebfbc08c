"""Your Details and Your Officials in the window, and updating the directory from it."""

from __future__ import annotations

import stat

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialogButtonBox, QPushButton

from advocate_app.core.officials.directory import update_directory
from advocate_app.core.profile.model import Profile
from advocate_app.core.profile.storage import ProfileStore
from advocate_app.gui.officials.officials_dialog import OfficialsDialog
from advocate_app.gui.officials.profile_dialog import ProfileDialog

from .conftest import REPO_ROOT
from .helpers import Opened
from .test_officials import write_directory


def test_profile_dialog_checks_as_you_type_and_saves_privately(qtbot, data_dir):
    dialog = ProfileDialog(ProfileStore(data_dir))
    qtbot.addWidget(dialog)
    dialog.show()
    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    qtbot.keyClicks(dialog.edits["first_name"], "Ada")
    qtbot.keyClicks(dialog.edits["zip"], "981")
    assert not save.isEnabled() and dialog.errors["zip"].isVisible()
    assert "5 digits" in dialog.errors["zip"].text()
    qtbot.keyClicks(dialog.edits["zip"], "01")
    assert save.isEnabled() and not dialog.errors["zip"].isVisible()
    qtbot.keyClicks(dialog.edits["state"], "wx")
    assert not save.isEnabled() and "two-letter" in dialog.errors["state"].text()
    dialog.edits["state"].setText("wa")
    qtbot.keyClicks(dialog.edits["email"], "ada@example.org")
    assert "no system keychain" in dialog.storage_note.text()
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)

    assert dialog.saved is not None and "readable only by you" in (dialog.saved.notice or "")
    stored = ProfileStore(data_dir).load().profile
    assert (stored.first_name, stored.state, stored.zip) == ("Ada", "WA", "98101")
    assert stat.S_IMODE((data_dir / "profile.json").stat().st_mode) == 0o600
    again = ProfileDialog(ProfileStore(data_dir))
    qtbot.addWidget(again)
    assert again.edits["email"].text() == "ada@example.org"


def test_officials_dialog_asks_for_the_district_of_a_split_zip(qtbot, data_dir, tmp_path):
    update_directory(data_dir, str(write_directory(tmp_path / "source")))
    ProfileStore(data_dir).save(Profile(first_name="Ada", state="WA", zip="98101"))
    opened = Opened()
    from advocate_app.gui.links import LinkPolicy

    dialog = OfficialsDialog(data_dir, LinkPolicy(opened), lambda: None, lambda: None)
    qtbot.addWidget(dialog)
    dialog.show()
    names = [card.official.name for card in dialog.cards]
    assert names == ["Bea Birch", "Ann Alder", "Cy Cedar", "Di Dogwood", "Pat Pine", "Val Vine"]
    assert any("split between districts 7, 9" in note.text() for note in dialog.notes)

    dialog.resize(620, 900)
    folder = REPO_ROOT / "artifacts" / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    assert dialog.grab().save(str(folder / "officials.png"))

    dogwood = dialog.cards[3]
    (choose,) = [b for b in dogwood.findChildren(QPushButton) if b.text().startswith("This is my")]
    qtbot.mouseClick(choose, Qt.MouseButton.LeftButton)
    assert ProfileStore(data_dir).load().profile.district == 9
    assert [card.official.name for card in dialog.cards][2:4] == ["Di Dogwood", "Pat Pine"]

    card = dialog.cards[2]
    buttons = {b.text(): b for b in card.findChildren(QPushButton)}
    qtbot.mouseClick(buttons["Copy number"], Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == "202-224-0000"
    qtbot.mouseClick(buttons["Contact page"], Qt.MouseButton.LeftButton)
    assert opened.urls == ["https://dogwood.gov/contact"]

    assert not dialog.set_contact(card.official, "javascript:alert(1)")
    assert "web address" in dialog.error_text
    assert dialog.set_contact(card.official, "https://dogwood.gov/write-to-me")
    assert dialog.cards[2].official.contact_url == "https://dogwood.gov/write-to-me"
    assert dialog.set_contact(dialog.cards[2].official, "")
    assert dialog.cards[2].official.contact_url == "https://dogwood.gov/contact"


def test_officials_without_a_directory_explain_how_to_get_one(qtbot, data_dir):
    from advocate_app.gui.links import LinkPolicy

    dialog = OfficialsDialog(data_dir, LinkPolicy(Opened()), lambda: None, lambda: None)
    qtbot.addWidget(dialog)
    assert any("no directory of officials yet" in note.text() for note in dialog.notes)
    assert [card.official.title for card in dialog.cards] == ["President"]


def test_update_directory_from_the_window(open_window, qtbot, tmp_path):
    window = open_window(tmp_path / "data" / "library.sqlite3")
    source = write_directory(tmp_path / "source")
    with qtbot.waitSignal(window.directory_updated, timeout=10000) as done:
        assert window.update_directory(str(source))
    assert done.args[0].legislators == 8
    assert "Directory updated: 8 members of Congress" in window.status_label.text()

    (source / "executive.json").write_bytes(b"[{broken")
    with qtbot.waitSignal(window.directory_updated, timeout=10000) as failed:
        window.update_directory(str(source))
    assert failed.args[0] is None
    title, text, _ = window.notices[-1]
    assert title == "The directory was not updated"
    assert "not valid JSON" in text and "previous directory is still in use" in text
