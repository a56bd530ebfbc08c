"""Every menu item, triggered the way a reader would, with what it should do.

The table below must name every item of the menu bar: a new item without a test fails
`test_every_menu_item_has_a_test`. File dialogs and questions are answered by stand-ins that,
like Qt's own, accept only a widget (or nothing) as their parent.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QFileDialog, QInputDialog, QMessageBox, QWidget

from tests.support.data import SITE_TITLE, write_directory
from tests.support.qt import select_title


@dataclass
class Answers:
    """What the stand-in dialogs answer, and what they were asked."""

    open_file: str = ""
    open_files: list[str] = field(default_factory=list)
    folder: str = ""
    save_file: str = ""
    text: str = ""
    yes: bool = True
    asked: list[str] = field(default_factory=list)
    about: list[str] = field(default_factory=list)


def parent_is_a_widget(parent: object) -> None:
    # Qt raises TypeError for anything else (a QObject included); so do the stand-ins.
    if parent is not None and not isinstance(parent, QWidget):
        raise TypeError(f"a dialog's parent must be a QWidget, not {type(parent).__name__}")


@pytest.fixture
def answers(monkeypatch) -> Answers:
    given = Answers()

    def dialog(kind: str, result: Callable[[], object]):  # noqa: ANN202
        def ask(parent=None, *args, **kwargs):  # noqa: ANN001, ANN202
            parent_is_a_widget(parent)
            given.asked.append(kind)
            return result()

        return ask

    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", dialog("open", lambda: (given.open_file, ""))
    )
    monkeypatch.setattr(
        QFileDialog, "getOpenFileNames", dialog("open-many", lambda: (given.open_files, ""))
    )
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", dialog("folder", lambda: given.folder))
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", dialog("save", lambda: (given.save_file, ""))
    )
    monkeypatch.setattr(QInputDialog, "getText", dialog("text", lambda: (given.text, True)))

    def typed(box: QInputDialog) -> int:  # the reader types given.text and presses OK
        parent_is_a_widget(box.parentWidget())
        given.asked.append("text")
        assert box.width() >= 560  # a whole address fits
        box.setTextValue(given.text)
        return 1

    monkeypatch.setattr(QInputDialog, "exec", typed)
    monkeypatch.setattr(
        QMessageBox,
        "question",
        dialog(
            "question",
            lambda: QMessageBox.StandardButton.Yes if given.yes else QMessageBox.StandardButton.No,
        ),
    )
    monkeypatch.setattr(QMessageBox, "about", lambda parent, title, text: given.about.append(title))
    return given


@dataclass
class Env:
    window: object
    answers: Answers
    qtbot: object
    tmp_path: Path
    seeds: Path
    server: object


def menu_items(window) -> dict[str, object]:  # noqa: ANN001
    found = {}
    for menu_action in window.menuBar().actions():
        for action in menu_action.menu().actions():
            if not action.isSeparator():
                found[action.text().replace("&", "")] = action
    return found


def trigger(env: Env, text: str) -> None:
    action = menu_items(env.window)[text]
    assert action.isEnabled(), f"{text} is disabled"
    action.trigger()


# --- what each item does ----------------------------------------------------------------
def import_files(env: Env) -> None:
    env.answers.open_files = [str(env.seeds / "000_eee051ae7c842e28.txt")]
    with env.qtbot.waitSignal(env.window.importer.finished, timeout=20000) as done:
        trigger(env, "Import Files…")
    assert [str(r.status) for r in done.args[0]] == ["imported"]


def import_folder(env: Env) -> None:
    env.answers.folder = str(env.seeds)
    with env.qtbot.waitSignal(env.window.importer.finished, timeout=20000) as done:
        trigger(env, "Import Folder…")
    assert len(done.args[0]) == 3 and env.window.list_pane.model.rowCount() == 3


def add_from_url(env: Env) -> None:
    env.answers.text = env.server.base + "/news/storm.html"
    with env.qtbot.waitSignal(env.window.web.finished, timeout=20000):
        trigger(env, "Add from URL…")
    assert env.window.reader.toPlainText().startswith("Storm hits coast")


def subscribe(env: Env) -> None:
    env.answers.text = env.server.base + "/feed.xml"
    with env.qtbot.waitSignal(env.window.web.finished, timeout=20000):
        trigger(env, "Subscribe to Feed…")
    assert [f.title for f in env.window.session.feeds()] == ["Test feed"]


def refresh_feeds(env: Env) -> None:
    env.window.session.import_opml(opml(env.server.base + "/feed.xml"))
    with env.qtbot.waitSignal(env.window.web.finished, timeout=20000):
        trigger(env, "Refresh Feeds")
    assert env.window.list_pane.model.rowCount() == 2
    assert "2 new articles" in env.window.status_label.text()


def opml(*urls: str) -> str:
    outlines = "".join(f'<outline type="rss" text="Feed {u}" xmlUrl="{u}"/>' for u in urls)
    return f'<?xml version="1.0"?><opml version="2.0"><body>{outlines}</body></opml>'


def import_opml(env: Env) -> None:
    path = env.tmp_path / "subscriptions.opml"
    path.write_text(opml("https://example.org/a.xml", "https://example.org/b.xml"), "utf-8")
    env.answers.open_file = str(path)
    trigger(env, "Import Subscriptions (OPML)…")
    assert env.answers.asked == ["open"]
    assert [f.url for f in env.window.session.feeds()] == [
        "https://example.org/a.xml",
        "https://example.org/b.xml",
    ]
    assert "Subscribed to 2 new feed(s)" in env.window.status_label.text()
    # the Sources box follows (its unread counts are read in the background)
    env.qtbot.waitUntil(lambda: env.window.list_pane.source.isVisibleTo(env.window))


def export_opml(env: Env) -> None:
    env.window.session.import_opml(opml("https://example.org/a.xml"))
    env.answers.save_file = str(env.tmp_path / "out.opml")
    trigger(env, "Export Subscriptions (OPML)…")
    assert 'xmlUrl="https://example.org/a.xml"' in Path(env.answers.save_file).read_text()


def work_offline(env: Env) -> None:
    trigger(env, "Work Offline")
    assert not env.window.session.network_allowed()
    trigger(env, "Work Offline")
    assert env.window.session.network_allowed()


def export_activity(env: Env) -> None:
    env.answers.save_file = str(env.tmp_path / "did.csv")
    trigger(env, "Export Activity…")
    assert Path(env.answers.save_file).read_text().startswith("article_id,article_title")


def back_up(env: Env) -> None:
    env.answers.save_file = str(env.tmp_path / "backup.sqlite3")
    with env.qtbot.waitSignal(env.window.safekeeping.backed_up, timeout=10000):
        trigger(env, "Back Up Library…")
    db = sqlite3.connect(env.answers.save_file)
    assert db.execute("SELECT count(*) FROM articles").fetchone()[0] == 3
    db.close()


def restore(env: Env) -> None:
    backup = env.window.session.backup(env.tmp_path / "backup.sqlite3")
    env.window.session.delete(env.window.session.library.ids())
    env.window.session.purge_deleted()
    assert env.window.list_pane.model.rowCount() == 0
    env.answers.open_file = str(backup)
    with env.qtbot.waitSignal(env.window.safekeeping.restored, timeout=10000):
        trigger(env, "Restore from Backup…")
    assert env.answers.asked == ["open", "question"]
    assert env.window.list_pane.model.rowCount() == 3


def quit_(env: Env) -> None:
    trigger(env, "Quit")
    assert not env.window.isVisible()


def undo_delete(env: Env) -> None:
    first = env.window.list_pane.current_id()
    trigger(env, "Delete")
    assert env.window.list_pane.model.row_of(first) is None
    trigger(env, "Undo Delete")
    assert env.window.list_pane.model.row_of(first) is not None


def find(env: Env) -> None:
    trigger(env, "Find…")
    assert env.window.list_pane.search.hasFocus()


def next_and_previous(env: Env, text: str, step: int) -> None:
    pane = env.window.list_pane
    pane.select_row(1)
    trigger(env, text)
    assert pane.view.currentIndex().row() == 1 + step


def toggle_read(env: Env) -> None:
    article = env.window.list_pane.current_id()
    trigger(env, "Mark as Read/Unread")
    assert not env.window.session.library.summaries([article])[0].read


def toggle_star(env: Env) -> None:
    article = env.window.list_pane.current_id()
    trigger(env, "Star/Unstar")
    assert env.window.session.library.summaries([article])[0].starred


def mark_all_read(env: Env) -> None:
    env.window.session.set_read(env.window.session.library.ids(), False)
    trigger(env, "Mark All as Read")
    assert all(s.read for s in env.window.session.library.list())
    assert env.window.status_label.text() == "Marked 3 articles as read."


def rename(env: Env) -> None:
    from PySide6.QtWidgets import QInputDialog

    article_id = env.window.current_article_id()
    original = QInputDialog.getText
    QInputDialog.getText = staticmethod(lambda *a, **k: ("A title of my own", True))
    try:
        trigger(env, "Rename…")
    finally:
        QInputDialog.getText = original
    assert env.window.session.article(article_id).article.title == "A title of my own"


def delete(env: Env) -> None:
    trigger(env, "Delete")
    assert env.window.list_pane.model.rowCount() == 2


def text_size(env: Env) -> None:
    window = env.window
    parts = (window.reader, window.list_pane.view, window.action_panel.cards[0].title)
    size = window.reader.font().pointSize()
    trigger(env, "Larger Text")
    QApplication.processEvents()  # the new size reaches every widget
    assert [part.font().pointSize() for part in parts] == [size + 1] * 3  # all of it
    trigger(env, "Smaller Text")
    trigger(env, "Smaller Text")
    QApplication.processEvents()
    assert window.reader.font().pointSize() == size - 1
    trigger(env, "Actual Size")
    QApplication.processEvents()
    assert [part.font().pointSize() for part in parts] == [size] * 3


def activity(env: Env) -> None:
    trigger(env, "Your Activity…")
    dialog = env.window.tracking.activity_dialog
    env.qtbot.addWidget(dialog)
    env.qtbot.waitUntil(lambda: dialog.summary is not None, timeout=5000)
    assert dialog.isVisible() and dialog.summary.actions_done == 0


def officials(env: Env) -> None:
    trigger(env, "Your Officials…")
    dialog = env.window.officials.dialog
    env.qtbot.addWidget(dialog)
    env.qtbot.waitUntil(lambda: bool(dialog.cards), timeout=5000)
    assert dialog.isVisible() and dialog.cards[0].official.display_name == "The President"


def details(env: Env) -> None:
    with env.qtbot.waitSignal(env.window.officials.profile_dialog_opened, timeout=5000) as shown:
        trigger(env, "Your Details…")
    assert shown.args[0].isVisible()
    shown.args[0].reject()


def update_directory(env: Env) -> None:
    env.window.session.set_network_allowed(False)  # the default source is on the internet
    trigger(env, "Update Directory")
    assert "Working offline" in env.window.status_label.text()
    assert "Update Directory from Folder" in env.window.status_label.text()


def update_directory_from_folder(env: Env) -> None:
    env.answers.folder = str(write_directory(env.tmp_path / "directory"))
    with env.qtbot.waitSignal(env.window.officials.directory_updated, timeout=10000) as done:
        trigger(env, "Update Directory from Folder…")
    assert done.args[0].legislators == 8


def sent_letters(env: Env) -> None:
    trigger(env, "Sent Letters…")
    dialog = env.window.letters.sent_letters
    env.qtbot.addWidget(dialog)
    assert dialog.isVisible() and dialog.empty.isVisibleTo(dialog)


def drafts(env: Env) -> None:
    trigger(env, "Drafts…")
    dialog = env.window.letters.drafts
    env.qtbot.addWidget(dialog)
    assert dialog.isVisible() and dialog.windowTitle() == "Drafts"
    assert dialog.empty.isVisibleTo(dialog) and "No drafts" in dialog.empty.text()


def templates(env: Env) -> None:
    trigger(env, "Letter Templates…")
    dialog = env.window.letters.templates_dialog
    env.qtbot.addWidget(dialog)
    names = [dialog.list.item(i).text().split()[0] for i in range(dialog.list.count())]
    assert "senator" in names and dialog.isVisible()


def start_sitting(env: Env) -> None:
    trigger(env, "Start a Sitting…")
    dialog = env.window.sittings.dialog
    env.qtbot.waitUntil(lambda: dialog.sitting is not None, timeout=5000)
    assert dialog.isVisible() and dialog.official_key == "all"
    # No directory in this library: the sitting says who is missing and why.
    assert "Your senators and representative are not known yet" in dialog.notes.text()


def set_up(env: Env) -> None:
    with env.qtbot.waitSignal(env.window.show_setup().refreshed, timeout=5000):
        trigger(env, "Set Up Advocate…")
    assert env.window.setup_assistant.isVisible()
    assert env.window.setup_assistant.heading.text().startswith("<b>Step 1 of 3")


def show_log(env: Env) -> None:
    trigger(env, "Show Log")  # nothing went wrong yet: it says so
    assert "Nothing has gone wrong so far" in env.window.status_label.text()
    log = env.window.session.folder / "advocate.log"
    log.write_text("a problem\n", encoding="utf-8")
    trigger(env, "Show Log")
    assert env.window.opened.urls[-1] == f"file://{log}"


def about(env: Env) -> None:
    trigger(env, "About Advocate")
    assert env.answers.about == ["About Advocate"]


MENU: dict[str, Callable[[Env], None]] = {
    "Import Files…": import_files,
    "Import Folder…": import_folder,
    "Add from URL…": add_from_url,
    "Subscribe to Feed…": subscribe,
    "Refresh Feeds": refresh_feeds,
    "Import Subscriptions (OPML)…": import_opml,
    "Export Subscriptions (OPML)…": export_opml,
    "Work Offline": work_offline,
    "Export Activity…": export_activity,
    "Back Up Library…": back_up,
    "Restore from Backup…": restore,
    "Quit": quit_,
    "Undo Delete": undo_delete,
    "Find…": find,
    "Next Article": lambda env: next_and_previous(env, "Next Article", 1),
    "Previous Article": lambda env: next_and_previous(env, "Previous Article", -1),
    "Mark as Read/Unread": toggle_read,
    "Star/Unstar": toggle_star,
    "Rename…": rename,
    "Mark All as Read": mark_all_read,
    "Delete": delete,
    "Larger Text": text_size,
    "Smaller Text": text_size,
    "Actual Size": text_size,
    "Your Activity…": activity,
    "Your Officials…": officials,
    "Your Details…": details,
    "Update Directory": update_directory,
    "Update Directory from Folder…": update_directory_from_folder,
    "Sent Letters…": sent_letters,
    "Drafts…": drafts,
    "Letter Templates…": templates,
    "Start a Sitting…": start_sitting,
    "Set Up Advocate…": set_up,
    "Show Log": show_log,
    "About Advocate": about,
}
# Items that start from an empty library; the rest start with the three seed articles.
FROM_EMPTY = {"Import Files…", "Import Folder…", "Add from URL…", "Subscribe to Feed…"}
FROM_EMPTY |= {"Refresh Feeds"}


def test_every_menu_item_has_a_test(open_window, tmp_path):
    window = open_window(tmp_path / "data" / "library.sqlite3")
    assert set(menu_items(window)) == set(MENU)


@pytest.mark.parametrize("text", sorted(MENU))
def test_menu_item(text, open_window, library_path, seeds, server, answers, qtbot, tmp_path):
    path = tmp_path / "empty" / "library.sqlite3" if text in FROM_EMPTY else library_path
    window = open_window(path)
    if text not in FROM_EMPTY:
        select_title(window, SITE_TITLE)
    fired: list[str] = []
    for name, action in menu_items(window).items():
        action.triggered.connect(lambda _checked=False, name=name: fired.append(name))
    MENU[text](Env(window, answers, qtbot, tmp_path, seeds, server))  # asserts what it did
    assert text in fired, f"the check for {text} never used the menu item"
