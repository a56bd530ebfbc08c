"""Advocate: read advocacy articles offline beside their action lists."""

from __future__ import annotations

from importlib import metadata

try:
    __version__ = metadata.version("advocate-app")
except metadata.PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+source"
