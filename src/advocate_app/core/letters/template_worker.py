"""The template worker: a small process that renders letter templates for the app, under hard
limits the sandbox alone cannot give (memory, and work done while compiling).

It reads one request per line on its standard input and answers one line on its output, both
JSON: {"folders": [...], "renders": [{"name", "file", "context"}, ...]} ->
{"results": [{"text": ...} or {"error": ...}, ...]}. The parent enforces the time limit.

Run as `python -m advocate_app.core.letters.template_worker`, or, in the packaged app, as the
program itself with WORKER_FLAG as its first argument.
"""

from __future__ import annotations

import json
import signal
import sys
from typing import Any

WORKER_FLAG = "--advocate-template-worker"
MEMORY_LIMIT_BYTES = 256 * 1024 * 1024  # address space: Python and Jinja2 take about 30 MB


def _limit_memory() -> None:
    try:
        import resource
    except ImportError:  # Windows: the parent's time limit still applies
        return
    try:
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT_BYTES, MEMORY_LIMIT_BYTES))
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))  # no core file if it is killed
    except (ValueError, OSError):
        pass


def serve(stdin: Any = None, stdout: Any = None) -> int:
    """Answer render requests until the input ends."""
    from advocate_app.core.letters.sandbox import RenderError, environment, render

    stdin = stdin or sys.stdin
    stdout = stdout or sys.stdout
    environments: dict[tuple[str, ...], Any] = {}
    for line in stdin:
        try:
            request = json.loads(line)
            folders = tuple(str(f) for f in request["folders"])
            env = environments.get(folders)
            if env is None:
                env = environments[folders] = environment(list(folders))
            results = []
            for item in request["renders"]:
                try:
                    text = render(env, item["name"], item["file"], item["context"])
                    results.append({"text": text})
                except RenderError as exc:
                    results.append({"error": str(exc)})
                except MemoryError:
                    results.append({"error": f"template {item['name']} needed too much memory"})
            answer = {"results": results}
        except (ValueError, KeyError, TypeError) as exc:
            answer = {"failed": f"a request the worker could not read ({exc})"}
        except MemoryError:
            answer = {"failed": "the template worker ran out of memory"}
        stdout.write(json.dumps(answer) + "\n")
        stdout.flush()
    return 0


def main() -> int:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C is for the parent to handle
    _limit_memory()
    return serve()


if __name__ == "__main__":
    sys.exit(main())
