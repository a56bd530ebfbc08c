"""What an action asks of an official, turned from instructions to the reader ("urge them to
support the bill") into the reader's own request ("I urge you to support the bill").

Only the concrete asks are kept: how to find an office, which form to use, or "write to your
senators" are guidance for the reader, shown beside the letter and never written into it.
"""

from __future__ import annotations

import re

from advocate_app.core.articles.model import Action

MAX_ASKS = 3
MIN_ASK_WORDS = 2  # "ask them to act" is no concrete ask: the template's own request serves
MAX_ASK_CHARS = 400

SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“])")
# Whom the reader is told to address, in the instructions' words.
WHO = (
    r"(?:them|him|her|your\s+[\w.’' -]{1,40}?|the\s+president|president\s+[A-Z][\w.-]+"
    r"|congress|lawmakers|legislators|(?:elected\s+)?officials|the\s+administration"
    r"|the\s+white\s+house|policymakers|members\s+of\s+congress|the\s+senators?"
    r"|the\s+representatives?)"
)
REQUEST_VERBS = {
    "urge": "I urge you to",
    "press": "I urge you to",
    "demand": "I urge you to",
    "implore": "I urge you to",
    "ask": "I ask you to",
    "tell": "I ask you to",
    "request": "I ask you to",
    "petition": "I ask you to",
    "encourage": "I encourage you to",
    "call on": "I call on you to",
    "call upon": "I call on you to",
}
REQUEST = re.compile(
    r"\b(?P<verb>urge|press|demand|implore|ask|tell|request|petition|encourage|call\s+on"
    r"|call\s+upon)\s+" + WHO + r"\s+to\s+(?P<what>[^.;!?]+)",
    re.IGNORECASE,
)
STRESS = re.compile(
    r"^(?:emphasi[sz]e|stress|highlight|underscore|underline)\s+(?P<what>[^.;!?]+)",
    re.IGNORECASE,
)
ADVOCATE_FOR = re.compile(
    r"^(?:advocate|push|call|press|lobby)\s+for\s+(?P<what>[^.;!?]+)", re.IGNORECASE
)
SUPPORT = re.compile(
    r"\b(?:express|voice|share|show)\s+(?:your\s+)?(?:strong\s+)?(?:support|backing)\s+for\s+"
    r"(?P<what>[^.;!?]+?)(?=\s+and\s+(?:urge|ask|call)\b|[.;!?]|$)",
    re.IGNORECASE,
)
OPPOSE = re.compile(
    r"\b(?:express|voice|share)\s+(?:your\s+)?(?:strong\s+)?(?:opposition|objection)s?\s+to\s+"
    r"(?P<what>[^.;!?]+?)(?=\s+and\s+(?:urge|ask|call)\b|[.;!?]|$)",
    re.IGNORECASE,
)
CONCERN = re.compile(
    r"\b(?:express|voice|share)\s+(?:your\s+)?(?:concerns?|worry|worries)\s+"
    r"(?:on|about|regarding|over)\s+(?P<what>[^.;!?]+?)(?=\s+and\s+(?:urge|ask|call)\b|[.;!?]|$)",
    re.IGNORECASE,
)
VIEW = re.compile(
    r"\b(?:express|voice|share)\s+(?:your\s+)?(?:views?|thoughts|opinions?)\s+"
    r"(?:on|about|regarding|over)\s+(?P<what>[^.;!?]+?)(?=\s+and\s+(?:urge|ask|call)\b|[.;!?]|$)",
    re.IGNORECASE,
)
# A "What to Say" step may state the ask as a bare imperative: "Support the aid bill."
IMPERATIVE = re.compile(
    r"^(?P<verb>support|oppose|back|fund|protect|pass|reject|restore|defend|vote\s+for"
    r"|vote\s+against|reauthori[sz]e|repeal|block|stop|end|cosponsor|co-sponsor)\s+"
    r"(?P<what>[^.;!?]+)",
    re.IGNORECASE,
)
MESSAGE_LABEL = re.compile(r"say|message|ask|urge|demand|point|request|tell", re.IGNORECASE)
# Words that address the reader, to be said by the reader; then the official's, to them.
READER_WORDS = [
    (re.compile(r"\byourselves\b", re.I), "ourselves"),
    (re.compile(r"\byourself\b", re.I), "myself"),
    (re.compile(r"\byours\b", re.I), "mine"),
    (re.compile(r"\byour\b", re.I), "my"),
]
OFFICIAL_WORDS = [
    (re.compile(r"\bthemselves\b", re.I), "yourselves"),
    (re.compile(r"\btheir\b", re.I), "your"),
    (re.compile(r"\bthem\b", re.I), "you"),
    (re.compile(r"\bthey\b", re.I), "you"),
]
TRAILING = re.compile(
    r"\s*(?:,?\s*(?:in|with)\s+(?:your|the)\s+(?:letter|message|email|call|note)|,?\s*when\s+you"
    r"\s+(?:write|call|contact)[^.]*)\s*$",
    re.IGNORECASE,
)


