"""Who takes part in an arena (the accepted invitations), and the other side as a
participant sees them: match score, why, organisation, and the requests between them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from flask_babel import gettext as _
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from app.extensions import db
from app.models import Arena, InvestorProfile, Invitation, MeetingRequest, User
from app.models.user import utcnow
from app.services import explain
from app.services.arenas import next_first
from app.services.errors import Forbidden, NotFound
from app.services.pair_scores import match_of, profile_ids, scores_for
from app.services.request_pairs import requests_of


# --- who takes part -------------------------------------------------------------------------
class NotParticipant(Forbidden):
    """Someone invited to the arena who does not come (declined, cancelled, taken off the
    list, only invited, waiting for a seat); its message is `not_accepted_text`. They know
    the arena, so the pages may show why: the one Forbidden whose words they show."""

    def __init__(self, message: str, arena_id: int, state: str | None = None):
        """`arena_id` is the arena they were invited to: the refusal leads back to that
        invitation, where they can still answer. `state` is the invitation's."""
        super().__init__(message)
        self.arena_id = arena_id
        self.state = state


def participant_of(user, arena_id: int) -> Invitation:
    """The user's accepted invitation to the arena. NotFound when they were never invited
    (the arena's existence is not revealed), NotParticipant when they have not accepted."""
    invitation = db.session.scalar(select(Invitation).where(
        Invitation.arena_id == arena_id, Invitation.user_id == user.id,
        Invitation.invited_at.is_not(None)))
    if invitation is None or invitation.arena.status == "draft":
        raise NotFound(_("No such arena."))
    if invitation.state != "accepted":
        raise NotParticipant(not_accepted_text(), arena_id, invitation.state)
    return invitation


def agenda_holder(user, arena_id: int) -> Invitation:
    """participant_of for the agenda page: the refusal says why in the agenda's words
    (no_agenda_text), not in those of the page of who comes."""
    try:
        return participant_of(user, arena_id)
    except NotParticipant as error:
        raise NotParticipant(no_agenda_text(error.state), arena_id, error.state) from None


def not_accepted_text() -> str:
    """Why participant_of refuses someone invited who does not come (declined, cancelled,
    taken off the list, only invited), in the language being spoken: the pages reached
    through an RSVP link say it in the link owner's."""
    return _("Only people who have accepted the invitation can see who comes and ask for "
             "meetings.")


def no_agenda_text(state: str | None) -> str:
    """Why someone invited has no agenda, by their invitation's state: not_accepted_text
    spoke of seeing who comes and asking for meetings on the agenda page too, so someone
    who said no, or cancelled, and opened "My agenda" from their calendar or an e-mail read
    about another page. The API's agenda says the same (api/arenas._not_coming_to)."""
    if state == "invited":
        return _("Your agenda at this arena opens once you have accepted the invitation.")
    if state == "waiting_list":
        return _("Your agenda at this arena opens if a seat becomes free for you: you are on "
                 "the waiting list.")
    return _("Only those who come to the arena have an agenda there, and your invitation "
             "says you do not come.")


def my_participations(user) -> list[Invitation]:
    """The person's accepted invitations to arenas that are not drafts, the next arena first
    (arenas.next_first)."""
    query = (select(Invitation).join(Arena).where(
        Invitation.user_id == user.id, Invitation.state == "accepted",
        Invitation.invited_at.is_not(None), Arena.status != "draft"))
    return next_first(db.session.scalars(query))


def accepted(arena_id: int, side: str | None = None, with_pitches: bool = False
             ) -> list[Invitation]:
    """The accepted invitations of the arena (one side, or both). `with_pitches`: their
    pitches loaded in one more query, for a page that shows them all (read one by one, a
    page of 114 founders asked for its pitches 114 times)."""
    query = select(Invitation).where(Invitation.arena_id == arena_id,
                                     Invitation.state == "accepted")
    if side is not None:
        query = query.where(Invitation.side == side)
    if with_pitches:
        query = query.options(selectinload(Invitation.pitch))
    return list(db.session.scalars(query.order_by(Invitation.rank, Invitation.id)))


