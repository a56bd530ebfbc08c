"""Profile storage, the officials directory and finding the reader's officials."""

from __future__ import annotations

import functools
import http.server
import json
import shutil
import stat
import threading
from datetime import date
from pathlib import Path

import pytest

from advocate_app.core.officials.directory import open_directory
from advocate_app.core.officials.lookup import find_officials
from advocate_app.core.profile.model import Profile
from advocate_app.core.profile.storage import ProfileStore
from tests.support.cli import run_cli
from tests.support.data import LEGISLATORS, LockedKeyring, MemoryKeyring, write_directory


@pytest.fixture
def installed(capsys, directory_source, data_dir):
    result = run_cli(capsys, "directory", "update", "--from", str(directory_source))
    assert result.code == 0, result.err
    return data_dir


def set_profile(capsys, *args):
    details = ["--first-name", "Ada", "--last-name", "Lovelace", "--street", "1 Main St"]
    return run_cli(capsys, "profile", "set", *details, "--city", "Seattle", "--state", "WA", *args)


def officials(capsys):
    result = run_cli(capsys, "officials", "--json")
    assert result.code == 0, result.err
    return result.json(), result.err


# --- profile ----------------------------------------------------------------------
def test_profile_without_a_keychain_goes_to_a_private_file_and_survives(
    capsys, data_dir, use_keyring
):
    from keyring.backends import fail

    use_keyring(fail.Keyring())
    first = set_profile(
        capsys, "--zip", "98101-1234", "--email", "ada@example.org", "--phone", "(206) 555-0100"
    )
    assert first.code == 0, first.err
    assert "No system keychain is available" in first.err
    path = data_dir / "profile.json"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    again = run_cli(capsys, "profile", "set", "--prefix", "Dr.")
    assert "No system keychain" not in again.err  # said once
    shown = run_cli(capsys, "profile", "show", "--json").json()
    assert (
        shown["first_name"] == "Ada" and shown["prefix"] == "Dr." and shown["zip"] == "98101-1234"
    )
    assert shown["stored_in"] == str(path)


def test_profile_in_the_keychain_leaves_no_file(capsys, data_dir, use_keyring):
    backend = use_keyring(MemoryKeyring())
    assert set_profile(capsys, "--zip", "98101").code == 0
    assert not (data_dir / "profile.json").exists()
    assert json.loads(backend.secrets[("Advocate", "profile")])["last_name"] == "Lovelace"
    shown = run_cli(capsys, "profile", "show", "--json").json()
    assert shown["stored_in"] == "keychain" and shown["city"] == "Seattle"


def test_a_locked_keychain_never_loses_the_details(capsys, data_dir, use_keyring):
    unlocked = use_keyring(MemoryKeyring())
    assert set_profile(capsys, "--zip", "98101").code == 0
    locked = LockedKeyring()
    locked.secrets = unlocked.secrets  # the same keychain, locked now
    use_keyring(locked)
    refused = run_cli(capsys, "profile", "set", "--city", "Tacoma")
    assert refused.code == 1 and "the keychain is locked" in refused.err
    assert "cannot be changed safely" in refused.err and "Nothing was saved" in refused.err
    assert not (data_dir / "profile.json").exists()  # no blank copy written beside it
    shown = run_cli(capsys, "profile", "show", "--json").json()
    assert shown["stored_in"] == "keychain (unreadable now)"
    use_keyring(unlocked)
    again = run_cli(capsys, "profile", "show", "--json").json()
    assert (again["last_name"], again["city"], again["zip"]) == ("Lovelace", "Seattle", "98101")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--zip", "9810"), "ZIP code has 5 digits"),
        (("--state", "Wahsington"), "two-letter code"),
        (("--first-name", "Ada\nLovelace"), "Use one line"),
        (("--phone", "206-555\n0100"), "Use one line"),
        (("--email", "ada-at-example"), "email address looks like"),
        (("--phone", "555-01"), "10 digits"),
        (("--district", "seven"), "--district takes a number"),
    ],
)
def test_bad_profile_fields_are_refused_and_nothing_is_saved(capsys, data_dir, args, message):
    """(State names are welcome: "Washington" is WA; see test_state_names_are_codes.)"""
    result = set_profile(capsys, *args)
    assert result.code in (1, 2) and message in result.err
    assert ProfileStore(data_dir).load().profile.is_empty()


# --- the directory --------------------------------------------------------------------
def test_update_from_a_folder_and_status(capsys, installed):
    status = run_cli(capsys, "directory", "status")
    assert status.code == 0 and "8 members of Congress, data as of 2025-01-03" in status.out


