"""Your Details and Your Officials in the window, and updating the directory from it."""

from __future__ import annotations

import stat

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialogButtonBox, QPushButton

from advocate_app.core.officials.directory import update_directory
from advocate_app.core.profile.model import Profile
from advocate_app.core.profile.storage import ProfileStore
from tests.support.data import write_directory
from tests.support.paths import SCREENSHOTS


def test_profile_dialog_checks_as_you_type_and_saves_privately(
    open_window, qtbot, data_dir, tmp_path
):
    window = open_window(tmp_path / "data" / "library.sqlite3")
    with qtbot.waitSignal(window.officials.profile_dialog_opened, timeout=5000) as opened:
        window.actions_.profile.trigger()
    dialog = opened.args[0]
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
    with qtbot.waitSignal(window.officials.profile_saved, timeout=5000) as saved:
        qtbot.mouseClick(save, Qt.MouseButton.LeftButton)

    assert "readable only by you" in (saved.args[0].notice or "")
    assert window.notices[-1][0] == "Where your details are kept"
    assert window.status_label.text() == "Your details were saved."
    stored = ProfileStore(data_dir).load().profile
    assert (stored.first_name, stored.state, stored.zip) == ("Ada", "WA", "98101")
    assert stat.S_IMODE((data_dir / "profile.json").stat().st_mode) == 0o600
    with qtbot.waitSignal(window.officials.profile_dialog_opened, timeout=5000) as again:
        window.officials.edit_profile()
    assert again.args[0].edits["email"].text() == "ada@example.org"
    again.args[0].reject()


def officials_dialog(window, qtbot):  # noqa: ANN001, ANN201
    dialog = window.officials.show_officials()
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: bool(dialog.cards), timeout=5000)
    return dialog


def test_officials_dialog_asks_for_the_district_of_a_split_zip(
    open_window, qtbot, data_dir, tmp_path
):
    update_directory(data_dir, str(write_directory(tmp_path / "source")))
    ProfileStore(data_dir).save(Profile(first_name="Ada", state="WA", zip="98101"))
    window = open_window(data_dir / "library.sqlite3")
    dialog = officials_dialog(window, qtbot)
    names = [card.official.name for card in dialog.cards]
    assert names == ["Bea Birch", "Ann Alder", "Cy Cedar", "Di Dogwood", "Pat Pine", "Val Vine"]
    assert any("split between districts 7, 9" in note.text() for note in dialog.notes)

    dialog.resize(620, 900)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    assert dialog.grab().save(str(SCREENSHOTS / "officials.png"))

    dogwood = dialog.cards[3]
    (choose,) = [b for b in dogwood.findChildren(QPushButton) if b.text().startswith("This is my")]
    with qtbot.waitSignal(dialog.refreshed, timeout=5000):
        qtbot.mouseClick(choose, Qt.MouseButton.LeftButton)
    assert ProfileStore(data_dir).load().profile.district == 9
    assert [card.official.name for card in dialog.cards][2:4] == ["Di Dogwood", "Pat Pine"]

    card = dialog.cards[2]
    buttons = {b.text(): b for b in card.findChildren(QPushButton)}
    qtbot.mouseClick(buttons["Copy number"], Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == "202-224-0000"
    qtbot.mouseClick(buttons["Contact page"], Qt.MouseButton.LeftButton)
    assert window.opened.urls == ["https://dogwood.gov/contact"]

    assert not dialog.set_contact(card.official, "javascript:alert(1)")
    assert "web address" in dialog.error_text
    with qtbot.waitSignal(dialog.refreshed, timeout=5000):
        assert dialog.set_contact(card.official, "https://dogwood.gov/write-to-me")
    assert dialog.cards[2].official.contact_url == "https://dogwood.gov/write-to-me"
    with qtbot.waitSignal(dialog.refreshed, timeout=5000):
        assert dialog.set_contact(dialog.cards[2].official, "")
    assert dialog.cards[2].official.contact_url == "https://dogwood.gov/contact"


def test_officials_without_a_directory_explain_how_to_get_one(open_window, qtbot, data_dir):
    window = open_window(data_dir / "library.sqlite3")
    dialog = officials_dialog(window, qtbot)
    assert any("no directory of officials yet" in note.text() for note in dialog.notes)
    assert [card.official.display_name for card in dialog.cards] == ["The President"]


def test_your_officials_follow_the_readers_details(open_window, qtbot, data_dir, tmp_path):
    """Changing the details elsewhere updates the open dialog (it follows the changes)."""
    update_directory(data_dir, str(write_directory(tmp_path / "source")))
    window = open_window(data_dir / "library.sqlite3")
    dialog = officials_dialog(window, qtbot)
    assert [card.official.title for card in dialog.cards] == ["President", "Vice President"]
    with qtbot.waitSignal(dialog.refreshed, timeout=5000):
        window.session.save_profile(Profile(state="AK", zip="99501"))
    assert [card.official.name for card in dialog.cards][:3] == ["Ed Elm", "Flo Fir", "Gus Gum"]


def test_update_directory_from_the_window(open_window, qtbot, tmp_path):
    window = open_window(tmp_path / "data" / "library.sqlite3")
    source = write_directory(tmp_path / "source")
    with qtbot.waitSignal(window.officials.directory_updated, timeout=10000) as done:
        assert window.officials.update_directory(str(source))
    assert done.args[0].legislators == 8
    assert "Directory updated: 8 members of Congress" in window.status_label.text()

    (source / "executive.json").write_bytes(b"[{broken")
    with qtbot.waitSignal(window.officials.directory_updated, timeout=10000) as failed:
        window.officials.update_directory(str(source))
    assert failed.args[0] is None
    title, text, _ = window.notices[-1]
    assert title == "The directory was not updated"
    assert "is damaged or incomplete" in text and "The directory you had is still in use" in text