# --- the other side -------------------------------------------------------------------------
@dataclass
class Person:
    """Someone on the other side, as a participant sees them."""

    invitation: Invitation
    score: float | None
    why: str
    outgoing: MeetingRequest | None
    incoming: MeetingRequest | None
    organisation: str = ""  # an investor's fund or company, as founders know them
    profile_id: int | None = None  # an investor's profile, for a founder's link to it
    # the viewer's meeting with them in the published schedule: (meeting id, start, end,
    # table as people count), so the card says when instead of offering to ask again
    meeting: tuple | None = None
    # that meeting is over and both came: the card says they met there, and nothing of
    # Koble's suggestions (a pair that met is no longer scored: "met before")
    met: bool = False

    @property
    def user(self) -> User:
        return self.invitation.user

    @property
    def mutual(self) -> bool:
        states = {r.state for r in (self.outgoing, self.incoming) if r is not None}
        return "declined" not in states and (
            "accepted" in states or (self.outgoing is not None and self.incoming is not None))


def other_side(me: Invitation) -> list[Person]:
    """The accepted people of the other side, best match first, with the requests."""
    side = "investor" if me.side == "founder" else "founder"
    others = accepted(me.arena_id, side, with_pitches=side == "founder")  # the cards name them
    founders = [me] if me.side == "founder" else others
    investors = others if me.side == "founder" else [me]
    profiles = profile_ids(i.user_id for i in investors)
    scores = scores_for([f.pitch_id for f in founders], profiles.values())
    reqs = [r for r in requests_of(me.arena_id)
            if me.user_id in (r.from_user_id, r.to_user_id)]
    orgs = organisations(i.user_id for i in others) if side == "investor" else {}
    booked = booked_meetings(me)
    now = utcnow()
    people = []
    for other in others:
        f, i = (me, other) if me.side == "founder" else (other, me)
        meeting = booked.get(other.user_id)
        met = _met(me, other, meeting, now)
        match = None if met else match_of(f, i, scores, profiles)
        people.append(Person(
            invitation=other, score=match.score if match else None,
            why=("" if met
                 else explain.explain(match, explain.FOUNDER if me.side == "founder"
                                      else explain.INVESTOR) if match
                 else _("Koble has not suggested the two of you to each other.")),
            outgoing=next((r for r in reqs if r.from_user_id == me.user_id
                           and r.to_user_id == other.user_id), None),
            incoming=next((r for r in reqs if r.to_user_id == me.user_id
                           and r.from_user_id == other.user_id), None),
            organisation=orgs.get(other.user_id, ""),
            profile_id=profiles.get(other.user_id) if side == "investor" else None,
            meeting=meeting, met=met))
    people.sort(key=lambda p: (-(p.score or 0.0), p.user.name.lower(), p.user.id))
    return people


def booked_meetings(me: Invitation) -> dict[int, tuple]:
    """partner's user id → (meeting id, start, end, table from 1) of `me`'s active meetings
    in the arena's published schedule (none while it is a draft only staff see)."""
    from app.services.schedule import meetings  # schedule reads participants: no cycle

    arena = me.arena
    if not arena.schedule_published:
        return {}
    return {(m.investor_user_id if m.founder_user_id == me.user_id else m.founder_user_id):
            (m.id, arena.slot_start(m.slot), arena.slot_end(m.slot), m.table + 1)
            for m in meetings(arena, user_id=me.user_id)}


def _met(me: Invitation, other: Invitation, meeting: tuple | None, now: datetime) -> bool:
    """Whether the two met at this arena: their meeting in its published schedule has
    ended (or the arena is marked done), the arena is not cancelled, and staff marked
    neither of them absent (as "met before" reads it)."""
    arena = me.arena
    if meeting is None or arena.status == "cancelled" or False in (me.attended,
                                                                   other.attended):
        return False
    return arena.status == "done" or meeting[2].astimezone(UTC) <= now


def organisations(user_ids) -> dict[int, str]:
    """investor user id → organisation name."""
    ids = list(user_ids)
    if not ids:
        return {}
    rows = db.session.execute(select(InvestorProfile.user_id, InvestorProfile.organisation)
                              .where(InvestorProfile.user_id.in_(ids)))
    return dict(rows.all())
