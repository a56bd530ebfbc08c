"""Officials you can trust, checked against the real public data: every ZIP/state pair, vacant
seats, ended terms, the day the Congress changes, DC and the territories, greetings."""

from __future__ import annotations

import csv
import json
from collections import defaultdict
from dataclasses import replace
from datetime import date

import pytest

from advocate_app.core.articles.model import TargetKind
from advocate_app.core.articles.text_parser import parse_text
from advocate_app.core.letters.compose import compose_letters
from advocate_app.core.letters.recipients import Audience, plan_recipients
from advocate_app.core.letters.templates import LetterTemplates
from advocate_app.core.officials.congress import congress_on, house_seats
from advocate_app.core.officials.lookup import find_officials
from advocate_app.core.officials.model import Need, OfficeKind, SeatStatus
from advocate_app.core.profile.model import Profile
from tests.support.data import ADA

TODAY = date(2026, 11, 28)
VACANT = {("CA", 14), ("FL", 20), ("GA", 13), ("TX", 23)}  # no member in the shared data


@pytest.fixture(scope="module")
def zip_table(shared_data_module):
    found: dict[tuple[str, str], set[int]] = defaultdict(set)
    with open(shared_data_module / "zip-districts" / "zccd.csv", encoding="utf-8") as source:
        for row in csv.DictReader(source):
            found[(row["zcta"], row["state_abbr"])].add(int(row["cd"]))
    return found


@pytest.fixture(scope="module")
def shared_data_module(request):
    from tests.support.paths import SHARED_DATA
    from tests.support.shared import need_shared

    return need_shared(request, SHARED_DATA)


@pytest.fixture(scope="module")
def current_senators(shared_data_module):
    """Each state's senators on TODAY, worked out from the JSON on its own."""
    people = json.loads(
        (shared_data_module / "congress-legislators" / "legislators-current.json").read_text()
    )
    found: dict[str, set[str]] = defaultdict(set)
    day = TODAY.isoformat()
    for person in people:
        for term in person["terms"]:
            if term["type"] == "sen" and term["start"] <= day <= term["end"]:
                found[term["state"]].add(person["id"]["bioguide"])
    return found


def look(directory, today=TODAY, **details):  # noqa: ANN001, ANN201
    return find_officials(Profile(**details), directory, today=today)


def test_every_zip_and_state_of_the_district_table(real_directory, zip_table, current_senators):
    """No split ZIP returns one member; every vacant seat is reported as vacant; the senators
    are exactly the state's current ones; the districts are the table's."""
    reported_vacant: set[tuple[str, int]] = set()
    for (zip5, state), districts in zip_table.items():
        found = look(real_directory, state=state, zip=zip5)
        assert found.state == state, (zip5, state)
        assert {s.bioguide for s in found.senators} == current_senators.get(state, set()), state
        assert all(s.current for s in found.senators)
        if len(districts) > 1:
            assert found.representative is None, (zip5, state)
            assert {c.district for c in found.district_candidates} == districts, (zip5, state)
            assert Need.DISTRICT in found.needs
            for candidate in found.district_candidates:
                vacant = (state, candidate.district) in VACANT
                assert (candidate.seat_status is SeatStatus.VACANT) == vacant, (zip5, candidate)
                if vacant:
                    reported_vacant.add((state, candidate.district))
            continue
        (district,) = districts
        assert found.district == district and not found.district_candidates, (zip5, state)
        if (state, district) in VACANT:
            assert found.representative is None
            (seat,) = [s for s in found.open_seats if s.kind is not OfficeKind.SENATOR]
            assert seat.seat_status is SeatStatus.VACANT and seat.district == district
            assert any("is vacant" in note for note in found.notes)
            reported_vacant.add((state, district))
        else:
            assert found.representative is not None and found.representative.current
            assert (found.representative.state, found.representative.district) == (state, district)
    assert reported_vacant == VACANT


def test_a_split_zip_touching_a_vacant_seat_lists_both(real_directory):
    found = look(real_directory, state="CA", zip="95391")
    assert found.representative is None
    statuses = {c.district: c.seat_status for c in found.district_candidates}
    assert statuses == {9: SeatStatus.FILLED, 14: SeatStatus.VACANT}
    three = look(real_directory, state="GA", zip="30012")
    assert {c.district for c in three.district_candidates} == {4, 10, 13}


