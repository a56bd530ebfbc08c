"""Fetching pages and feeds from a real HTTP server on 127.0.0.1, then reading offline."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from advocate_app.core.session import Session
from advocate_app.core.web.fetch import FetchError, fetch
from tests.support.cli import run_cli


def test_add_by_url_then_read_offline(capsys, server, data_dir):
    site = run_cli(capsys, "fetch", server.base + "/site/article.html", "--json")
    assert site.code == 0, site.err
    news = run_cli(capsys, "fetch", server.base + "/news/storm.html", "--json").json()
    server.stop()  # offline from here on

    shown = run_cli(capsys, "show", str(site.json()["id"]), "--json").json()
    assert shown["title"] == "Clean water for Flint, again"
    assert shown["url"] == "https://example.org/articles/clean-water"  # the page's own address
    assert shown["actions"][0]["title"] == "Write to Congress"
    story = run_cli(capsys, "show", str(news["id"]), "--json").json()
    assert story["title"] == "Storm hits coast"
    assert story["url"] == server.base + "/news/storm.html"
    assert story["body"][0].startswith("The storm made landfall at dawn; in district 1")
    assert "Log in" not in " ".join(story["body"]) and "pixel" not in str(story)
    assert story["published"].startswith("2025-09-01")
    assert all(a["generated"] for a in story["actions"])


def test_redirects_charsets_and_bad_pages(capsys, server, data_dir):
    moved = run_cli(capsys, "fetch", server.base + "/moved", "--json")
    assert moved.code == 0 and moved.json()["title"] == "Storm hits coast"
    cafe = run_cli(capsys, "fetch", server.base + "/latin1.html", "--json").json()
    assert cafe["title"] == "Café closes"
    cases = {
        "/missing": "answered 404",
        "/paper.pdf": "is not a web page (application/pdf)",
        "/login": "does not look like an article",
        "/elsewhere": "redirects to another site (localhost:",
        "/huge": "too large",
    }
    for path, message in cases.items():
        result = run_cli(capsys, "fetch", server.base + path)
        assert result.code == 1 and message in result.err, (path, result.err)
        assert "Traceback" not in result.err
    assert run_cli(capsys, "fetch", "ftp://example.org/x").code == 1
    assert len(run_cli(capsys, "list", "--json").json()) == 2  # no partial articles


def test_slow_server_times_out(server):
    started = time.monotonic()
    with pytest.raises(FetchError, match="no complete answer within 0.5 seconds"):
        fetch(server.base + "/slow", timeout=0.5)
    assert time.monotonic() - started < 2.5


def test_feeds_refresh_conditionally_and_skip_duplicates(capsys, server, data_dir, tmp_path):
    assert run_cli(capsys, "feeds", "add", server.base + "/feed.xml").code == 0
    assert run_cli(capsys, "feeds", "add", server.base + "/feed2.xml").code == 0
    with Session.open(data_dir) as session:
        reports = session.refresh_feeds(delay=0.05)
        assert [(r.feed, r.new_articles) for r in reports] == [("Test feed", 2), ("Test feed", 0)]
        assert server.requests.count("/site/article.html") == 1  # not fetched twice
        again = session.refresh_feeds(delay=0.05)
        assert again[0].not_modified and server.requests.count("/news/storm.html") == 1
    listed = run_cli(capsys, "feeds", "list", "--json").json()
    assert [f["unread"] for f in listed] == [2, 1]

    exported = tmp_path / "subs.opml"
    run_cli(capsys, "feeds", "export", "-o", str(exported))
    assert exported.read_text().count("<outline") == 2
    run_cli(capsys, "feeds", "remove", str(listed[1]["id"]))
    assert len(run_cli(capsys, "feeds", "list", "--json").json()) == 1
    result = run_cli(capsys, "feeds", "import", str(exported))
    assert "Subscribed to 1 new feed(s)" in result.out


def test_malformed_feed_and_offline_refresh(capsys, server, data_dir):
    bad = run_cli(capsys, "feeds", "add", server.base + "/bad-feed.xml")
    assert bad.code == 1 and "not a readable RSS or Atom feed" in bad.err
    run_cli(capsys, "feeds", "add", server.base + "/feed.xml")
    server.stop()
    result = run_cli(capsys, "feeds", "refresh")
    assert result.code == 1 and "could not connect" in result.err
    (feed,) = run_cli(capsys, "feeds", "list", "--json").json()
    assert feed["error"] and "could not connect" in feed["error"]


def test_network_switch_stops_all_fetching(capsys, server, data_dir):
    assert "off" in run_cli(capsys, "network", "off").out
    result = run_cli(capsys, "fetch", server.base + "/news/storm.html")
    assert result.code == 1 and "network access is turned off" in result.err
    assert server.requests == []
    update = run_cli(capsys, "directory", "update", "--from", server.base + "/")
    assert update.code == 1 and "network access is turned off" in update.err
    run_cli(capsys, "network", "on")
    assert run_cli(capsys, "fetch", server.base + "/news/storm.html").code == 0


def test_opml_bad_file(capsys, tmp_path, data_dir):
    bad = tmp_path / "bad.opml"
    bad.write_text("<opml><body><outline", encoding="utf-8")
    result = run_cli(capsys, "feeds", "import", str(bad))
    assert result.code == 1 and "not a readable OPML file" in result.err
    assert Path(bad).exists()
