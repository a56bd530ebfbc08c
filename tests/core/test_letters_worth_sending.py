"""Letters worth sending: the reader's voice, never the article's instructions; checks before
sending; one record per letter with its deliveries; officials counted by identity; and the
migration that brings older libraries along."""

from __future__ import annotations

import sqlite3

import pytest

from advocate_app.core.articles.model import Action, Step
from advocate_app.core.articles.text_parser import parse_text
from advocate_app.core.identity import match_name
from advocate_app.core.letters.asks import concrete_asks
from advocate_app.core.letters.checks import PERSONAL, ProblemKind, problems
from advocate_app.core.letters.compose import compose_letters, guidance, samples_for
from advocate_app.core.letters.routes import Route
from advocate_app.core.letters.templates import LetterTemplateError, LetterTemplates
from advocate_app.core.officials.model import OfficeKind, Official
from advocate_app.core.profile.model import Profile
from advocate_app.core.session import Session
from advocate_app.core.store.database import APPLICATION_ID, open_database
from advocate_app.core.store.migrations import MIGRATIONS
from advocate_app.core.store.tracking import CallOutcome
from tests.support.data import ADA, OFFICIALS, SITE_TITLE, TODAY

TEMPLATES = ("senator", "representative", "delegate", "white_house", "general")


def page(todo: str, title: str = "Title") -> str:
    return (
        f"{title}\n\nexample.org -- Tuesday, March 4, 2025, 10:05:00 AM Eastern Standard Time\n"
        "Categories: Health\nText.\n\nTo Do:\n\n" + todo
    )


@pytest.mark.parametrize("template", TEMPLATES)
def test_template_letters_for_a_plain_news_article_hold_no_instructions(seed_text, template):
    article = parse_text(seed_text("002"))  # a bare news article: generated actions
    for action in article.actions:
        letters = compose_letters(
            article, action, OFFICIALS, ADA, LetterTemplates(None), template=template,
            today=TODAY,
        )  # fmt: skip
        assert letters, action.title
        for letter in letters:
            for step in action.steps:  # "Write to both of your senators…", "Use the … form"
                assert step.text not in letter.body
            assert "Tell them what you think" not in letter.body
            assert PERSONAL in letter.body  # the marked paragraph for the reader's own words
            assert letter.body.count(letter.recipient.salutation + ",") == 1
            assert "Seattle, WA 98101" in letter.body
            # The made-up title is not quoted as a headline.
            assert article.title not in letter.body and article.title not in letter.subject


def test_concrete_asks_become_the_readers_requests(seed_text):
    article = parse_text(seed_text("000"))
    asks = concrete_asks(article.actions[7])  # "Urge them to support legislation that…"
    assert asks == [
        "I urge you to support legislation that imposes or maintains sanctions on Russia to "
        "deter further aggression.",
        "I ask you to support comprehensive sanctions that target sectors of the Russian "
        "economy while ensuring that humanitarian aid continues to flow to those in need.",
    ]
    letter = compose_letters(
        article, article.actions[7], OFFICIALS, ADA, LetterTemplates(None), today=TODAY
    )[0]
    assert asks[0] in letter.body and "Urge them" not in letter.body
    assert "What to Say" not in letter.body


@pytest.mark.parametrize(
    ("instruction", "expected"),
    [
        (
            "Call your senators and urge them to protect their constituents' health care.",
            "I urge you to protect your constituents' health care.",
        ),
        (
            "Ask your representative to cosponsor the Clean Water Act in your letter.",
            "I ask you to cosponsor the Clean Water Act.",
        ),
        (
            "Emphasize the importance of funding your local schools.",
            "I want to stress the importance of funding my local schools.",
        ),
        (
            "Express your opposition to the new pipeline and urge them to vote no on it.",
            "I ask you to oppose the new pipeline.",
        ),
        ("Write to both of your senators about this article and ask them to act.", None),
        ("Use the White House contact form to share your view.", None),
        ("Find their contact information at senate.gov.", None),
    ],
)
def test_instructions_to_the_reader_become_requests_or_nothing(instruction, expected):
    action = Action(1, "Write", steps=(Step("Write", instruction),))
    asks = concrete_asks(action)
    if expected is None:
        assert asks == []
    else:
        assert asks[0] == expected


def test_guidance_is_shown_beside_the_letter_not_in_it(seed_text):
    article = parse_text(seed_text("000"))
    lines = guidance(article.actions[0])
    assert lines[0].startswith("Write to Elected Officials: Reach out to your local")
    assert any(line.startswith("What to Say: Emphasize") for line in lines)


