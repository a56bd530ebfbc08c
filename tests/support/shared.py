"""Tests that read ../shared/: counted for the summary, and failed (not skipped) in CI when the
folder is missing."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REQUIRE_SHARED = "ADVOCATE_REQUIRE_SHARED"  # CI sets it
USERS: set[str] = set()


def need_shared(request: pytest.FixtureRequest, path: Path) -> Path:
    USERS.add(request.node.nodeid)
    if not path.exists():
        message = f"this test reads {path}, which is missing"
        if os.environ.get(REQUIRE_SHARED):
            pytest.fail(message)
        pytest.skip(message)
    return path
