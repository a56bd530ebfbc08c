"""Keep the profile in the system keychain, or in a file only the reader can read.

Everything is stored as one JSON secret, so a profile is written whole or not at all.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from advocate_app.core.fs import atomic_write
from advocate_app.core.profile.model import Profile

SERVICE = "Advocate"
ACCOUNT = "profile"
FALLBACK_FILE = "profile.json"


@dataclass(frozen=True)
class StoredProfile:
    profile: Profile
    in_keychain: bool
    notice: str | None = None  # say this to the reader (once) when the keychain was not used
    keychain: str | None = None  # the system keychain available, if any
    fallback_path: Path | None = None  # the private file used where there is no keychain
    notes: tuple[str, ...] = ()  # what saving changed beyond what was typed (a dropped district)
    unreadable: bool = False  # the keychain holds the details but would not give them

    @property
    def where(self) -> str:
        """Where these details came from, in words."""
        if self.unreadable:
            return "the system keychain, which could not be read just now"
        if self.in_keychain:
            return "the system keychain"
        if self.fallback_path is not None and self.fallback_path.exists():
            return str(self.fallback_path)
        return "nowhere yet"


class ProfileUnavailable(Exception):
    """The details cannot be changed safely now (the keychain would not give them)."""


class ProfileStore:
    """get/save with a visible "is this the system keychain?" answer and a private-file fallback."""

    def __init__(self, data_folder: Path) -> None:
        self.fallback_path = data_folder / FALLBACK_FILE

    def keychain_name(self) -> str | None:
        """The system keychain in use, or None where there is no secure one."""
        try:
            import keyring
            from keyring.backends import fail

            backend = keyring.get_keyring()
        except Exception:  # a broken keyring installation: treat as none
            return None
        if isinstance(backend, fail.Keyring) or getattr(backend, "priority", 0) < 1:
            return None
        return type(backend).__name__

    def load(self) -> StoredProfile:
        """The saved profile; an empty one when nothing was saved yet."""
        keychain = self.keychain_name()
        where = {"keychain": keychain, "fallback_path": self.fallback_path}
        if keychain is not None:
            try:
                import keyring

                secret = keyring.get_password(SERVICE, ACCOUNT)
                if secret:
                    return StoredProfile(Profile.from_dict(json.loads(secret)), True, **where)
            except Exception as exc:  # locked or denied: say why, and do not let a save go on
                return StoredProfile(
                    self._read_fallback(),
                    False,
                    f"The system keychain could not be read ({exc}).",
                    unreadable=True,
                    **where,
                )
        return StoredProfile(self._read_fallback(), keychain is not None, **where)

    def save(self, profile: Profile) -> StoredProfile:
        """Save to the keychain, else to the private file. Never loses the profile."""
        secret = json.dumps(profile.to_dict(), ensure_ascii=False)
        problem = None
        if self.keychain_name() is not None:
            try:
                import keyring

                keyring.set_password(SERVICE, ACCOUNT, secret)
            except Exception as exc:
                problem = f"The system keychain refused to store your details ({exc})."
            else:
                self._remove_fallback()  # one copy only, in the safer place
                return StoredProfile(profile, True, keychain=self.keychain_name())
        first_time = not self.fallback_path.exists()
        self._write_fallback(secret)
        notice = None
        if problem or first_time:  # said once, not on every save
            notice = (problem or "No system keychain is available on this computer.") + (
                f" Your details are saved in {self.fallback_path}, readable only by you."
            )
        return StoredProfile(
            profile,
            False,
            notice,
            keychain=self.keychain_name(),
            fallback_path=self.fallback_path,
        )

    def _read_fallback(self) -> Profile:
        try:
            data = json.loads(self.fallback_path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return Profile()
        except (OSError, ValueError):
            return Profile()
        return Profile.from_dict(data) if isinstance(data, dict) else Profile()

    def _write_fallback(self, secret: str) -> None:
        atomic_write(self.fallback_path, secret)  # readable only by the reader

    def _remove_fallback(self) -> None:
        self.fallback_path.unlink(missing_ok=True)
