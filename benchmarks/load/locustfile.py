"""Koble under load: logged-in investors, founders and staff, and /health as the floor.

Run by benchmarks/load/run.py (which seeds the database, starts gunicorn and sets
KOBLE_LOAD_LOGINS); by hand:

    locust -f benchmarks/load/locustfile.py --headless -u 50 -r 10 -t 60s \\
        --host http://127.0.0.1:8000

Every user thinks 0.5–2 s between pages (staff 2–5 s): 50 users are about 30 requests/s
(the scenario: Investor, Founder, Staff, Health). Throughput is measured apart, at the end
of this file: users that do not pause, one kind of page at a time.

The statistics start 2 s after every user has logged in (and the founders have read their
overview): Locust's --reset-stats resets them when the last user is spawned, but the users
spawned last are then still logging in, and a burst of scrypt logins (90 ms of CPU each)
holds every worker for up to a second; requests queued behind them finish just after. The
login phase is logged (count, median, max) before the reset.

Production cookies are Secure; on loopback without TLS the client sends them anyway
(a proxy terminates TLS in production).
"""

from __future__ import annotations

import json
import logging
import os
import random
import re

import gevent
from locust import HttpUser, between, constant, task

log = logging.getLogger("koble.load")

LOGINS_FILE = os.environ.get("KOBLE_LOAD_LOGINS", "")
PASSWORD = os.environ.get("KOBLE_LOAD_PASSWORD", "koble-demo-passord")  # the demo password
CSRF = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')
SEARCH_WORDS = ("sol", "batteri", "hydrogen", "energi", "bygg", "solar", "havbruk", "data",
                "sirkulær", "mat")
SECTORS = ("energy", "circular_economy", "maritime", "construction_property", "ict_software")
STAGES = ("pre_seed", "seed", "series_a")

_logins: dict[str, list[str]] = {}
SETTLE_SECONDS = 2.0  # after the last login, before the statistics start
_ready = 0  # users past their on_start
_login_ms: list[float] = []  # every login's response time (the statistics lose some)


