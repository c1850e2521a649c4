"""What an arena's meeting requests add up to, pair by pair: mutual, one-sided or declined,
and how many each person has agreed and asked for. Withdrawn requests count for nothing."""

from __future__ import annotations

from sqlalchemy import func, select

from app.extensions import db
from app.models import Invitation, MeetingRequest

WITHDRAWN = "withdrawn"


def requests_of(arena_id: int) -> list[MeetingRequest]:
    """The arena's requests that still count (withdrawn ones do not)."""
    return list(db.session.scalars(select(MeetingRequest).where(
        MeetingRequest.arena_id == arena_id, MeetingRequest.state != WITHDRAWN)
        .order_by(MeetingRequest.id)))


def pair_states(arena_id: int) -> dict[tuple[int, int], str]:
    """(founder user id, investor user id) → "mutual", "one_sided" or "declined"."""
    sides = dict(db.session.execute(select(Invitation.user_id, Invitation.side).where(
        Invitation.arena_id == arena_id)).all())
    found: dict[tuple[int, int], list[MeetingRequest]] = {}
    for req in requests_of(arena_id):
        if sides.get(req.from_user_id) == "founder":
            key = (req.from_user_id, req.to_user_id)
        else:
            key = (req.to_user_id, req.from_user_id)
        found.setdefault(key, []).append(req)
    states = {}
    for key, reqs in found.items():
        kinds = {r.state for r in reqs}
        if "declined" in kinds:
            states[key] = "declined"
        elif "accepted" in kinds or len(reqs) > 1:
            states[key] = "mutual"
        else:
            states[key] = "one_sided"
    return states


def mutual_count(arena_id: int, user_id: int, states: dict | None = None) -> int:
    """The person's agreed (mutual) meetings at the arena."""
    states = pair_states(arena_id) if states is None else states
    return sum(1 for pair, state in states.items() if user_id in pair and state == "mutual")


def outgoing_count(arena_id: int, user_id: int) -> int:
    """Requests the person has made that are neither declined nor withdrawn."""
    return db.session.scalar(select(func.count(MeetingRequest.id)).where(
        MeetingRequest.arena_id == arena_id, MeetingRequest.from_user_id == user_id,
        MeetingRequest.state.not_in(("declined", WITHDRAWN)))) or 0
