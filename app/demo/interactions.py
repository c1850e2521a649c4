"""Demo interest marks and the notifications they would have sent.

Investors mark a few pitches that fit them (a shared sector and a stage they do: the engine's
scores do not exist yet when the demo is made), some founders mark investors that fit, the
other side sometimes answers (a mutual match, now and then "not for me"), and a few investors
save a pitch for later. The featured founder's pitches get interest from a few investors and
the featured investor from a few founders, none of it answered: that is for the person trying
the demo. The featured founder and investor never mark each other (the README and the browser
journeys walk someone through reaching that match), and the other featured logins (the
English pair) are left alone.

Notifications follow `app.services.interest_notices`: one-sided interest tells the other side once
(not when they said "not for me"; a save is no answer), a mutual match tells both. The rows
hold e-mails and pitch positions; the loader turns them into ids and the service's params.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from app.demo.run import Run

INVESTOR_MARKS = 0.55  # share of investors who said "interested" to some pitch
FOUNDER_MARKS = 0.12  # share of published pitches whose founder marked an investor
ANSWERED = 0.2  # share of one-sided interest the other side answered "interested"
SAVERS = 0.15  # share of investors who saved a pitch for later
NOT_FOR_ME = 6  # at most this many "not for me" answers (see `interactions`)
MIN_MUTUAL = 3  # at least this many mutual matches, when there is interest to answer
MIN_SAVED = 2  # at least this many investors save a pitch, when there are investors
FEATURED_INCOMING = 3  # interest the featured founder and investor find waiting
NOTICES = {"investor": "interest_from_investor", "founder": "interest_from_founder"}

Pair = tuple[int, str]  # (pitch position in data.pitches, investor's e-mail)


def _fits(pitch: dict, profile: dict) -> bool:
    return pitch["stage"] in profile["stages"] and bool(set(pitch["sectors"])
                                                        & set(profile["sectors"]))


class _Pool:
    """Who can be marked: visible pitches and investors of people who are not featured,
    bucketed by (sector, stage) so a fitting one is one draw away even at 10,000 pitches."""

    def __init__(self, run: Run, featured: set[str]):
        data = run.data
        self.pitches = [k for k, p in enumerate(data.pitches)
                        if p["status"] == "published" and not p["hidden"]
                        and p["owner"] not in featured]
        self.investors = [k for k, q in enumerate(data.investors) if q["user"] not in featured]
        self.joined = {u["email"]: u["created_at"] for u in data.users if u["role"] == "investor"}
        self.pitch_buckets: dict[tuple[str, str], list[int]] = {}
        for k in self.pitches:
            p = data.pitches[k]
            for sector in p["sectors"]:
                self.pitch_buckets.setdefault((sector, p["stage"]), []).append(k)
        self.investor_buckets: dict[tuple[str, str], list[int]] = {}
        for k in self.investors:
            q = data.investors[k]
            for sector in q["sectors"]:
                for stage in q["stages"]:
                    self.investor_buckets.setdefault((sector, stage), []).append(k)


def _fitting(run: Run, buckets: dict, keys: list[tuple[str, str]]) -> int | None:
    """One random member of a random non-empty bucket among `keys`."""
    keys = [key for key in keys if key in buckets]
    if not keys:
        return None
    return run.rng.choice(buckets[run.rng.choice(keys)])


class _Marks:
    """The marks made so far: one per side and pair, as the unique key wants."""

    def __init__(self, run: Run):
        self.run = run
        self.by_key: dict[tuple[str, int, str], dict] = {}

    def has_pair(self, pair: Pair) -> bool:
        return any((side, *pair) in self.by_key for side in ("founder", "investor"))

    def add(self, side: str, pair: Pair, kind: str, after: datetime) -> dict:
        at = self.run.created(after=after)
        row = {"side": side, "kind": kind, "pitch": pair[0], "investor": pair[1],
               "created_at": at, "updated_at": at}
        self.by_key[(side, *pair)] = row
        self.run.data.interests.append(row)
        return row


def _begin(run: Run, pool: _Pool, pair: Pair) -> datetime:
    """The earliest a pair can be marked: once the pitch is published and the profile made."""
    pitch = run.data.pitches[pair[0]]
    return max(pitch["published_at"] or pitch["created_at"], pool.joined[pair[1]])


def interactions(run: Run, featured_founder: str | None, featured_investor: str | None,
                 featured: set[str]) -> None:
    """Interest marks and notifications, added to the run's data.

    "Not for me" stays under `NOT_FOR_ME` and the meetings judged not worth it are few, so
    the demo's poor pairs stay below the re-ranker's minimum (app.services.feedback_learning):
    the engine ranks with the admin's weights, as on a new platform.
    """
    rng, data = run.rng, run.data
    pool = _Pool(run, featured)
    marks = _Marks(run)
    first: list[tuple[str, Pair]] = []  # one-sided interest the other side may answer

    for k in pool.investors:
        if rng.random() >= INVESTOR_MARKS:
            continue
        profile = data.investors[k]
        keys = [(s, st) for s in profile["sectors"] for st in profile["stages"]]
        for _ in range(rng.choice((1, 1, 2, 3))):
            found = _fitting(run, pool.pitch_buckets, keys)
            if found is not None and not marks.has_pair((found, profile["user"])):
                pair = (found, profile["user"])
                marks.add("investor", pair, "interested", _begin(run, pool, pair))
                first.append(("investor", pair))

    for k in pool.pitches:
        if rng.random() >= FOUNDER_MARKS:
            continue
        pitch = data.pitches[k]
        keys = [(s, pitch["stage"]) for s in pitch["sectors"]]
        for _ in range(1 if rng.random() < 0.7 else 2):
            found = _fitting(run, pool.investor_buckets, keys)
            if found is None:
                continue
            pair = (k, data.investors[found]["user"])
            if not marks.has_pair(pair):
                marks.add("founder", pair, "interested", _begin(run, pool, pair))
                first.append(("founder", pair))

    # The other side's answers: mostly none yet, some "interested", a few "not for me".
    said_no = 0
    answers: list[tuple[str, Pair]] = []
    for side, pair in first:
        other = "founder" if side == "investor" else "investor"
        draw = rng.random()
        if draw < ANSWERED:
            answers.append((side, pair))
        elif draw < ANSWERED + 0.04 and said_no < NOT_FOR_ME:
            said_no += 1
            marks.add(other, pair, "not_for_me", marks.by_key[(side, *pair)]["created_at"])
    picked = set(answers)
    unanswered = [(s, p) for s, p in first
                  if ("founder" if s == "investor" else "investor", *p) not in marks.by_key
                  and (s, p) not in picked]
    if not said_no and len(unanswered) > 1:  # a small run still shows a "not for me"
        side, pair = unanswered.pop()
        other = "founder" if side == "investor" else "investor"
        marks.add(other, pair, "not_for_me", marks.by_key[(side, *pair)]["created_at"])
    while len(answers) < MIN_MUTUAL and unanswered:
        answers.append(unanswered.pop(0))
    for side, pair in answers:
        other = "founder" if side == "investor" else "investor"
        if (other, *pair) not in marks.by_key:  # a pair picked twice is answered once
            marks.add(other, pair, "interested", marks.by_key[(side, *pair)]["created_at"])

    savers = [k for k in pool.investors if rng.random() < SAVERS]
    chosen = set(savers)
    savers += [k for k in pool.investors if k not in chosen][:max(0, MIN_SAVED - len(savers))]
    for k in savers:
        profile = data.investors[k]
        keys = [(s, st) for s in profile["sectors"] for st in profile["stages"]]
        found = _fitting(run, pool.pitch_buckets, keys)
        if found is not None and not marks.has_pair((found, profile["user"])):
            pair = (found, profile["user"])
            marks.add("investor", pair, "saved", _begin(run, pool, pair))

    _featured_incoming(run, pool, marks, featured_founder, featured_investor)
    _notifications(run, unread={featured_founder, featured_investor})


def _featured_incoming(run: Run, pool: _Pool, marks: _Marks, founder: str | None,
                       investor: str | None) -> None:
    """A few investors interested in the featured founder's published pitches, and a few
    founders in the featured investor; unanswered, and never between the two."""
    data = run.data
    recent = run.now - timedelta(days=10)
    own = [k for k, p in enumerate(data.pitches)
           if p["owner"] == founder and p["status"] == "published"]
    if own and pool.investors:
        fitting = [k for k in pool.investors
                   if any(_fits(data.pitches[p], data.investors[k]) for p in own)]
        chosen = _some(run, fitting, pool.investors, FEATURED_INCOMING)
        for n, k in enumerate(chosen):
            profile = data.investors[k]
            fits = [p for p in own if _fits(data.pitches[p], profile)] or own
            pair = (fits[n % len(fits)], profile["user"])
            marks.add("investor", pair, "interested", max(_begin(run, pool, pair), recent))
    profile = next((q for q in data.investors if q["user"] == investor), None)
    if profile is not None and pool.pitches:
        keys = [(s, st) for s in profile["sectors"] for st in profile["stages"]]
        fitting = sorted({k for key in keys for k in pool.pitch_buckets.get(key, ())})
        owners: set[str] = set()
        for k in _some(run, fitting, pool.pitches, FEATURED_INCOMING * 3):
            owner = data.pitches[k]["owner"]
            if owner not in owners and len(owners) < FEATURED_INCOMING:
                owners.add(owner)
                pair = (k, investor)
                marks.add("founder", pair, "interested", max(_begin(run, pool, pair), recent))
        # The featured investor has answered a few other pitches lately, as the other
        # investors have: the engine counts answers and their recency as activity, and an
        # investor who never answered would rank below them all (and out of arena proposals).
        answered = [k for k in _some(run, fitting, pool.pitches, FEATURED_INCOMING * 3)
                    if data.pitches[k]["owner"] not in owners
                    and not marks.has_pair((k, investor))][:FEATURED_INCOMING]
        for k in answered:
            pair = (k, investor)
            marks.add("investor", pair, "interested", max(_begin(run, pool, pair), recent))


def _some(run: Run, preferred: list[int], fallback: list[int], n: int) -> list[int]:
    """n members of `preferred`, topped up from `fallback` when it is short."""
    chosen = run.rng.sample(preferred, min(n, len(preferred)))
    taken = set(chosen)
    rest = [k for k in fallback if k not in taken]
    chosen += run.rng.sample(rest, min(n - len(chosen), len(rest)))
    return chosen


def _notifications(run: Run, unread: set[str | None]) -> None:
    """Replay each pair's marks in time order, as `app.services.interest.mark` would have
    notified: one-sided interest to the other side, a mutual match to both."""
    pairs: dict[Pair, list[dict]] = {}
    for row in run.data.interests:
        pairs.setdefault((row["pitch"], row["investor"]), []).append(row)
    for pair, rows in pairs.items():
        now: dict[str, str] = {}
        for row in sorted(rows, key=lambda r: r["created_at"]):
            side, kind = row["side"], row["kind"]
            other = "founder" if side == "investor" else "investor"
            theirs = now.get(other)
            now[side] = kind
            if kind != "interested":
                continue
            if theirs == "interested":
                for to in ("founder", "investor"):
                    _note(run, to, "mutual_match", pair, row["created_at"], unread)
            elif theirs in (None, "saved"):
                _note(run, other, NOTICES[side], pair, row["created_at"], unread)


def _note(run: Run, to: str, kind: str, pair: Pair, at: datetime,
          unread: set[str | None]) -> None:
    """A notification row: older ones are mostly read, recent ones and the featured
    people's wait."""
    pitch = run.data.pitches[pair[0]]
    user = pitch["owner"] if to == "founder" else pair[1]
    read = (user not in unread and at < run.now - timedelta(days=3)
            and run.rng.random() < 0.6)
    run.data.notifications.append({
        "user": user, "kind": kind, "pitch": pair[0], "investor": pair[1],
        "created_at": at, "read_at": run.created(after=at) if read else None,
    })
