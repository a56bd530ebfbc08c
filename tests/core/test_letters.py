"""Letters: placeholders, greetings, the template sandbox and mail links."""

from __future__ import annotations

from urllib.parse import unquote

import pytest

from advocate_app.core.articles.text_parser import parse_text
from advocate_app.core.letters.checks import problems
from advocate_app.core.letters.compose import compose_letters
from advocate_app.core.letters.placeholders import fill
from advocate_app.core.letters.recipients import plan_recipients
from advocate_app.core.letters.routes import Route, mailto_link
from advocate_app.core.letters.templates import LetterTemplateError, LetterTemplates
from advocate_app.core.officials.model import MyOfficials, Need
from advocate_app.core.profile.model import Profile
from tests.support.data import ADA, OFFICIALS, TODAY


def page(todo: str) -> str:
    return (
        "Title\n\nexample.org -- Tuesday, March 4, 2025, 10:05:00 AM Eastern Standard Time\n"
        "Categories: Health\nText.\n\nTo Do:\n\n" + todo
    )


def test_every_spelling_of_the_placeholders_is_filled():
    values = {
        "name": "Ada Lovelace",
        "address": "1 Main St, Seattle, WA 98101",
        "email": "ada@example.org",
        "phone": "206-555-0100",
        "city_state": "Seattle, WA",
        "zip": "98101",
        "recipient": "Maria Cantwell",
        "date": "November 25, 2026",
    }
    text = (
        "[Your Name] [your name] [YOUR NAME] [Your Address] [Your Email] [Your Email Address] "
        "[Your Phone Number] [Your City, State] [Your ZIP Code] [Representative's Name] "
        "[Senator’s Name] [Senators Name] [Name] [Date] [Your Title] [Organization]"
    )
    filled = fill(text, values)
    assert filled.text == (
        "Ada Lovelace Ada Lovelace Ada Lovelace 1 Main St, Seattle, WA 98101 ada@example.org "
        "ada@example.org 206-555-0100 Seattle, WA 98101 Maria Cantwell Maria Cantwell "
        "Maria Cantwell Maria Cantwell November 25, 2026 [Your Title] [Organization]"
    )
    assert filled.unresolved == ("[Your Title]", "[Organization]")


def test_sample_letters_go_to_each_senator_with_their_own_greeting(seed_text):
    article = parse_text(seed_text("001"))
    letters = compose_letters(
        article, article.actions[1], OFFICIALS, ADA, LetterTemplates(None), today=TODAY
    )
    assert [letter.recipient.name for letter in letters] == [
        "Maria Cantwell",
        "Patty Murray",
        "Pramila Jayapal",
    ]
    greetings = [letter.body.split("\n")[2] for letter in letters]
    assert greetings == [
        "Dear Senator Cantwell,",
        "Dear Senator Murray,",
        "Dear Representative Jayapal,",
    ]
    body = letters[0].body
    assert body.startswith("November 25, 2026\n\nDear Senator Cantwell,\n\nI am deeply concerned")
    assert body.rstrip().endswith(
        "Sincerely,\nAda Lovelace\n1 Main St, Seattle, WA 98101\nada@example.org"
    )
    assert letters[0].unresolved_placeholders == () and letters[0].route == "contact_form"


def test_the_wrong_president_is_replaced_and_noted(seed_text):
    article = parse_text(seed_text("001"))
    (letter,) = compose_letters(
        article, article.actions[4], OFFICIALS, ADA, LetterTemplates(None), today=TODAY
    )
    assert "Dear President Trump,\n" in letter.body and "Biden" not in letter.body
    assert any('greeted "President Biden"' in note for note in letter.notes)
    assert letter.contact_url == "https://www.whitehouse.gov/contact/" and letter.limit == 2000


def test_an_empty_profile_leaves_visible_placeholders(seed_text):
    article = parse_text(seed_text("001"))
    letters = compose_letters(
        article, article.actions[1], OFFICIALS, Profile(), LetterTemplates(None), today=TODAY
    )
    assert "[Your Name]\n[Your Address]\n[Your Email]" in letters[0].body
    assert letters[0].unresolved_placeholders == ("[Your Name]", "[Your Address]", "[Your Email]")
    (found,) = problems(letters[0].subject, letters[0].body, letters[0].route, letters[0].limit)
    assert found.text == "Still to fill in: [Your Name], [Your Address], [Your Email]."


def test_no_officials_known_means_no_letter_to_a_stand_in():
    """Never "Dear Senator": without names the plan says why and what to do instead."""
    article = parse_text(page("1. **Write to Congress**: - **Your Senators**: write them."))
    unknown = MyOfficials(needs=(Need.DIRECTORY,))
    letters = compose_letters(
        article, article.actions[0], unknown, ADA, LetterTemplates(None), today=TODAY
    )
    assert letters == []
    plan = plan_recipients(article.actions[0], unknown)
    assert plan.recipients == () and Need.DIRECTORY in plan.needs
    assert any("get the directory of officials" in note for note in plan.notes)


