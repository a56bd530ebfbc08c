#!/usr/bin/env python3
"""Check the app as a user installs it: build the wheel, install it into a new virtual
environment with the pip that Python brings (not upgraded), and fetch an ordinary news page
from a local server through the installed `advocate` command.

    python3 scripts/check_installed.py

Exits non-zero, saying why, when anything fails.
"""

from __future__ import annotations

import http.server
import json
import os
import subprocess
import sys
import tempfile
import threading
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PARAGRAPHS = "".join(
    f"<p>On day {n} of the debate the council heard from {n * 7} residents about the old bridge "
    f"over the river, closed for {n + 1} months, which cut the town in half and sent traffic "
    "through the school district.</p>"
    for n in range(1, 7)
)
PAGE = (
    "<html><head><title>Bridge repair approved | Town News</title>"
    '<meta property="og:site_name" content="Town News"></head><body><nav>Home</nav>'
    "<article><h1>Bridge repair approved</h1>" + PARAGRAPHS + "</article></body></html>"
).encode()


class Page(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(PAGE)))
        self.end_headers()
        self.wfile.write(PAGE)

    def log_message(self, *args: object) -> None:
        pass


def run(*args: str, **kwargs: object) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(args, capture_output=True, text=True, **kwargs)  # type: ignore[call-overload]
    if result.returncode != 0:
        sys.exit(f"failed: {' '.join(args)}\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}")
    return result


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="advocate-installed-") as tmp:
        work = Path(tmp)
        print("Building the wheel…", flush=True)
        build = work / "build-env"
        venv.EnvBuilder(with_pip=True).create(build)
        python = build / "bin" / "python"
        run(str(python), "-m", "pip", "install", "--quiet", "build")
        run(str(python), "-m", "build", "--wheel", "--outdir", str(work / "dist"), str(ROOT))
        (wheel,) = (work / "dist").glob("advocate_app-*.whl")
        print("Installing it with the pip Python brings…", flush=True)
        target = work / "user-env"
        venv.EnvBuilder(with_pip=True).create(target)
        pip_version = run(str(target / "bin" / "python"), "-m", "pip", "--version").stdout
        print(f"  {pip_version.strip()}", flush=True)
        run(str(target / "bin" / "python"), "-m", "pip", "install", "--quiet", str(wheel))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Page)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        url = f"http://127.0.0.1:{server.server_address[1]}/news/bridge.html"
        env = {**os.environ, "ADVOCATE_DATA_DIR": str(work / "data")}
        print(f"Fetching {url} with the installed advocate…", flush=True)
        fetched = run(str(target / "bin" / "advocate"), "fetch", url, "--json", env=env)
        server.shutdown()
        answer = json.loads(fetched.stdout)
        if answer.get("title") != "Bridge repair approved" or fetched.stderr.strip():
            sys.exit(f"unexpected answer: {fetched.stdout}\n{fetched.stderr}")
        print(f"OK: {answer['status']} #{answer['id']} {answer['title']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
