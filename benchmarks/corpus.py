"""Generate site-shaped articles for benchmarks: the size and structure of real ones."""

from __future__ import annotations

import itertools
import random
from datetime import datetime, timedelta
from pathlib import Path

WORDS = (
    "senate house vote bill budget ukraine russia water climate health court justice border "
    "election rights policy tariff trade housing school teacher union worker wage energy "
    "pipeline river forest veteran farm drought hospital medicine insurance privacy data "
    "police reform prison ballot county state federal agency report hearing committee witness "
    "treaty summit ceasefire sanction aid refugee family child community neighbor city mayor "
    "governor council library transit bridge road storm flood fire smoke air park museum"
).split()
FILLER = "the a of to and in for on with that as by from at is was will could would".split()
CATEGORIES = (
    "Foreign Policy & International Relations", "U.S. Elections & Voting Rights",
    "Environment & Climate", "Health Care", "Economy & Jobs", "Civil Rights", "Education",
    "Immigration", "Criminal Justice", "Housing",
)  # fmt: skip


def _vocabulary(size: int = 20_000) -> list[str]:
    """Topic words first, then made-up words: news text has a long tail of rare words."""
    rng = random.Random(3)
    syllables = "ba ce di fo gu ha je ki lo mu na pe ri so tu va we xi yo za an el or us".split()
    words = list(WORDS)
    seen = set(words)
    while len(words) < size:
        word = "".join(rng.choice(syllables) for _ in range(rng.randint(2, 4)))
        if word not in seen:
            seen.add(word)
            words.append(word)
    return words


VOCABULARY = _vocabulary()
# Zipf's law: the word of rank r appears about 1/r as often as the commonest.
CUMULATIVE = list(itertools.accumulate(1 / rank for rank in range(1, len(VOCABULARY) + 1)))


def sentence(rng: random.Random, words: int) -> str:
    content = rng.choices(VOCABULARY, cum_weights=CUMULATIVE, k=words)
    picked = [w if rng.random() < 0.5 else rng.choice(FILLER) for w in content]
    return " ".join(picked).capitalize() + "."


def paragraph(rng: random.Random, sentences: int = 4) -> str:
    return " ".join(sentence(rng, rng.randint(12, 24)) for _ in range(sentences))


def site_article(index: int, rng: random.Random) -> str:
    """One article in the full site-page shape, about 12 KB."""
    title = sentence(rng, rng.randint(6, 11)).rstrip(".") + f" ({index})"
    when = datetime(2025, 1, 1, 8, 0) + timedelta(minutes=37 * index)
    date = when.strftime("%A, %B %-d, %Y, %-I:%M:%S %p") + " Eastern Standard Time"
    categories = ", ".join(rng.sample(CATEGORIES, 3))
    body = "\n\n".join(paragraph(rng) for _ in range(12))
    opinion = "\n\n".join(paragraph(rng, 5) for _ in range(4))
    essay = "\n\n".join(paragraph(rng, 5) for _ in range(5))
    items = []
    for number in range(1, 9):
        steps = " ".join(
            f"- **{sentence(rng, 3).rstrip('.')}**: {sentence(rng, 14)}" for _ in range(2)
        )
        if number == 2:
            steps += (
                " - **Find Them**: Use [Congress.gov](https://www.congress.gov/). "
                "- **Sample Message**: ``` Dear [Representative's Name],\n\n"
                f"{paragraph(rng, 3)}\n\nSincerely, [Your Name] [Your Address] ```"
            )
        # Three actions of eight ask to contact officials, as on the site: 30,000 in 10,000.
        title_words = {
            2: "Contact Your Senators",
            5: "Call Your Representative",
            7: "Write to the White House",
        }.get(number) or sentence(rng, 3).rstrip(".")
        items.append(f"{number}. **{title_words}**: {steps}")
    related = "\n\n".join(sentence(rng, 8) for _ in range(5))
    return (
        "Truth and Resistance Dove Logo\nKnow what you should know!\n\n"
        f"{title}\n\nexample.com -- {date}\nCategories: {categories}\n{title}\n\n{body}\n\n"
        f"Expand\n\nSign Our Petition\n\n\nOpinion:\n\n{opinion}\n\nAction:\n\n{essay}\n\n"
        f"To Do:\n\nHere is what you can do:\n\n" + "\n\n".join(items) + "\n\n"
        "By taking these actions you help.\n\n\nSign Our Petition\n\n\n\n"
        f"5 Related Article(s):\n\n{related}\n\n\nUpdated very often\n"
    )


def write_corpus(folder: Path, count: int, seed: int = 7) -> list[Path]:
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for index in range(count):
        path = folder / f"article_{index:05d}.txt"
        path.write_text(site_article(index, rng), encoding="utf-8")
        paths.append(path)
    return paths


def search_terms(rng: random.Random, count: int) -> list[str]:
    """Queries as people type them: one or two words, the last sometimes half-typed."""
    queries = []
    for _ in range(count):
        # Searches name topics: mostly common words, sometimes rarer ones.
        words = rng.sample(VOCABULARY[: rng.choice((100, 1000, 5000))], rng.choice((1, 2)))
        if rng.random() < 0.4:
            words[-1] = words[-1][: max(3, len(words[-1]) // 2)]
        queries.append(" ".join(words))
    return queries
