"""Where the repository and the shared, read-only data are."""

from __future__ import annotations

from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
SHARED = REPO_ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
SHARED_DATA = SHARED / "data"
SCREENSHOTS = REPO_ROOT / "artifacts" / "screenshots"
