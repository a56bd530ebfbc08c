"""Sittings and the call desk's facts: the queue of open actions per official, office hours
and time zones at fixed moments, every number of an office nearest first, the call script."""

from __future__ import annotations

from datetime import datetime, time
from zoneinfo import ZoneInfo

import pytest

from advocate_app.core.articles.text_parser import parse_text
from advocate_app.core.letters.call_script import call_script
from advocate_app.core.letters.compose import Letter
from advocate_app.core.letters.routes import Route
from advocate_app.core.letters.templates import LetterTemplates
from advocate_app.core.officials.model import MyOfficials, Need, Office, OfficeKind, Official
from advocate_app.core.officials.office_hours import parse_hours
from advocate_app.core.officials.phone_book import WASHINGTON, open_note, phone_lines
from advocate_app.core.session import Session
from advocate_app.core.sittings import build_sitting, count_sitting
from advocate_app.core.store.tracking import CallOutcome
from tests.support.data import ADA, OFFICIALS, SITE_TITLE

SENATOR = OFFICIALS.senators[0]


@pytest.mark.parametrize(
    ("written", "described"),
    [
        ("Monday-Friday 9:00AM-5:00PM", "Mon–Fri 09:00–17:00"),
        ("M-F 9-5:30pm", "Mon–Fri 09:00–17:30"),
        ("8:30 am to 5:00 pm", "Mon–Fri 08:30–17:00"),
        ("Monday through Friday, 9 a.m. to 5 p.m.", "Mon–Fri 09:00–17:00"),
        ("Monday - Friday 8:00 a.m. CST to 5:30 p.m. CST", "Mon–Fri 08:00–17:30"),
        ("M-F 8:30am-430pm", "Mon–Fri 08:30–16:30"),
        ("Tue-Thu 10am-2pm", "Tue–Thu 10:00–14:00"),
        ("Only open Tuesdays and Thursdays", "Tue, Thu 09:00–17:00 (typical hours)"),
        ("By appointment only", "Mon–Fri 09:00–17:00, by appointment (typical hours)"),
        ("", "Mon–Fri 09:00–17:00 (typical hours)"),
        ("open 25:99-3 whenever", "Mon–Fri 09:00–17:00 (typical hours)"),  # malformed
        ("5pm-9am", "Mon–Fri 09:00–17:00 (typical hours)"),  # backwards
    ],
)
def test_office_hours_are_read_leniently_or_said_to_be_typical(written, described):
    assert parse_hours(written).describe() == described


def office(city: str, zip_code: str, state: str, phone: str, hours: str = "") -> Office:
    return Office(city, f"1 Main St, {city}", phone, state=state, zip=zip_code, hours=hours)


FLORIDA = Official(
    "Rick Pine", "Senator", "Dear Senator Pine", OfficeKind.SENATOR, state="FL",
    phone="202-224-5274", last_name="Pine", bioguide="F001",
    district_offices=(
        office("Miami", "33131", "FL", "305-536-7293", "Mon-Fri 9am-5pm"),
        office("Pensacola", "32502", "FL", "850-433-2603", "Mon-Fri 8am-4:30pm"),
        office("Nowhere", "", "FL", ""),  # no number: left out
    ),
)  # fmt: skip


def at(year, month, day, hour, minute, zone):  # noqa: ANN001, ANN201
    return datetime(year, month, day, hour, minute, tzinfo=ZoneInfo(zone))


def test_every_number_nearest_first_with_its_own_time_zone():
    lines = phone_lines(FLORIDA, reader_zip="32503")  # a reader in Pensacola
    assert [line.place for line in lines] == ["Pensacola", "Miami", WASHINGTON]
    assert lines[0].zone == "America/Chicago" and lines[1].zone == "America/New_York"
    assert lines[0].tel == "tel:+18504332603"
    assert lines[0].miles < 5 < lines[1].miles
    far = phone_lines(FLORIDA, reader_zip="98101")  # Seattle: Washington is nearer than FL?
    assert {line.place for line in far} == {"Pensacola", "Miami", WASHINGTON}


