"""Templates that try to exhaust the computer: each ends within a few seconds with one line
naming the template, in bounded memory, and the next template works."""

from __future__ import annotations

import resource
import time

import pytest

from advocate_app.core.letters.templates import LetterTemplateError, LetterTemplates

CONTEXT = {"sender": {"name": "Ada"}, "recipient": {"name": "Cy"}}


@pytest.fixture
def templates(tmp_path):
    folder = tmp_path / "data" / "templates"
    folder.mkdir(parents=True)
    made = LetterTemplates(tmp_path / "data")
    made.folder = folder  # type: ignore[attr-defined]
    yield made
    made.close()


def write(templates, name: str, text: str | bytes) -> None:  # noqa: ANN001
    path = templates.folder / f"{name}.txt.j2"
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("Subject: x\n\n{{ 'a' * 10**9 }}", "needed too much memory"),
        ("Subject: x\n\n{{ sender.name * 10**9 }}", "needed too much memory"),
        ("Subject: x\n\n{{ 10**(10**8) }}", "took longer than 2 seconds"),
        ("Subject: x\n\n{% for i in range(99999) %}{% for j in range(99999) %}{% endfor %}"
         "{% endfor %}", "took longer than 2 seconds"),
        ("Subject: x\n\n{% macro m(n) %}{{ m(n) }}{% endmacro %}{{ m(1) }}", "calls itself"),
        ("Subject: x\n\n{{ recipient.missing }}", "line 3"),
    ],
)  # fmt: skip
def test_a_greedy_template_is_stopped_with_one_line(templates, source, message):
    write(templates, "greedy", source)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.monotonic()
    with pytest.raises(LetterTemplateError, match=message) as raised:
        templates.render("greedy", CONTEXT)
    assert time.monotonic() - started < 6
    assert "greedy" in str(raised.value) and "\n" not in str(raised.value)
    grown = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    assert grown < 100  # megabytes: the app's own memory is not what the template used
    write(templates, "fine", "Subject: Hello\n\nDear {{ recipient.name }},")
    assert templates.render("fine", CONTEXT) == ("Hello", "Dear Cy,\n")  # and life goes on


def test_a_template_that_is_not_utf8_says_so(templates):
    write(templates, "latin", "Subject: Caf\xe9\n\nHello".encode("latin-1"))
    with pytest.raises(LetterTemplateError, match="template latin is not UTF-8 text"):
        templates.render("latin", CONTEXT)


def test_several_letters_go_in_one_trip(templates):
    write(templates, "short", "Subject: {{ recipient.name }}\n\nHi {{ sender.name }}")
    letters = templates.render_many(
        [("short", {**CONTEXT, "recipient": {"name": n}}) for n in ("A", "B", "C")]
    )
    assert letters == [("A", "Hi Ada\n"), ("B", "Hi Ada\n"), ("C", "Hi Ada\n")]
