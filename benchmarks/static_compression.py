"""CPU of a static file's fetch with its compressed bodies kept (app.compression.StaticBodies)
and without, in turns in one process.

    .venv/bin/python benchmarks/static_compression.py [--rounds 200]

Two apps (test client, no database needed): one as configured, one whose StaticBodies
passes every answer on to Flask-Compress, as before they were kept. Each round fetches
bootstrap.min.css and koble.css from both, plain, gzip and br, at the versioned addresses the
pages write (url_for: `?v=` and the file's hash, answered immutable), then the same with
If-None-Match of the tag each answer carried (the revalidation a browser makes of a file at
an older or unversioned address, or when reloading), the two apps in turns. Prints the
median CPU (process time) of each, in ms.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from flask import url_for  # noqa: E402

from app import create_app  # noqa: E402

FILES = (("bootstrap.static", "css/bootstrap.min.css"), ("static", "koble.css"))
CODINGS = {"plain": {}, "gzip": {"Accept-Encoding": "gzip"},
           "br": {"Accept-Encoding": "gzip, deflate, br"}}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=200)
    rounds = parser.parse_args().rounds
    config = {"TESTING": True, "SQLALCHEMY_DATABASE_URI": "sqlite://"}
    apps = {"not kept": create_app(dict(config)), "kept": create_app(dict(config))}
    apps["not kept"].extensions["compress_static"].serve = lambda compress, answer: answer
    clients = {name: app.test_client() for name, app in apps.items()}
    with apps["kept"].test_request_context():
        paths = [url_for(endpoint, filename=filename) for endpoint, filename in FILES]
    for path in paths:
        tags = {coding: clients["kept"].get(path, headers=headers).headers["ETag"]
                for coding, headers in CODINGS.items()}
        for kind, status in (("full fetch", 200), ("304", 304)):
            spent = {(name, coding): [] for name in clients for coding in CODINGS}
            for n in range(rounds):
                # in turns, and which goes first alternating: the second of a pair ran
                # ~0.1 ms dearer whichever it was
                for name, client in list(clients.items())[::1 if n % 2 else -1]:
                    for coding, headers in CODINGS.items():
                        if status == 304:
                            headers = {**headers, "If-None-Match": tags[coding]}
                        start = time.process_time()
                        answer = client.get(path, headers=headers)
                        answer.get_data()
                        answer.close()
                        spent[(name, coding)].append(time.process_time() - start)
                        assert answer.status_code == status, (path, name, coding)
                        assert answer.headers["Cache-Control"].endswith("immutable"), path
            print(f"{path} {kind}: " + " | ".join(
                f"{coding} " + " / ".join(
                    f"{statistics.median(spent[(name, coding)]) * 1000:.2f}"
                    for name in clients)
                for coding in CODINGS) + "  (ms: not kept / kept)")


if __name__ == "__main__":
    main()
