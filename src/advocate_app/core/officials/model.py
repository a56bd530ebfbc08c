"""Officials as the rest of the app sees them: one enum of offices, and plain records."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from enum import StrEnum
from typing import Any

from advocate_app.core.identity import official_key


class OfficeKind(StrEnum):
    SENATOR = "senator"
    REPRESENTATIVE = "representative"
    DELEGATE = "delegate"  # DC's and the territories' non-voting member (and the Resident
    #                        Commissioner of Puerto Rico): their voice in Congress
    PRESIDENT = "president"
    VICE_PRESIDENT = "vice_president"
    OTHER = "other"  # a recipient an article names: an organisation, a mailbox


WHITE_HOUSE_KINDS = (OfficeKind.PRESIDENT, OfficeKind.VICE_PRESIDENT)
HOUSE_KINDS = (OfficeKind.REPRESENTATIVE, OfficeKind.DELEGATE)


class SeatStatus(StrEnum):
    """Whether someone holds a seat today, as far as the directory knows."""

    FILLED = "filled"
    VACANT = "vacant"  # the data names no member for the seat: it is empty
    TERM_ENDED = "term_ended"  # the holder's term ended and the data knows no one newer


class Need(StrEnum):
    """What the reader (or the directory) must supply before every official can be named."""

    STATE = "state"  # the ZIP code lies in several states, or there is none
    ZIP = "zip"
    DISTRICT = "district"  # the ZIP code is split: choose, or find it from the address
    DIRECTORY = "directory"  # there is no directory yet
    UPDATE_DIRECTORY = "update_directory"  # its data has run out, or is of another Congress


@dataclass(frozen=True)
class Office:
    """A district office, as the public data describes it."""

    city: str
    address: str
    phone: str
    state: str = ""
    zip: str = ""
    latitude: float | None = None
    longitude: float | None = None
    hours: str = ""  # as the data writes them ("Mon-Fri 9am-5pm"), for about a fifth


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
    seat_status: SeatStatus = SeatStatus.FILLED
    term_start: str = ""  # YYYY-MM-DD, where the data says
    term_end: str = ""
    share: float | None = None  # of the reader's ZIP area in this district, when known
    last_name: str = ""  # the data's own surname, for greetings (never split from `name`)

    @property
    def current(self) -> bool:
        """Someone who holds the office today (not a vacant seat or an ended term)."""
        return self.seat_status is SeatStatus.FILLED and not self.placeholder

    @property
    def key(self) -> str:
        """A stable identity, the same in letters, calls and counts: the bioguide id; a fixed
        key for the White House; the address for a recipient an article names; else the office
        and the name as typed, without titles."""
        return official_key(self.kind, self.name, self.bioguide, self.contact_url)

    @property
    def display_name(self) -> str:
        """ "Senator Patty Murray"; an organisation by its name alone; "Vacant seat (CA-14)"."""
        if self.seat_status is SeatStatus.VACANT:
            return f"Vacant seat ({self.seat})"
        return f"{self.title} {self.name}".strip()

    @property
    def seat(self) -> str:
        from advocate_app.core.officials.congress import seat_label

        if self.kind in HOUSE_KINDS and self.state and self.district is not None:
            return seat_label(self.state, self.district)
        return self.state

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["kind"] = str(self.kind)
        data["seat_status"] = str(self.seat_status)
        data["vacant"] = self.seat_status is SeatStatus.VACANT
        data["district_offices"] = [asdict(o) for o in self.district_offices]
        return data


@dataclass(frozen=True)
class DirectoryStatus:
    """How current the directory is on the day asked about."""

    data_date: str
    data_congress: int
    congress_today: int
    zip_congress: int
    latest_term_end: str

    @property
    def out_of_date(self) -> bool:
        return bool(self.data_congress) and self.data_congress < self.congress_today

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "out_of_date": self.out_of_date}


@dataclass(frozen=True)
class MyOfficials:
    senators: tuple[Official, ...] = ()  # the ones serving today, never an ended term
    representative: Official | None = None  # serving today, in the reader's decided district
    district_candidates: tuple[Official, ...] = ()  # a split ZIP: every district it touches,
    #                                                 vacant ones too, the largest share first
    president: Official | None = None
    vice_president: Official | None = None
    notes: tuple[str, ...] = field(default=())
    state: str = ""
    district: int | None = None  # the reader's district, once decided
    district_source: str = ""  # how it was decided: "your choice", "your address", …
    open_seats: tuple[Official, ...] = ()  # the reader's seats nobody holds today (as known)
    needs: tuple[Need, ...] = ()
    directory: DirectoryStatus | None = None

    def everyone(self) -> list[Official]:
        """Every official serving today that was found, in the order the window lists them
        (a split ZIP's candidates included; vacant seats and ended terms not)."""
        people = [*self.senators, self.representative, *self.district_candidates]
        people += [self.president, self.vice_president]
        return [person for person in people if person is not None and person.current]

    @property
    def delegate(self) -> Official | None:
        """DC's or a territory's member of the House (who speaks for them there)."""
        rep = self.representative
        return rep if rep is not None and rep.kind is OfficeKind.DELEGATE else None

    def to_dict(self) -> dict[str, Any]:
        return {
            "state": self.state,
            "senators": [s.to_dict() for s in self.senators],
            "representative": self.representative.to_dict() if self.representative else None,
            "district": self.district,
            "district_source": self.district_source,
            "district_candidates": [c.to_dict() for c in self.district_candidates],
            "open_seats": [s.to_dict() for s in self.open_seats],
            "president": self.president.to_dict() if self.president else None,
            "vice_president": self.vice_president.to_dict() if self.vice_president else None,
            "needs": [str(n) for n in self.needs],
            "directory": self.directory.to_dict() if self.directory else None,
            "notes": list(self.notes),
        }
