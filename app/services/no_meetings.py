"""Why a participant has no meeting in the schedule, from what the scheduler was given:
their pitch, their cap, their window, their possible partners (requests and the engine's
suggestions) and the meetings already placed. Nothing here guesses beyond those inputs;
`schedule.no_meeting_reasons` gathers them for an arena.

The codes are stored with a notice (its wording is in the reader's language), so they
stay the same; `staff_text` and `participant_text` word them, and `participant_message` is
what the participant reads, in the notice and on their agenda alike.
"""

from __future__ import annotations

from dataclasses import dataclass

from flask_babel import gettext as _

PITCH_WITHDRAWN = "pitch_withdrawn"  # the founder's invited pitch is not shown to investors
CAP_ZERO = "cap_zero"  # their limit is 0 meetings
NO_TIME = "no_time"  # their window holds no meeting slot
NO_PAIRS = "no_pairs"  # no request with anyone coming, and no engine suggestion
NO_COMMON_TIME = "no_common_time"  # no possible partner is there at the same time
NO_TABLE = "no_table"  # a partner is free at a shared time, but every table is in use then
NO_ROOM = "no_room"  # at every shared time the partner is busy or at their limit
FITS_NOW = "fits_now"  # a meeting would fit now: they came or changed after the last run
ABSENT = "absent"  # marked absent on the arena's day (attendance)
CODES = (PITCH_WITHDRAWN, CAP_ZERO, NO_TIME, NO_PAIRS, NO_COMMON_TIME, NO_TABLE, NO_ROOM,
         FITS_NOW, ABSENT)


@dataclass(frozen=True)
class Inputs:
    """What the scheduler works from, as plain values (user ids, arena slot indexes)."""

    people: tuple[int, ...]  # accepted participants
    withdrawn: frozenset[int]  # founders whose invited pitch investors no longer see
    available: dict[int, frozenset[int]]  # meeting slots in each person's window
    caps: dict[int, int]
    pairs: frozenset[tuple[int, int]]  # (founder, investor) the scheduler may place
    placed: tuple[tuple[int, int, int, int], ...]  # active meetings: founder, investor, slot, table
    tables: int
    absent: frozenset[int] = frozenset()  # marked absent: the scheduler gives them no slot


def reasons(inputs: Inputs) -> dict[int, str]:
    """Each participant without an active meeting → why (one of CODES)."""
    busy: set[tuple[int, int]] = set()  # (person, slot)
    taken: dict[int, int] = {}  # slot → tables in use
    count: dict[int, int] = {}
    for f, i, slot, _table in inputs.placed:
        busy |= {(f, slot), (i, slot)}
        taken[slot] = taken.get(slot, 0) + 1
        count[f], count[i] = count.get(f, 0) + 1, count.get(i, 0) + 1
    partners: dict[int, set[int]] = {}
    for f, i in inputs.pairs:
        if f in inputs.withdrawn:
            continue
        partners.setdefault(f, set()).add(i)
        partners.setdefault(i, set()).add(f)
    out = {}
    for uid in inputs.people:
        if count.get(uid):
            continue
        mine = inputs.available.get(uid, frozenset())
        others = {p for p in partners.get(uid, ()) if p in inputs.available}
        shared = {(p, s) for p in others for s in mine & inputs.available[p]}
        if uid in inputs.absent:
            out[uid] = ABSENT
        elif uid in inputs.withdrawn:
            out[uid] = PITCH_WITHDRAWN
        elif inputs.caps.get(uid, 0) <= 0:
            out[uid] = CAP_ZERO
        elif not mine:
            out[uid] = NO_TIME
        elif not others:
            out[uid] = NO_PAIRS
        elif not shared:
            out[uid] = NO_COMMON_TIME
        else:
            # partner and time free: only a table can be missing
            open_ = [s for p, s in shared if (p, s) not in busy
                     and count.get(p, 0) < inputs.caps.get(p, 0)]
            if any(taken.get(s, 0) < inputs.tables for s in open_):
                out[uid] = FITS_NOW
            elif open_:
                out[uid] = NO_TABLE  # more tables would make room: staff can add them
            else:
                out[uid] = NO_ROOM
    return out


def staff_text(code: str | None) -> str:
    """Why, for the staff's schedule page."""
    texts = {
        PITCH_WITHDRAWN: lambda: _("Their pitch is not shown to investors (a draft again, "
                                   "or hidden), so the schedule gives them no meetings."),
        CAP_ZERO: lambda: _("Their limit is 0 meetings."),
        NO_TIME: lambda: _("Their times at the arena hold no meeting slot."),
        NO_PAIRS: lambda: _("Nobody coming asked to meet them or was asked by them, and the "
                            "engine suggested nobody among those coming."),
        NO_COMMON_TIME: lambda: _("None of the people they could meet is there at the same "
                                  "time."),
        NO_TABLE: lambda: _("Every table is in use at the times when they and someone they "
                            "could meet are both free: add tables in the arena's settings, "
                            "then build the schedule again."),
        NO_ROOM: lambda: _("Everyone they could meet is busy or at their limit at the times "
                           "they are both there."),
        FITS_NOW: lambda: _("A meeting would fit now (they accepted or their times changed "
                            "after the last run): build the schedule again."),
        ABSENT: lambda: _("Marked absent on the attendance page, so the schedule gives them "
                          "no meetings. Should they come after all, mark them present and "
                          "run the schedule again."),
    }
    make = texts.get(code or "")
    return make() if make else ""


def participant_text(code: str | None) -> str:
    """Why, for the participant (the notice when the schedule is published); empty when
    the code tells them nothing they can use."""
    texts = {
        PITCH_WITHDRAWN: lambda: _("your pitch is not shown to investors at the moment."),
        CAP_ZERO: lambda: _("your limit is 0 meetings."),
        NO_TIME: lambda: _("the times you are at the arena hold no meeting slot."),
        NO_PAIRS: lambda: _("there were no meeting requests between you and those coming, "
                            "and we found no good match for you among them."),
        NO_COMMON_TIME: lambda: _("the people you could meet are not there at the same "
                                  "time as you."),
        NO_ROOM: lambda: _("the times you share with the people you could meet were already "
                           "taken."),
        NO_TABLE: lambda: _("the times you share with the people you could meet were already "
                            "taken."),
        ABSENT: lambda: _("the organisers marked you as not at the arena; if you are there, "
                          "tell them."),
    }
    make = texts.get(code or "")
    return make() if make else ""



def participant_message(arena: str, code: str | None) -> str:
    """What a participant without meetings in the published schedule of the arena titled
    `arena` reads: no meeting could be fitted, and why where the code tells them."""
    if code == FITS_NOW:
        # They said yes (or their times changed) after the last run: nothing failed to fit,
        # the schedule just predates them, and staff see "build the schedule again".
        return _("The meeting schedule for “%(arena)s” was made before you said yes or "
                 "changed your times, so it has no meeting for you yet. The organisers can "
                 "fit you in when they build it again. You are still welcome at the arena.",
                 arena=arena)
    why = participant_text(code)
    if why:
        return _("The meeting schedule for “%(arena)s” is published, but no meeting could be "
                 "fitted for you: %(why)s You are still welcome at the arena.",
                 arena=arena, why=why)
    return _("The meeting schedule for “%(arena)s” is published, but no meeting could be "
             "fitted for you. You are still welcome at the arena.", arena=arena)