def ready(environment) -> None:
    """One more user has logged in; when all have, log the login phase and reset the
    statistics, so the figures are those of logged-in users browsing."""
    global _ready
    _ready += 1
    runner = environment.runner
    target = getattr(runner, "target_user_count", None)
    if runner is None or not target or _ready != target:
        return
    if _login_ms:
        times = sorted(_login_ms)
        log.warning("login phase: %d logins, median %.0f ms, max %.0f ms", len(times),
                    times[len(times) // 2], times[-1])
    # Requests already queued behind the last logins finish in the next moments; let them.
    gevent.spawn_later(SETTLE_SECONDS, _reset, runner, target)


def _reset(runner, target: int) -> None:
    runner.stats.reset_all()
    log.warning("all %d users logged in %.0f s ago: statistics reset", target, SETTLE_SECONDS)


def logins(role: str) -> list[str]:
    if not _logins:
        if not LOGINS_FILE:
            raise RuntimeError("Set KOBLE_LOAD_LOGINS to the JSON file of demo logins "
                               "(benchmarks/load/run.py writes it).")
        with open(LOGINS_FILE, encoding="utf-8") as handle:
            _logins.update(json.load(handle))
    return _logins[role]


class KobleUser(HttpUser):
    abstract = True
    role = ""
    wait_time = between(0.5, 2.0)

    def _loopback_cookies(self) -> None:
        """Send the Secure cookies back over http://127.0.0.1 (TLS ends at a proxy in
        production)."""
        for cookie in self.client.cookies:
            cookie.secure = False

    def on_start(self) -> None:
        self.email = random.choice(logins(self.role))
        page = self.client.get("/auth/login", name="login page")
        token = CSRF.search(page.text).group(1)
        self._loopback_cookies()
        with self.client.post("/auth/login", name="log in", allow_redirects=False,
                              data={"email": self.email, "password": PASSWORD,
                                    "csrf_token": token}, catch_response=True) as response:
            _login_ms.append(response.elapsed.total_seconds() * 1000)
            if response.status_code != 302:
                response.failure(f"login of {self.email} answered {response.status_code}")
                raise RuntimeError(f"cannot log in as {self.email}")
        self._loopback_cookies()
        self.csrf = token
        self.prepare()
        ready(self.environment)

    def prepare(self) -> None:
        """What a user does once after logging in."""

    def get(self, path: str, name: str, expect: str | None = None):
        self._loopback_cookies()
        with self.client.get(path, name=name, catch_response=True) as response:
            if response.status_code != 200:
                response.failure(f"{response.status_code}")
            elif expect and expect not in response.text:
                response.failure(f"{expect!r} not in the page")
            else:
                found = CSRF.search(response.text)
                if found:
                    self.csrf = found.group(1)
        return response

    def post(self, path: str, name: str) -> None:
        self._loopback_cookies()
        with self.client.post(path, name=name, data={"csrf_token": self.csrf},
                              allow_redirects=False, catch_response=True) as response:
            if response.status_code not in (302, 303):
                response.failure(f"{response.status_code}")


class Investor(KobleUser):
    weight = 24
    role = "investor"

    def prepare(self) -> None:
        self.pitch_ids: list[str] = []
        self.marks: list[str] = []

    def _remember(self, html: str) -> None:
        self.pitch_ids = re.findall(r'href="/pitches/(\d+)[?"]', html) or self.pitch_ids
        self.marks = re.findall(r'action="(/matches/\d+/\d+/mark/interested)[^"]*"', html)

    @task(5)
    def recommendations(self) -> None:
        page = int(random.choice((1, 1, 1, 2, 3)))
        response = self.get(f"/matches?page={page}", "recommendations (investor)", "card")
        self._remember(response.text)

    @task(2)
    def recommendations_filtered(self) -> None:
        response = self.get(f"/matches?sector={random.choice(SECTORS)}"
                            f"&stage={random.choice(STAGES)}",
                            "recommendations filtered (investor)")
        self._remember(response.text)

    @task(2)
    def search_pitches(self) -> None:
        self.get(f"/pitches?q={random.choice(SEARCH_WORDS)}", "search pitches")

    @task(3)
    def open_pitch(self) -> None:
        if self.pitch_ids:
            self.get(f"/pitches/{random.choice(self.pitch_ids)}", "pitch page")

    @task(1)
    def mark_interest(self) -> None:
        if self.marks:
            self.post(random.choice(self.marks), "mark interest (investor)")


class Founder(KobleUser):
    weight = 16
    role = "founder"

    def prepare(self) -> None:
        overview = self.get("/matches/pitches", "founder overview")
        self.pitches = sorted(set(re.findall(r'href="/pitches/(\d+)/matches"', overview.text)))
        self.marks: list[str] = []

    @task(2)
    def overview(self) -> None:
        self.get("/matches/pitches", "founder overview")

    @task(5)
    def recommended_investors(self) -> None:
        if not self.pitches:
            return
        response = self.get(f"/pitches/{random.choice(self.pitches)}/matches",
                            "recommendations (founder)")
        self.marks = re.findall(r'action="(/matches/\d+/\d+/mark/interested)[^"]*"',
                                response.text)

    @task(2)
    def search_investors(self) -> None:
        self.get(f"/investors?q={random.choice(SEARCH_WORDS)}", "search investors")

    @task(1)
    def mark_interest(self) -> None:
        if self.marks:
            self.post(random.choice(self.marks), "mark interest (founder)")


class Staff(KobleUser):
    fixed_count = 2
    role = "staff"
    wait_time = between(2, 5)

    @task
    def dashboard(self) -> None:
        self.get("/staff/dashboard", "staff dashboard")


class Health(HttpUser):
    """The floor: a page that does nothing, on the same server, at the same pace."""

    fixed_count = 4
    wait_time = between(0.5, 2.0)

    def on_start(self) -> None:
        ready(self.environment)

    @task
    def health(self) -> None:
        self.client.get("/health", name="/health")


# -- throughput at saturation ---------------------------------------------------------------
# run.py runs these after the scenario above, each kind alone and without pauses, so the
# server answers as many requests per second as it can: that is throughput. The scenario's
# users think between pages, so their requests per second say how the users behave, not
# what the server can do.
class HealthAtFullSpeed(HttpUser):
    """/health, one request after the other: the floor of the throughput ratio."""

    wait_time = constant(0)

    def on_start(self) -> None:
        ready(self.environment)

    @task
    def health(self) -> None:
        self.client.get("/health", name="/health")


class _AtFullSpeed(KobleUser):
    abstract = True
    wait_time = constant(0)

    def page(self, path: str, name: str, expect: str | None = None) -> None:
        self._loopback_cookies()
        with self.client.get(path, name=name, catch_response=True,
                             allow_redirects=False) as response:
            if response.status_code != 200:
                response.failure(f"{response.status_code}")
            elif expect and expect not in response.text:
                response.failure(f"{expect!r} not in the page")


class InvestorRecommendationsAtFullSpeed(_AtFullSpeed):
    """An investor's recommendation pages (plain and filtered), without a pause."""

    weight = 3
    role = "investor"

    @task(5)
    def recommendations(self) -> None:
        self.page(f"/matches?page={random.choice((1, 1, 1, 2, 3))}",
                  "recommendations (investor)", "card")

    @task(2)
    def recommendations_filtered(self) -> None:
        self.page(f"/matches?sector={random.choice(SECTORS)}&stage={random.choice(STAGES)}",
                  "recommendations filtered (investor)", "</form>")


class FounderRecommendationsAtFullSpeed(_AtFullSpeed):
    """A founder's matching investors, one pitch after the other, without a pause."""

    weight = 2
    role = "founder"

    def prepare(self) -> None:
        overview = self.client.get("/matches/pitches", name="founder overview")
        self.pitches = sorted(set(re.findall(r'href="/pitches/(\d+)/matches"', overview.text)))

    @task
    def recommended_investors(self) -> None:
        if self.pitches:
            self.page(f"/pitches/{random.choice(self.pitches)}/matches",
                      "recommendations (founder)", "</ol>")
