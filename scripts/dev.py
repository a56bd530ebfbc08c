#!/usr/bin/env python3
"""Set up a virtual environment for Advocate and run the app, the CLI or the tests.

    python3 scripts/dev.py app [ARGS...]    set up, then start the desktop app
    python3 scripts/dev.py test [ARGS...]   set up, then run the test suite (headless)
    python3 scripts/dev.py cli [ARGS...]    set up, then run the `advocate` command
    python3 scripts/dev.py bench [ARGS...]  set up, then run the benchmarks

Safe to run again: the environment is reinstalled only when pyproject.toml changes.
Needs nothing but Python 3.11+ with pip and venv.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
STAMP = VENV / ".advocate-installed"


def venv_python() -> Path:
    if os.name == "nt":
        return VENV / "Scripts" / "python.exe"
    return VENV / "bin" / "python"


def requirements_fingerprint() -> str:
    return hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()


def ensure_environment() -> Path:
    """Create .venv and install the project (editable, with test extras) when needed."""
    if sys.version_info < (3, 11):  # noqa: UP036 - this script may be run by an older python3
        sys.exit(f"Advocate needs Python 3.11 or newer; this is {sys.version.split()[0]}.")
    python = venv_python()
    if not python.exists():
        print("Creating a virtual environment in .venv …", flush=True)
        venv.EnvBuilder(with_pip=True, clear=True).create(VENV)
    fingerprint = requirements_fingerprint()
    if not STAMP.exists() or STAMP.read_text(encoding="utf-8") != fingerprint:
        print("Installing Advocate and its dependencies into .venv …", flush=True)
        subprocess.run(
            [str(python), "-m", "pip", "install", "--quiet", "--upgrade", "pip"], check=True
        )
        subprocess.run(
            [str(python), "-m", "pip", "install", "--quiet", "-e", f"{ROOT}[test]"], check=True
        )
        STAMP.write_text(fingerprint, encoding="utf-8")
    return python


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in {"app", "test", "cli", "bench"}:
        print(__doc__)
        return 2
    command, rest = argv[0], argv[1:]
    try:
        python = ensure_environment()
    except subprocess.CalledProcessError as exc:
        print(
            f"Setting up .venv failed ({exc.returncode}); see the messages above.", file=sys.stderr
        )
        return 1
    env = dict(os.environ)
    if command == "app":
        args = [str(python), "-m", "advocate_app", *rest]
    elif command == "cli":
        args = [str(python), "-m", "advocate_app.cli", *rest]
    elif command == "bench":
        args = [str(python), str(ROOT / "benchmarks" / "run_benchmarks.py"), *rest]
    else:
        env["QT_QPA_PLATFORM"] = "offscreen"
        args = [str(python), "-m", "pytest", *rest]
    return subprocess.call(args, cwd=ROOT, env=env)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