def test_split_zip_asks_and_never_guesses(capsys, installed):
    set_profile(capsys, "--zip", "98101")
    found, err = officials(capsys)
    assert [s["name"] for s in found["senators"]] == ["Bea Birch", "Ann Alder"]  # senior first
    assert found["representative"] is None
    assert [(c["name"], c["district"]) for c in found["district_candidates"]] == [
        ("Cy Cedar", 7),
        ("Di Dogwood", 9),
    ]
    assert "split between districts 7, 9" in err and "house.gov" in err

    run_cli(capsys, "profile", "set", "--district", "9")
    found, _ = officials(capsys)
    assert found["representative"]["name"] == "Di Dogwood"
    assert found["representative"]["salutation"] == "Dear Representative Dogwood"
    assert found["district_candidates"] == []


def test_officials_fields_routes_and_offices(capsys, installed):
    set_profile(capsys, "--zip", "98104")
    found, _ = officials(capsys)
    rep = found["representative"]
    assert rep["name"] == "Cy Cedar" and rep["district"] == 7
    assert rep["contact_url"] == "https://cedar.gov/contact"  # derived from the website
    (office,) = rep["district_offices"]
    assert office["city"] == "Seattle" and office["phone"] == "206-555-0107"
    assert office["address"] == "1 Pike St, 247, Seattle, WA 98101"
    assert (office["state"], office["zip"]) == ("WA", "98101")  # for its time zone, distance
    alder = next(s for s in found["senators"] if s["name"] == "Ann Alder")
    assert alder["contact_url"] == "https://alder.senate.gov/contact-form"  # from the data
    assert alder["salutation"] == "Dear Senator Alder" and alder["title"] == "Senator"
    assert found["president"]["name"] == "Pat Pine"  # the sitting one, not the former
    assert found["president"]["contact_url"] == "https://www.whitehouse.gov/contact/"
    assert found["vice_president"]["name"] == "Val Vine"

    run_cli(capsys, "officials", "--contact", "R007=https://cedar.gov/email-me")
    found, _ = officials(capsys)
    assert found["representative"]["contact_url"] == "https://cedar.gov/email-me"
    bad = run_cli(capsys, "officials", "--contact", "R007=javascript:alert(1)")
    assert bad.code == 2


def test_at_large_state_and_dc_delegate(capsys, installed):
    run_cli(capsys, "profile", "set", "--state", "AK", "--zip", "99501")
    found, _ = officials(capsys)
    assert found["representative"]["name"] == "Gus Gum" and found["representative"]["district"] == 0
    assert len(found["senators"]) == 2

    run_cli(capsys, "profile", "set", "--state", "DC", "--zip", "20001")
    found, err = officials(capsys)
    assert found["senators"] == [] and "has no U.S. senators" in err
    assert found["representative"]["title"] == "Delegate"
    assert found["representative"]["salutation"] == "Dear Delegate Hazel"


def test_unknown_zip_missing_zip_and_missing_district(capsys, installed):
    refused = run_cli(capsys, "profile", "set", "--state", "WA", "--zip", "00000")
    assert refused.code == 1 and "00000 is not a known U.S. ZIP code" in refused.err
    assert "add --confirm" in refused.err
    run_cli(capsys, "profile", "set", "--state", "WA", "--zip", "00000", "--confirm")
    found, err = officials(capsys)
    assert "not a known U.S. ZIP code" in err and found["representative"] is None
    assert len(found["senators"]) == 2  # the state is still known

    run_cli(capsys, "profile", "set", "--zip", "98199")  # a real ZIP the table lacks
    found, err = officials(capsys)
    assert "not in the district table" in err and found["representative"] is None

    run_cli(capsys, "profile", "set", "--district", "12")
    found, err = officials(capsys)
    assert "has no congressional district 12" in err and "its districts are 1 to 10" in err


def test_without_a_directory_typed_names_and_public_pages(capsys, data_dir):
    set_profile(capsys, "--zip", "98101")
    found, err = officials(capsys)
    assert found["senators"] == [] and "no directory of officials yet" in err
    assert found["president"]["contact_url"] == "https://www.whitehouse.gov/contact/"
    run_cli(
        capsys,
        "officials",
        "--senator",
        "Maria Cantwell",
        "--senator",
        "Patty Murray",
        "--representative",
        "Pramila Jayapal",
    )
    found, _ = officials(capsys)
    assert [s["salutation"] for s in found["senators"]] == [
        "Dear Senator Cantwell",
        "Dear Senator Murray",
    ]
    assert found["senators"][0]["contact_url"].startswith("https://www.senate.gov/")
    assert found["representative"]["contact_url"].startswith("https://www.house.gov/")


