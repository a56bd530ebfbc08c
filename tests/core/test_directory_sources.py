"""Where the directory's data comes from: the Census relationship file (with land shares), the
CSV, and the bad tables and stale data that must never replace a good directory."""

from __future__ import annotations

import json
from datetime import date

import pytest

from advocate_app.core.officials.directory import (
    DirectoryError,
    open_directory,
    parse_zip_table,
    update_directory,
)
from advocate_app.core.officials.lookup import find_officials
from advocate_app.core.profile.model import Profile
from tests.support.data import LEGISLATORS, legislator, write_directory

TODAY = date(2026, 11, 28)
HEADER = (
    "OID_CD119_20|GEOID_CD119_20|NAMELSAD_CD119_20|AREALAND_CD119_20|AREAWATER_CD119_20|"
    "MTFCC_CD119_20|FUNCSTAT_CD119_20|OID_ZCTA5_20|GEOID_ZCTA5_20|NAMELSAD_ZCTA5_20|"
    "AREALAND_ZCTA5_20|AREAWATER_ZCTA5_20|MTFCC_ZCTA5_20|FUNCSTAT_ZCTA5_20|AREALAND_PART|"
    "AREAWATER_PART"
)


def census_row(geoid: str, zcta: str, land: int) -> str:
    return (
        f"1|{geoid}|Congressional District {geoid[2:]}|100|0|G5200|N|2|{zcta}|ZCTA5 {zcta}|"
        f"1000|0|G6350|S|{land}|0"
    )


CENSUS = "\n".join(
    [
        HEADER,
        census_row("5307", "98101", 620),
        census_row("5309", "98101", 380),
        census_row("5307", "98104", 900),
        census_row("0200", "99501", 500),
        census_row("1198", "20001", 400),  # DC's non-voting district
        census_row("53ZZ", "98101", 10),  # water outside any district
        "1|5307|Congressional District 7|100|0|G5200|N|||||||||",  # no ZIP area
    ]
)


def test_the_census_relationship_file_orders_candidates_by_share(tmp_path, data_dir):
    source = write_directory(tmp_path / "source")
    (source / "zccd.csv").unlink()
    (source / "tab20_cd11920_zcta520_natl.txt").write_text(CENSUS + "\n", encoding="utf-8")
    report = update_directory(data_dir, str(source), today=TODAY)
    assert report.info.zip_congress == 119 and "119th Congress" in report.info.zip_source
    directory = open_directory(data_dir)
    try:
        found = find_officials(Profile(state="WA", zip="98101"), directory, today=TODAY)
        dc = find_officials(Profile(zip="20001"), directory, today=TODAY)
    finally:
        directory.close()
    assert [(c.district, c.share) for c in found.district_candidates] == [(7, 0.62), (9, 0.38)]
    assert any("7 (62% of its area), 9 (38% of its area)" in note for note in found.notes)
    assert dc.state == "DC" and dc.representative.name == "Hal Hazel"


def test_a_zip_table_can_be_named_on_its_own(tmp_path, data_dir):
    source = write_directory(tmp_path / "source")
    census = tmp_path / "elsewhere" / "relationship.txt"
    census.parent.mkdir()
    census.write_text(CENSUS, encoding="utf-8")
    report = update_directory(data_dir, str(source), zip_table=str(census), today=TODAY)
    assert report.info.zip_rows == 5 and report.info.zip_congress == 119


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ("state_fips,state_abbr,zcta,cd\n53,WA,98101,11\n", "WA has no congressional district 11"),
        ("state_fips,state_abbr,zcta,cd\n99,ZZ,98101,1\n", "'ZZ' is not a state or territory"),
        ("state_fips,state_abbr,zcta,cd\n53,WA,9810,1\n53,WA,98101,x\n", "unreadable row"),
        (HEADER + "\n" + census_row("5377", "98101", 1), "WA has no congressional district 77"),
        (HEADER + "\n" + census_row("9907", "98101", 1), "unknown district '9907'"),
        ("OID|GEOID\n1|2\n", "is not a Census ZIP-area-to-district relationship file"),
        ("state_fips,state_abbr,zcta,cd\n", "has no rows"),
    ],
)
def test_bad_zip_tables_are_refused_with_the_reason(table, message):
    with pytest.raises(DirectoryError, match=message):
        parse_zip_table(table.encode(), "zccd.csv")


def test_repeated_rows_are_counted_once_and_said():
    table = parse_zip_table(
        b"state_fips,state_abbr,zcta,cd\n53,WA,98101,7\n53,WA,98101,7\n53,WA,98104,7\n",
        "zccd.csv",
    )
    assert len(table.rows) == 2 and table.notes == (
        "zccd.csv: 1 repeated row(s) were counted once",
    )


def test_data_whose_terms_have_all_ended_is_refused(tmp_path, data_dir):
    old = [
        legislator("S001", "Ann", "Alder", "sen", "WA", start="2015-01-03", end="2021-01-03"),
        legislator("R007", "Cy", "Cedar", "rep", "WA", 7, start="2019-01-03", end="2021-01-03"),
    ]
    source = write_directory(tmp_path / "old", legislators_current_json=json.dumps(old).encode())
    with pytest.raises(DirectoryError, match="is old data"):
        update_directory(data_dir, str(source), today=TODAY)
    assert open_directory(data_dir) is None  # nothing was installed


def test_older_data_never_replaces_newer(tmp_path, data_dir):
    update_directory(data_dir, str(write_directory(tmp_path / "new")), today=TODAY)
    older = [
        {**person, "terms": [{**person["terms"][-1], "start": "2024-01-03"}]}
        for person in LEGISLATORS
    ]
    source = write_directory(
        tmp_path / "older", legislators_current_json=json.dumps(older).encode()
    )
    with pytest.raises(DirectoryError, match="older"):
        update_directory(data_dir, str(source), today=TODAY)
    directory = open_directory(data_dir)
    assert directory is not None and directory.info().data_date == "2025-01-03"
    directory.close()


def test_an_office_held_by_nobody_is_reported_not_invented(tmp_path, data_dir):
    """Washington with one senator in the data: the other seat is vacant or missing."""
    one = [p for p in LEGISLATORS if p["id"]["bioguide"] != "S002"]
    source = write_directory(tmp_path / "one", legislators_current_json=json.dumps(one).encode())
    update_directory(data_dir, str(source), today=TODAY)
    directory = open_directory(data_dir)
    try:
        found = find_officials(Profile(state="WA", zip="98104"), directory, today=TODAY)
    finally:
        directory.close()
    assert [s.name for s in found.senators] == ["Ann Alder"]
    assert any("a seat is vacant or missing from its data" in n for n in found.notes)


def test_an_index_of_another_version_asks_to_be_updated(tmp_path, data_dir):
    from advocate_app.core.session import Session

    update_directory(data_dir, str(write_directory(tmp_path / "source")), today=TODAY)
    import sqlite3

    db = sqlite3.connect(data_dir / "directory.sqlite3")
    with db:
        db.execute("UPDATE meta SET value = '1' WHERE key = 'format'")
    db.close()
    with Session(data_dir) as session:
        found = session.my_officials()
    assert found.needs == (found.needs[0],) and "another version" in found.notes[0]


def test_a_zip_table_for_states_the_legislators_lack_is_refused(tmp_path, data_dir):
    table = b"state_fips,state_abbr,zcta,cd\n53,WA,98101,7\n50,VT,05401,0\n"
    source = write_directory(tmp_path / "source", zccd_csv=table)
    with pytest.raises(DirectoryError, match="names no one for Vermont"):
        update_directory(data_dir, str(source), today=TODAY)