def test_a_zip_wholly_in_a_vacant_district_is_told_so(real_directory):
    found = look(real_directory, state="CA", zip="94541")
    assert found.representative is None and found.district == 14
    assert any(
        "Your district, CA-14, is vacant" in note and "Clerk of the House" in note
        for note in found.notes
    )
    assert len(found.senators) == 2  # the senators still represent the reader
    chosen = look(real_directory, state="CA", zip="95391", district=14)
    assert chosen.district == 14 and chosen.representative is None
    assert not any("has no congressional district" in note for note in chosen.notes)


def test_ended_terms_are_not_presented_as_current(real_directory):
    found = look(real_directory, state="OH", zip="43215")
    assert [s.name for s in found.senators] == ["Bernie Moreno"]
    (gone,) = found.open_seats
    assert gone.name == "Jon Husted" and gone.seat_status is SeatStatus.TERM_ENDED
    assert Need.UPDATE_DIRECTORY in found.needs
    assert any("ended on November 3, 2026" in note for note in found.notes)
    before = look(real_directory, today=date(2026, 11, 2), state="OH", zip="43215")
    assert {s.name for s in before.senators} == {"Bernie Moreno", "Jon Husted"}


def test_the_day_the_120th_congress_begins(real_directory):
    day = date(2027, 1, 4)
    assert congress_on(day) == 120
    found = look(real_directory, today=day, state="WA", zip="98103")  # wholly in WA-7
    assert found.representative is None  # every House term of the data ended on 2027-01-03
    (seat,) = [s for s in found.open_seats if s.kind is OfficeKind.REPRESENTATIVE]
    assert seat.seat_status is SeatStatus.TERM_ENDED and seat.name == "Pramila Jayapal"
    assert found.directory is not None and found.directory.out_of_date
    assert any("120th Congress sits now" in note for note in found.notes)
    assert {s.name for s in found.senators} == {"Maria Cantwell", "Patty Murray"}
    texas = look(real_directory, today=day, state="TX", zip="75001")
    assert any("drew new districts" in note for note in texas.notes)
    assert Need.DISTRICT in texas.needs
    calm = look(real_directory, state="TX", zip="75001")  # in 2026 the table is right
    assert not any("drew new districts" in note for note in calm.notes)


def test_after_the_last_presidential_term_the_office_is_named_not_the_person(real_directory):
    day = date(2029, 1, 21)
    found = look(real_directory, today=day, state="WA", zip="98104")
    assert found.president is not None and found.president.name == "The President"
    assert found.president.salutation == "To the President of the United States"
    assert found.vice_president is None
    assert any("names no President after January 20, 2029" in n for n in found.notes)
    on_2026 = look(real_directory, state="WA", zip="98104")
    assert on_2026.president.name == "Donald Trump"
    assert on_2026.president.salutation == "Dear President Trump"


def test_dc_and_the_territories_have_a_delegate_not_senators(real_directory, seed_text):
    article = parse_text(seed_text("001"))
    senators_action = next(a for a in article.actions if TargetKind.SENATORS in a.target_kinds)
    for state, zip5, name in (
        ("DC", "20001", "Eleanor Holmes Norton"),
        ("PR", "00601", "Pablo José Hernández"),
        ("GU", "96910", "James C. Moylan"),
    ):
        found = look(real_directory, state=state, zip=zip5)
        assert found.senators == () and found.representative.name == name
        assert found.representative.kind is OfficeKind.DELEGATE
        assert any("has no U.S. senators" in note for note in found.notes)
        plan = plan_recipients(senators_action, found, Audience.SENATORS)
        assert plan.recipients == ()  # never a letter to "Senator"
        assert [p.name for p in plan.offered] == [name]
        assert any("has no U.S. senators" in n and name in n for n in plan.notes)
    assert look(real_directory, state="PR", zip="00601").representative.title == (
        "Resident Commissioner"
    )


def test_every_comma_named_member_is_greeted_once_by_surname(real_directory, seed_text):
    article = parse_text(seed_text("001"))
    action = article.actions[1]  # its sample greets "[Representative's Name]"
    seats = {
        "Bishop": ("GA", 2), "Johnson": ("GA", 4), "Pallone": ("NJ", 6), "King": ("ME", None),
        "Weber": ("TX", 14), "Beyer": ("VA", 8), "Kean": ("NJ", 7), "Cisneros": ("CA", 31),
        "Olszewski": ("MD", 2), "Onder": ("MO", 3), "Conaway": ("NJ", 3), "Bresnahan": ("PA", 8),
    }  # fmt: skip
    templates = LetterTemplates(None)
    for last, (state, district) in seats.items():
        found = look(real_directory, state=state, district=district)
        member = next(
            p for p in [*found.senators, found.representative] if p and p.last_name == last
        )
        assert "," in member.name
        (letter,) = compose_letters(
            article, action, found, ADA, templates, today=TODAY, recipients=[member]
        )
        greetings = [line for line in letter.body.splitlines() if line.startswith("Dear ")]
        assert greetings == [f"Dear {member.title} {last},"], (member.name, greetings)
        assert not letter.notes or all("greeted" not in n for n in letter.notes)