@pytest.mark.parametrize(
    ("broken", "message"),
    [
        ({"legislators_current.json": b'[{"id": {"bioguide": "S001"}, "name": '}, "not valid JSON"),
        (
            {"legislators_current.json": b'[{"id": {"bioguide": "X1"}, "terms": []}]'},
            "lacks its id, name or terms",
        ),
        ({"executive.json": b"[]"}, "names no president"),
        ({"zccd_csv": b"zip,district\n98101,7\n"}, "lacks the column"),
        (
            {"zccd_csv": b"state_fips,state_abbr,zcta,cd\n53,WA,98101,7\n53,WA,981"},
            "unreadable row",
        ),
    ],
)
def test_bad_directory_files_keep_the_previous_directory(
    capsys, installed, tmp_path, broken, message
):
    source = write_directory(tmp_path / "broken", **broken)
    before = (installed / "directory.sqlite3").read_bytes()
    result = run_cli(capsys, "directory", "update", "--from", str(source))
    assert result.code == 1 and message in result.err
    assert "previous directory is still in use" in result.err
    assert (installed / "directory.sqlite3").read_bytes() == before
    assert not list(installed.glob(".directory-*"))  # no half-written copy left behind


def test_a_much_smaller_directory_is_taken_for_a_truncated_one(capsys, installed, tmp_path):
    few = json.dumps(LEGISLATORS[:2]).encode()
    source = write_directory(tmp_path / "few", legislators_current_json=few)
    (source / "legislators-current.json").write_bytes(few)
    result = run_cli(capsys, "directory", "update", "--from", str(source))
    assert result.code == 1 and "looks truncated" in result.err


def test_missing_source_file(capsys, data_dir, tmp_path, directory_source):
    (directory_source / "zccd.csv").unlink()
    result = run_cli(capsys, "directory", "update", "--from", str(directory_source))
    assert result.code == 1 and "zccd.csv: no such file" in result.err
    assert open_directory(data_dir) is None


@pytest.fixture
def http_folder(directory_source):
    handler = functools.partial(
        http.server.SimpleHTTPRequestHandler, directory=str(directory_source)
    )
    handler.log_message = lambda *args: None  # type: ignore[attr-defined]
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_update_from_a_web_address_and_a_404(capsys, data_dir, http_folder):
    result = run_cli(capsys, "directory", "update", "--from", http_folder + "/")
    assert result.code == 0, result.err
    assert "8 members of Congress" in result.out
    missing = run_cli(capsys, "directory", "update", "--from", http_folder + "/nothing-here")
    assert missing.code == 1 and "answered 404" in missing.err


# --- with the real public data ----------------------------------------------------------
@pytest.fixture
def real_directory(capsys, data_dir, tmp_path, shared_data):
    folder = tmp_path / "real"
    folder.mkdir()
    for path in (shared_data / "congress-legislators").glob("*.json"):
        shutil.copy(path, folder)
    shutil.copy(shared_data / "zip-districts" / "zccd.csv", folder)
    assert run_cli(capsys, "directory", "update", "--from", str(folder)).code == 0
    return data_dir


def test_real_data_names_the_right_officials(capsys, real_directory):
    run_cli(capsys, "profile", "set", "--state", "WA", "--zip", "98101")
    found, err = officials(capsys)
    assert sorted(s["name"] for s in found["senators"]) == ["Maria Cantwell", "Patty Murray"]
    assert {c["name"] for c in found["district_candidates"]} == {"Pramila Jayapal", "Adam Smith"}
    assert found["representative"] is None and "split" in err
    run_cli(capsys, "profile", "set", "--district", "7")
    found, _ = officials(capsys)
    assert found["representative"]["name"] == "Pramila Jayapal"
    assert found["representative"]["contact_url"].startswith("https://jayapal.house.gov")
    assert found["president"]["name"] == "Donald Trump"

    run_cli(capsys, "profile", "set", "--state", "AK", "--zip", "99501", "--district", "")
    found, _ = officials(capsys)
    assert found["representative"]["district"] == 0
    assert sorted(s["name"] for s in found["senators"]) == ["Dan Sullivan", "Lisa Murkowski"]


