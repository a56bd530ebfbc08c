"""Who the reader's officials are on a given day: senators by state, the representative by
district, the President and Vice President by date.

It never guesses. A term counts only while start <= today <= end; a seat nobody holds is
reported as vacant (or, when the data has simply run out, as "update the directory"); a ZIP
code split between districts lists every one of them; a ZIP code that lies in several states
asks for the state.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from advocate_app.core.officials.choices import OfficialChoices
from advocate_app.core.officials.congress import (
    DELEGATE_TITLES,
    NO_SENATORS,
    REDRAWN,
    congress_on,
    house_seats,
    ordinal,
    seat_label,
)
from advocate_app.core.officials.directory import Directory
from advocate_app.core.officials.model import (
    DirectoryStatus,
    MyOfficials,
    Need,
    Office,
    OfficeKind,
    Official,
    SeatStatus,
)
from advocate_app.core.profile.model import STATES, Profile
from advocate_app.core.public_pages import (
    HOUSE_FIND,
    SENATE_FIND,
    WHITE_HOUSE_ADDRESS,
    WHITE_HOUSE_CONTACT,
    WHITE_HOUSE_PHONE,
    WHITE_HOUSE_SITE,
)
from advocate_app.core.store.directory_index import Term

UPDATE_HINT = "Update the directory of officials to see who holds it now."
_ZIP_STATES: dict[str, str] | None = None


def zipcodes_state(zip5: str) -> str | None:
    """The state the `zipcodes` package gives a ZIP code (its data loads on first use)."""
    global _ZIP_STATES
    if _ZIP_STATES is None:
        import zipcodes

        _ZIP_STATES = {z["zip_code"]: z["state"] for z in zipcodes.list_all()}
    return _ZIP_STATES.get(zip5)


def state_for_zip(zip5: str) -> str | None:
    """The state of a ZIP code, from the offline `zipcodes` data; None if unknown."""
    return zipcodes_state(zip5) if len(zip5) == 5 and zip5.isdigit() else None


def directory_status(directory: Directory, today: date) -> DirectoryStatus:
    info = directory.info()
    return DirectoryStatus(
        data_date=info.data_date,
        data_congress=info.data_congress,
        congress_today=congress_on(today),
        zip_congress=info.zip_congress,
        latest_term_end=info.latest_term_end,
    )


def current(terms: list[Term], today: date) -> list[Term]:
    """The terms that cover `today` (start <= today <= end), newest first."""
    day = today.isoformat()
    return sorted((t for t in terms if t.start <= day <= t.end), key=lambda t: t.start)[::-1]


def find_officials(
    profile: Profile,
    directory: Directory | None,
    today: date | None = None,
    choices: OfficialChoices | None = None,
) -> MyOfficials:
    today = today or date.today()
    choices = choices or OfficialChoices()
    if directory is None:
        return _typed_officials(profile, choices)
    return _Lookup(profile, directory, today, choices.contact_urls).run()


class _Lookup:
    """One answer, gathered with its notes and needs."""

    def __init__(
        self, profile: Profile, directory: Directory, today: date, overrides: dict[str, str]
    ) -> None:
        self.profile = profile
        self.directory = directory
        self.today = today
        self.overrides = overrides
        self.notes: list[str] = []
        self.needs: list[Need] = []
        self.open_seats: list[Official] = []

    def need(self, need: Need, note: str | None = None) -> None:
        if need not in self.needs:
            self.needs.append(need)
        if note:
            self.notes.append(note)

    def run(self) -> MyOfficials:
        status = directory_status(self.directory, self.today)
        if status.out_of_date:
            self.need(
                Need.UPDATE_DIRECTORY,
                f"The directory of officials is of the {ordinal(status.data_congress)} "
                f"Congress (data as of {status.data_date}); the "
                f"{ordinal(status.congress_today)} Congress sits now. Update the directory "
                "to see who serves today.",
            )
        president = self._executive("prez", "President")
        vice = self._executive("viceprez", "Vice President")
        state = self._state()
        if state is None:
            return self._answer(status, president, vice)
        senators = self._senators(state)
        representative, candidates, district, source = self._house(state, status)
        return self._answer(
            status,
            president,
            vice,
            state=state,
            senators=senators,
            representative=representative,
            candidates=candidates,
            district=district,
            source=source,
        )

    def _answer(
        self,
        status: DirectoryStatus,
        president: Official | None,
        vice: Official | None,
        *,
        state: str = "",
        senators: tuple[Official, ...] = (),
        representative: Official | None = None,
        candidates: tuple[Official, ...] = (),
        district: int | None = None,
        source: str = "",
    ) -> MyOfficials:
        return MyOfficials(
            senators=senators,
            representative=representative,
            district_candidates=candidates,
            president=president,
            vice_president=vice,
            notes=tuple(dict.fromkeys(self.notes)),
            state=state,
            district=district,
            district_source=source,
            open_seats=tuple(self.open_seats),
            needs=tuple(self.needs),
            directory=status,
        )

    # --- the state -------------------------------------------------------------------
    def _state(self) -> str | None:
        """The reader's state; a ZIP code's state only when the district table (which
        decides over the `zipcodes` package) gives it just one."""
        profile = self.profile
        state = profile.state.upper() or None
        zip5 = profile.zip5
        table_states = sorted({r.state for r in self.directory.zip_rows(zip5)}) if zip5 else []
        package_state = state_for_zip(zip5) if zip5 else None
        if state is not None and state not in STATES:
            self.need(Need.STATE, f"{state} is not a U.S. state or territory code.")
            return None
        if state is None and zip5:
            if len(table_states) > 1:
                names = " and ".join(STATES.get(s, s) for s in table_states)
                self.need(
                    Need.STATE,
                    f"The ZIP code {zip5} lies in {names}: add your state to your details.",
                )
                return None
            if table_states:
                state = table_states[0]
                if package_state and package_state != state:
                    self.notes.append(
                        f"The ZIP code {zip5} is in {STATES[package_state]} by the post "
                        f"office's list but in {STATES.get(state, state)} by the Census "
                        "district table; using the table. Add your state if that is wrong."
                    )
            elif package_state:
                state = package_state
            else:
                self.need(Need.ZIP, f"The ZIP code {zip5} is not a known U.S. ZIP code.")
                return None
        if state is None:
            self.need(Need.STATE, "Add your state or ZIP code to your details to find your "
                      "officials.")  # fmt: skip
            return None
        if zip5 and table_states and state not in table_states:
            where = " and ".join(STATES.get(s, s) for s in table_states)
            self.notes.append(
                f"The ZIP code {zip5} lies in {where} by the Census district table, not in "
                f"{STATES[state]}: check your ZIP code and state."
            )
        elif zip5 and not table_states and package_state and package_state != state:
            self.notes.append(
                f"The ZIP code {zip5} is in {STATES.get(package_state, package_state)}, but "
                f"your state is {STATES[state]}; using {STATES[state]}."
            )
        elif zip5 and not table_states and package_state is None:
            self.notes.append(f"The ZIP code {zip5} is not a known U.S. ZIP code.")
        return state

    # --- the Senate --------------------------------------------------------------------
    def _senators(self, state: str) -> tuple[Official, ...]:
        name = STATES[state]
        if state in NO_SENATORS:
            title = DELEGATE_TITLES[state]
            self.notes.append(
                f"{name} has no U.S. senators; its voice in Congress is its {title} in the House."
            )
            return ()
        terms = self.directory.terms(state, "sen")
        serving = current(terms, self.today)
        seen: set[str] = set()
        senators = []
        for term in sorted(
            serving, key=lambda t: (t.term.get("state_rank") != "senior", t.name.get("last", ""))
        ):
            if term.bioguide not in seen:
                seen.add(term.bioguide)
                senators.append(self._official(term))
        classes_serving = {t.term.get("class") for t in serving}
        # A seat's term has ended (rather than being held by someone the data knows) only when
        # it was its holder's latest term: old terms of people who moved on do not count.
        ended = [t for t in terms if t.latest and t.end < self.today.isoformat()]
        for seat_class in sorted({t.term.get("class") for t in ended} - classes_serving, key=str):
            last = max((t for t in ended if t.term.get("class") == seat_class), key=lambda t: t.end)
            gone = self._official(last, SeatStatus.TERM_ENDED)
            self.open_seats.append(gone)
            self.need(
                Need.UPDATE_DIRECTORY,
                f"The term of {gone.name} as a senator for {name} ended on "
                f"{long_day(last.end)}, and the directory does not know who holds the seat "
                f"now. {UPDATE_HINT}",
            )
        if len(senators) + len(self.open_seats) < 2:
            missing = 2 - len(senators) - len(self.open_seats)
            for _ in range(missing):
                self.open_seats.append(_vacant(state, None, "Senator", OfficeKind.SENATOR))
            self.notes.append(
                f"The directory names {'no senator' if not senators else 'one senator'} for "
                f"{name} today: {'a seat is' if missing == 1 else 'both seats are'} vacant "
                "or missing from its data."
            )
        return tuple(senators)

    # --- the House ---------------------------------------------------------------------
    def _house(
        self, state: str, status: DirectoryStatus
    ) -> tuple[Official | None, tuple[Official, ...], int | None, str]:
        profile = self.profile
        seats = house_seats(state)
        zip5 = profile.zip5
        rows = [r for r in self.directory.zip_rows(zip5) if r.state == state] if zip5 else []
        rows.sort(key=lambda r: (-(r.share or 0), r.district))
        zip_districts = [r.district for r in rows]
        shares = {r.district: r.share for r in rows}
        chosen, source = self._saved_district(state, seats, zip_districts)
        candidates: tuple[Official, ...] = ()
        if chosen is None:
            if seats == [0]:
                chosen, source = 0, "at-large"
            elif len(zip_districts) == 1:
                chosen, source = zip_districts[0], "your ZIP code"
            elif zip_districts:
                candidates = tuple(self._seat(state, d, shares.get(d)) for d in zip_districts)
                self.need(Need.DISTRICT, self._split_note(zip5, rows))
            elif zip5:
                self.need(
                    Need.DISTRICT,
                    f"The ZIP code {zip5} is not in the district table for {STATES[state]}; "
                    f"choose your district, find it from your address, or look it up at "
                    f"{HOUSE_FIND}.",
                )
            else:
                self.need(Need.ZIP, "Add your ZIP code or district to find your representative.")
        if source == "your ZIP code" or candidates:
            self._map_warning(state, status)
        if chosen is None:
            return None, candidates, None, ""
        seat = self._seat(state, chosen, shares.get(chosen))
        if seat.seat_status is SeatStatus.FILLED:
            return seat, candidates, chosen, source
        self.open_seats.append(seat)
        label = seat_label(state, chosen)
        if seat.seat_status is SeatStatus.VACANT:
            self.notes.append(
                f"Your district, {label}, is vacant. Until a successor is sworn in, the Clerk "
                "of the House runs its office; your senators still represent you."
            )
        else:
            self.need(
                Need.UPDATE_DIRECTORY,
                f"The term of {seat.name} ({label}) ended on {long_day(seat.term_end)}, and the "
                f"directory knows no one newer. {UPDATE_HINT}",
            )
        return None, candidates, chosen, source

    def _saved_district(
        self, state: str, seats: list[int], zip_districts: list[int]
    ) -> tuple[int | None, str]:
        """The district the reader saved, if it still fits their state and ZIP code."""
        profile = self.profile
        district = profile.district
        if district is None:
            return None, ""
        if seats == [0] and district in (0, 1):
            return 0, "at-large"
        if district not in seats:
            self.need(
                Need.DISTRICT,
                f"{STATES[state]} has no congressional district {district}; its districts are "
                f"{_ranges(seats)}.",
            )
            return None, ""
        fits = not zip_districts or district in zip_districts
        if not fits and profile.district_zip != profile.zip5:
            self.need(
                Need.DISTRICT,
                f"Your saved district {district} does not include the ZIP code {profile.zip5} "
                f"(districts {', '.join(map(str, sorted(zip_districts)))}); choose again.",
            )
            return None, ""
        return district, "your address" if profile.district_source == "address" else "your choice"

    def _split_note(self, zip5: str, rows: list[Any]) -> str:
        if all(r.share is not None for r in rows):
            parts = ", ".join(f"{r.district} ({round(100 * r.share)}% of its area)" for r in rows)
        else:
            parts = ", ".join(str(r.district) for r in sorted(rows, key=lambda r: r.district))
        return (
            f"The ZIP code {zip5} is split between districts {parts}. Choose yours, find it "
            f"from your address, or look it up at {HOUSE_FIND}."
        )

    def _map_warning(self, state: str, status: DirectoryStatus) -> None:
        today = status.congress_today
        if not status.zip_congress or status.zip_congress >= today:
            return
        redrawn = any(
            state in REDRAWN.get(c, ()) for c in range(status.zip_congress + 1, today + 1)
        )
        table = f"The ZIP code table describes the districts of the {ordinal(status.zip_congress)} "
        if redrawn:
            self.need(
                Need.DISTRICT,
                table + f"Congress, and {STATES[state]} drew new districts for the "
                f"{ordinal(today)}: a ZIP code may now lie in another district. Find your "
                "district from your address to be sure.",
            )
        else:
            self.notes.append(
                table + f"Congress; the {ordinal(today)} sits now. Update the directory, or "
                "find your district from your address to be sure."
            )

    def _seat(self, state: str, district: int, share: float | None) -> Official:
        terms = self.directory.terms(state, "rep", district)
        serving = current(terms, self.today)
        if serving:
            return self._official(serving[0], share=share)
        day = self.today.isoformat()
        ended = [t for t in terms if t.latest and t.end < day]  # not people who moved on
        if ended:
            return self._official(max(ended, key=lambda t: t.end), SeatStatus.TERM_ENDED, share)
        kind = OfficeKind.DELEGATE if state in NO_SENATORS else OfficeKind.REPRESENTATIVE
        title = DELEGATE_TITLES.get(state, "Representative")
        return _vacant(state, district, title, kind, share)

    # --- people ------------------------------------------------------------------------
    def _official(
        self, term: Term, status: SeatStatus = SeatStatus.FILLED, share: float | None = None
    ) -> Official:
        data, name = term.term, term.name
        full = name.get("official_full") or " ".join(
            part for part in (name.get("first"), name.get("last"), name.get("suffix")) if part
        )
        state = str(data.get("state", ""))
        if data.get("type") == "sen":
            title, kind = "Senator", OfficeKind.SENATOR
        elif state in NO_SENATORS:
            title, kind = DELEGATE_TITLES[state], OfficeKind.DELEGATE
        else:
            title, kind = "Representative", OfficeKind.REPRESENTATIVE
        offices = tuple(
            Office(
                city=str(o.get("city", "")),
                address=", ".join(
                    str(p)  # the data has numbers where text is expected (suite 247)
                    for p in (
                        o.get("building"),
                        o.get("address"),
                        o.get("suite"),
                        o.get("city"),
                        f"{o.get('state', '')} {o.get('zip', '')}".strip(),
                    )
                    if p
                ),
                phone=str(o.get("phone", "")),
                state=str(o.get("state", "")),
                zip=str(o.get("zip", ""))[:5],
                latitude=_coordinate(o.get("latitude")),
                longitude=_coordinate(o.get("longitude")),
                hours=str(o.get("hours", "") or "")[:200],
            )
            for o in term.offices
        )
        return Official(
            name=full,
            title=title,
            salutation=f"Dear {title} {name.get('last', full)}",
            kind=kind,
            party=str(data.get("party", "")),
            state=state,
            district=data.get("district"),
            phone=str(data.get("phone", "")),
            contact_url=self.overrides.get(term.bioguide) or contact_route(data),
            website=str(data.get("url") or ""),
            office_address=str(data.get("address", "")),
            district_offices=offices,
            bioguide=term.bioguide,
            seat_status=status,
            term_start=term.start,
            term_end=term.end,
            share=share,
            last_name=str(name.get("last", "")),
        )

    def _executive(self, kind: str, title: str) -> Official | None:
        terms = self.directory.executive(kind)
        day = self.today.isoformat()
        serving = [t for t in terms if t["term"]["start"] <= day <= t["term"]["end"]]
        if serving:
            person = max(serving, key=lambda t: t["term"]["start"])
            name = person["name"]
            full = name.get("official_full") or " ".join(
                part for part in (name.get("first"), name.get("last")) if part
            )
            return _white_house(
                full,
                title,
                kind,
                f"Dear {title} {name.get('last', full)}",
                person["term"],
                str(name.get("last", "")),
            )
        if kind != "prez":
            return None
        ended = max((t["term"]["end"] for t in terms), default="")
        self.need(
            Need.UPDATE_DIRECTORY,
            f"The directory names no President after {long_day(ended) if ended else 'its data'}."
            " Letters to the White House are addressed to the office; update the directory "
            "to greet the President by name.",
        )
        return _white_house("", title, kind, "To the President of the United States", {})


def _white_house(
    name: str,
    title: str,
    kind: str,
    salutation: str,
    term: dict[str, Any],
    last_name: str = "",
) -> Official:
    return Official(
        name=name or "The President",
        title=title if name else "",
        salutation=salutation,
        kind=OfficeKind.PRESIDENT if kind == "prez" else OfficeKind.VICE_PRESIDENT,
        party=str(term.get("party", "")),
        phone=WHITE_HOUSE_PHONE,
        contact_url=WHITE_HOUSE_CONTACT,
        website=WHITE_HOUSE_SITE,
        office_address=WHITE_HOUSE_ADDRESS,
        term_start=str(term.get("start", "")),
        term_end=str(term.get("end", "")),
        last_name=last_name,
    )


def _vacant(
    state: str, district: int | None, title: str, kind: OfficeKind, share: float | None = None
) -> Official:
    return Official(
        name="",
        title=title,
        salutation="",
        kind=kind,
        state=state,
        district=district,
        seat_status=SeatStatus.VACANT,
        share=share,
    )


def contact_route(term: dict[str, Any]) -> str:
    """The office's web form where the data has a usable one, else its site's contact page."""
    form = str(term.get("contact_form") or "").strip()
    if form.startswith(("http://", "https://")) and " " not in form:
        return form
    site = str(term.get("url") or "").strip().rstrip("/")
    if site.startswith(("http://", "https://")):
        # House and Senate sites keep their contact form at /contact.
        return site + "/contact"
    return SENATE_FIND if term.get("type") == "sen" else HOUSE_FIND


def long_day(iso: str) -> str:
    """ "2026-11-03" → "November 3, 2026"."""
    try:
        day = date.fromisoformat(iso)
    except ValueError:
        return iso
    return f"{day.strftime('%B')} {day.day}, {day.year}"


def _ranges(seats: list[int]) -> str:
    if seats == [0]:
        return "one at-large seat"
    return f"1 to {max(seats)}" if seats == list(range(1, max(seats) + 1)) else str(seats)


def _typed_officials(profile: Profile, choices: OfficialChoices) -> MyOfficials:
    """Without a directory: the names the reader typed, and the public find-your-official pages."""
    state = profile.state.upper()
    senators = tuple(
        Official(
            name=name,
            title="Senator",
            salutation=f"Dear Senator {_last(name)}",
            kind=OfficeKind.SENATOR,
            last_name=_last(name),
            state=state,
            contact_url=SENATE_FIND,
        )
        for name in choices.senators
    )
    representative = (
        Official(
            name=choices.representative,
            title="Representative",
            salutation=f"Dear Representative {_last(choices.representative)}",
            kind=OfficeKind.REPRESENTATIVE,
            last_name=_last(choices.representative),
            state=state,
            district=profile.district,
            contact_url=HOUSE_FIND,
        )
        if choices.representative
        else None
    )
    note = (
        "There is no directory of officials yet: get it, or type your officials' names. Find "
        f"them at {SENATE_FIND} and {HOUSE_FIND}."
    )
    return MyOfficials(
        senators,
        representative,
        (),
        _white_house("", "President", "prez", "To the President of the United States", {}),
        None,
        (note,),
        state=state,
        needs=(Need.DIRECTORY,),
    )


def _last(name: str) -> str:
    """The last word of a name the reader typed (there is no data to read the surname from),
    leaving out a suffix."""
    words = [w for w in name.replace(",", " ").split() if w.rstrip(".").lower() not in SUFFIXES]
    return words[-1] if words else name


SUFFIXES = {"jr", "sr", "ii", "iii", "iv", "v"}


def _coordinate(value: object) -> float | None:
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return number if -180.0 <= number <= 180.0 else None
