"""A sitting: every open action in the library that asks the reader to contact one of their
officials, one item per official and action, newest article first. Done actions, and those
where that official was already reached (a letter sent, a call answered), are left out."""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from advocate_app.core.articles.model import TargetKind
from advocate_app.core.officials.model import MyOfficials, Need, OfficeKind, Official
from advocate_app.core.store.library import Library

# The kinds of target each office answers to; DC's and the territories' Delegate speaks for
# them where senators are asked for too.
ANSWERS_TO = {
    OfficeKind.SENATOR: {TargetKind.SENATORS},
    OfficeKind.REPRESENTATIVE: {TargetKind.REPRESENTATIVE},
    OfficeKind.DELEGATE: {TargetKind.REPRESENTATIVE, TargetKind.SENATORS},
    OfficeKind.PRESIDENT: {TargetKind.WHITE_HOUSE},
}


class SittingItem(NamedTuple):  # a tuple: tens of thousands in a large library
    article_id: int
    article_title: str
    action_number: int
    action_title: str
    official: Official

    @property
    def key(self) -> str:
        """Which item this is, across sittings (to come back to it)."""
        return f"{self.article_id}:{self.action_number}:{self.official.key}"


@dataclass(frozen=True)
class Sitting:
    items: tuple[SittingItem, ...]
    officials: tuple[Official, ...]  # whom it is for
    notes: tuple[str, ...] = ()  # who is missing, and why
    needs: tuple[Need, ...] = ()


def sitting_officials(officials: MyOfficials, key: str | None = None) -> list[Official]:
    """The reader's officials a sitting can be about (one, by `key`, or all): those who hold
    the office today and whom actions ask for; never the candidates of an undecided ZIP."""
    people = [*officials.senators, officials.representative, officials.president]
    people = [p for p in people if p is not None and p.current and p.kind in ANSWERS_TO]
    return [p for p in people if key in (None, "all", p.key)]


def build_sitting(library: Library, officials: MyOfficials, key: str | None = None) -> Sitting:
    people = sitting_officials(officials, key)
    notes: list[str] = []
    if Need.DISTRICT in officials.needs and key in (None, "all"):
        notes.append(
            "Your ZIP code is split between districts: once you choose your district, your "
            "representative's actions join the sitting."
        )
    if (
        key in (None, "all")
        and people
        and (
            Need.DIRECTORY in officials.needs
            or Need.STATE in officials.needs
            or Need.ZIP in officials.needs
        )
    ):
        notes.append(
            "Your senators and representative are not known yet: give your state and ZIP "
            "code, and get the directory of officials, and their actions join the sitting."
        )
    if not people:
        notes.append(
            "None of your officials is known yet: give your state and ZIP code, and get the "
            "directory of officials."
            if key in (None, "all")
            else "That official is not among the people who serve you today."
        )
    reached = library.tracking.reached_keys()
    # Whom an action asks for depends only on the kinds it names: worked out once for each
    # set of kinds (a handful), not once per action (hundreds of thousands).
    asked: dict[tuple[str, ...], list[tuple[Official, str]]] = {}
    items: list[SittingItem] = []
    append = items.append
    make = SittingItem._make  # tuple.__new__ underneath: half the cost of SittingItem(...)
    for article_id, uid, article_title, number, title, targets in library.tracking.open_actions():
        people_asked = asked.get(targets)
        if people_asked is None:
            people_asked = asked[targets] = [
                (person, person.key) for person in people if ANSWERS_TO[person.kind] & set(targets)
            ]
        for person, key in people_asked:
            if reached and (uid, number, key) in reached:
                continue
            append(make((article_id, article_title, number, title, person)))
    return Sitting(tuple(items), tuple(people), tuple(notes), officials.needs)


def count_sitting(library: Library, officials: MyOfficials) -> int:
    """How many items a sitting with all of the reader's officials would hold (the same as
    `len(build_sitting(...).items)`), counted by the store without building the queue."""
    return sum(
        library.tracking.count_open(
            tuple(sorted(str(kind) for kind in ANSWERS_TO[person.kind])), person.key
        )
        for person in sitting_officials(officials)
    )
