"""Test data shared by several test modules: a small officials directory, a reader, keyrings
and a saved page of the advocacy site."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta
from pathlib import Path

from keyring.backend import KeyringBackend
from keyring.errors import KeyringLocked

from advocate_app.core.officials.model import MyOfficials, OfficeKind, Official
from advocate_app.core.profile.model import Profile

SITE_TITLE = "Trump-Putin talks on Ukraine end as summit stretches on"


def legislator(bioguide, first, last, kind, state, district=None, **term):
    current = {
        "type": kind,
        "state": state,
        "party": "Independent",
        "start": "2025-01-03",
        "end": "2031-01-03",
        "phone": "202-224-0000",
        "url": f"https://{last.lower()}.gov",
        **term,
    }
    if district is not None:
        current["district"] = district
    return {
        "id": {"bioguide": bioguide},
        "name": {"first": first, "last": last},
        "terms": [
            {"type": kind, "state": state, "start": "2019-01-03", "end": "2021-01-03"},
            current,
        ],
    }


LEGISLATORS = [
    legislator(
        "S001",
        "Ann",
        "Alder",
        "sen",
        "WA",
        state_rank="junior",
        contact_form="https://alder.senate.gov/contact-form",
    ),
    legislator("S002", "Bea", "Birch", "sen", "WA", state_rank="senior"),
    legislator("R007", "Cy", "Cedar", "rep", "WA", 7),
    legislator("R009", "Di", "Dogwood", "rep", "WA", 9),
    legislator("S003", "Ed", "Elm", "sen", "AK"),
    legislator("S004", "Flo", "Fir", "sen", "AK"),
    legislator("R000", "Gus", "Gum", "rep", "AK", 0),
    legislator("D000", "Hal", "Hazel", "rep", "DC", 0),
]
EXECUTIVE = [
    {
        "name": {"first": "Old", "last": "Oak"},
        "terms": [{"type": "prez", "start": "2017-01-20", "end": "2021-01-20", "party": "X"}],
    },
    {
        "name": {"first": "Pat", "last": "Pine"},
        "terms": [{"type": "prez", "start": "2021-01-20", "end": "2031-01-20", "party": "Y"}],
    },
    {
        "name": {"first": "Val", "last": "Vine"},
        "terms": [{"type": "viceprez", "start": "2021-01-20", "end": "2031-01-20", "party": "Y"}],
    },
]
OFFICES = [
    {
        "id": {"bioguide": "R007"},
        "offices": [
            {
                "address": "1 Pike St",
                "suite": 247,
                "city": "Seattle",
                "state": "WA",
                "zip": "98101",
                "phone": "206-555-0107",
            }
        ],
    }
]
ZIP_ROWS = ["53,WA,98101,7", "53,WA,98101,9", "53,WA,98104,7", "02,AK,99501,0", "11,DC,20001,0"]


def write_directory(folder: Path, **replace: bytes) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    files = {
        "legislators-current.json": json.dumps(LEGISLATORS).encode(),
        "executive.json": json.dumps(EXECUTIVE).encode(),
        "legislators-district-offices.json": json.dumps(OFFICES).encode(),
        "zccd.csv": ("state_fips,state_abbr,zcta,cd\n" + "\n".join(ZIP_ROWS) + "\n").encode(),
    }
    # Keyword names stand for file names: legislators_current_json -> legislators-current.json
    files.update(
        {
            name.replace("_", "-").replace("-csv", ".csv").replace("-json", ".json"): data
            for name, data in replace.items()
        }
    )
    for name, data in files.items():
        (folder / name).write_bytes(data)
    return folder


class MemoryKeyring(KeyringBackend):
    priority = 5  # type: ignore[assignment]

    def __init__(self):
        super().__init__()
        self.secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service, username):
        return self.secrets.get((service, username))

    def set_password(self, service, username, password):
        self.secrets[(service, username)] = password

    def delete_password(self, service, username):
        self.secrets.pop((service, username), None)


class LockedKeyring(MemoryKeyring):
    def get_password(self, service, username):
        raise KeyringLocked("the keychain is locked")

    def set_password(self, service, username, password):
        raise KeyringLocked("the keychain is locked")


SAVED_PAGE = """<!DOCTYPE html>
<html><head>
<meta charset="utf-8"><title>Clean water | Example</title>
<link rel="canonical" href="https://example.org/articles/clean-water">
<script>document.write('tracker')</script>
<style>p { color: red }</style>
</head><body>
<nav><a href="/">Home</a></nav>
<h1>Clean water for Flint, again</h1>
<p>example.org -- Tuesday, March 4, 2025, 10:05:00 AM Eastern Standard Time</p>
<p>Categories: Environment, Health</p>
<p>The city’s pipes are <em>still</em> failing, residents say.</p>
<img src="https://tracker.example/pixel.gif">
<h2>Opinion:</h2><p>Water is a right.</p>
<h2>Action:</h2><p>Call on Congress to fund repairs.</p>
<h2>To Do:</h2>
<ol>
 <li><strong>Write to Congress</strong>:
  <ul><li><strong>Your Senators</strong>: Find them at <a href="https://www.senate.gov">senate.gov</a>.</li>
      <li><strong>Sample Message</strong>: <pre>Dear [Senator's Name],

Please fund the repairs.

Sincerely,
[Your Name]</pre></li></ul></li>
 <li><strong>Donate</strong>: <a href="javascript:steal()">Give</a> to the fund.</li>
</ol>
<p>By taking these actions you help.</p>
<p>2 Related Article(s):</p><p>Flint one year on</p><p>Pipes, explained</p>
</body></html>
"""


ADA = Profile(
    first_name="Ada",
    last_name="Lovelace",
    street="1 Main St",
    city="Seattle",
    state="WA",
    zip="98101",
    email="ada@example.org",
    phone="206-555-0100",
)
SENATORS = (
    Official(
        "Maria Cantwell",
        "Senator",
        "Dear Senator Cantwell",
        OfficeKind.SENATOR,
        state="WA",
        contact_url="https://www.cantwell.senate.gov/contact",
        bioguide="C000127",
        last_name="Cantwell",
    ),
    Official(
        "Patty Murray",
        "Senator",
        "Dear Senator Murray",
        OfficeKind.SENATOR,
        state="WA",
        contact_url="https://www.murray.senate.gov/write-to-patty/",
        bioguide="M001111",
        last_name="Murray",
    ),
)
REP = Official(
    "Pramila Jayapal",
    "Representative",
    "Dear Representative Jayapal",
    OfficeKind.REPRESENTATIVE,
    state="WA",
    district=7,
    contact_url="https://jayapal.house.gov/contact",
    last_name="Jayapal",
)
PRESIDENT = Official(
    "Donald Trump",
    "President",
    "Dear President Trump",
    OfficeKind.PRESIDENT,
    contact_url="https://www.whitehouse.gov/contact/",
    last_name="Trump",
)
OFFICIALS = MyOfficials(SENATORS, REP, (), PRESIDENT)
TODAY = date(2026, 11, 25)


def write_stories(folder: Path, count: int) -> list[Path]:
    """Site articles a day apart, each with words of its own; every one mentions a storm,
    every tenth a flood."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(count):
        day = datetime(2025, 1, 1) + timedelta(days=n)
        words = " ".join(f"w{n}x{i}" for i in range(60))
        extra = " The flood plain is listed." if n % 10 == 0 else ""
        category = "Health" if n % 2 else "Weather"
        text = (
            f"Story number {n}\n\nexample.org -- {day:%A, %B} {day.day}, {day.year}, 10:05:00"
            f" AM Eastern Standard Time\nCategories: {category}\n"
            f"A storm came through town. {words}.{extra}\n\nTo Do:\n\n"
            "1. **Sign the petition**: - **What to Say**: Add your name.\n"
        )
        path = folder / f"story_{n:03d}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths
