"""Demo arenas hosted by Asker: one held last month, one inviting now.

The held arena ("done") has its invitations answered, a schedule built and published,
attendance marked and meeting feedback given, so the staff dashboard's arena section and
funnel show numbers. The upcoming one is inviting: some invitees accepted, some declined,
some have not answered — among them the featured founder and investor, so someone trying the
demo can answer and follow the arena from there (the invitation waits, unread, among their
notifications, as sending it leaves it). The featured people take no part in the
held arena: meeting there would reveal their contacts to each other, and "met before" would
hide them from each other's recommendations.

Dates follow the run's clock (its day), so the same seed and day give the same arenas. The
schedule is built here by a small greedy pass (the engine's scores do not exist yet); it
keeps every rule the app's scheduler keeps: meeting slots only, one meeting per table and per
person in a slot, each person's cap.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from app.demo.run import Run

LOCAL_TZ = ZoneInfo("Europe/Oslo")  # as app.models.arena: the generator needs no models

HOST = "asker"
PAST_DAYS, UPCOMING_DAYS, DEADLINE_DAYS = 26, 24, 7
SLOTS = dict(slot_minutes=15, slot_count=8, breaks=[4], start_time=time(9, 0),
             end_time=time(11, 30))
PAST = dict(title="Gründerfrokost i Asker: kapital og kompetanse", theme="founder",
            description="Frokostmøte for gründere og investorer som vil hjelpe dem i gang: "
                        "korte møter på 15 minutter, bord for bord.",
            venue="Asker rådhus, Katrineåsveien 20", founder_capacity=6,
            investor_capacity=5, table_count=4, meeting_cap=4, **SLOTS)
UPCOMING = dict(title="Energi og kapital: møteplass i Asker", theme="green",
                description="Sol, batterier og energismarte bygg: gründere møter investorer "
                            "som satser på det grønne skiftet i regionen.",
                venue="Kunnskapsbyen, Asker sentrum", founder_capacity=8,
                investor_capacity=6, table_count=5, meeting_cap=None, **SLOTS)


def arena_day(day: date, step: int) -> date:
    """`day`, or the nearest day from it in `step`'s direction (1 later, -1 earlier) that
    an association would hold a breakfast arena on: Tuesday to Thursday, outside the
    Christmas and New Year weeks (20 December to 3 January). A fixed offset from today put
    the demo's upcoming arena on New Year's Eve, or on a Sunday."""
    while day.weekday() not in (1, 2, 3) or (day.month, day.day) >= (12, 20) \
            or (day.month, day.day) <= (1, 3):
        day += timedelta(days=step)
    return day


def _local(day: date, at: time) -> datetime:
    """An Oslo wall-clock moment as aware UTC, as the arena forms store it."""
    return datetime.combine(day, at, tzinfo=LOCAL_TZ).astimezone(UTC)


def _arena(run: Run, plan: dict, day: date, status: str, staff: str) -> int:
    created = _local(day - timedelta(days=40), time(10, 0))
    row = {**plan, "date": day, "status": status, "good_investors_k": 3,
           "rsvp_deadline": _local(day - timedelta(days=DEADLINE_DAYS), time(12, 0)),
           "schedule_sequence": 0, "scheduled_at": None, "schedule_published_at": None,
           "created_by": staff,
           "hosts": [HOST], "created_at": created, "updated_at": created}
    row["breaks"] = list(plan["breaks"])
    run.data.arenas.append(row)
    return len(run.data.arenas) - 1


def _invite(run: Run, arena: int, user: str, side: str, pitch: int | None, state: str,
            rank: int, invited: datetime, answered: datetime | None = None,
            attended: bool | None = None) -> dict:
    row = {"arena": arena, "user": user, "side": side, "pitch": pitch, "state": state,
           "rank": rank, "invited_at": invited, "answered_at": answered,
           "attended": attended, "created_at": invited}
    run.data.invitations.append(row)
    # The notice sending the invitation makes (arena_notices.invited): read by whoever has
    # answered, waiting for the rest, the featured pair among them.
    run.data.notifications.append({"user": user, "kind": "arena_invited", "arena": arena,
                                   "created_at": invited, "read_at": answered})
    return row


def _people(run: Run, featured: set[str]) -> tuple[list[tuple[str, int, bool]],
                                                     list[tuple[str, bool]]]:
    """Founders (e-mail, first visible pitch, green) and investors (e-mail, green) who may be
    invited: not featured, with a published pitch or an active profile."""
    founders: dict[str, tuple[str, int, bool]] = {}
    for k, p in enumerate(run.data.pitches):
        if (p["status"] == "published" and not p["hidden"] and p["owner"] not in featured
                and p["owner"] not in founders):
            founders[p["owner"]] = (p["owner"], k, bool(p["green_objectives"]))
    investors = [(q["user"], q["green_mandate"] != "none") for q in run.data.investors
                 if q["user"] not in featured and q["active"]]
    return list(founders.values()), investors


def _pick(run: Run, people: list, n: int, green_first: bool = True) -> list:
    """n people: those who fit the arena's theme first (green or not), then anyone."""
    green = [p for p in people if p[-1] == green_first]
    chosen = run.rng.sample(green, min(n, len(green)))
    taken = set(chosen)
    rest = [p for p in people if p not in taken]
    return chosen + run.rng.sample(rest, min(n - len(chosen), len(rest)))


def arenas(run: Run, staff: str, featured_founder: str | None, featured_investor: str | None,
           featured: set[str]) -> None:
    """The held and the upcoming arena, added to the run's data (none when fewer than two
    founders and two investors can take part)."""
    founders, investors = _people(run, featured)
    if len(founders) < 2 or len(investors) < 2:
        return
    _held(run, staff, founders, investors)
    _upcoming(run, staff, founders, investors, featured_founder, featured_investor)


def _held(run: Run, staff: str, founders: list, investors: list) -> None:
    rng = run.rng
    day = arena_day(run.now.date() - timedelta(days=PAST_DAYS), -1)
    arena = _arena(run, PAST, day, "done", staff)
    invited = _local(day - timedelta(days=28), time(9, 0))
    deadline = run.data.arenas[arena]["rsvp_deadline"]
    coming: dict[str, list] = {"founder": [], "investor": []}
    for side, pool, seats in (("founder", founders, PAST["founder_capacity"]),
                              ("investor", investors, PAST["investor_capacity"])):
        chosen = _pick(run, pool, seats + 2, green_first=False)
        no = 2 if len(chosen) > 3 else 0  # two said no; everyone else came
        for rank, person in enumerate(chosen, start=1):
            answered = invited + (deadline - invited) * rng.random()
            accepted = rank <= len(chosen) - no
            pitch = person[1] if side == "founder" else None
            row = _invite(run, arena, person[0], side, pitch,
                          "accepted" if accepted else "declined", rank, invited, answered,
                          True if accepted else None)
            if accepted:
                coming[side].append(row)
    if len(coming["founder"]) > 2:
        coming["founder"][-1]["attended"] = False  # one founder did not turn up
    built = _local(day - timedelta(days=5), time(14, 0))
    # Published when built: its participants had their agendas before the day.
    run.data.arenas[arena].update(schedule_sequence=1, scheduled_at=built,
                                  schedule_published_at=built, updated_at=built)
    _schedule(run, arena, coming["founder"], coming["investor"], built)


def _value(run: Run, founder: dict, investor: dict) -> float:
    """How well a pair fits, from what the demo knows: shared sectors, the stage, green."""
    pitch = run.data.pitches[founder["pitch"]]
    profile = next(q for q in run.data.investors if q["user"] == investor["user"])
    shared = len(set(pitch["sectors"]) & set(profile["sectors"]))
    score = 0.2 * min(shared, 2) + 0.25 * (pitch["stage"] in profile["stages"])
    score += 0.15 * bool(set(pitch["green_objectives"]) & set(profile["green_objectives"]))
    return round(min(1.0, score + 0.2 * run.rng.random()), 3)


