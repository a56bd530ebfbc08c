"""What the reader set by hand: officials' names (for use without a directory) and their
own contact addresses for particular offices. Kept in a small JSON file in the data folder."""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import asdict, dataclass, field
from pathlib import Path

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
    data_folder.mkdir(parents=True, exist_ok=True)
    payload = asdict(choices)
    payload["senators"] = list(choices.senators)
    handle, temporary = tempfile.mkstemp(prefix=".officials-", dir=data_folder)
    with os.fdopen(handle, "w", encoding="utf-8") as out:
        json.dump(payload, out, indent=2, ensure_ascii=False)
    os.replace(temporary, data_folder / CHOICES_FILE)
