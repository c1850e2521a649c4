"""Arena invitations: the engine's proposal with reasons, the lists per side and their ranks,
and the seats still free. Staff's edits of the lists are in invitation_edits, sending and
reminders in invitation_sending."""

from __future__ import annotations

import numpy as np
from flask_babel import gettext as _
from sqlalchemy import delete, func, select
from sqlalchemy.orm import selectinload

from app.extensions import db
from app.models import Arena, Invitation
from app.services import arenas as arena_service
from app.services import audit
from app.services import invitation_proposal as proposal
from app.services.errors import DomainError
from app.services.rsvp import SEATED

PENDING = ("proposed", "waiting_list")
WAITING_LIST_FACTOR = 1  # waiting list as long as the capacity


def invitations_by_side(arena: Arena) -> dict[str, list[Invitation]]:
    """Every invitation of the arena per side in rank order, as the list was drawn up.

    Ranks are one sequence per side (`normalise`); a tie exists only on lists renumbered
    before that (the unsent ones were 1, 2, ... again), and puts the sent one first."""
    rows = list(db.session.scalars(select(Invitation).where(Invitation.arena_id == arena.id)
                                   .options(selectinload(Invitation.pitch))))  # the list names them
    rows.sort(key=lambda i: (i.rank, i.state in PENDING, i.id))
    return {side: [i for i in rows if i.side == side] for side in ("founder", "investor")}


Counts = dict[str, dict[str, int]]  # per side ("founder", "investor"), per state: how many


def counts(arena: Arena) -> Counts:
    """How many invitations per side and state. A page that shows several things made of
    them (the free seats, the k a proposal asks for, what "Send" would invite) reads them
    once and passes them to each (`counted`): each read them again before."""
    result = {"founder": {}, "investor": {}}
    rows = db.session.execute(select(Invitation.side, Invitation.state, func.count()).where(
        Invitation.arena_id == arena.id).group_by(Invitation.side, Invitation.state))
    for side, state, n in rows:
        result.setdefault(side, {})[state] = n
    return result


def last_sent_rank(arena: Arena, side: str) -> int:
    """The highest rank of the side's sent invitations (answered or not): the unsent ones
    are ranked after it, so that a rank names one place on the side's list. Numbered from 1
    again, the waiting list's first was "1" beside the first person invited."""
    return db.session.scalar(select(func.max(Invitation.rank)).where(
        Invitation.arena_id == arena.id, Invitation.side == side,
        Invitation.state.not_in(PENDING))) or 0


class ArenaHeld(DomainError):
    """A change refused because the arena is held; its message is `held_because`'s."""


def held_because(arena: Arena) -> str | None:
    """Why staff can no longer change who is invited, their times and caps, nor send
    invitations or reminders, once the arena has taken place (Arena.held: marked done, or
    its end has passed), or None before. Only the status was read, and an arena over but
    not marked done still took edits (a seated person's removal even at one marked done):
    they called off meetings that had happened, which attendance, feedback and "met
    before" read, and told the partners of it. The invitations page says it in place of
    the buttons, and each change refuses with it."""
    if arena.held:
        return _("The arena has taken place: who is invited, their times and meeting caps can no "
                 "longer be changed, and no invitations or reminders are sent.")
    return None


def check_editable(arena: Arena) -> None:
    """DomainError unless staff may still change the arena's lists (propose, edit, send)."""
    held = held_because(arena)
    if held is not None:
        raise ArenaHeld(held)
    if arena.status not in ("draft", "inviting"):
        raise DomainError(_("Invitations can only be changed while the arena is a draft or "
                            "inviting."))