def _schedule(run: Run, arena: int, founders: list, investors: list, built: datetime) -> None:
    """Meetings in the held arena: a few asked for by both or one side, the rest suggested;
    the best pairs first, each in the earliest slot both are free with a table left."""
    rng, plan = run.rng, run.data.arenas[arena]
    slots = [s for s in range(plan["slot_count"]) if s not in plan["breaks"]]
    cap = plan["meeting_cap"] or len(slots)
    pairs = [(_value(run, f, i), f, i) for f in founders for i in investors]
    pairs.sort(key=lambda p: -p[0])
    sources: dict[tuple[str, str], str] = {}
    asked: set[str] = set()
    for _v, f, i in pairs:  # the best pairs asked to meet, one request per person
        if len(sources) < 5 and not {f["user"], i["user"]} & asked:
            sources[(f["user"], i["user"])] = "mutual" if len(sources) < 3 else "one_sided"
            asked |= {f["user"], i["user"]}
    pairs.sort(key=lambda p: (0 if (p[1]["user"], p[2]["user"]) in sources else 1, -p[0]))
    busy: set[tuple[str, int]] = set()
    tables: dict[int, int] = {}
    count: dict[str, int] = {}
    for value, f, i in pairs:
        people = (f["user"], i["user"])
        if any(count.get(u, 0) >= cap for u in people):
            continue
        slot = next((s for s in slots if tables.get(s, 0) < plan["table_count"]
                     and all((u, s) not in busy for u in people)), None)
        if slot is None:
            continue
        source = sources.get(people, "suggestion")
        meeting = {"arena": arena, "founder": f["user"], "investor": i["user"],
                   "pitch": f["pitch"], "slot": slot, "table": tables.get(slot, 0),
                   "source": source, "value": value, "state": "scheduled", "locked": False,
                   "created_at": built}
        tables[slot] = tables.get(slot, 0) + 1
        busy.update((u, slot) for u in people)
        for u in people:
            count[u] = count.get(u, 0) + 1
        run.data.meetings.append(meeting)
        if source != "suggestion":
            when = built - timedelta(days=rng.randint(1, 6))
            run.data.meeting_requests.append({
                "arena": arena, "from": f["user"], "to": i["user"], "created": when,
                "state": "accepted" if source == "mutual" else "pending",
                "answered_at": when + timedelta(hours=rng.randint(1, 30))
                if source == "mutual" else None})
        _feedback(run, len(run.data.meetings) - 1, f, i)


def _feedback(run: Run, meeting: int, founder: dict, investor: dict) -> None:
    """Most who met answer the one question; most found it worth it."""
    rng = run.rng
    if not (founder["attended"] and investor["attended"]):
        return
    day = run.data.arenas[founder["arena"]]["date"]
    for person in (founder, investor):
        if rng.random() < 0.75:
            worth = rng.random() < 0.85
            run.data.meeting_feedback.append({
                "meeting": meeting, "user": person["user"], "worth_it": worth,
                "will_follow_up": worth and rng.random() < 0.5,
                "created_at": _local(day, time(12, 0)) + timedelta(hours=rng.randint(0, 60))})


def _upcoming(run: Run, staff: str, founders: list, investors: list,
              featured_founder: str | None, featured_investor: str | None) -> None:
    rng = run.rng
    day = arena_day(run.now.date() + timedelta(days=UPCOMING_DAYS), 1)
    arena = _arena(run, UPCOMING, day, "inviting", staff)
    invited = run.now - timedelta(days=5)
    featured_pitch = next((k for k, p in enumerate(run.data.pitches)
                           if p["owner"] == featured_founder and p["status"] == "published"),
                          None)
    for side, pool, featured, states in (
            ("founder", founders, featured_founder,
             ("accepted", "accepted", "accepted", "declined", "invited", "invited")),
            ("investor", investors, featured_investor,
             ("accepted", "accepted", "declined", "invited"))):
        chosen = _pick(run, pool, len(states))
        rows = [(p[0], p[1] if side == "founder" else None, state)
                for p, state in zip(chosen, states, strict=False)]
        if featured is not None and (side == "investor" or featured_pitch is not None):
            rows.insert(0, (featured, featured_pitch if side == "founder" else None, "invited"))
        for rank, (email, pitch, state) in enumerate(rows, start=1):
            answered = (invited + (run.now - invited) * rng.random()
                        if state in ("accepted", "declined") else None)
            _invite(run, arena, email, side, pitch, state, rank, invited, answered)