def test_another_actions_sample_is_offered_where_it_fits():
    todo = (
        "1. **Write to your Senators**: - **What to Say**: Urge them to fund rural clinics. "
        "2. **Write to Congress**: - **Your Senators**: write them. - **Sample Message**: "
        "``` Dear [Senator's Name], Please fund rural clinics now. Sincerely, [Your Name] ``` "
        "3. **Write to the White House**: - **Sample Message**: ``` Dear Mr. President, Act. "
        "Sincerely, [Your Name] ```"
    )
    article = parse_text(page(todo))
    first = article.actions[0]
    senators = list(OFFICIALS.senators)
    assert [a.number for a in samples_for(article, first, senators)] == [2]
    assert [a.number for a in samples_for(article, first, [OFFICIALS.president])] == [3]
    templates = LetterTemplates(None)
    letters = compose_letters(
        article, first, OFFICIALS, ADA, templates, template="sample:2", today=TODAY
    )
    assert "Please fund rural clinics now." in letters[0].body
    assert "\nDear Senator Cantwell,\n" in letters[0].body
    (to_president,) = compose_letters(
        article, first, OFFICIALS, ADA, templates, template="sample:2", today=TODAY,
        recipients=[OFFICIALS.president],
    )  # fmt: skip
    assert "Please fund rural clinics" not in to_president.body
    assert any("uses the white house template" in note for note in to_president.notes)


def test_the_checks_before_sending():
    assert [p.kind for p in problems("s", "   ", Route.COPY)] == [ProblemKind.EMPTY]
    found = problems("s", f"Dear X,\n{PERSONAL}\n[Your Phone]\n", Route.COPY)
    assert [p.kind for p in found] == [ProblemKind.PERSONAL, ProblemKind.PLACEHOLDER]
    assert found[1].text == "Still to fill in: [Your Phone]."
    long = "word " * 700  # 3,500 characters
    assert problems("s", long, Route.COPY) == []
    assert problems("s", long, Route.PRINT)[0].kind is ProblemKind.TOO_LONG
    assert problems("s", long, Route.CONTACT_FORM, 2000)[0].text.startswith(
        "The office's form takes about 2,000 characters; this letter has 3,500"
    )
    assert problems("s", long, Route.CONTACT_FORM, None) == []
    assert "copied for you to paste" in problems("s", long, Route.EMAIL)[0].text


def test_an_empty_template_a_bare_action_and_an_empty_profile(tmp_path):
    folder = tmp_path / "templates"
    folder.mkdir()
    (folder / "blank.txt.j2").write_text("Subject: nothing\n\n{# nothing #}\n", encoding="utf-8")
    article = parse_text(page("1. **Write to your Senators**"))
    action = article.actions[0]
    with pytest.raises(LetterTemplateError, match="blank wrote an empty letter"):
        compose_letters(
            article, action, OFFICIALS, ADA, LetterTemplates(tmp_path), template="blank"
        )
    (letter, _) = compose_letters(
        article, action, OFFICIALS, Profile(), LetterTemplates(None), template="senator",
        today=TODAY,
    )  # fmt: skip
    assert "I ask you to take this issue up in the Senate." in letter.body  # no ask given
    kinds = {p.kind for p in problems(letter.subject, letter.body, letter.route)}
    assert kinds == {ProblemKind.PERSONAL, ProblemKind.PLACEHOLDER}
    assert "[Your Name]" in letter.body and "[Your City, State ZIP]" in letter.body


def test_names_match_the_official_they_mean():
    people = [("S002", "Bea Birch"), ("S001", "Ann Alder")]
    assert match_name("Senator Bea Birch", people) == "S002"
    assert match_name("Sen. Birch", people) == "S002"
    assert match_name("BIRCH, Bea", people) == "S002"
    assert match_name("Beatrice Birch", people) == "S002"  # the one Birch
    assert match_name("Cy Cedar", people) is None
    assert match_name("Birch", [*people, ("R1", "Tom Birch")]) is None  # two Birches


def letter_to(official: Official, body: str = "Dear Senator Birch, hello.") -> object:
    from advocate_app.core.letters.compose import Letter

    return Letter(official, "Subject", body, Route.CONTACT_FORM, "", None, (), ())


BIRCH = Official("Bea Birch", "Senator", "Dear Senator Birch", OfficeKind.SENATOR, bioguide="S002")


def test_a_letter_is_one_record_however_often_it_goes_out(library_path):
    with Session.open(library_path.parent) as session:
        article = next(s.id for s in session.library.list() if s.title == SITE_TITLE)
        draft = session.save_letter(article, 2, letter_to(BIRCH))
        assert session.letters(drafts=True)[0].id == draft
        assert session.letters() == []  # nothing went out yet
        for route in (Route.COPY, Route.CONTACT_FORM, Route.COPY):
            assert session.deliver_letter(article, 2, letter_to(BIRCH), route, draft) == draft
        assert session.activity().letters_sent == 0
        assert session.records(article)[2].letters_waiting == 1
        session.mark_letter_sent(draft)
        again = session.deliver_letter(article, 2, letter_to(BIRCH), Route.COPY, draft)
        assert again == draft  # the same text sent again is the same letter
        (record,) = session.letters()
        assert record.sent and [r for r, _ in record.deliveries] == [
            "copy", "contact_form", "copy", "copy",
        ]  # fmt: skip
        assert session.activity().letters_sent == 1
        assert not session.delete_letter(draft)  # a sent letter stays in the record
        changed = session.save_letter(article, 2, letter_to(BIRCH, "Dear Senator Birch, more."))
        assert changed != draft  # editing a sent letter starts a new one


