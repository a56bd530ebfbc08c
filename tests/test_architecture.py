"""The core stays free of Qt, and an installed copy finds its resources and templates."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

from tests.support.paths import REPO_ROOT


def run_python(code: str) -> subprocess.CompletedProcess[str]:
    """Run code in a fresh interpreter, so what it imports is not hidden by this one."""
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)


CORE_MODULES = [
    "advocate_app.cli.run",
    "advocate_app.core.articles.reader",
    "advocate_app.core.store.library",
    "advocate_app.core.importer",
]


def test_core_imports_without_qt():
    code = (
        "import sys\n"
        + "".join(f"import {name}\n" for name in CORE_MODULES)
        + "print(sorted(m for m in sys.modules if m.startswith('PySide6')))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def test_installed_wheel_carries_resources_and_templates(tmp_path: Path):
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--quiet",
            "--no-deps",
            "--no-build-isolation",
            "--wheel-dir",
            str(tmp_path / "dist"),
            str(REPO_ROOT),
        ],
        check=True,
    )
    (wheel,) = (tmp_path / "dist").glob("advocate_app-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "advocate_app/resources/welcome.txt" in names
    assert any(name.startswith("advocate_app/templates/") for name in names)

    site = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-deps",
            "--target",
            str(site),
            str(wheel),
        ],
        check=True,
    )
    probe = (
        "from advocate_app.core.paths import bundled\n"
        "print(bundled('resources'))\nprint(bundled('templates'))"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONPATH": str(site), "PATH": ""},
        cwd=tmp_path,
    )
    resources, templates = result.stdout.split()
    assert Path(resources) == site / "advocate_app" / "resources"
    assert (Path(resources) / "welcome.txt").is_file()
    assert Path(templates) == site / "advocate_app" / "templates"


def test_code_is_ruff_clean():
    result = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "--no-cache", str(REPO_ROOT)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout


def test_no_qt_properties_passed_as_constructor_keywords():
    """PySide6 6.12.0 corrupts reference counts when Qt properties are constructor keywords."""
    import ast

    offenders = []
    for path in (REPO_ROOT / "src" / "advocate_app" / "gui").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id.startswith("Q")
                and node.keywords
            ):
                offenders.append(f"{path.name}:{node.lineno} {node.func.id}")
    assert offenders == []


def test_the_installed_pyside_keeps_reference_counts_of_bools_passed_through_signals():
    """A PySide6 release that breaks this (6.12.0 did) crashes the app after a while."""
    code = (
        "import sys\n"
        "from PySide6.QtCore import QCoreApplication, QObject, Signal\n"
        "class Emitter(QObject):\n"
        "    changed = Signal(int, bool)\n"
        "app = QCoreApplication([])\n"
        "emitter = Emitter()\n"
        "emitter.changed.connect(lambda number, done: None)\n"
        "before = sys.getrefcount(True)\n"
        "for _ in range(2000):\n"
        "    emitter.changed.emit(1, True)\n"
        "print(sys.getrefcount(True) - before)\n"
    )
    result = run_python(code)
    assert result.returncode == 0, result.stderr[-500:]
    assert result.stdout.strip() == "0"


def test_the_window_starts_without_loading_what_only_later_features_need():
    """Start-up time: parsers, templates, keychain and downloads load on first use."""
    code = (
        "import sys\n"
        "import os\n"
        "os.environ['QT_QPA_PLATFORM'] = 'offscreen'\n"
        "import tempfile\n"
        "from pathlib import Path\n"
        "from PySide6.QtCore import QSettings\n"
        "from PySide6.QtWidgets import QApplication\n"
        "import advocate_app.gui.app\n"
        "from advocate_app.core.session import Session\n"
        "from advocate_app.gui.window.main_window import MainWindow\n"
        "from advocate_app.gui.settings import WindowSettings\n"
        "app = QApplication([])\n"
        "folder = Path(tempfile.mkdtemp())\n"
        "settings = WindowSettings(QSettings(str(folder / 's.ini'), QSettings.Format.IniFormat))\n"
        "window = MainWindow(Session.open(folder), settings)\n"
        "window.show()\n"
        "heavy = ['bs4', 'jinja2', 'keyring', 'zipcodes', 'urllib.request', 'multiprocessing',"
        " 'platformdirs', 'importlib.metadata']\n"
        "print(sorted(name for name in heavy if name in sys.modules))"
    )
    result = run_python(code)
    assert result.returncode == 0, result.stderr[-500:]
    assert result.stdout.strip() == "[]"
