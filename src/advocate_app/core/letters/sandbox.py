"""Rendering one template in Jinja2's sandbox: immutable values, a deadline checked as it runs,
an output cap, and every failure turned into one line that names the template and the line.

This runs inside the template worker process (see template_process), whose own limits bound
what the sandbox cannot: work Jinja does while compiling, memory, and loops that never call.
"""

from __future__ import annotations

import time
import traceback
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

TIME_LIMIT_SECONDS = 2.0
MAX_OUTPUT_CHARS = 100_000


class RenderError(Exception):
    """A template could not be used; the message is for the reader, in one line."""


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


def environment(folders: list[str]) -> _BoundedSandbox:
    """The sandbox, loading templates from `folders` in order (the reader's own first)."""
    return _BoundedSandbox(
        loader=ChoiceLoader([FileSystemLoader(f) for f in folders]),
        undefined=StrictUndefined,
        autoescape=False,  # plain-text letters
        keep_trailing_newline=False,
        optimized=False,  # no constant folding while compiling: {{ 'a' * 10**9 }} waits
    )


def render(env: _BoundedSandbox, name: str, filename: str, context: dict[str, Any]) -> str:
    """The text the template writes; RenderError with the reason otherwise."""
    try:
        template = env.get_template(filename)
    except TemplateNotFound:
        raise RenderError(f"there is no template {name!r}") from None
    except TemplateSyntaxError as exc:
        raise RenderError(f"template {name}, line {exc.lineno}: {exc.message}") from None
    except UnicodeDecodeError:
        raise RenderError(f"template {name} is not UTF-8 text; save it as UTF-8") from None
    except RecursionError:
        raise RenderError(f"template {name} is nested too deeply") from None
    except OSError as exc:
        raise RenderError(f"template {name} cannot be read ({exc.strerror or exc})") from None
    env.deadline = time.monotonic() + TIME_LIMIT_SECONDS
    pieces: list[str] = []
    size = 0
    try:
        for piece in template.generate(context):
            size += len(piece)
            if size > MAX_OUTPUT_CHARS:
                raise RenderError(
                    f"template {name} wrote more than {MAX_OUTPUT_CHARS:,} characters"
                )
            pieces.append(piece)
            env._check()
    except _Deadline:
        raise RenderError(
            f"template {name} took longer than {TIME_LIMIT_SECONDS:g} seconds (a loop?)"
        ) from None
    except SecurityError as exc:
        raise RenderError(
            f"template {name}, line {_line(exc, filename)}: not allowed: {exc}"
        ) from None
    except TemplateError as exc:
        raise RenderError(
            f"template {name}, line {_line(exc, filename)}: {exc.message or exc}"
        ) from None
    except RecursionError:
        raise RenderError(
            f"template {name} calls itself without end (a macro that calls itself?)"
        ) from None
    except MemoryError:
        raise RenderError(f"template {name} needed too much memory") from None
    except (ArithmeticError, TypeError, ValueError, LookupError, AttributeError) as exc:
        raise RenderError(f"template {name}, line {_line(exc, filename)}: {exc}") from None
    finally:
        env.deadline = float("inf")
    return "".join(pieces)


def _line(exc: BaseException, filename: str) -> str:
    lines = [
        frame.lineno
        for frame in traceback.extract_tb(exc.__traceback__)
        if frame.filename.endswith(filename)
    ]
    return str(lines[-1]) if lines else "?"
