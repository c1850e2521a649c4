"""One generation run: the seeded random stream, the clock, the rows made so far, and the
random draws every part of the demo data uses.

Every module of the generator draws from the run's one `random.Random`, in a fixed order,
so the same seed (and day) always gives the same data.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta

DEMO_DOMAIN = "demo.koble.no"
DEMO_PASSWORD = "koble-demo-passord"  # noqa: S105 — public on purpose: demo logins only


@dataclass
class DemoData:
    """Everything the seeder inserts, as plain dicts, plus the logins to print.

    Rows name people by e-mail, pitches by their position in `pitches`, arenas by theirs in
    `arenas` and meetings by theirs in `meetings`; the loader turns those into ids.
    """

    users: list[dict] = field(default_factory=list)
    pitches: list[dict] = field(default_factory=list)
    investors: list[dict] = field(default_factory=list)
    logins: list[dict] = field(default_factory=list)  # role, email, name, note
    interests: list[dict] = field(default_factory=list)
    notifications: list[dict] = field(default_factory=list)
    arenas: list[dict] = field(default_factory=list)
    invitations: list[dict] = field(default_factory=list)
    meeting_requests: list[dict] = field(default_factory=list)
    meetings: list[dict] = field(default_factory=list)
    meeting_feedback: list[dict] = field(default_factory=list)

    @property
    def total_rows(self) -> int:
        return sum(len(rows) for rows in (
            self.users, self.pitches, self.investors, self.interests, self.notifications,
            self.arenas, self.invitations, self.meeting_requests, self.meetings,
            self.meeting_feedback))


class Run:
    """One run of generation; holds the random stream, the clock and the counters."""

    def __init__(self, seed: int, today: date):
        self.rng = random.Random(seed)
        # The day's first moment, so that a seed at any hour of `today` writes no record
        # (created, updated, answered, read) dated later than the moment it runs: a later
        # date made an edit look older than the demo data, and `flask matching rebuild
        # --if-stale` called the index current after a founder's edit.
        self.now = datetime.combine(today, time(0, 0), tzinfo=UTC)
        self.data = DemoData()
        self.emails: set[str] = set()
        self.free_pitches = 0  # pitches made without a forced theme (cycles coverage)
        self.free_investors = 0

    def created(self, max_days: float = 365, after: datetime | None = None) -> datetime:
        """A moment between `after` (or `max_days` ago) and now."""
        start = after or self.now - timedelta(days=max_days)
        span = (self.now - start).total_seconds()
        return start + timedelta(seconds=self.rng.uniform(0, span))


def weighted(rng: random.Random, weights: dict[str, float]) -> str:
    """One key, drawn with the given weights."""
    keys = list(weights)
    return rng.choices(keys, weights=[weights[k] for k in keys])[0]


def nice_round(value: float) -> int:
    """Round to two significant digits, as people write amounts: 3 456 789 → 3 500 000."""
    if value <= 0:
        return 0
    digits = int(math.floor(math.log10(value))) - 1
    return int(round(value / 10**digits) * 10**digits)


def log_uniform(rng: random.Random, low: float, high: float) -> float:
    """A value between low and high, evenly spread on a log scale."""
    return math.exp(rng.uniform(math.log(low), math.log(high)))