def test_president_by_date(real_directory):
    directory = open_directory(real_directory)
    try:
        on_2023 = find_officials(Profile(state="WA"), directory, today=date(2023, 6, 1))
        on_2026 = find_officials(Profile(state="WA"), directory, today=date(2026, 6, 1))
    finally:
        directory.close()
    assert on_2023.president.name == "Joseph R. Biden" or "Biden" in on_2023.president.name
    assert "Trump" in on_2026.president.name and "Vance" in on_2026.vice_president.name


# --- officials you can trust -------------------------------------------------------------
def test_locate_finds_the_district_from_the_address(capsys, installed, monkeypatch):
    from tests.support.geocoder import Geocoder

    geocoder = Geocoder()
    monkeypatch.setenv("ADVOCATE_GEOCODER_URL", geocoder.url)
    try:
        set_profile(capsys, "--zip", "98101", "--street", "1301 2nd Ave")  # split: 7 and 9
        before, err = officials(capsys)
        assert before["representative"] is None and "district" in before["needs"]
        result = run_cli(capsys, "officials", "--locate", "--json")
        assert result.code == 0, result.err
        assert geocoder.asked[-1]["street"] == ["1301 2nd Ave"]
        assert "Matched 1301 2ND AVE, SEATTLE, WA, 98101 → WA-7" in result.err
        assert result.json()["representative"]["name"] == "Cy Cedar"
        assert result.json()["district_source"] == "your address"
        run_cli(capsys, "network", "off")
        offline = run_cli(capsys, "officials", "--locate")
        assert offline.code == 1 and "network access is turned off" in offline.err
    finally:
        geocoder.stop()


def test_directory_status_says_which_congress(capsys, installed):
    status = run_cli(capsys, "directory", "status")
    assert status.code == 0
    assert "the 119th Congress sits today" in status.out
    assert "describes the districts of the 119th Congress" in status.out


def test_a_zip_of_another_state_needs_confirming(capsys, installed):
    refused = set_profile(capsys, "--state", "OR", "--zip", "98101")
    assert refused.code == 1
    assert "98101 is in Washington, not in Oregon" in refused.err
    assert run_cli(capsys, "profile", "show", "--json").json()["state"] == ""
    assert set_profile(capsys, "--state", "OR", "--zip", "98101", "--confirm").code == 0


def test_moving_clears_a_district_that_does_not_fit(capsys, installed):
    set_profile(capsys, "--zip", "98101", "--district", "9")
    moved = run_cli(capsys, "profile", "set", "--zip", "98104")
    assert "district (9) was for your old address" in moved.err
    assert run_cli(capsys, "profile", "show", "--json").json()["district"] is None
    found, _ = officials(capsys)
    assert found["representative"]["name"] == "Cy Cedar"  # 98104 lies in district 7 only


def test_letters_for_a_split_zip_wait_for_the_readers_choice(capsys, installed, seeds):
    set_profile(capsys, "--zip", "98101")
    imported = run_cli(capsys, "import", str(seeds), "--json").json()
    site = next(r["id"] for r in imported if Path(r["path"]).name.startswith("001"))
    result = run_cli(capsys, "letter", str(site), "--action", "2", "--json")
    assert [letter["recipient"]["name"] for letter in result.json()] == ["Bea Birch", "Ann Alder"]
    assert "waiting for your choice: Representative Cy Cedar, Representative Di Dogwood" in (
        result.err
    )
    set_profile(capsys, "--state", "DC", "--zip", "20001")
    dc = run_cli(capsys, "letter", str(site), "--action", "2", "--to", "senators")
    assert dc.code == 1 and "District of Columbia has no U.S. senators" in dc.err
    assert "Senator" not in dc.out
    # The way forward is named, and it works: the Delegate, by their id.
    fix = next(line for line in dc.err.splitlines() if line.startswith("to fix:"))
    assert "--official" in fix and "(your Delegate)" in fix
    delegate = fix.split("--official ")[1].split()[0]
    written = run_cli(
        capsys, "letter", str(site), "--action", "2", "--official", delegate, "--json"
    ).json()
    assert len(written) == 1 and written[0]["recipient"]["kind"] == "delegate"
    assert "Dear Delegate " in written[0]["body"] and "Senator" not in written[0]["body"]
    wrong = run_cli(capsys, "letter", str(site), "--action", "2", "--official", "X000000")
    assert wrong.code == 1 and "is not among those action 2 can go to" in wrong.err


def test_state_names_are_codes(capsys, data_dir):
    assert set_profile(capsys, "--state", "washington", "--confirm").code == 0
    assert run_cli(capsys, "profile", "show", "--json").json()["state"] == "WA"
