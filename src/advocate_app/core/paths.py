"""Where Advocate keeps its files, and where its bundled resources are."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "Advocate"
DATA_DIR_ENV = "ADVOCATE_DATA_DIR"
LIBRARY_FILE = "library.sqlite3"
DIRECTORY_FILE = "directory.sqlite3"  # the officials index (officials.directory)


def data_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    """The data folder: --data-dir, else $ADVOCATE_DATA_DIR, else the platform's user data dir."""
    if explicit:
        return Path(explicit).expanduser()
    from_env = os.environ.get(DATA_DIR_ENV)
    if from_env:
        return Path(from_env).expanduser()
    from platformdirs import user_data_dir  # only when no folder was given: it is slow to load

    return Path(user_data_dir(APP_NAME, appauthor=False))


def library_path(folder: Path) -> Path:
    return folder / LIBRARY_FILE


def bundled(name: str) -> Path:
    """A top-level folder shipped with the app: "resources" or "templates".

    An installed copy carries them inside the package (see pyproject.toml); an
    editable install or a source checkout finds them beside src/.
    """
    # The package's own folder (importlib.resources would say the same, and costs 5 ms to
    # load at every start); a PyInstaller bundle keeps the folders there too.
    package = Path(__file__).resolve().parent.parent
    packaged = package / name
    if packaged.is_dir():
        return packaged
    source_tree = package.parents[1] / name  # src/advocate_app -> the checkout
    if source_tree.is_dir():
        return source_tree
    raise FileNotFoundError(f"Advocate's {name} folder is missing from this installation")
