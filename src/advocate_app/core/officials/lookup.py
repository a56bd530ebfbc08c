"""Who the reader's officials are: senators by state, representative by district, and the
sitting president and vice president. A ZIP code split between districts is never guessed."""

from __future__ import annotations

from datetime import date
from typing import Any

from advocate_app.core.officials.choices import OfficialChoices
from advocate_app.core.officials.directory import Directory
from advocate_app.core.officials.model import MyOfficials, Office, OfficeKind, Official
from advocate_app.core.profile.model import STATES, Profile
from advocate_app.core.public_pages import (
    HOUSE_FIND,
    SENATE_FIND,
    WHITE_HOUSE_ADDRESS,
    WHITE_HOUSE_CONTACT,
    WHITE_HOUSE_PHONE,
    WHITE_HOUSE_SITE,
)

# Territories and DC send a non-voting member to the House and no senators.
DELEGATE_TITLES = {"PR": "Resident Commissioner"}
NO_SENATORS = {"DC", "PR", "GU", "VI", "AS", "MP"}


def state_for_zip(zip5: str) -> str | None:
    """The state of a ZIP code, from the offline `zipcodes` data; None if unknown."""
    import zipcodes  # its data loads on first use

    try:
        matches = zipcodes.matching(zip5)
    except (ValueError, TypeError):
        return None
    return matches[0]["state"] if matches else None


def find_officials(
    profile: Profile,
    directory: Directory | None,
    today: date | None = None,
    choices: OfficialChoices | None = None,
) -> MyOfficials:
    today = today or date.today()
    choices = choices or OfficialChoices()
    overrides = choices.contact_urls
    notes: list[str] = []
    if directory is None:
        return _typed_officials(profile, choices)
    state = profile.state.upper() or None
    if profile.zip5:
        zip_state = state_for_zip(profile.zip5)
        if zip_state is None:
            notes.append(f"The ZIP code {profile.zip5} is not a known U.S. ZIP code.")
        elif state and zip_state != state:
            notes.append(
                f"The ZIP code {profile.zip5} is in {zip_state}, but your state is {state}; "
                f"using {state}."
            )
        state = state or zip_state
    president = _executive(directory, "prez", today, "President")
    vice = _executive(directory, "viceprez", today, "Vice President")
    if not state:
        notes.append("Add your state or ZIP code to your details to find your officials.")
        return MyOfficials(president=president, vice_president=vice, notes=tuple(notes))
    if state not in STATES:
        notes.append(f"{state} is not a U.S. state or territory code.")
        return MyOfficials(president=president, vice_president=vice, notes=tuple(notes))

    senators = tuple(
        _legislator(p, overrides)
        for p in sorted(
            directory.senators(state), key=lambda p: p["term"].get("state_rank") != "senior"
        )
    )
    if not senators and state in NO_SENATORS:
        notes.append(f"{STATES[state]} has no U.S. senators.")

    representative = None
    candidates: tuple[Official, ...] = ()
    seats = directory.districts(state)
    if profile.district is not None:
        district = 0 if len(seats) == 1 and seats[0] == 0 else profile.district
        person = directory.representative(state, district)
        if person is None:
            notes.append(
                f"{STATES[state]} has no congressional district {profile.district}; "
                f"its districts are {', '.join(str(s) for s in seats) or 'unknown'}."
            )
        else:
            representative = _legislator(person, overrides)
    elif seats == [0]:  # at-large states and the delegates: one seat
        person = directory.representative(state, 0)
        representative = _legislator(person, overrides) if person else None
    elif profile.zip5:
        districts = [d for s, d in directory.zip_districts(profile.zip5) if s == state]
        people = [p for d in districts if (p := directory.representative(state, d))]
        if len(people) == 1:
            representative = _legislator(people[0], overrides)
        elif len(people) > 1:
            candidates = tuple(_legislator(p, overrides) for p in people)
            notes.append(
                f"The ZIP code {profile.zip5} is split between districts "
                f"{', '.join(str(d) for d in districts)}. Choose yours (set your district), or "
                f"look it up with your full address at {HOUSE_FIND}."
            )
        else:
            notes.append(
                f"The ZIP code {profile.zip5} is not in the district table; set your district, "
                f"or look it up at {HOUSE_FIND}."
            )
    else:
        notes.append("Add your ZIP code or district to find your representative.")
    return MyOfficials(senators, representative, candidates, president, vice, tuple(notes))


def _legislator(person: dict[str, Any], overrides: dict[str, str]) -> Official:
    term, name = person["term"], person["name"]
    full = name.get("official_full") or " ".join(
        part for part in (name.get("first"), name.get("last"), name.get("suffix")) if part
    )
    if term.get("type") == "sen":
        title, kind = "Senator", OfficeKind.SENATOR
    else:
        title = DELEGATE_TITLES.get(term.get("state", ""), "Representative")
        if term.get("state") in NO_SENATORS and title == "Representative":
            title = "Delegate"
        kind = OfficeKind.REPRESENTATIVE
    website = term.get("url") or ""
    offices = tuple(
        Office(
            city=o.get("city", ""),
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
            phone=o.get("phone", ""),
        )
        for o in person.get("offices", [])
    )
    return Official(
        name=full,
        title=title,
        salutation=f"Dear {title} {name.get('last', full)}",
        kind=kind,
        party=term.get("party", ""),
        state=term.get("state", ""),
        district=term.get("district"),
        phone=term.get("phone", ""),
        contact_url=overrides.get(person["bioguide"]) or contact_route(term),
        website=website,
        office_address=term.get("address", ""),
        district_offices=offices,
        bioguide=person["bioguide"],
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


def _executive(directory: Directory, kind: str, today: date, title: str) -> Official | None:
    person = directory.executive(kind, today)
    if person is None:
        return None
    name = person["name"]
    full = name.get("official_full") or f"{name.get('first', '')} {name.get('last', '')}".strip()
    return Official(
        name=full,
        title=title,
        salutation=f"Dear {title} {name.get('last', full)}",
        kind=OfficeKind.PRESIDENT if kind == "prez" else OfficeKind.VICE_PRESIDENT,
        party=person["term"].get("party", ""),
        phone=WHITE_HOUSE_PHONE,
        contact_url=WHITE_HOUSE_CONTACT,
        website=WHITE_HOUSE_SITE,
        office_address=WHITE_HOUSE_ADDRESS,
    )


def _typed_officials(profile: Profile, choices: OfficialChoices) -> MyOfficials:
    """Without a directory: the names the reader typed, and the public find-your-official pages."""
    state = profile.state.upper()
    senators = tuple(
        Official(
            name=name,
            title="Senator",
            salutation=f"Dear Senator {_last(name)}",
            kind=OfficeKind.SENATOR,
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
            state=state,
            district=profile.district,
            contact_url=HOUSE_FIND,
        )
        if choices.representative
        else None
    )
    note = (
        "There is no directory of officials yet: update it (Officials ▸ Update Directory…, "
        "or `advocate directory update`), or type your officials' names. Find them at "
        f"{SENATE_FIND} and {HOUSE_FIND}."
    )
    return MyOfficials(senators, representative, (), _white_house_fallback(), None, (note,))


def _last(name: str) -> str:
    parts = name.split()
    return parts[-1] if parts else name


def _white_house_fallback() -> Official:
    return Official(
        name="The President",
        title="President",
        salutation="Dear Mr. President",
        kind=OfficeKind.PRESIDENT,
        placeholder=True,
        phone=WHITE_HOUSE_PHONE,
        contact_url=WHITE_HOUSE_CONTACT,
        website=WHITE_HOUSE_SITE,
        office_address=WHITE_HOUSE_ADDRESS,
    )
