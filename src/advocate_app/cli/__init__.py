"""The `advocate` command line: one module per feature over the core."""

from __future__ import annotations

from advocate_app.cli.run import main

__all__ = ["main"]