def concrete_asks(action: Action) -> list[str]:
    """The action's asks as the reader's requests, at most MAX_ASKS, in the order given."""
    found: list[str] = []
    for step in action.steps:
        message_step = bool(MESSAGE_LABEL.search(step.label))
        for sentence in SENTENCE_END.split(step.text.strip()):
            found.extend(_asks_in(sentence.strip(), message_step))
    unique = list(dict.fromkeys(found))
    return unique[:MAX_ASKS]


def _asks_in(sentence: str, message_step: bool) -> list[str]:
    """The asks of one sentence, in the order the sentence makes them."""
    asks: list[tuple[int, str]] = []
    for match in REQUEST.finditer(sentence):
        verb = " ".join(match.group("verb").lower().split())
        asks.append((match.start(), _request(REQUEST_VERBS[verb], match.group("what"))))
    for pattern, opening in (
        (SUPPORT, "I ask you to support"),
        (OPPOSE, "I ask you to oppose"),
        (CONCERN, "I am concerned about"),
        (VIEW, "I want to share my view on"),
    ):
        for match in pattern.finditer(sentence):
            asks.append((match.start(), _request(opening, match.group("what"))))
    if match := STRESS.match(sentence):
        asks.append((0, _request("I want to stress", match.group("what"))))
    elif match := ADVOCATE_FOR.match(sentence):
        asks.append((0, _request("I ask you to support", match.group("what"))))
    elif message_step and (match := IMPERATIVE.match(sentence)):
        verb = " ".join(match.group("verb").lower().split())
        asks.append((0, _request(f"I ask you to {verb}", match.group("what"))))
    return [ask for _, ask in sorted(asks, key=lambda found: found[0]) if ask]


def _request(opening: str, what: str) -> str:
    what = TRAILING.sub("", what.strip().rstrip(",:"))
    if len(what.split()) < MIN_ASK_WORDS:
        return ""
    for pattern, words in READER_WORDS:
        what = pattern.sub(lambda m, w=words: _same_case(m.group(0), w), what)
    for pattern, words in OFFICIAL_WORDS:
        what = pattern.sub(lambda m, w=words: _same_case(m.group(0), w), what)
    text = f"{opening} {what[0].lower() + what[1:] if _lower_first(what) else what}."
    return text if len(text) <= MAX_ASK_CHARS else ""


def _lower_first(text: str) -> bool:
    """Whether the first word may be lower-cased (not a name or an acronym like "NATO")."""
    first = text.split()[0]
    return first[:1].isupper() and first[1:].islower() and first.lower() in COMMON_WORDS


def _same_case(found: str, replacement: str) -> str:
    return replacement.capitalize() if found[:1].isupper() else replacement


COMMON_WORDS = frozenset(
    """the a an any all more legislation funding policies policy measures efforts support
    sanctions aid laws law action actions reforms reform programs investment protections
    comprehensive strong immediate diplomatic humanitarian""".split()
)
