"""Officials as the rest of the app sees them: one enum of offices, and plain records."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from enum import StrEnum
from typing import Any


class OfficeKind(StrEnum):
    SENATOR = "senator"
    REPRESENTATIVE = "representative"  # includes Delegates and the Resident Commissioner
    PRESIDENT = "president"
    VICE_PRESIDENT = "vice_president"
    OTHER = "other"  # a recipient an article names: an organisation, a mailbox


WHITE_HOUSE_KINDS = (OfficeKind.PRESIDENT, OfficeKind.VICE_PRESIDENT)


@dataclass(frozen=True)
class Office:
    city: str
    address: str
    phone: str


@dataclass(frozen=True)
class Official:
    name: str
    title: str  # Senator, Representative, Delegate, Resident Commissioner, President…
    salutation: str  # "Dear Senator Cantwell"
    kind: OfficeKind
    party: str = ""
    state: str = ""
    district: int | None = None
    phone: str = ""
    contact_url: str = ""
    website: str = ""
    office_address: str = ""
    district_offices: tuple[Office, ...] = ()
    bioguide: str = ""
    placeholder: bool = False  # "Your Senator": stands for someone the directory could not name

    @property
    def key(self) -> str:
        """A stable identity: the bioguide id, else the office and its address or name."""
        if self.bioguide:
            return self.bioguide
        if self.kind in WHITE_HOUSE_KINDS and not self.placeholder:
            return f"white-house:{self.kind}"
        return f"{self.kind}:{self.contact_url or self.name}"

    @property
    def display_name(self) -> str:
        """ "Senator Patty Murray"; an organisation by its name alone."""
        return f"{self.title} {self.name}".strip()

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["kind"] = str(self.kind)
        data["district_offices"] = [asdict(o) for o in self.district_offices]
        return data


@dataclass(frozen=True)
class MyOfficials:
    senators: tuple[Official, ...] = ()
    representative: Official | None = None
    district_candidates: tuple[Official, ...] = ()
    president: Official | None = None
    vice_president: Official | None = None
    notes: tuple[str, ...] = field(default=())

    def everyone(self) -> list[Official]:
        """Every official found, in the order the window lists them."""
        people = [*self.senators, self.representative, *self.district_candidates]
        people += [self.president, self.vice_president]
        return [person for person in people if person is not None]

    def to_dict(self) -> dict[str, Any]:
        return {
            "senators": [s.to_dict() for s in self.senators],
            "representative": self.representative.to_dict() if self.representative else None,
            "district_candidates": [c.to_dict() for c in self.district_candidates],
            "president": self.president.to_dict() if self.president else None,
            "vice_president": self.vice_president.to_dict() if self.vice_president else None,
            "notes": list(self.notes),
        }
