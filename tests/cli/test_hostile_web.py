"""Against a hostile server: every download ends with one readable line, in bounded time and
memory, and nothing half-fetched is stored."""

from __future__ import annotations

import time

import pytest

from advocate_app.core.session import Session
from advocate_app.core.web.fetch import FetchError, fetch
from tests.support.cli import run_cli
from tests.support.hostile import HostileServer


@pytest.fixture
def hostile():
    server = HostileServer()
    yield server
    server.stop()


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/long-header", "the server's answer was broken"),
        ("/many-headers", "the server's answer was broken"),
        ("/garbage-status", "the server's answer was broken"),
        ("/broken-chunks", "the server's answer was broken"),
        ("/truncated", "the download was cut short (500 of 100,000 bytes)"),
        ("/gzip-bomb", "larger than 10 MB"),
        ("/brotli", "compressed in a way Advocate cannot read (br)"),
        ("/nested", "nested too deeply"),
        ("/other-port", "redirects to another site (127.0.0.1:9)"),
    ],
)
def test_each_broken_answer_is_one_line_and_nothing_is_stored(capsys, hostile, path, message):
    result = run_cli(capsys, "fetch", hostile.base + path)
    assert result.code == 1, result.out
    assert message in result.err and "Traceback" not in result.err
    assert len(result.err.strip().splitlines()) == 1
    assert run_cli(capsys, "list", "--json").json() == []


def test_a_gzip_page_is_read(capsys, hostile):
    result = run_cli(capsys, "fetch", hostile.base + "/gzip", "--json")
    assert result.code == 0, result.err
    assert result.json()["title"] == "Fine page"


@pytest.mark.parametrize("path", ["/trickle-body", "/trickle-headers"])
def test_a_trickling_server_is_given_up_on_in_time(hostile, path):
    started = time.monotonic()
    with pytest.raises(FetchError, match="no complete answer within 2 seconds"):
        fetch(hostile.base + path, timeout=2)
    assert time.monotonic() - started < 3.5


def test_a_download_stops_soon_after_it_is_cancelled(hostile):
    started = time.monotonic()
    with pytest.raises(FetchError, match="the download was stopped"):
        fetch(hostile.base + "/trickle-body", cancelled=lambda: time.monotonic() - started > 0.5)
    assert time.monotonic() - started < 1.5


def test_bad_addresses_are_one_line(capsys):
    for address in ("http://[::1", "http://", "ftp://example.org/x", "javascript:alert(1)"):
        result = run_cli(capsys, "fetch", address)
        assert result.code == 1 and "is not a web address" in result.err, address


def test_a_refresh_goes_past_bad_entries_and_keeps_private_addresses_out(capsys, hostile, data_dir):
    assert run_cli(capsys, "feeds", "add", hostile.base + "/feed-private").code == 0
    with Session.open(data_dir) as session:
        (report,) = session.refresh_feeds(delay=0)
    assert report.new_articles == 1  # the entry on the feed's own site
    problems = "\n".join(report.entry_errors)
    assert "http://10.0.0.1/admin points to a private or local address" in problems
    assert "http://127.0.0.2:8080/x points to a private or local address" in problems
    assert "http://[::1" in problems and "ftp://example.org/file is not a web address" in problems
    assert not any(r.startswith(("/admin", "/x")) for r in hostile.requests)
    titles = [a["title"] for a in run_cli(capsys, "list", "--json").json()]
    assert titles == ["Fine page"]


def test_an_html_page_is_not_taken_for_a_feed(capsys, hostile):
    result = run_cli(capsys, "feeds", "add", hostile.base + "/feed-is-html")
    assert result.code == 1 and "is a web page, not an RSS or Atom feed" in result.err
    assert run_cli(capsys, "feeds", "list", "--json").json() == []


def test_opml_files_in_other_encodings_and_sizes(capsys, tmp_path):
    latin = tmp_path / "latin.opml"
    latin.write_bytes(
        '<?xml version="1.0" encoding="ISO-8859-1"?><opml><body>'
        '<outline text="Caf\xe9" xmlUrl="https://example.org/cafe.xml"/></body></opml>'.encode(
            "latin-1"
        )
    )
    result = run_cli(capsys, "feeds", "import", str(latin))
    assert result.code == 0, result.err
    assert run_cli(capsys, "feeds", "list", "--json").json()[0]["title"] == "Café"
    huge = tmp_path / "huge.opml"
    outlines = "".join(f'<outline xmlUrl="https://example.org/{n}.xml"/>' for n in range(100_000))
    huge.write_text(f"<opml><body>{outlines}</body></opml>", encoding="utf-8")
    refused = run_cli(capsys, "feeds", "import", str(huge))
    assert refused.code == 1 and "at most 1,000" in refused.err
    assert len(run_cli(capsys, "feeds", "list", "--json").json()) == 1