# --- the proposal ---------------------------------------------------------------------------
def _reasons(cands, row: int, side: str, room_f: list[int], room_i: list[int], result: dict,
             group: str, in_room: bool) -> dict:
    values, good = cands.values, cands.good
    if side == "founder":
        vals = values[row, room_i] if room_i else np.zeros(0)
        names = [cands.investors[room_i[j]].organisation for j in np.argsort(-vals)[:3]]
        bonus = cands.founder_bonus[row]
    else:
        vals = values[room_f, row] if room_f else np.zeros(0)
        names = [cands.pitches[room_f[j]].title for j in np.argsort(-vals)[:3]]
        bonus = cands.investor_bonus[row]
    top = np.sort(vals)[-3:] if vals.size else vals
    facts = result.get("info", {}).get((side, row), {})
    # How many of its association the proposal seats on this side: the page compares it with
    # the fair share, a lower bound (seats beyond the shares go to the best match values).
    groups = cands.founder_groups if side == "founder" else cands.investor_groups
    chosen = sum(1 for r in (room_f if side == "founder" else room_i) if groups[r] == group)
    return {"value": round(float(top.sum()), 3), "best": int(top.size),
            "good": int((vals >= good).sum()),
            "good_threshold": round(good, 3), "top": names, "theme_fit": round(bonus, 2),
            "association": group, "quota": result["quotas"][side].get(group, 0),
            "chosen": chosen, "quota_seat": bool(facts.get("quota_seat")), "in_room": in_room}


def propose(user, arena: Arena) -> dict[str, int]:
    """Ask the engine for a proposal and store it (replacing earlier unsent proposals).

    A proposal with nobody in it, seated or waiting, changes nothing: the unsent list stays
    as it was (people the staff added by hand among them) and `unsent_kept` says how many it
    holds. Replacing it with nothing lost that work and changed every cached page."""
    check_editable(arena)
    kept = list(db.session.scalars(select(Invitation).where(
        Invitation.arena_id == arena.id, Invitation.state.not_in(PENDING))))
    seated = {side: sum(1 for i in kept if i.side == side and i.state in SEATED)
              for side in ("founder", "investor")}
    # The unsent people staff added by hand are their choice, not an earlier proposal: they
    # keep their places at the top of the unsent list and their seats, and the engine fills
    # the rest (a new proposal dropped them unasked).
    by_hand = [i for i in db.session.scalars(select(Invitation).where(
        Invitation.arena_id == arena.id, Invitation.state.in_(PENDING))
        .order_by(Invitation.rank, Invitation.id)) if (i.reasons or {}).get("added_by_staff")]
    hand = {side: sum(1 for i in by_hand if i.side == side) for side in ("founder", "investor")}
    cands = proposal.gather(arena.theme,
                            exclude_user_ids={i.user_id for i in kept + by_hand})
    max_f = max(0, arena.founder_capacity - seated["founder"] - hand["founder"])
    max_i = max(0, arena.investor_capacity - seated["investor"] - hand["investor"])
    k = proposal.capped_k(arena.good_investors_k, max_i)
    result = proposal.run_optimiser(cands, max_f, max_i, k)
    room_f, room_i = result["founders"], result["investors"]
    f_rows = room_f + result["founder_waiting"][: max_f * WAITING_LIST_FACTOR]
    i_rows = room_i + result["investor_waiting"][: max_i * WAITING_LIST_FACTOR]
    if not (f_rows or i_rows):
        unsent = db.session.scalar(select(func.count(Invitation.id)).where(
            Invitation.arena_id == arena.id, Invitation.state.in_(PENDING))) or 0
        return {"founders": 0, "investors": 0, "free_founders": max_f,
                "free_investors": max_i, "unsent_kept": unsent}
    db.session.execute(delete(Invitation).where(
        Invitation.arena_id == arena.id, Invitation.state.in_(PENDING),
        Invitation.id.not_in([i.id for i in by_hand])))
    start = {}
    for side in ("founder", "investor"):
        start[side] = last_sent_rank(arena, side) + 1
        for invitation in (i for i in by_hand if i.side == side):
            invitation.rank, start[side] = start[side], start[side] + 1
    for rank, row in enumerate(f_rows, start=start["founder"]):
        pitch = cands.pitches[row]
        db.session.add(Invitation(
            arena_id=arena.id, user_id=pitch.owner_id, side="founder", pitch_id=pitch.id,
            state="proposed" if row in room_f else "waiting_list", rank=rank,
            value=float(cands.values[row, room_i].sum()) if room_i else 0.0,
            reasons=_reasons(cands, row, "founder", room_f, room_i, result,
                             cands.founder_groups[row], row in room_f)))
    for rank, row in enumerate(i_rows, start=start["investor"]):
        profile = cands.investors[row]
        db.session.add(Invitation(
            arena_id=arena.id, user_id=profile.user_id, side="investor",
            state="proposed" if row in room_i else "waiting_list", rank=rank,
            value=float(cands.values[room_f, row].sum()) if room_f else 0.0,
            reasons=_reasons(cands, row, "investor", room_f, room_i, result,
                             cands.investor_groups[row], row in room_i)))
    db.session.flush()
    for side in ("founder", "investor"):
        normalise(arena, side)  # the seats, from the top: those added by hand first
    db.session.commit()
    audit.record("invitations_proposed", actor=user, target=f"arena:{arena.id}",
                 detail=f"founders={len(room_f)} investors={len(room_i)} k={k}")
    return {"founders": len(room_f), "investors": len(room_i),
            "free_founders": max_f, "free_investors": max_i, "unsent_kept": 0,
            "by_hand": len(by_hand)}


