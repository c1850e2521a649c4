"""CPU milliseconds and SQL statements per page, in one process, on the load database.

Wall times under Locust depend on what else the machine runs; the CPU a request costs
the app process does much less. run.py calls this with the server's environment before
starting gunicorn; by hand (DATABASE_URL etc. as for the server):

    python benchmarks/load/cpu_per_page.py benchmarks/out/load/logins.json
"""

from __future__ import annotations

import json
import re
import statistics
import sys
import time

REPEAT = 7


def main(logins_path: str) -> None:
    from sqlalchemy import event

    from app import create_app
    from app.extensions import cache, db

    app = create_app()
    statements: list[float] = []
    with app.app_context():
        @event.listens_for(db.engine, "before_cursor_execute")
        def _before(conn, cursor, statement, params, context, executemany):
            context._koble_started = time.perf_counter()

        @event.listens_for(db.engine, "after_cursor_execute")
        def _after(conn, cursor, statement, params, context, executemany):
            statements.append(time.perf_counter() - context._koble_started)

    with open(logins_path, encoding="utf-8") as handle:
        logins = json.load(handle)
    password = "koble-demo-passord"  # noqa: S105 - the public demo password
    base = "https://127.0.0.1"

    def client_for(email: str):
        client = app.test_client()
        page = client.get("/auth/login", base_url=base).get_data(as_text=True)
        token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page).group(1)
        response = client.post("/auth/login", base_url=base,
                               headers={"Referer": f"{base}/auth/login"},
                               data={"email": email, "password": password,
                                     "csrf_token": token})
        assert response.status_code == 302, (email, response.status_code)
        return client

    def measure(client, name: str, path: str, built: bool = False) -> None:
        cpu, wall, sql, count = [], [], [], 0
        for _ in range(REPEAT):
            if built:  # the page drawn from the database, not served kept
                with app.app_context():
                    cache.clear()
            statements.clear()
            c0, w0 = time.process_time(), time.perf_counter()
            response = client.get(path, base_url=base)
            cpu.append((time.process_time() - c0) * 1000)
            wall.append((time.perf_counter() - w0) * 1000)
            sql.append(sum(statements) * 1000)
            count = len(statements)
            assert response.status_code == 200, (path, response.status_code)
        print(f"{name:<42} {statistics.median(cpu):7.1f} {statistics.median(wall):7.1f} "
              f"{statistics.median(sql):7.1f} {count:5d}")

    print(f"{'page (median of ' + str(REPEAT) + ')':<42} {'cpu ms':>7} {'wall ms':>7} "
          f"{'sql ms':>7} {'stmts':>5}")
    investor = client_for(logins["investor"][0])
    measure(investor, "/health", "/health")
    kept = {"recommendations (investor)": "/matches",
            "recommendations filtered (investor)": "/matches?sector=energy&stage=seed"}
    for name, path in kept.items():  # built: cache emptied first; kept: served from it
        measure(investor, name + ", built", path, built=True)
        measure(investor, name + ", kept", path)
    first = investor.get("/matches", base_url=base).get_data(as_text=True)
    pitch = re.search(r'href="/pitches/(\d+)[?"]', first).group(1)
    measure(investor, "pitch page", f"/pitches/{pitch}")
    measure(investor, "search pitches", "/pitches?q=sol")
    founder = client_for(logins["founder"][0])
    measure(founder, "founder overview, built", "/matches/pitches", built=True)
    measure(founder, "founder overview, kept", "/matches/pitches")
    overview = founder.get("/matches/pitches", base_url=base).get_data(as_text=True)
    own = re.search(r'href="/pitches/(\d+)/matches"', overview).group(1)
    measure(founder, "recommendations (founder), built", f"/pitches/{own}/matches", built=True)
    measure(founder, "recommendations (founder), kept", f"/pitches/{own}/matches")
    measure(founder, "search investors", "/investors?q=sol")
    staff = client_for(logins["staff"][0])
    measure(staff, "staff dashboard", "/staff/dashboard")


if __name__ == "__main__":
    main(sys.argv[1])