def test_open_or_closed_at_fixed_moments_in_two_time_zones_of_one_state():
    lines = phone_lines(FLORIDA, reader_zip="32503")
    pensacola, miami, washington = lines
    # Tuesday 4:45 pm in Miami is 3:45 pm in Pensacola: both open.
    tuesday = at(2026, 12, 1, 16, 45, "America/New_York")
    assert miami.open_at(tuesday) and pensacola.open_at(tuesday)
    # 5:10 pm in Miami (4:10 pm in Pensacola): Miami and Washington closed, Pensacola open.
    later = at(2026, 12, 1, 17, 10, "America/New_York")
    assert not miami.open_at(later) and not washington.open_at(later)
    assert pensacola.open_at(later)
    assert open_note(lines, later) == (
        "Washington is closed now (Tue 5:10 PM there); the Pensacola office is likely open "
        "(Tue 4:10 PM there)."
    )
    # 4:40 pm in Pensacola: it closed at 4:30; all closed.
    evening = at(2026, 12, 1, 16, 40, "America/Chicago")
    assert not any(line.open_at(evening) for line in lines)
    assert open_note(lines, evening).startswith("The offices are likely closed now")
    # A Saturday morning: closed everywhere, whatever the hour.
    assert not any(line.open_at(at(2026, 11, 28, 11, 0, "America/New_York")) for line in lines)
    morning = at(2026, 12, 2, 9, 30, "America/New_York")
    assert open_note(lines, morning).startswith("The Washington office is likely open")
    assert pensacola.local(morning).time() == time(8, 30) and pensacola.open_at(morning)


def test_an_office_without_numbers_says_what_to_do():
    bare = Official("No Phone", "Senator", "Dear Senator Phone", OfficeKind.SENATOR)
    assert phone_lines(bare) == []
    assert "use its contact page" in open_note([], at(2026, 12, 1, 10, 0, "UTC"))


def test_the_call_script_is_the_readers_voice_for_each_action(seed_text):
    first, second = parse_text(seed_text("000")), parse_text(seed_text("001"))
    script = call_script(
        [(first, first.actions[7]), (second, second.actions[1])],
        SENATOR,
        ADA,
        LetterTemplates(None),
    )
    assert script.startswith(
        "Hello, my name is Ada Lovelace, and I am a constituent in Seattle, WA 98101."
    )
    assert "I urge Senator Cantwell to support legislation that imposes" in script
    assert "reported by politico.com" in script and "reported by maitlandmercury" in script
    assert "Contact Your Senators" not in script and "What to Say" not in script
    assert "You can reach me at 206-555-0100." in script
    quiet = call_script([(second, second.actions[1])], SENATOR, ADA, LetterTemplates(None),
                        no_response=True)  # fmt: skip
    assert "I don't need a response" in quiet and "reach me" not in quiet


def test_a_sample_letter_gives_the_script_its_asks_when_the_action_has_none():
    todo = (
        "1. **Write to the White House**: - **Sample Message**: ``` Dear Mr. President, I urge "
        "you to protect the national parks. They belong to all of us. Sincerely, [Your Name] ```"
    )
    article = parse_text(
        "Parks\n\nexample.org -- Tuesday, March 4, 2025, 10:05:00 AM Eastern Standard Time\n"
        "Categories: Parks\nText.\n\nTo Do:\n\n" + todo
    )
    script = call_script([(article, article.actions[0])], OFFICIALS.president, ADA,
                         LetterTemplates(None))  # fmt: skip
    assert "I urge you to protect the national parks." in script
    assert "[Your Name]" not in script and "Sincerely" not in script


def letter_to(official: Official) -> Letter:
    return Letter(official, "S", "Body", Route.COPY, "", None, (), ())