def test_article_text_is_data_never_template_code():
    todo = (
        "1. **Write to your Senators**: - **What to Say**: Urge them to fund {{ 7*7 }} schools"
        " {% if 1 %}x{% endif %}"
        " - **Sample Message**: ``` Dear [Senator's Name], {{ config }} {% for a in b %} "
        "Sincerely, [Your Name] ```"
    )
    article = parse_text(page(todo).replace("Title", "About {{ secrets }}"))
    templates = LetterTemplates(None)
    (sample, _) = compose_letters(
        article, article.actions[0], OFFICIALS, ADA, templates, today=TODAY
    )
    assert "{{ config }} {% for a in b %}" in sample.body
    (written, _) = compose_letters(
        article, article.actions[0], OFFICIALS, ADA, templates, template="senator", today=TODAY
    )
    assert "I urge you to fund {{ 7*7 }} schools {% if 1 %}x{% endif %}." in written.body
    assert 'about "About {{ secrets }}"' in written.body and "49" not in written.body


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("Subject: x\n\n{% for %}", "template broken, line 3"),
        ("Subject: x\n\n{{ sender.__class__.__mro__ }}", "not allowed"),
        ("Subject: x\n\n{{ ''.__class__.__subclasses__() }}", "not allowed"),
        (
            "Subject: x\n{% for a in range(100000) %}{% for b in range(100000) %}{% endfor %}"
            "{% endfor %}",
            "took longer than",
        ),
        ("Subject: x\n{% for a in range(100000) %}{{ 'x' * 100 }}{% endfor %}", "more than"),
        ("Subject: x\n\nline two\n{{ nothing.here }}", "line 4"),
    ],
)
def test_user_templates_are_sandboxed_and_bounded(tmp_path, source, message):
    folder = tmp_path / "data" / "templates"
    folder.mkdir(parents=True)
    (folder / "broken.txt.j2").write_text(source, encoding="utf-8")
    article = parse_text(page("1. **Write to your Senators**: - **Say**: hello."))
    with pytest.raises(LetterTemplateError, match=message):
        compose_letters(
            article,
            article.actions[0],
            OFFICIALS,
            ADA,
            LetterTemplates(tmp_path / "data"),
            template="broken",
        )


def test_user_templates_override_and_add(tmp_path):
    folder = tmp_path / "templates"
    folder.mkdir()
    (folder / "senator.txt.j2").write_text("Subject: Mine\n\n{{ recipient.salutation }}, hi.\n")
    (folder / "short.txt.j2").write_text("Subject: Short\n\nHello {{ recipient.name }}.\n")
    templates = LetterTemplates(tmp_path)
    names = {info.name: info.user for info in templates.available()}
    assert names["senator"] is True and names["short"] is True and names["general"] is False
    article = parse_text(page("1. **Write to your Senators**: - **Say**: hello."))
    letter = compose_letters(article, article.actions[0], OFFICIALS, ADA, templates)[0]
    assert (letter.subject, letter.body) == ("Mine", "Dear Senator Cantwell, hi.\n")


def test_mailto_links_are_encoded_and_bounded():
    link = mailto_link("contact@un.org", "Peace & Ukraine?", "Dear UN,\n\nÜber 100% — yes.")
    assert link.startswith("mailto:contact@un.org?subject=Peace%20%26%20Ukraine%3F&body=")
    assert unquote(link.split("&body=")[1]) == "Dear UN,\r\n\r\nÜber 100% — yes."
    assert mailto_link("a@b.org", "s", "word " * 1000) is None


def test_other_recipients_get_an_email_route(seed_text):
    article = parse_text(seed_text("000"))
    (letter,) = compose_letters(
        article, article.actions[4], OFFICIALS, ADA, LetterTemplates(None), today=TODAY
    )
    assert letter.route == "email" and letter.recipient.name == "United Nations Headquarters"
    assert letter.mailto.startswith("mailto:contact@un.org?subject=")


def test_very_long_samples_and_non_ascii_names(tmp_path):
    long_sample = (
        "Dear [Senator's Name], " + "Zoë’s neighbours care. " * 400 + "Sincerely, [Your Name]"
    )
    article = parse_text(
        page(f"1. **Write to the White House**: - **Sample**: ``` {long_sample} ```")
    )
    profile = Profile(first_name="José", last_name="Núñez-Øberg", city="San Germán", state="PR")
    (letter,) = compose_letters(
        article, article.actions[0], OFFICIALS, profile, LetterTemplates(None), today=TODAY
    )
    assert "José Núñez-Øberg" in letter.body and len(letter.body) > 8000
    (too_long,) = problems(letter.subject, letter.body, Route.CONTACT_FORM, letter.limit)
    assert too_long.text.startswith("The office's form takes about 2,000 characters")
