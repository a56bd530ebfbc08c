#!/usr/bin/env python3
"""Check the app as a user installs it: build the wheel, install it into a new virtual
environment with the pip that Python brings (not upgraded), and fetch an ordinary news page
from a local server through the installed `advocate` command (the article extractor, its date
finder and the address checker all run).

    python3 scripts/check_installed.py
    python3 scripts/check_installed.py --command dist/Advocate/advocate   # a built bundle

Exits non-zero, saying why, when anything fails.
"""

from __future__ import annotations

import argparse
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
    "<article><h1>Bridge repair approved</h1><p class='byline'>Published March 4, 2025</p>"
    + PARAGRAPHS
    + "</article></body></html>"
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


def install_wheel(work: Path) -> Path:
    """Build the wheel and install it as a user would; the `advocate` command it gives."""
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
    return target / "bin" / "advocate"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--command", help="an advocate command to check (a built bundle's)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="advocate-installed-") as tmp:
        work = Path(tmp)
        command = Path(args.command).resolve() if args.command else install_wheel(work)
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Page)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        url = f"http://127.0.0.1:{server.server_address[1]}/news/bridge.html"
        env = {**os.environ, "ADVOCATE_DATA_DIR": str(work / "data")}
        print(f"Fetching {url} with {command}…", flush=True)
        fetched = run(str(command), "fetch", url, "--json", env=env)
        server.shutdown()
        answer = json.loads(fetched.stdout)
        if answer.get("title") != "Bridge repair approved" or fetched.stderr.strip():
            sys.exit(f"unexpected answer: {fetched.stdout}\n{fetched.stderr}")
        shown = run(str(command), "show", str(answer["id"]), env=env).stdout
        if "the council heard from 42 residents" not in shown:
            sys.exit(f"the article's text was not kept:\n{shown}")
        print(f"OK: {answer['status']} #{answer['id']} {answer['title']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