def test_a_sitting_holds_every_open_action_for_each_official(library_path):
    with Session.open(library_path.parent) as session:
        officials = OFFICIALS  # two senators, a representative, the President
        sitting = build_sitting(session.library, officials)
        items = [(i.article_title[:20], i.action_number, i.official.name) for i in sitting.items]
        site = next(s.id for s in session.library.list() if s.title == SITE_TITLE)
        assert (SITE_TITLE[:20], 2, "Maria Cantwell") in items
        assert (SITE_TITLE[:20], 5, "Donald Trump") in items
        newest_first = [i.article_id for i in sitting.items]
        assert newest_first == sorted(newest_first, key=newest_first.index)  # grouped
        count = len(sitting.items)
        assert count_sitting(session.library, officials) == count  # the reminder's number

        session.set_done(site, 5, True)  # done: out of every queue
        letter = session.deliver_letter(site, 2, letter_to(OFFICIALS.senators[0]), Route.COPY)
        assert len(build_sitting(session.library, officials).items) == count - 1  # not sent yet
        session.mark_letter_sent(letter)  # Cantwell reached for action 2: out, Alder stays
        session.log_call(site, 2, OFFICIALS.senators[1], CallOutcome.UNAVAILABLE)  # not reached
        after = build_sitting(session.library, officials).items
        assert len(after) == count - 2
        assert count_sitting(session.library, officials) == count - 2
        mine = [(i.action_number, i.official.name) for i in after if i.article_id == site]
        assert (2, "Maria Cantwell") not in mine and (2, "Patty Murray") in mine

        one = build_sitting(session.library, officials, OFFICIALS.senators[1].key)
        assert {i.official.name for i in one.items} == {"Patty Murray"}
        session.delete([site])
        left = build_sitting(session.library, officials).items
        assert all(i.article_id != site for i in left)
        assert count_sitting(session.library, officials) == len(left)


def test_a_delegate_counts_once_for_an_action_asking_for_senators_and_a_representative(
    library_path,
):
    delegate = Official(
        "Eleanor Holmes Norton", "Delegate", "Dear Delegate Norton", OfficeKind.DELEGATE,
        bioguide="N000147",
    )  # fmt: skip
    officials = MyOfficials(representative=delegate)
    with Session.open(library_path.parent) as session:
        items = build_sitting(session.library, officials).items
        keys = [(i.article_id, i.action_number) for i in items]
        assert items and len(keys) == len(set(keys))  # one item per action, not per target
        assert count_sitting(session.library, officials) == len(items)


def test_a_sitting_without_officials_or_with_a_split_zip_says_why(library_path):
    with Session.open(library_path.parent) as session:
        nobody = build_sitting(session.library, MyOfficials(needs=(Need.DIRECTORY,)))
        assert nobody.items == () and "None of your officials is known yet" in nobody.notes[0]
        split = MyOfficials(senators=OFFICIALS.senators, needs=(Need.DISTRICT,))
        sitting = build_sitting(session.library, split)
        assert "split between districts" in sitting.notes[0]
        assert {i.official.kind for i in sitting.items} == {OfficeKind.SENATOR}


def test_one_call_outcome_on_several_actions(library_path):
    with Session.open(library_path.parent) as session:
        site = next(s.id for s in session.library.list() if s.title == SITE_TITLE)
        other = next(s.id for s in session.library.list() if s.id != site)
        session.log_calls([(site, 2), (other, 1)], SENATOR, CallOutcome.CONTACTED)
        assert session.records(site)[2].reached == ("Senator Maria Cantwell",)
        assert session.records(other)[1].reached == ("Senator Maria Cantwell",)
        session.log_calls([(site, 5)], OFFICIALS.president, CallOutcome.BUSY)
        assert session.records(site)[5].reached == ()  # busy: still open
        by_outcome = session.activity().calls_by_outcome
        assert by_outcome == {"talked to someone": 2, "busy or the mailbox was full": 1}
