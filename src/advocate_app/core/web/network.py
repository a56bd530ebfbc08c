"""The reader's switch for all network access, kept with the library."""

from __future__ import annotations

from advocate_app.core.store.library import Library

NETWORK_STATE_KEY = "network"


def network_allowed(library: Library) -> bool:
    return library.state(NETWORK_STATE_KEY) != "off"


def set_network_allowed(library: Library, allowed: bool) -> None:
    library.set_state(NETWORK_STATE_KEY, "on" if allowed else "off")
