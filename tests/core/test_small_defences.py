"""Small defences: a mail link cannot smuggle extra recipients, UTF-16 without a mark is text."""

from __future__ import annotations

import pytest

from advocate_app.core.articles.decoding import UnreadableInput, decode_text
from advocate_app.core.letters.routes import Route, email_address, preferred_route
from advocate_app.core.officials.model import OfficeKind, Official


def organisation(contact: str) -> Official:
    return Official("Org", "", "Dear Org", OfficeKind.OTHER, contact_url=contact)


def test_a_mail_link_gives_one_address_and_nothing_else():
    assert email_address(organisation("mailto:a@example.org?bcc=spy@evil.example")) == (
        "a@example.org"
    )
    assert email_address(organisation("mailto:a@example.org,b@evil.example")) == "a@example.org"
    assert email_address(organisation("mailto:not-an-address")) is None
    assert preferred_route(organisation("mailto:not-an-address")) is Route.PRINT
    assert preferred_route(organisation("mailto:a%40example.org")) is Route.EMAIL


def test_utf16_without_a_byte_order_mark_is_read_as_text():
    text = "Clean water for Flint — again.\n\nA paragraph of the article.\n"
    assert decode_text(text.encode("utf-16-le")) == text
    assert decode_text(text.encode("utf-16-be")) == text
    with pytest.raises(UnreadableInput, match="binary"):
        decode_text(b"\x00\x01\x02\x03" * 100)
