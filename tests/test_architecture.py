"""The shape of the code: layers, one owner of SQL, no import cycles, a core free of Qt; and an
installed copy that finds its resources and templates."""

from __future__ import annotations

import ast
import subprocess
import sys
import zipfile
from pathlib import Path

from tests.support.paths import REPO_ROOT


def run_python(code: str) -> subprocess.CompletedProcess[str]:
    """Run code in a fresh interpreter, so what it imports is not hidden by this one."""
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)


SRC = REPO_ROOT / "src"
PACKAGE = SRC / "advocate_app"


def module_name(path: Path) -> str:
    parts = path.relative_to(SRC).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules_under(folder: Path) -> list[str]:
    return sorted(module_name(path) for path in folder.rglob("*.py") if path.name != "__main__.py")


def imports_of(path: Path, top_level_only: bool) -> set[str]:
    """The advocate_app modules a file imports (at import time only, when asked)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()

    def visit(node: ast.AST, lazy: bool) -> None:
        for child in ast.iter_child_nodes(node):
            child_lazy = lazy or isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef))
            if isinstance(child, ast.If) and "TYPE_CHECKING" in ast.unparse(child.test):
                child_lazy = True  # only for the type checker
            if top_level_only and child_lazy:
                continue
            if isinstance(child, ast.Import):
                found.update(a.name for a in child.names if a.name.startswith("advocate_app"))
            elif isinstance(child, ast.ImportFrom) and (child.module or "").startswith(
                "advocate_app"
            ):
                for alias in child.names:
                    candidate = f"{child.module}.{alias.name}"
                    is_module = (SRC / candidate.replace(".", "/")).with_suffix(".py").exists()
                    found.add(candidate if is_module else str(child.module))
            visit(child, child_lazy)

    visit(tree, False)
    return found


def test_every_core_module_imports_without_qt():
    core = modules_under(PACKAGE / "core")
    assert len(core) > 30
    code = (
        "import sys\n"
        + "".join(f"import {name}\n" for name in core)
        + "print(sorted(m for m in sys.modules if m.startswith('PySide6')))"
    )
    result = run_python(code)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "[]"


def test_no_sql_outside_the_store():
    """Only core/store runs SQL: no execute calls, no sqlite3, anywhere else."""
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        if (PACKAGE / "core" / "store") in path.parents:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            called = isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
            if called and node.func.attr in {"execute", "executemany", "executescript"}:
                offenders.append(f"{module_name(path)}:{node.lineno} {node.func.attr}")
            if isinstance(node, (ast.Import, ast.ImportFrom)) and "sqlite3" in ast.unparse(node):
                offenders.append(f"{module_name(path)}:{node.lineno} imports sqlite3")
    assert offenders == []


def test_layers_import_only_downwards():
    """core imports neither cli nor gui; gui never imports cli; cli uses the window's code only
    to print letters to PDF."""
    problems = []
    for path in PACKAGE.rglob("*.py"):
        name = module_name(path)
        for target in imports_of(path, top_level_only=False):
            if name.startswith("advocate_app.core") and target.startswith(
                ("advocate_app.cli", "advocate_app.gui")
            ):
                problems.append(f"{name} -> {target}")
            if name.startswith("advocate_app.gui") and target.startswith("advocate_app.cli"):
                problems.append(f"{name} -> {target}")
            if (
                name.startswith("advocate_app.cli")
                and target.startswith("advocate_app.gui")
                and target != "advocate_app.gui.letters.printing"
            ):
                problems.append(f"{name} -> {target}")
    assert problems == []


def test_there_are_no_import_cycles():
    graph = {
        module_name(path): {
            target
            for target in imports_of(path, top_level_only=True)
            if target != module_name(path)
        }
        for path in PACKAGE.rglob("*.py")
    }
    cycles = []
    state: dict[str, int] = {}  # 1: on the current path, 2: done

    def visit(node: str, path: list[str]) -> None:
        state[node] = 1
        for target in sorted(graph.get(node, ())):
            if state.get(target) == 1:
                cycles.append(" -> ".join([*path[path.index(target) :], target]))
            elif target not in state:
                visit(target, [*path, target])
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node, [node])
    assert cycles == []


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