def test_calls_and_letters_to_one_senator_count_once(library_path):
    with Session.open(library_path.parent) as session:
        article = next(s.id for s in session.library.list() if s.title == SITE_TITLE)
        letter_id = session.deliver_letter(article, 2, letter_to(BIRCH), Route.COPY)
        session.mark_letter_sent(letter_id)
        session.log_call(article, 2, "Senator Bea Birch", CallOutcome.CONTACTED, known=[])
        session.log_call(article, 2, "Sen. Birch", CallOutcome.VOICEMAIL, known=[])
        record = session.records(article)[2]
        assert record.reached == ("Bea Birch",)  # one official, reached three times
        session.log_call(article, 2, "Cy Cedar", CallOutcome.CONTACTED, known=[])
        assert len(session.records(article)[2].reached) == 2
        per_official = session.activity().letters_per_official
        assert per_official == [("Bea Birch", 1)]


def test_drafts_of_a_deleted_article_are_named_and_can_be_deleted(library_path):
    with Session.open(library_path.parent) as session:
        article = next(s.id for s in session.library.list() if s.title == SITE_TITLE)
        draft = session.save_letter(article, 2, letter_to(BIRCH))
        session.delete([article])
        session.purge_deleted()
        (record,) = session.letters(drafts=True)
        assert record.article_id is None
        assert record.article_title == "an article no longer in the library"
        assert session.delete_letter(draft) and session.letters(drafts=True) == []


def _v5_library(path) -> sqlite3.Connection:
    """A library as the previous version left it: schema 5, letters counted per delivery."""
    db = sqlite3.connect(path)
    for version, migration in MIGRATIONS[:5]:
        migration(db)
        db.execute(f"PRAGMA user_version = {version}")
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    db.execute(
        "INSERT INTO articles (uid, title, sort_key, action_count, content_hash, imported_at,"
        " updated_at) VALUES ('u1', 'An article', 0, 2, 'h', 't', 't')"
    )
    murray = ("Patty Murray", "senator", "M001111")
    rows = [
        (*murray, "copy", "Dear Senator Murray, A.", "2026-01-02T10:00:00+00:00"),
        (*murray, "contact_form", "Dear Senator Murray, A.", "2026-01-02T10:01:00+00:00"),
        ("Maria Cantwell", "senator", "C000127", "print", "Dear Senator Cantwell, B.",
         "2026-01-03T09:00:00+00:00"),
        ("Donald Trump", "president", None, "contact_form", "Dear President Trump, C.",
         "2026-01-04T09:00:00+00:00"),
    ]  # fmt: skip
    for name, kind, bioguide, route, body, at in rows:
        db.execute(
            "INSERT INTO letters (article_uid, action_number, recipient_name, recipient_kind,"
            " recipient_id, route, subject, body, sent_at) VALUES ('u1', 2, ?, ?, ?, ?, 'S', ?, ?)",
            (name, kind, bioguide, route, body, at),
        )
    db.execute(
        "INSERT INTO calls (article_uid, action_number, official, outcome, called_at)"
        " VALUES ('u1', 2, 'Senator Patty Murray', 'contacted', '2026-01-05T09:00:00+00:00')"
    )
    db.commit()
    return db


def test_the_migration_keeps_old_letters_as_sent_letters(tmp_path):
    path = tmp_path / "library.sqlite3"
    _v5_library(path).close()
    open_database(path).close()  # upgrades, keeping a copy first
    assert list(tmp_path.glob("library.v5.*.bak")), "no copy was kept before the upgrade"
    with Session.open(tmp_path) as session:
        letters = sorted(session.letters(), key=lambda r: r.id)
        assert [(r.recipient_name, r.sent, [d for d, _ in r.deliveries]) for r in letters] == [
            ("Patty Murray", True, ["copy", "contact_form"]),  # the same text: one letter
            ("Maria Cantwell", True, ["print"]),
            ("Donald Trump", True, ["contact_form"]),
        ]
        assert letters[2].recipient_key == "white-house:president"
        assert letters[0].sent_at == "2026-01-02T10:00:00+00:00"
        record = session.records(session.library.ids()[0])[2]
        # The call to "Senator Patty Murray" is the letter's Patty Murray: three reached.
        assert record.reached == ("Donald Trump", "Maria Cantwell", "Patty Murray")
        assert session.activity().letters_sent == 3
