"""Officials you can trust, in the window: a split ZIP decided by the reader (or their
address), never by a guess; vacant seats; DC; a move; a ZIP code outside the state."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from advocate_app.core.officials.directory import update_directory
from advocate_app.core.profile.model import Profile
from advocate_app.core.profile.storage import ProfileStore
from tests.support.data import ADA, SITE_TITLE, write_directory
from tests.support.geocoder import Geocoder
from tests.support.paths import SCREENSHOTS
from tests.support.qt import select_title


@pytest.fixture
def geocoder(monkeypatch):
    running = Geocoder()
    monkeypatch.setenv("ADVOCATE_GEOCODER_URL", running.url)
    yield running
    running.stop()


@pytest.fixture
def ready(library_path, tmp_path):
    """The seed articles, the small directory, and Ada in split ZIP 98101 (districts 7, 9)."""
    folder = library_path.parent
    update_directory(folder, str(write_directory(tmp_path / "directory")))
    ProfileStore(folder).save(replace(ADA, street="1301 2nd Ave"))
    return library_path


def composer(window, number, qtbot):  # noqa: ANN001, ANN201
    card = window.action_panel.cards[number - 1]
    (write,) = [b for b in card.findChildren(QPushButton) if b.text() == "Write letter…"]
    with qtbot.waitSignal(window.letters.composer_opened, timeout=5000) as opened:
        qtbot.mouseClick(write, Qt.MouseButton.LeftButton)
    qtbot.addWidget(opened.args[0])
    return opened.args[0]


def ticked(dialog) -> dict[str, bool]:  # noqa: ANN001
    items = [dialog.recipients.item(row) for row in range(dialog.recipients.count())]
    return {item.text(): item.checkState() == Qt.CheckState.Checked for item in items}


def test_the_composer_never_ticks_a_split_zips_candidates(open_window, ready, qtbot, geocoder):
    window = open_window(ready)
    select_title(window, SITE_TITLE)
    dialog = composer(window, 2, qtbot)
    assert ticked(dialog) == {
        "Senator Bea Birch": True,
        "Senator Ann Alder": True,
        "Representative Cy Cedar": False,
        "Representative Di Dogwood": False,
        "President Pat Pine": False,
    }
    assert [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())] == [
        "Bea Birch",
        "Ann Alder",
    ]
    assert dialog.locate.isVisible() and dialog.house_link.isVisible()
    assert "find-your-representative" in dialog.house_link.text()  # a link, not plain text
    assert any("split between districts" in note.text() for note in dialog.notes)

    dialog.resize(1000, 720)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    assert dialog.grab().save(str(SCREENSHOTS / "composer_split_zip.png"))

    qtbot.mouseClick(dialog.locate, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: ticked(dialog).get("Representative Cy Cedar"), timeout=5000)
    assert "Matched 1301 2ND AVE, SEATTLE, WA, 98101 → WA-7" in window.status_label.text()
    assert not dialog.locate.isVisible()
    assert [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())][-1] == "Cy Cedar"
    assert ProfileStore(ready.parent).load().profile.district_source == "address"


def test_your_officials_find_the_district_from_the_address(open_window, ready, qtbot, geocoder):
    window = open_window(ready)
    dialog = window.officials.show_officials()
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: bool(dialog.cards), timeout=5000)
    assert dialog.locate.isVisible()
    assert "Directory data as of January 3, 2025" in dialog.data_status.text()
    with qtbot.waitSignal(dialog.refreshed, timeout=5000):
        qtbot.mouseClick(dialog.locate, Qt.MouseButton.LeftButton)
    assert not dialog.locate.isVisible()
    assert [c.official.name for c in dialog.cards][:3] == ["Bea Birch", "Ann Alder", "Cy Cedar"]


def test_a_failed_address_lookup_says_why(open_window, ready, qtbot, geocoder):
    ProfileStore(ready.parent).save(replace(ADA, street="Main St"))
    window = open_window(ready)
    dialog = window.officials.show_officials()
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: bool(dialog.cards), timeout=5000)
    qtbot.mouseClick(dialog.locate, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(window.notices), timeout=5000)
    title, text, _ = window.notices[-1]
    assert title == "Your district was not found" and "several districts (WA-7, WA-9)" in text
    assert ProfileStore(ready.parent).load().profile.district is None


def test_dc_is_offered_its_delegate_for_a_senators_action(open_window, ready, qtbot):
    ProfileStore(ready.parent).save(Profile(first_name="Ada", state="DC", zip="20001"))
    window = open_window(ready)
    model = window.list_pane.model
    bare = next(r for r in range(model.rowCount()) if model.index(r).data().startswith("President"))
    window.list_pane.select_row(bare)
    assert window.action_panel.cards[0].action.title == "Write to your U.S. senators"
    dialog = composer(window, 1, qtbot)
    assert "Delegate Hal Hazel" in ticked(dialog) and not ticked(dialog)["Delegate Hal Hazel"]
    assert not any(name.startswith("Senator") for name in ticked(dialog))
    assert any("has no U.S. senators" in note.text() for note in dialog.notes)


def test_a_zip_outside_the_state_is_saved_only_when_confirmed(open_window, ready, qtbot):
    window = open_window(ready)

    def save_as(state: str) -> None:
        with qtbot.waitSignal(window.officials.profile_dialog_opened, timeout=5000) as opened:
            window.officials.edit_profile()
        opened.args[0].edits["state"].setText(state)
        opened.args[0].accept()

    window.answers.append(False)
    save_as("OR")
    qtbot.waitUntil(lambda: "not saved" in window.status_label.text(), timeout=5000)
    title, question = window.questions[-1]
    assert title == "Check your address" and "98101 is in Washington, not in Oregon" in question
    assert ProfileStore(ready.parent).load().profile.state == "WA"

    with qtbot.waitSignal(window.officials.profile_saved, timeout=5000):
        save_as("OR")  # answered yes this time
    assert ProfileStore(ready.parent).load().profile.state == "OR"


def test_moving_clears_the_old_district_and_says_so(open_window, ready, qtbot):
    session_profile = replace(ADA, district=9, district_zip="98101")
    ProfileStore(ready.parent).save(session_profile)
    window = open_window(ready)
    with qtbot.waitSignal(window.officials.profile_dialog_opened, timeout=5000) as opened:
        window.officials.edit_profile()
    opened.args[0].edits["zip"].setText("98104")  # district 7 only
    with qtbot.waitSignal(window.officials.profile_saved, timeout=5000) as saved:
        opened.args[0].accept()
    assert saved.args[0].profile.district is None
    title, text, _ = window.notices[-1]
    assert title == "Your district was cleared" and "does not include the ZIP code 98104" in text
