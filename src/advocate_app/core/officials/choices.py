"""What the reader set by hand: officials' names (for use without a directory) and their
own contact addresses for particular offices. Kept in a small JSON file in the data folder."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path

from advocate_app.core.fs import atomic_write

CHOICES_FILE = "officials.json"


@dataclass(frozen=True)
class OfficialChoices:
    senators: tuple[str, ...] = ()
    representative: str = ""
    contact_urls: dict[str, str] = field(default_factory=dict)  # bioguide id -> address


def load_choices(data_folder: Path) -> OfficialChoices:
    try:
        data = json.loads((data_folder / CHOICES_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return OfficialChoices()
    if not isinstance(data, dict):
        return OfficialChoices()
    return OfficialChoices(
        senators=tuple(str(s) for s in data.get("senators", ()) if str(s).strip())[:2],
        representative=str(data.get("representative") or ""),
        contact_urls={str(k): str(v) for k, v in dict(data.get("contact_urls") or {}).items()},
    )


def save_choices(data_folder: Path, choices: OfficialChoices) -> None:
    payload = asdict(choices)
    payload["senators"] = list(choices.senators)
    atomic_write(data_folder / CHOICES_FILE, json.dumps(payload, indent=2, ensure_ascii=False))
