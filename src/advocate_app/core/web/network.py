"""The reader's switch for all network access (pages, feeds and the directory), kept with the
library, and the check every download makes first."""

from __future__ import annotations

from advocate_app.core.store.library import Library

NETWORK_STATE_KEY = "network"


class NetworkOff(Exception):
    """The reader turned network access off; nothing was downloaded."""

    def __init__(self) -> None:
        super().__init__("network access is turned off (Work Offline)")


def network_allowed(library: Library) -> bool:
    return library.state(NETWORK_STATE_KEY) != "off"


def set_network_allowed(library: Library, allowed: bool) -> None:
    library.set_state(NETWORK_STATE_KEY, "on" if allowed else "off")


def require_network(library: Library) -> None:
    """Raise NetworkOff when the reader works offline."""
    if not network_allowed(library):
        raise NetworkOff()
