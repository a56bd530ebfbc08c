"""Desktop metadata: one application id everywhere, and files that validate."""

from __future__ import annotations

import shutil
import subprocess
import xml.etree.ElementTree as ElementTree

import pytest

from advocate_app.gui.settings import APP_ID
from tests.support.paths import REPO_ROOT

LINUX = REPO_ROOT / "packaging" / "linux"


def test_one_application_id_everywhere():
    desktop = LINUX / f"{APP_ID}.desktop"
    metainfo = LINUX / f"{APP_ID}.metainfo.xml"
    assert desktop.is_file() and metainfo.is_file()
    assert f"Icon={APP_ID}" in desktop.read_text(encoding="utf-8")
    root = ElementTree.parse(metainfo).getroot()
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable") == f"{APP_ID}.desktop"
    assert (REPO_ROOT / "resources" / "icons" / f"{APP_ID}.svg").is_file()
    for size in (16, 32, 48, 128, 256):
        assert (REPO_ROOT / "resources" / "icons" / f"{size}x{size}" / f"{APP_ID}.png").is_file()
    manifest = (REPO_ROOT / "packaging" / "flatpak" / f"{APP_ID}.yml").read_text(encoding="utf-8")
    assert f"app-id: {APP_ID}" in manifest


@pytest.mark.parametrize(
    ("tool", "args", "name"),
    [
        ("desktop-file-validate", [], f"{APP_ID}.desktop"),
        ("appstreamcli", ["validate", "--no-net"], f"{APP_ID}.metainfo.xml"),
    ],
)
def test_metadata_validates(tool, args, name):
    if shutil.which(tool) is None:
        pytest.skip(f"{tool} is not installed here")
    result = subprocess.run([tool, *args, str(LINUX / name)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_window_icon_and_desktop_name(qapp, data_dir):
    from PySide6.QtCore import QSettings
    from PySide6.QtGui import QGuiApplication

    from advocate_app.gui import app

    settings = QSettings(str(data_dir.parent / "s.ini"), QSettings.Format.IniFormat)
    window, instance = app.start(["--data-dir", str(data_dir)], settings=settings)
    try:
        assert QGuiApplication.desktopFileName() == APP_ID
        assert not qapp.windowIcon().isNull()
    finally:
        window.close()
        instance.close()
        window.session.close()
