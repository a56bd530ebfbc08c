"""Who someone is: the stable key of an official or recipient, and names compared the way a
reader writes them ("Senator Patty Murray", "Patty Murray" and "Sen. Murray" are one person;
titles, suffixes and case do not count).

Plain standard library, so the store's migrations can key old records by the same rules."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

# Words that say which office, or how to address someone, not who they are.
TITLES = frozenset(
    """senator sen representative rep congressman congresswoman congressmember
    delegate resident commissioner president vice the honorable hon mr mrs ms miss dr
    madam sir us u s""".split()
)
SUFFIXES = frozenset("jr sr ii iii iv".split())
WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def name_words(name: str) -> list[str]:
    """The words of a name that identify the person, lower case and without accents."""
    plain = unicodedata.normalize("NFKD", name)
    plain = "".join(ch for ch in plain if not unicodedata.combining(ch)).casefold()
    words = [w.replace("’", "'") for w in WORD.findall(plain)]
    return [w for w in words if w not in TITLES and w not in SUFFIXES and len(w) > 1]


def name_key(name: str) -> str:
    """A stable key for someone known only by name: "senator patty murray" → "patty murray"."""
    return " ".join(name_words(name)) or name.strip().casefold()


def match_name(name: str, candidates: Sequence[tuple[str, str]]) -> str | None:
    """The key of the one candidate (key, name) that `name` means, or None.

    The same words match first, in any order ("Murray, Patty"); else a surname shared with
    exactly one candidate ("Murray", "Patricia Murray" for "Patty Murray"). Two candidates
    with that surname match neither.
    """
    words = name_words(name)
    if not words:
        return None
    exact = {key for key, other in candidates if sorted(name_words(other)) == sorted(words)}
    if len(exact) == 1:
        return exact.pop()
    if exact:
        return None
    same_surname = {key for key, other in candidates if name_words(other)[-1:] == words[-1:]}
    return same_surname.pop() if len(same_surname) == 1 else None


# The offices with one fixed key each (OfficeKind values; the White House's people change,
# its office does not).
WHITE_HOUSE = ("president", "vice_president")
OTHER = "other"


def official_key(kind: str, name: str, bioguide: str | None = None, address: str = "") -> str:
    """The identity used by letters, calls and counts: the bioguide id; a fixed key for the
    White House; the address for a recipient an article names; else the office and the name
    without titles."""
    if bioguide:
        return bioguide
    if kind in WHITE_HOUSE:
        return f"white-house:{kind}"
    if kind == OTHER and address:
        return f"other:{address.strip().lower()}"
    return f"{kind}:{name_key(name)}"
