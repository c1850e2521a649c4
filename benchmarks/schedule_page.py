"""The staff schedule page at the product's target size: server time, bytes and a browser's
load time of each part of a big schedule.

    .venv/bin/python benchmarks/schedule_page.py [--founders 150] [--investors 150]
        [--tables 150] [--slots 12] [--browser] [--keep PATH]

Builds an arena of that many accepted founders and investors (every pair scored, 0.2-0.9,
seeded) in a new SQLite file, solves and publishes its schedule as staff do
(`schedule.build`, `schedule_publish.publish`), then asks for the staff schedule page as
its staff member: its default, one slot, one table, one person and the whole schedule,
each once to warm up and then 5 times (median of the 5, test client, one process).
`--browser` also opens each in chromium (Playwright, /usr/bin/chromium, the app served on a
local port): navigation to the load event and to DOM interactive, median of 3 after one.
`--keep PATH` keeps the database (to walk it: it has staff@big.no with the tests' password).
The defaults are the target: 300 people x 12 slots, 1,800 meetings.
"""

from __future__ import annotations

import argparse
import logging
import random
import statistics
import sys
import tempfile
import threading
import time
from datetime import time as clock
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

STAFF = "staff@big.no"
REPEAT = 5


def build(path: str, founders: int, investors: int, tables: int, slots: int):
    """The app on a new database at `path`, with the arena built and published."""
    from app import create_app
    from app.extensions import db
    from app.models import InvestorProfile, MatchScore
    from app.services import schedule, schedule_publish
    from app.services.reference import ensure_associations
    from tests.factories import make_arena, make_participant, make_user

    app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{path}",
                      "RATELIMIT_ENABLED": False})
    with app.app_context():
        db.create_all()
        ensure_associations()
        staff = make_user("staff", email=STAFF, name="Big Staff", association="asker")
        arena = make_arena(title=f"Stor arena {founders + investors}", slot_count=slots,
                           breaks=[], table_count=tables, start_time=clock(8, 0),
                           end_time=clock(8 + (slots * 15 + 59) // 60, 0),
                           founder_capacity=founders, investor_capacity=investors)
        fs = [make_participant(arena, "founder") for _ in range(founders)]
        iv = [make_participant(arena, "investor") for _ in range(investors)]
        profile = {p.user_id: p.id for p in db.session.query(InvestorProfile)}
        rnd = random.Random(1)
        db.session.add_all(
            MatchScore(pitch_id=f.pitch_id, investor_profile_id=profile[i.user_id],
                       score=rnd.uniform(0.2, 0.9), components={"text": 0.5},
                       shared_terms=["solenergi"], reasons=["text_overlap"])
            for f in fs for i in iv)
        db.session.commit()
        started = time.perf_counter()
        counts = schedule.build(staff, arena)
        db.session.commit()
        print(f"built {counts['total']} meetings in {time.perf_counter() - started:.1f} s")
        schedule_publish.publish(staff, arena)
        db.session.commit()
        person = fs[0].user_id
        return app, arena.id, person


def server_times(app, urls: dict[str, str]) -> None:
    from tests.factories import DEFAULT_PASSWORD

    app.config["WTF_CSRF_ENABLED"] = False  # the test client logs in without the form
    client = app.test_client()
    client.post("/auth/login", data={"email": STAFF, "password": DEFAULT_PASSWORD})
    print(f"{'part':<16}{'server ms':>10}{'min':>7}{'bytes':>12}")
    for name, url in urls.items():
        client.get(url)
        times, size = [], 0
        for _ in range(REPEAT):
            started = time.perf_counter()
            response = client.get(url)
            times.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200, (url, response.status_code)
            size = len(response.data)
        print(f"{name:<16}{statistics.median(times):>10.0f}{min(times):>7.0f}{size:>12,}")
    app.config["WTF_CSRF_ENABLED"] = True


def browser_times(app, urls: dict[str, str]) -> None:
    from playwright.sync_api import sync_playwright
    from werkzeug.serving import make_server

    from tests.factories import DEFAULT_PASSWORD

    logging.getLogger("werkzeug").setLevel(logging.WARNING)  # no line per request
    app.config.update(TESTING=False, SESSION_COOKIE_SECURE=False)
    server = make_server("127.0.0.1", 0, app, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}"
    timing = """() => { const n = performance.getEntriesByType('navigation')[0];
                        return [n.domInteractive, n.loadEventEnd]; }"""
    print(f"{'part':<16}{'DOM interactive ms':>20}{'load ms':>9}{'elements':>10}")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium")
        page = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
        page.goto(base + "/auth/login")
        page.fill("input[name=email]", STAFF)
        page.fill("input[name=password]", DEFAULT_PASSWORD)
        page.locator("main form button[type=submit]").last.click()
        page.wait_for_load_state()
        for name, url in urls.items():
            rows = []
            for _ in range(4):
                page.goto(base + url, wait_until="load")
                rows.append(page.evaluate(timing))
            rows = rows[1:]
            elements = page.evaluate("document.getElementsByTagName('*').length")
            print(f"{name:<16}{statistics.median(r[0] for r in rows):>20.0f}"
                  f"{statistics.median(r[1] for r in rows):>9.0f}{elements:>10,}")
        browser.close()
    server.shutdown()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--founders", type=int, default=150)
    parser.add_argument("--investors", type=int, default=150)
    parser.add_argument("--tables", type=int, default=150)
    parser.add_argument("--slots", type=int, default=12)
    parser.add_argument("--browser", action="store_true")
    parser.add_argument("--keep", help="build the database here and keep it")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = args.keep or str(Path(folder) / "schedule_page.db")
        app, arena_id, person = build(path, args.founders, args.investors, args.tables,
                                      args.slots)
        page = f"/staff/arenas/{arena_id}/schedule"
        urls = {"default": page, "one slot": f"{page}?slot=2", "one table": f"{page}?table=2",
                "one person": f"{page}?person={person}", "whole": f"{page}?all=1"}
        server_times(app, urls)
        if args.browser:
            browser_times(app, urls)


if __name__ == "__main__":
    main()
