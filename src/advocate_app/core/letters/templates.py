"""Letter templates: Jinja2 in a sandbox, bounded in time and size, errors as one line.

A template's output starts with a `Subject:` line, then a blank line, then the body.
Templates ship in the app's `templates/` folder; a file of the same name in the
reader's own templates folder (in the data folder) takes its place.
"""

from __future__ import annotations

import time
import traceback
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2 import (
    ChoiceLoader,
    FileSystemLoader,
    StrictUndefined,
    TemplateError,
    TemplateNotFound,
    TemplateSyntaxError,
)
from jinja2.sandbox import ImmutableSandboxedEnvironment, SecurityError

from advocate_app.core.officials.model import OfficeKind
from advocate_app.core.paths import bundled

SUFFIX = ".txt.j2"
USER_FOLDER = "templates"
TIME_LIMIT_SECONDS = 2.0
MAX_OUTPUT_CHARS = 100_000
# The template each office gets when the action has no sample letter.
FOR_OFFICE = {
    OfficeKind.SENATOR: "senator",
    OfficeKind.REPRESENTATIVE: "representative",
    OfficeKind.DELEGATE: "delegate",
    OfficeKind.PRESIDENT: "white_house",
    OfficeKind.VICE_PRESIDENT: "white_house",
}
GENERAL = "general"
SAMPLE = "sample"
# Names earlier versions used; a reader's own file under an old name still takes effect.
RENAMED = {"white-house": "white_house"}


class LetterTemplateError(Exception):
    """A template that cannot be used; the message names the template and the line."""


@dataclass(frozen=True)
class TemplateInfo:
    name: str
    path: Path
    user: bool  # the reader's own (or their override of a bundled one)


class _Deadline(Exception):
    pass


class _BoundedSandbox(ImmutableSandboxedEnvironment):
    """A sandbox that also stops templates that run too long (loops call and read often)."""

    deadline = float("inf")

    def _check(self) -> None:
        if time.monotonic() > self.deadline:
            raise _Deadline()

    def call(self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:  # noqa: N807
        self._check()
        return super().call(__context, __obj, *args, **kwargs)

    def getattr(self, obj: Any, attribute: str) -> Any:
        self._check()
        return super().getattr(obj, attribute)

    def getitem(self, obj: Any, argument: Any) -> Any:
        self._check()
        return super().getitem(obj, argument)


class LetterTemplates:
    def __init__(self, data_folder: Path | None) -> None:
        self.user_folder = data_folder / USER_FOLDER if data_folder else None
        self.bundled_folder = bundled("templates")
        folders = [str(self.bundled_folder)]
        if self.user_folder is not None:
            folders.insert(0, str(self.user_folder))
        self.env = _BoundedSandbox(
            loader=ChoiceLoader([FileSystemLoader(f) for f in folders]),
            undefined=StrictUndefined,
            autoescape=False,  # plain-text letters
            keep_trailing_newline=False,
        )

    def available(self) -> list[TemplateInfo]:
        found: dict[str, TemplateInfo] = {}
        for folder, user in ((self.bundled_folder, False), (self.user_folder, True)):
            if folder is None or not folder.is_dir():
                continue
            for path in sorted(folder.glob("*" + SUFFIX)):
                name = path.name[: -len(SUFFIX)]
                found[RENAMED.get(name, name)] = TemplateInfo(RENAMED.get(name, name), path, user)
        return sorted(found.values(), key=lambda info: info.name)

    def _filename(self, name: str) -> str:
        """The file a template name loads: the reader's own (under its old name, if that is how
        they saved it), else the bundled one."""
        name = RENAMED.get(name, name)
        if self.user_folder is not None:
            for old, new in RENAMED.items():
                if new == name and (self.user_folder / (old + SUFFIX)).is_file():
                    return old + SUFFIX
        return name + SUFFIX

    def render(self, name: str, context: dict[str, Any]) -> tuple[str, str]:
        """(subject, body) from the template `name`."""
        filename = self._filename(name)
        name = RENAMED.get(name, name)
        try:
            template = self.env.get_template(filename)
        except TemplateNotFound:
            names = ", ".join(info.name for info in self.available())
            raise LetterTemplateError(
                f"there is no template {name!r} (there are: {names})"
            ) from None
        except TemplateSyntaxError as exc:
            raise LetterTemplateError(
                f"template {name}, line {exc.lineno}: {exc.message}"
            ) from None
        self.env.deadline = time.monotonic() + TIME_LIMIT_SECONDS
        pieces: list[str] = []
        size = 0
        try:
            for piece in template.generate(context):
                size += len(piece)
                if size > MAX_OUTPUT_CHARS:
                    raise LetterTemplateError(
                        f"template {name} wrote more than {MAX_OUTPUT_CHARS:,} characters"
                    )
                pieces.append(piece)
                self.env._check()
        except _Deadline:
            raise LetterTemplateError(
                f"template {name} took longer than {TIME_LIMIT_SECONDS:g} seconds (a loop?)"
            ) from None
        except SecurityError as exc:
            raise LetterTemplateError(
                f"template {name}, line {_line(exc, filename)}: not allowed: {exc}"
            ) from None
        except TemplateError as exc:
            raise LetterTemplateError(
                f"template {name}, line {_line(exc, filename)}: {exc.message or exc}"
            ) from None
        except (ArithmeticError, TypeError, ValueError, LookupError, AttributeError) as exc:
            raise LetterTemplateError(
                f"template {name}, line {_line(exc, filename)}: {exc}"
            ) from None
        finally:
            self.env.deadline = float("inf")
        return split_subject("".join(pieces))


def template_for(kind: OfficeKind) -> str | None:
    """The template an office gets when the action has no sample letter."""
    return FOR_OFFICE.get(kind)


def split_subject(text: str) -> tuple[str, str]:
    first, _, rest = text.lstrip("\n").partition("\n")
    if first.lower().startswith("subject:"):
        return first[8:].strip(), rest.lstrip("\n").rstrip() + "\n"
    return "", text.strip() + "\n"


def _line(exc: BaseException, filename: str) -> str:
    lines = [
        frame.lineno
        for frame in traceback.extract_tb(exc.__traceback__)
        if frame.filename.endswith(filename)
    ]
    return str(lines[-1]) if lines else "?"
