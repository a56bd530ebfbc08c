"""Finding the district from the street address with the Census geocoder, here a local server
that answers in the geocoder's JSON, and misbehaves on request."""

from __future__ import annotations

import http.server
import json
import re
import threading
import time
from dataclasses import replace
from datetime import date
from urllib.parse import parse_qs, urlsplit

import pytest

from advocate_app.core.officials.directory import update_directory
from advocate_app.core.officials.geocoder import GeocodeError, locate
from advocate_app.core.profile.model import Profile
from advocate_app.core.session import Session
from advocate_app.core.web.network import NetworkOff
from tests.support.data import ADA, write_directory

TODAY = date(2026, 11, 28)


def match(address: str, state: str, geoid: str) -> dict:
    return {
        "matchedAddress": address,
        "coordinates": {"x": -122.33, "y": 47.6},
        "tigerLine": {"side": "L", "tigerLineId": "1"},
        "addressComponents": {"state": state, "zip": "98101", "city": "SEATTLE"},
        "geographies": {
            "States": [{"STUSAB": state, "STATE": geoid[:2]}],
            "119th Congressional Districts": [
                {"GEOID": geoid, "CD119": geoid[2:], "BASENAME": str(int(geoid[2:])),
                 "STATE": geoid[:2], "CDSESSN": "119", "NAME": "Congressional District"}
            ],
        },
    }  # fmt: skip


def answer(*matches: dict) -> bytes:
    return json.dumps(
        {"result": {"input": {"address": {"street": "x"}}, "addressMatches": list(matches)}}
    ).encode()


class Geocoder:
    """Answers by the street asked about."""

    def __init__(self) -> None:
        self.asked: list[dict[str, list[str]]] = []
        outer = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_GET(self):  # noqa: N802
                query = parse_qs(urlsplit(self.path).query)
                outer.asked.append(query)
                street = query.get("street", [""])[0]
                body, kind = outer.respond(street)
                if street == "slow":
                    self.send_response(200)
                    self.send_header("Content-Type", kind)
                    self.end_headers()
                    for _ in range(20):  # a byte now and then: never done
                        try:
                            self.wfile.write(b" ")
                            self.wfile.flush()
                        except OSError:
                            return
                        time.sleep(0.3)
                    return
                self.send_response(200)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/geocoder/geographies/address"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def respond(self, street: str) -> tuple[bytes, str]:
        json_type = "application/json"
        if street == "1301 2nd Ave":
            return answer(match("1301 2ND AVE, SEATTLE, WA, 98101", "WA", "5307")), json_type
        if street == "1 Pike St":  # two matches, one district
            return answer(
                match("1 PIKE ST, SEATTLE, WA, 98101", "WA", "5307"),
                match("1 PIKE ST, SEATTLE, WA, 98104", "WA", "5307"),
            ), json_type
        if street == "Main St":  # two matches in two districts
            return answer(
                match("MAIN ST, SEATTLE, WA, 98101", "WA", "5307"),
                match("MAIN ST, KENT, WA, 98032", "WA", "5309"),
            ), json_type
        if street == "html":
            return b"<html><body>Service unavailable</body></html>", "text/html"
        if street == "huge":
            return b"[" + b" " * (2 * 1024 * 1024) + b"]", json_type
        if street == "no district":
            return answer(match("9 X ST, SEATTLE, WA, 98101", "WA", "5377")), json_type
        if street == "truncated":
            return answer(match("1301 2ND AVE", "WA", "5307"))[:60], json_type
        return answer(), json_type  # no match

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


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