def test_moving_within_the_lookup_never_keeps_a_district_that_does_not_fit(real_directory):
    chosen = look(real_directory, state="WA", zip="98101", district=7, district_zip="98101")
    assert chosen.representative.name == "Pramila Jayapal"
    moved = look(real_directory, state="WA", zip="98052", district=7, district_zip="98101")
    assert moved.representative is None
    assert {c.district for c in moved.district_candidates} == {1, 8}
    assert any(
        "Your saved district 7 does not include the ZIP code 98052" in n for n in moved.notes
    )


def test_zip_codes_across_state_lines(real_directory):
    asked = look(real_directory, zip="30165")  # Alabama and Georgia
    assert asked.state == "" and Need.STATE in asked.needs
    assert any("lies in Alabama and Georgia" in n for n in asked.notes)
    assert asked.senators == () and asked.representative is None
    table_decides = look(real_directory, zip="81120")  # zipcodes: CO; the table: NM only
    assert table_decides.state == "NM"
    assert any("Census district table" in n and "Colorado" in n for n in table_decides.notes)
    colorado = look(real_directory, state="CO", zip="81120")
    assert colorado.representative is None and not colorado.district_candidates
    assert any("not in Colorado" in n for n in colorado.notes)
    assert Need.DISTRICT in colorado.needs


def test_the_house_seats_of_each_state_come_from_the_apportionment():
    assert house_seats("CA") == list(range(1, 53)) and house_seats("AK") == [0]
    assert house_seats("DC") == [0] and house_seats("XX") == []


def test_a_sample_greeting_the_president_properly_raises_no_note(real_directory, seed_text):
    article = parse_text(seed_text("001").replace("Dear President Biden", "Dear Mr. President", 1))
    white_house = next(a for a in article.actions if TargetKind.WHITE_HOUSE in a.target_kinds)
    found = look(real_directory, state="WA", zip="98104")
    (letter,) = compose_letters(
        article, white_house, found, ADA, LetterTemplates(None), today=TODAY
    )
    assert "\nDear President Trump,\n" in letter.body
    assert not any("greeted" in note for note in letter.notes)
    (templated,) = compose_letters(
        parse_text(seed_text("001")),
        white_house,
        found,
        ADA,
        LetterTemplates(None),
        template="white_house",
        today=TODAY,
    )
    assert not any("greeted" in note for note in templated.notes)  # the sample was not used


def test_an_organisation_is_greeted_by_name_never_by_an_address():
    page = (
        "Title\n\nexample.org -- Tuesday, March 4, 2025, 10:05:00 AM Eastern Standard Time\n"
        "Categories: Health\nText.\n\nTo Do:\n\n1. **Write to them**: - **Contact**: write "
        "to [info@cleanwater.example](mailto:info@cleanwater.example) - **Clean Water Action**:"
        " send a message at [their site](https://cleanwater.example/contact)\n"
    )
    action = parse_text(page).actions[0]
    from advocate_app.core.letters.recipients import other_recipients

    greetings = {o.contact_url: o.salutation for o in other_recipients(action)}
    assert greetings == {
        "mailto:info@cleanwater.example": "To whom it may concern",
        "https://cleanwater.example/contact": "Dear Clean Water Action",
    }


def test_the_split_zip_candidates_are_offered_not_chosen(real_directory, seed_text):
    article = parse_text(seed_text("001"))
    action = article.actions[1]
    found = look(real_directory, state="WA", zip="98101")
    plan = plan_recipients(action, found)
    assert [p.name for p in plan.recipients] == ["Patty Murray", "Maria Cantwell"]  # senior first
    assert {p.name for p in plan.offered} == {"Pramila Jayapal", "Adam Smith"}
    assert Need.DISTRICT in plan.needs
    decided = replace(found, representative=found.district_candidates[0], district_candidates=())
    assert len(plan_recipients(action, decided).recipients) == 3
