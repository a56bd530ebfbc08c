"""Who an action's letters go to, and whom the reader can call about it: one set of rules for
the composer, the action cards and the command line."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from advocate_app.core.articles.model import Action, TargetKind
from advocate_app.core.officials.model import MyOfficials, OfficeKind, Official
from advocate_app.core.public_pages import HOUSE_FIND, SENATE_FIND, WHITE_HOUSE_CONTACT


class Audience(StrEnum):
    """Which of an action's recipients to write to (`advocate letter --to`)."""

    ALL = "all"
    SENATORS = TargetKind.SENATORS.value
    REPRESENTATIVE = TargetKind.REPRESENTATIVE.value
    WHITE_HOUSE = TargetKind.WHITE_HOUSE.value


# Spellings earlier versions accepted, still understood.
AUDIENCE_ALIASES = {"white-house": Audience.WHITE_HOUSE}


def parse_audience(text: str) -> Audience:
    """An Audience from its name or an accepted old spelling; ValueError otherwise."""
    return AUDIENCE_ALIASES.get(text) or Audience(text)


def recipients_for(
    action: Action, officials: MyOfficials, audience: Audience = Audience.ALL
) -> list[Official]:
    """The officials an action asks to contact (within `audience`), or placeholders standing
    for the ones the directory could not name."""
    chosen: list[Official] = []
    kinds = {t.kind for t in action.targets}

    def wanted(kind: TargetKind) -> bool:
        return kind in kinds and audience in (Audience.ALL, Audience(kind.value))

    if wanted(TargetKind.SENATORS):
        chosen.extend(
            officials.senators or [_placeholder("Senator", OfficeKind.SENATOR, SENATE_FIND)]
        )
    if wanted(TargetKind.REPRESENTATIVE):
        if officials.representative:
            chosen.append(officials.representative)
        elif officials.district_candidates:
            chosen.extend(officials.district_candidates)
        else:
            chosen.append(_placeholder("Representative", OfficeKind.REPRESENTATIVE, HOUSE_FIND))
    if wanted(TargetKind.WHITE_HOUSE):
        chosen.append(
            officials.president
            or _placeholder("President", OfficeKind.PRESIDENT, WHITE_HOUSE_CONTACT)
        )
    if audience is Audience.ALL:
        chosen.extend(other_recipients(action))
    return chosen


def other_recipients(action: Action) -> list[Official]:
    """Recipients outside government the action names, with the address it gave."""
    return [
        Official(
            name=target.name or target.contact,
            title="",
            salutation=f"Dear {target.name}" if target.name else "To whom it may concern",
            kind=OfficeKind.OTHER,
            contact_url=target.contact,
        )
        for target in action.targets
        if target.kind is TargetKind.OTHER and target.contact
    ]


def _placeholder(title: str, kind: OfficeKind, url: str) -> Official:
    salutation = "Dear Mr. President" if kind is OfficeKind.PRESIDENT else f"Dear {title}"
    return Official(
        name=f"Your {title}",
        title=title,
        salutation=salutation,
        kind=kind,
        contact_url=url,
        placeholder=True,
    )


@dataclass(frozen=True)
class RecipientChoice:
    """The composer's list: everyone the reader might write to, and who is ticked at first."""

    everyone: tuple[Official, ...]
    chosen: frozenset[str]  # keys of the officials ticked


def recipient_choice(
    action: Action, officials: MyOfficials, only: Official | None = None
) -> RecipientChoice:
    """The action's own recipients first (ticked), then the reader's other officials; when
    `only` is given, just that official is ticked."""
    people = recipients_for(action, officials)
    if only is not None and only.key not in {p.key for p in people}:
        people.insert(0, only)
    chosen = {only.key} if only is not None else {p.key for p in people}
    seen = {p.key for p in people}
    for official in officials.everyone():
        if official.kind is not OfficeKind.VICE_PRESIDENT and official.key not in seen:
            people.append(official)
            seen.add(official.key)
    return RecipientChoice(tuple(people), frozenset(chosen))


def call_candidates(action: Action, officials: MyOfficials) -> list[Official]:
    """Whom the reader can call about an action: the officials it asks to contact."""
    return recipients_for(action, officials)
