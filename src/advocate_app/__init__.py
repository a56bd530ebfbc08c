"""Advocate: read advocacy articles offline beside their action lists."""

from __future__ import annotations


def __getattr__(name: str) -> str:
    # Computed on first use: reading package metadata costs tens of milliseconds at start-up.
    if name == "__version__":
        from advocate_app.core.version import version

        return version()
    raise AttributeError(name)
