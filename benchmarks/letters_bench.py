"""How long the letters of one action take to write: four recipients, sample and template."""

from __future__ import annotations

import statistics
import time
from datetime import date

from advocate_app.core.articles.text_parser import parse_text
from advocate_app.core.letters.compose import compose_letters
from advocate_app.core.letters.templates import LetterTemplates
from advocate_app.core.officials.model import MyOfficials, OfficeKind, Official
from advocate_app.core.profile.model import Profile

PAGE = (
    "A headline\n\nexample.org -- Tuesday, March 4, 2025, 10:05:00 AM Eastern Standard Time\n"
    "Categories: Health\nText.\n\nTo Do:\n\n1. **Write to Congress and the White House**: "
    "- **Your Senators**: write them. - **Sample Message**: ``` Dear [Representative's Name],\n\n"
    + "We ask you to act now on this. "
    * 30
    + "\n\nSincerely, [Your Name] [Your Address] [Your Email] ``` "
    "- **The White House**: write to the President too.\n"
)


def _official(name: str, title: str, kind: OfficeKind) -> Official:
    return Official(
        name,
        title,
        f"Dear {title} {name.split()[-1]}",
        kind,
        contact_url=f"https://example.gov/{name.split()[-1].lower()}/contact",
        bioguide=f"B{name[:3].upper()}",
        last_name=name.split()[-1],
    )


def bench_letters() -> dict[str, float]:
    article = parse_text(PAGE)
    action = article.actions[0]
    officials = MyOfficials(
        (
            _official("Ann Alder", "Senator", OfficeKind.SENATOR),
            _official("Bea Birch", "Senator", OfficeKind.SENATOR),
        ),
        _official("Cy Cedar", "Representative", OfficeKind.REPRESENTATIVE),
        (),
        _official("Pat Pine", "President", OfficeKind.PRESIDENT),
    )
    profile = Profile(
        first_name="Ada",
        last_name="Lovelace",
        street="1 Main St",
        city="Seattle",
        state="WA",
        zip="98101",
        email="ada@example.org",
    )
    templates = LetterTemplates(None)
    results = {}
    for label, template in (("sample", None), ("template", "general")):
        timings = []
        for _ in range(200):
            started = time.perf_counter()
            letters = compose_letters(
                article,
                action,
                officials,
                profile,
                templates,
                template=template,
                today=date(2026, 11, 25),
            )
            timings.append((time.perf_counter() - started) * 1000)
        assert len(letters) == 4
        results[f"letters_4_{label}_ms"] = round(statistics.median(timings), 2)
    return results
