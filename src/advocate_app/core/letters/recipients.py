"""Who an action's letters go to, and whom the reader can call about it: one set of rules for
the composer, the action cards and the command line.

Letters go only to people who hold the office today. Where the directory cannot name them (a
vacant seat, data that has run out, a ZIP code split between districts, DC and the
territories asked to write to "your senators"), the plan says why and offers what the reader
can do instead; it never writes to a stand-in such as "Dear Senator".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from advocate_app.core.articles.model import Action, TargetKind
from advocate_app.core.officials.congress import NO_SENATORS
from advocate_app.core.officials.model import MyOfficials, Need, OfficeKind, Official
from advocate_app.core.profile.model import STATES


class Audience(StrEnum):
    """Which of an action's recipients to write to (`advocate letter --to`)."""

    ALL = "all"
    SENATORS = TargetKind.SENATORS.value
    REPRESENTATIVE = TargetKind.REPRESENTATIVE.value
    WHITE_HOUSE = TargetKind.WHITE_HOUSE.value


# Spellings earlier versions accepted, still understood.
AUDIENCE_ALIASES = {"white-house": Audience.WHITE_HOUSE}
ADDRESS_LIKE = re.compile(r"@|://|^www\.|^mailto:", re.IGNORECASE)
SPLIT_NOTE = (
    "Your ZIP code is split between districts: choose your district, or find it from your address."
)


def parse_audience(text: str) -> Audience:
    """An Audience from its name or an accepted old spelling; ValueError otherwise."""
    return AUDIENCE_ALIASES.get(text) or Audience(text)


@dataclass(frozen=True)
class RecipientPlan:
    recipients: tuple[Official, ...]  # letters are written to these
    offered: tuple[Official, ...] = ()  # listed for the reader to choose, not ticked
    notes: tuple[str, ...] = ()  # why someone is missing, and what to do
    needs: tuple[Need, ...] = ()


def plan_recipients(
    action: Action, officials: MyOfficials, audience: Audience = Audience.ALL
) -> RecipientPlan:
    """The people an action asks the reader to contact, within `audience`."""
    kinds = {t.kind for t in action.targets}
    chosen: list[Official] = []
    offered: list[Official] = []
    notes: list[str] = []
    needs: list[Need] = []

    def wanted(kind: TargetKind) -> bool:
        return kind in kinds and audience in (Audience.ALL, Audience(kind.value))

    if wanted(TargetKind.SENATORS):
        if officials.state in NO_SENATORS:
            delegate = officials.delegate
            name = STATES.get(officials.state, officials.state)
            text = f"{name} has no U.S. senators, so there is no letter to a senator."
            if delegate is not None:
                text += f" Its voice in Congress is its {delegate.title}, {delegate.name}."
                if not wanted(TargetKind.REPRESENTATIVE):
                    offered.append(delegate)
                    text += " Write to them instead."
            notes.append(text)
        elif officials.senators:
            chosen.extend(officials.senators)
        else:
            notes.append(_unknown("senators", officials))
            needs.extend(officials.needs or (Need.DIRECTORY,))
        if officials.state not in NO_SENATORS and 0 < len(officials.senators) < 2:
            notes.append("Only one of your senators is known today.")
    if wanted(TargetKind.REPRESENTATIVE):
        if officials.representative is not None and officials.representative.current:
            chosen.append(officials.representative)
        elif officials.district_candidates:
            offered.extend(c for c in officials.district_candidates if c.current)
            notes.append(SPLIT_NOTE)
            needs.append(Need.DISTRICT)
        elif vacancy := next(
            (s for s in officials.open_seats if s.kind is not OfficeKind.SENATOR), None
        ):
            notes.append(
                f"Your district, {vacancy.seat}, has no representative in the directory today; "
                "there is no letter to write there."
            )
        else:
            notes.append(_unknown("representative", officials))
            needs.extend(officials.needs or (Need.DIRECTORY,))
    if wanted(TargetKind.WHITE_HOUSE) and officials.president is not None:
        chosen.append(officials.president)
    if audience is Audience.ALL:
        chosen.extend(other_recipients(action))
    return RecipientPlan(
        tuple(_unique(chosen)),
        tuple(p for p in _unique(offered) if p.key not in {c.key for c in chosen}),
        tuple(dict.fromkeys(notes)),
        tuple(dict.fromkeys(needs)),
    )


def recipients_for(
    action: Action, officials: MyOfficials, audience: Audience = Audience.ALL
) -> list[Official]:
    """The people letters are written to (see plan_recipients for the rest of the answer)."""
    return list(plan_recipients(action, officials, audience).recipients)


def _unknown(who: str, officials: MyOfficials) -> str:
    if Need.DIRECTORY in officials.needs:
        return (
            f"Your {who} are not known yet: get the directory of officials, or type their names."
            if who == "senators"
            else f"Your {who} is not known yet: get the directory of officials, or type the name."
        )
    if Need.STATE in officials.needs or Need.ZIP in officials.needs:
        return f"Add your state and ZIP code to your details to find your {who}."
    return f"The directory cannot name your {who} today."


def other_recipients(action: Action) -> list[Official]:
    """Recipients outside government the action names, with the address it gave; greeted by
    their name, or "To whom it may concern" when the article gave only an address."""
    people = []
    for target in action.targets:
        if target.kind is not TargetKind.OTHER or not target.contact:
            continue
        name = (target.name or "").strip()
        named = bool(name) and not ADDRESS_LIKE.search(name)
        people.append(
            Official(
                name=name if named else target.contact.removeprefix("mailto:"),
                title="",
                salutation=f"Dear {name}" if named else "To whom it may concern",
                kind=OfficeKind.OTHER,
                contact_url=target.contact,
            )
        )
    return people


def _unique(people: list[Official]) -> list[Official]:
    found: dict[str, Official] = {}
    for person in people:
        found.setdefault(person.key, person)
    return list(found.values())


@dataclass(frozen=True)
class RecipientChoice:
    """The composer's list: everyone the reader might write to, who is ticked at first, and
    what to tell them about the rest."""

    everyone: tuple[Official, ...]
    chosen: frozenset[str]  # keys of the officials ticked
    notes: tuple[str, ...] = ()
    needs: tuple[Need, ...] = ()


def recipient_choice(
    action: Action, officials: MyOfficials, only: Official | None = None
) -> RecipientChoice:
    """The action's own recipients first (ticked), then those offered and the reader's other
    officials (not ticked); when `only` is given, just that official is ticked."""
    plan = plan_recipients(action, officials)
    people = [*plan.recipients, *plan.offered]
    if only is not None and only.key not in {p.key for p in people}:
        people.insert(0, only)
    chosen = {only.key} if only is not None else {p.key for p in plan.recipients}
    seen = {p.key for p in people}
    for official in officials.everyone():
        if official.kind is not OfficeKind.VICE_PRESIDENT and official.key not in seen:
            people.append(official)
            seen.add(official.key)
    return RecipientChoice(tuple(people), frozenset(chosen), plan.notes, plan.needs)


def call_candidates(action: Action, officials: MyOfficials) -> list[Official]:
    """Whom the reader can call about an action: the officials it asks to contact, and those
    offered (a split ZIP's candidates)."""
    plan = plan_recipients(action, officials)
    return [*plan.recipients, *plan.offered]
