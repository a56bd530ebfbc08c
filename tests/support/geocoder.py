"""A stand-in for the Census geocoder on 127.0.0.1: it answers in the geocoder's JSON, by the
street asked about, and misbehaves on request ("html", "huge", "slow", "truncated")."""

from __future__ import annotations

import http.server
import json
import threading
import time
from urllib.parse import parse_qs, urlsplit


def match(address: str, state: str, geoid: str) -> dict:
    return {
        "matchedAddress": address,
        "coordinates": {"x": -122.33, "y": 47.6},
        "tigerLine": {"side": "L", "tigerLineId": "1"},
        "addressComponents": {"state": state, "zip": "98101", "city": "SEATTLE"},
        "geographies": {
            "States": [{"STUSAB": state, "STATE": geoid[:2]}],
            "119th Congressional Districts": [
                {"GEOID": geoid, "CD119": geoid[2:], "BASENAME": str(int(geoid[2:])),
                 "STATE": geoid[:2], "CDSESSN": "119", "NAME": "Congressional District"}
            ],
        },
    }  # fmt: skip


def answer(*matches: dict) -> bytes:
    return json.dumps(
        {"result": {"input": {"address": {"street": "x"}}, "addressMatches": list(matches)}}
    ).encode()


class Geocoder:
    """Answers by the street asked about."""

    def __init__(self) -> None:
        self.asked: list[dict[str, list[str]]] = []
        outer = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_GET(self):  # noqa: N802
                query = parse_qs(urlsplit(self.path).query)
                outer.asked.append(query)
                street = query.get("street", [""])[0]
                body, kind = outer.respond(street)
                if street == "slow":
                    self.send_response(200)
                    self.send_header("Content-Type", kind)
                    self.end_headers()
                    for _ in range(20):  # a byte now and then: never done
                        try:
                            self.wfile.write(b" ")
                            self.wfile.flush()
                        except OSError:
                            return
                        time.sleep(0.3)
                    return
                self.send_response(200)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/geocoder/geographies/address"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def respond(self, street: str) -> tuple[bytes, str]:
        json_type = "application/json"
        if street == "1301 2nd Ave":
            return answer(match("1301 2ND AVE, SEATTLE, WA, 98101", "WA", "5307")), json_type
        if street == "1 Pike St":  # two matches, one district
            return answer(
                match("1 PIKE ST, SEATTLE, WA, 98101", "WA", "5307"),
                match("1 PIKE ST, SEATTLE, WA, 98104", "WA", "5307"),
            ), json_type
        if street == "Main St":  # two matches in two districts
            return answer(
                match("MAIN ST, SEATTLE, WA, 98101", "WA", "5307"),
                match("MAIN ST, KENT, WA, 98032", "WA", "5309"),
            ), json_type
        if street == "html":
            return b"<html><body>Service unavailable</body></html>", "text/html"
        if street == "huge":
            return b"[" + b" " * (2 * 1024 * 1024) + b"]", json_type
        if street == "no district":
            return answer(match("9 X ST, SEATTLE, WA, 98101", "WA", "5377")), json_type
        if street == "truncated":
            return answer(match("1301 2ND AVE", "WA", "5307"))[:60], json_type
        return answer(), json_type  # no match

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
