"""Set-up for the core's tests: the real public officials data, indexed once per module."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from advocate_app.core.officials.directory import open_directory, update_directory
from tests.support.paths import SHARED_DATA
from tests.support.shared import need_shared


@pytest.fixture(scope="module")
def real_index(tmp_path_factory, request) -> Path:
    """A data folder whose directory is built from ../shared/data (the 119th Congress)."""
    shared = need_shared(request, SHARED_DATA)
    source = tmp_path_factory.mktemp("real-source")
    for path in (shared / "congress-legislators").glob("*.json"):
        shutil.copy(path, source)
    shutil.copy(shared / "zip-districts" / "zccd.csv", source)
    folder = tmp_path_factory.mktemp("real-data")
    update_directory(folder, str(source))
    return folder


@pytest.fixture(scope="module")
def real_directory(real_index: Path):
    directory = open_directory(real_index)
    assert directory is not None
    yield directory
    directory.close()
