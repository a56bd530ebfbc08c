"""The three shapes of real articles parse as a careful reader would read them."""

from __future__ import annotations

from datetime import timedelta

from advocate_app.core.articles.model import TargetKind
from advocate_app.core.articles.text_parser import parse_text


def kinds(action) -> list[str]:
    return [str(t.kind) for t in action.targets]


def test_full_site_page(seed_text):
    article = parse_text(seed_text("001"))

    assert article.title == "Trump-Putin talks on Ukraine end as summit stretches on"
    assert not article.title_derived
    assert article.source == "maitlandmercury.com.au"
    assert article.published is not None
    assert article.published.isoformat() == "2025-08-15T19:28:57-04:00"
    assert article.published.utcoffset() == timedelta(hours=-4)
    assert article.categories == (
        "Foreign Policy & International Relations",
        "U.S.–Russia Relations",
        "U.S. Elections & Voting Rights",
    )
    # The repeated headline, "Expand" and the petition button are not article text.
    assert article.body[0].startswith("US President Donald Trump and Russian President")
    assert article.body[-1].startswith("\"But they're not doing business")
    assert "Expand" not in article.body and "Sign Our Petition" not in article.body
    assert len(article.opinion) == 5 and article.opinion[0].startswith("The recent summit")
    assert article.opinion[-1].startswith("Lastly,")
    assert len(article.action_essay) == 6
    assert article.action_essay[-1].startswith("In conclusion, the Trump-Putin summit")
    assert article.actions_intro.endswith(
        "Personal Actions to Advocate for Peace and Support Ukraine"
    )
    assert "###" not in article.actions_intro
    assert article.actions_outro.startswith("By taking these actions")

    assert [a.number for a in article.actions] == list(range(1, 9))
    assert [a.title for a in article.actions] == [
        "Engage with Petitions",
        "Contact Elected Officials",
        "Engage in Local Activism",
        "Utilize Social Media",
        "Contact the White House",
        "Educate Yourself and Others",
        "Support Humanitarian Efforts",
        "Advocate for Accountability",
    ]
    assert not any(a.generated for a in article.actions)
    petitions, officials, _, _, white_house, _, _, accountability = article.actions
    assert kinds(petitions) == []
    assert [s.label for s in petitions.steps] == [
        "Support Ukraine's Sovereignty",
        "Example Petition",
    ]

    assert kinds(officials) == ["senators", "representative"]
    find = officials.steps[1]
    assert find.label == "Find Your Representatives"
    assert find.text == "Use Congress.gov to identify your representatives."
    assert [(link.text, link.url) for link in find.links] == [
        ("Congress.gov", "https://www.congress.gov/")
    ]
    (sample,) = officials.sample_messages
    assert sample.startswith("Dear [Representative's Name],\n\nI am deeply concerned")
    assert sample.endswith(
        "Thank you for your attention to this important matter.\n\n"
        "Sincerely,\n[Your Name]\n[Your Address]\n[Your Email]"
    )
    # The step that only introduced the sample is not repeated as an empty step.
    assert "Sample Message" not in [s.label for s in officials.steps]

    assert kinds(white_house) == ["white_house"]
    assert white_house.sample_messages[0].startswith("Dear President Biden,\n\n")
    assert white_house.steps[1].links[0].url == "https://www.whitehouse.gov/contact/"

    (icc,) = accountability.targets
    assert icc.kind is TargetKind.OTHER
    assert icc.name == "ICC" and icc.contact == "https://www.icc-cpi.int"

    assert len(article.related) == 10
    assert article.related[0] == "Inside Putin's make-or-break Alaska mission to seduce Trump"
    assert article.related[-1].startswith("US-Russia talks on Ukraine: Who are in the delegations")
    assert not any("opyright" in line or "Updated very often" in line for line in article.related)


def test_opinion_and_actions_run_together(seed_text):
    article = parse_text(seed_text("000"))

    assert article.title == "The one thing Trump wants out of his meeting with Putin"
    assert article.source == "politico.com"
    assert article.published.isoformat() == "2025-08-15T05:58:49-04:00"
    assert article.categories[-1] == "U.S.–NATO Relations"
    assert article.body[0].startswith('"The second meeting is going to be very, very important')
    assert article.body[-1].startswith('"There is a 25 percent chance')
    # "Sign Our Petition" was glued to the first paragraph of the opinion.
    assert article.opinion[0].startswith("The recent news surrounding the anticipated meeting")
    assert article.opinion[-1].startswith("In conclusion, the upcoming meeting")
    assert article.action_essay[0].startswith("The geopolitical landscape surrounding")
    assert article.action_essay[-1].startswith("Ultimately, the potential meeting")
    assert article.actions_intro.endswith(
        "Here’s a detailed list of actions you can personally engage in:"
    )
    assert article.actions_outro.startswith("By taking these actions, individuals can contribute")

    titles = [a.title for a in article.actions]
    assert titles == [
        "Advocate for Diplomatic Solutions",
        "Support Humanitarian Efforts",
        "Engage with Petitions",
        "Educate and Mobilize Your Community",
        "Contact International Organizations",
        "Support Local and National Advocacy Groups",
        "Engage in Political Discourse",
        "Promote Economic Sanctions Against Aggressors",
    ]
    diplomatic, humanitarian, _, _, international, groups, discourse, sanctions = article.actions
    assert kinds(diplomatic) == ["senators", "representative"]
    assert [s.label for s in diplomatic.steps] == [
        "Write to Elected Officials",
        "What to Say",
        "Who to Contact",
        "Your U.S. Senators",
        "Your U.S. Representative",
    ]
    assert diplomatic.steps[3].links[0].url == "https://www.senate.gov"
    assert kinds(humanitarian) == []  # donations are not letters
    assert [link.url for s in humanitarian.steps for link in s.links] == [
        "https://www.globalgiving.org/projects/ukraine-crisis-relief-fund/",
        "https://www.unicef.org/",
    ]
    (un,) = international.targets
    assert (un.kind, un.name, un.contact) == (
        TargetKind.OTHER,
        "United Nations Headquarters",
        "mailto:contact@un.org",
    )
    assert "405 East 42nd Street New York, NY 10017" in international.steps[-1].text
    assert kinds(groups) == [] and kinds(discourse) == []
    assert kinds(sanctions) == ["senators", "representative"]


def test_bare_news_article_gets_title_and_generated_actions(seed_text):
    article = parse_text(seed_text("002"))

    assert article.title_derived
    assert article.title.startswith("President Donald Trump, soon on his way to meet")
    assert len(article.title) <= 91 and article.title.endswith("…")
    assert article.source is None and article.published is None
    assert article.categories == () and article.related == ()
    assert len(article.body) == 20
    assert article.body[0].startswith("President Donald Trump, soon on his way")
    assert [a.generated for a in article.actions] == [True, True, True]
    assert [kinds(a) for a in article.actions] == [
        ["senators"],
        ["representative"],
        ["white_house"],
    ]


def test_short_first_sentence_is_the_whole_title():
    article = parse_text("Senate passes the bill. It now goes to the House for a vote.\n")
    assert article.title == "Senate passes the bill"


def test_abbreviations_do_not_end_the_derived_title():
    article = parse_text("The U.S. Senate voted on Tuesday. More follows.\n")
    assert article.title == "The U.S. Senate voted on Tuesday"