# --- ranks and seats ------------------------------------------------------------------------
def normalise(arena: Arena, side: str) -> None:
    """Renumber the unsent invitations of a side after the sent ones; the best ranks fill
    the free seats as "proposed", the rest wait.

    One waiting after their yes (Invitation.waiting_after_yes) keeps their place in line but
    stays on the waiting list: they said yes, and a free seat is offered to them by a new
    invitation (rsvp.fill_seats, or Send: `yes_waiting_seated`), never by turning them into
    an unsent proposal, which Remove deleted untold and Send invited with their yes kept."""
    seated = db.session.scalar(select(func.count(Invitation.id)).where(
        Invitation.arena_id == arena.id, Invitation.side == side,
        Invitation.state.in_(SEATED))) or 0
    free = max(0, arena.capacity(side) - seated)
    pending = list(db.session.scalars(select(Invitation).where(
        Invitation.arena_id == arena.id, Invitation.side == side,
        Invitation.state.in_(PENDING)).order_by(Invitation.rank, Invitation.id)))
    after = last_sent_rank(arena, side)
    for position, invitation in enumerate(pending):
        invitation.rank = after + position + 1
        if not invitation.waiting_after_yes:
            invitation.state = "proposed" if position < free else "waiting_list"


def yes_waiting_seated(arena: Arena, side: str) -> list[Invitation]:
    """Those waiting after their yes whose place in line (`normalise`) falls within the
    side's free seats: Send offers them the seat with the proposed."""
    seated = db.session.scalar(select(func.count(Invitation.id)).where(
        Invitation.arena_id == arena.id, Invitation.side == side,
        Invitation.state.in_(SEATED))) or 0
    free = max(0, arena.capacity(side) - seated)
    pending = list(db.session.scalars(select(Invitation).where(
        Invitation.arena_id == arena.id, Invitation.side == side,
        Invitation.state.in_(PENDING)).order_by(Invitation.rank, Invitation.id)))
    return [i for i in pending[:free] if i.waiting_after_yes]


def seated_and_pending(counted: Counts, side: str) -> tuple[int, int]:
    """Of a side's `counts`: how many hold a seat (invited or accepted), and how many unsent
    ones (proposed or waiting) could be invited."""
    states = counted.get(side, {})
    return (sum(states.get(state, 0) for state in SEATED),
            sum(states.get(state, 0) for state in PENDING))


def good_investors_k(arena: Arena, counted: Counts | None = None) -> int:
    """The k a proposal asks for now (proposal.capped_k): capped by the investor seats nobody
    invited or accepted holds, or, with none free, by the room's investor seats. `counted`:
    the arena's `counts`, when the caller has read them."""
    seated, _pending = seated_and_pending(counts(arena) if counted is None else counted,
                                          "investor")
    free = arena.investor_capacity - seated
    return proposal.capped_k(arena.good_investors_k,
                             free if free > 0 else arena.investor_capacity)


def free_seats(arena: Arena, counted: Counts | None = None) -> dict[str, dict[str, int]]:
    """Per side of an arena that has sent invitations: the seats nobody invited or accepted
    holds (after a no, a removal or more seats), how many said no, and how many unsent
    people wait who could be invited to them. Sides without a free seat are left out.
    `counted`: the arena's `counts`, when the caller has read them."""
    if arena.status not in arena_service.OPEN_STATUSES or arena.held:
        return {}  # a held arena invites nobody more (held_because)
    counted = counts(arena) if counted is None else counted
    result = {}
    for side, states in counted.items():
        seated, pending = seated_and_pending(counted, side)
        free = arena.capacity(side) - seated
        if free > 0:
            result[side] = {"free": free, "declined": states.get("declined", 0),
                            "waiting": pending}
    return result
