"""Letter templates: Jinja2 in a sandbox, in a worker process with hard limits, errors as one
line.

A template's output starts with a `Subject:` line, then a blank line, then the body.
Templates ship in the app's `templates/` folder; a file of the same name in the
reader's own templates folder (in the data folder) takes its place.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from advocate_app.core.letters.sandbox import MAX_OUTPUT_CHARS, TIME_LIMIT_SECONDS
from advocate_app.core.letters.template_process import TemplateProcess, WorkerError
from advocate_app.core.officials.model import OfficeKind
from advocate_app.core.paths import bundled

__all__ = ["MAX_OUTPUT_CHARS", "TIME_LIMIT_SECONDS"]
SUFFIX = ".txt.j2"
USER_FOLDER = "templates"
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
CALL_SCRIPT = "call_script"
NOT_LETTERS = frozenset({SAMPLE, CALL_SCRIPT})  # templates the letters' Template menu leaves out
# Names earlier versions used; a reader's own file under an old name still takes effect.
RENAMED = {"white-house": "white_house"}


class LetterTemplateError(Exception):
    """A template that cannot be used; the message names the template and the line."""


@dataclass(frozen=True)
class TemplateInfo:
    name: str
    path: Path
    user: bool  # the reader's own (or their override of a bundled one)


class LetterTemplates:
    def __init__(self, data_folder: Path | None) -> None:
        self.user_folder = data_folder / USER_FOLDER if data_folder else None
        self.bundled_folder = bundled("templates")
        self.folders = [str(self.bundled_folder)]
        if self.user_folder is not None:
            self.folders.insert(0, str(self.user_folder))
        self._worker = TemplateProcess()

    def close(self) -> None:
        """Stop the worker process (a new one starts when templates are used again)."""
        self._worker.close()

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
        """(subject, body) from the template `name`; LetterTemplateError otherwise."""
        return self.render_many([(name, context)])[0]

    def render_many(self, requests: list[tuple[str, dict[str, Any]]]) -> list[tuple[str, str]]:
        """(subject, body) for each (template name, values), in one trip to the worker;
        LetterTemplateError for the first that fails."""
        if not requests:
            return []
        known = {info.name for info in self.available()}
        renders = []
        for name, context in requests:
            plain = RENAMED.get(name, name)
            if plain not in known:
                names = ", ".join(sorted(known))
                raise LetterTemplateError(f"there is no template {name!r} (there are: {names})")
            renders.append({"name": plain, "file": self._filename(plain), "context": context})
        try:
            results = self._worker.render(self.folders, _plain_data(renders))
        except WorkerError as exc:
            names = ", ".join(dict.fromkeys(r["name"] for r in renders))
            raise LetterTemplateError(f"template {names} {exc}") from None
        letters = []
        for render, result in zip(renders, results, strict=True):
            if "error" in result:
                raise LetterTemplateError(result["error"])
            subject, body = split_subject(result["text"])
            if not body.strip():
                raise LetterTemplateError(
                    f"the template {render['name']} wrote an empty letter; choose another, or "
                    "fix it in your templates folder"
                )
            letters.append((subject, body))
        return letters


def _plain_data(value: Any) -> Any:
    """Values as JSON carries them (tuples become lists, enums their text)."""
    if isinstance(value, dict):
        return {str(k): _plain_data(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain_data(v) for v in value]
    if value is None or isinstance(value, (bool, int, float)):
        return value
    return str(value)


def template_for(kind: OfficeKind) -> str | None:
    """The template an office gets when the action has no sample letter."""
    return FOR_OFFICE.get(kind)


def split_subject(text: str) -> tuple[str, str]:
    first, _, rest = text.lstrip("\n").partition("\n")
    if first.lower().startswith("subject:"):
        return first[8:].strip(), rest.lstrip("\n").rstrip() + "\n"
    return "", text.strip() + "\n"
