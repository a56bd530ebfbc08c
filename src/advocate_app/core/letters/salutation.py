"""Greet each recipient by title and name, whatever the sample's greeting said.

The sample's greeting is read before its placeholders are filled, so a name with a comma
("Donald S. Beyer, Jr.") can never leave a second greeting behind.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

GREETING = re.compile(r"^[ \t]*(?:Dear|To)[ \t]+(?P<name>[^\n]{1,100}?)[ \t]*[,:]?[ \t]*(?:\n|$)",
                      re.IGNORECASE)  # fmt: skip
# Words that say which office, not who: a greeting of only these names nobody in particular.
OFFICE_WORDS = {
    "senator", "senators", "representative", "representatives", "congressman",
    "congresswoman", "congressperson", "congressmember", "member", "members", "president",
    "vice", "delegate", "commissioner", "resident", "mr", "ms", "mrs", "mx", "madam", "dr",
    "hon", "honorable", "the", "of", "congress", "sir", "or", "and", "friend", "friends",
    "official", "officials", "leader", "leaders", "to", "whom", "it", "may", "concern",
    "team", "staff", "office", "all", "your", "my",
}  # fmt: skip
WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")


@dataclass(frozen=True)
class Greeted:
    text: str
    note: str | None  # set when the sample greeted someone else


def greet(body: str, salutation: str, recipient_last_name: str) -> Greeted:
    """Put `salutation` ("Dear Senator Cantwell") in place of the sample's greeting.

    A note is given only when the sample greeted a particular person who is not the
    recipient: "Dear [Representative's Name]", "Dear Senator" and "Dear Mr. President" (to the
    President) greet nobody else.
    """
    match = GREETING.match(body)
    if match is None:
        return Greeted(f"{salutation},\n\n{body.lstrip()}", None)
    original = match.group("name").strip().rstrip(",:").strip()
    rest = body[match.end() :]
    note = None
    if _names_someone_else(original, recipient_last_name):
        note = f'The sample greeted "{original}"; this letter greets ' + (
            f"{salutation[5:]} instead, who holds the office now."
            if salutation.lower().startswith("dear ")
            else "the office instead."
        )
    return Greeted(f"{salutation},\n" + (rest if rest.startswith("\n") else "\n" + rest), note)


def _names_someone_else(greeting: str, last_name: str) -> bool:
    if "[" in greeting:
        return False  # a placeholder, filled for each recipient
    names = [w for w in WORD.findall(greeting) if w.lower().rstrip(".") not in OFFICE_WORDS]
    if not names:
        return False
    return not last_name or last_name.lower() not in greeting.lower()
