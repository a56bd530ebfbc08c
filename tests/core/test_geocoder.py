"""Finding the district from the street address with the Census geocoder, here a local server
that answers in the geocoder's JSON, and misbehaves on request."""

from __future__ import annotations

import re
import time
from dataclasses import replace
from datetime import date

import pytest

from advocate_app.core.officials.directory import update_directory
from advocate_app.core.officials.geocoder import GeocodeError, locate
from advocate_app.core.profile.model import Profile
from advocate_app.core.session import Session
from advocate_app.core.web.network import NetworkOff
from tests.support.data import ADA, write_directory
from tests.support.geocoder import Geocoder

TODAY = date(2026, 11, 28)


@pytest.fixture
def geocoder():
    running = Geocoder()
    yield running
    running.stop()


def at(street: str) -> Profile:
    return replace(ADA, street=street)


def test_an_address_gives_its_district(geocoder):
    located = locate(at("1301 2nd Ave"), geocoder.url)
    assert (located.state, located.district, located.congress) == ("WA", 7, 119)
    assert located.label == "WA-7" and located.matched_address.startswith("1301 2ND AVE")
    asked = geocoder.asked[-1]
    assert asked["street"] == ["1301 2nd Ave"] and asked["zip"] == ["98101"]
    assert asked["benchmark"] == ["Public_AR_Current"] and asked["format"] == ["json"]
    assert locate(at("1 Pike St"), geocoder.url).district == 7  # two matches, one district


@pytest.mark.parametrize(
    ("street", "message"),
    [
        ("Nowhere Lane", "found no such address"),
        ("Main St", "several districts (WA-7, WA-9)"),
        ("html", "could not be read"),
        ("truncated", "could not be read"),
        ("huge", "could not be used: the page is too large"),
        ("no district", "which does not exist"),
    ],
)
def test_what_the_geocoder_cannot_settle_is_said_plainly(geocoder, street, message):
    with pytest.raises(GeocodeError, match=re.escape(message)) as raised:
        locate(at(street), geocoder.url)
    assert "?street=" not in str(raised.value)  # the address is not repeated back


def test_a_trickling_geocoder_is_given_up_on(geocoder):
    started = time.monotonic()
    with pytest.raises(GeocodeError, match="no complete answer within 1 seconds"):
        locate(at("slow"), geocoder.url, timeout=1)
    assert time.monotonic() - started < 3


def test_without_a_street_nothing_is_sent(geocoder):
    with pytest.raises(GeocodeError, match="Add your street address"):
        locate(Profile(zip="98101"), geocoder.url)
    assert geocoder.asked == []


ZIPS = "state_fips,state_abbr,zcta,cd\n53,WA,98101,7\n53,WA,98101,9\n53,WA,98104,7\n"
ZIPS += "53,WA,98052,1\n53,WA,98052,8\n"


@pytest.fixture
def session(data_dir, tmp_path):
    source = write_directory(tmp_path / "source", zccd_csv=ZIPS.encode())
    update_directory(data_dir, str(source), today=TODAY)
    opened = Session(data_dir, today=lambda: TODAY)
    opened.save_profile(at("1301 2nd Ave"))
    yield opened
    opened.close()


def test_locating_saves_the_district_with_its_source_and_date(session, geocoder):
    assert session.my_officials().representative is None  # 98101 is split: 7 and 9
    located, saved = session.locate_district(geocoder.url)
    assert located.label == "WA-7"
    profile = saved.profile
    assert (profile.district, profile.district_source) == (7, "address")
    assert (profile.district_zip, profile.district_date) == ("98101", "2026-11-28")
    found = session.my_officials()
    assert found.representative.name == "Cy Cedar" and found.district_source == "your address"


def test_locating_respects_work_offline(session, geocoder):
    session.set_network_allowed(False)
    with pytest.raises(NetworkOff):
        session.locate_district(geocoder.url)
    assert geocoder.asked == []


def test_a_failed_lookup_keeps_the_profile(session, geocoder):
    session.save_profile(replace(at("Main St"), district=9, district_zip="98101"))
    with pytest.raises(GeocodeError):
        session.locate_district(geocoder.url)
    assert session.load_profile().profile.district == 9


def test_moving_drops_a_district_that_is_not_in_the_new_zip(session):
    session.choose_district(7)  # for 98101
    moved = session.save_profile(replace(session.load_profile().profile, zip="98052"))
    assert moved.profile.district is None
    assert any("does not include the ZIP code 98052" in note for note in moved.notes)
    kept = session.save_profile(replace(moved.profile, zip="98104", district=7))
    assert kept.profile.district == 7 and not kept.notes  # 98104 lies in district 7


def test_a_zip_outside_the_state_is_reported_before_saving(session):
    assert session.check_address(Profile(state="CO", zip="98101")) == [
        "The ZIP code 98101 is in Washington, not in Colorado."
    ]
    assert session.check_address(Profile(state="WA", zip="98101")) == []
    assert session.check_address(Profile(state="WA", zip="00000")) == [
        "00000 is not a known U.S. ZIP code."
    ]
