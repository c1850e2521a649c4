"""Asking for meetings at an arena and answering the requests: accepted participants
(`participants`) ask to meet someone on the other side, up to a per-person cap, and answer
the requests they receive.

A pair is *mutual* when a request was accepted or both asked; *one-sided* while one request
waits for an answer; a declined request keeps the pair out of the schedule
(`request_pairs`). A request still waiting when either person left Koble is *withdrawn*
(`departures`): it counts for nothing, and does not stop the two from asking again should
the person come back.

The person asked gets an in-app notice and the request's own e-mail (with the answer link);
the asker gets a notice and a notice e-mail when the request is accepted or declined.
"""

from __future__ import annotations

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_babel import ngettext
from sqlalchemy import delete, or_, select
from sqlalchemy.exc import IntegrityError

from app.extensions import db
from app.models import Arena, Invitation, Meeting, MeetingRequest
from app.models.user import utcnow
from app.services import email_confirmation, mail_preferences, notices, notifications
from app.services.arenas import lock_arena
from app.services.errors import DomainError, NotFound
from app.services.mailer import deliver, shown_to_recipient
from app.services.notifications import STAFF_CHANGES
from app.services.participants import booked_meetings, participant_of
from app.services.request_pairs import (
    WITHDRAWN,
    mutual_count,
    outgoing_count,
    pair_states,
    requests_of,
)

DEFAULT_REQUEST_CAP = 6
OPEN_FOR_REQUESTS = ("inviting", "scheduled")
# Arenas whose list and schedule can still change; the others are their own record.
NOT_YET_HELD = ("draft", "inviting", "scheduled")


def request_cap(arena: Arena, invitation: Invitation | None = None) -> int:
    """How many meetings one person may ask for at the arena: the arena's meeting limit
    (DEFAULT_REQUEST_CAP when it has none), and no more than the meetings the person can
    have: their own "at most N meetings" and the meeting slots in their window
    (Invitation.most_meetings), or without an invitation the arena's meeting slots."""
    cap = arena.meeting_cap or DEFAULT_REQUEST_CAP
    if invitation is not None:
        return min(cap, invitation.most_meetings(arena))
    return min(cap, arena.cap, len(arena.meeting_slots))


def withdraw_pending(user, arena_id: int | None = None) -> list[MeetingRequest]:
    """Withdraw the person's requests still waiting for an answer, both ways, at the arenas
    not yet held (or at `arena_id` only) when they stop coming or leave Koble: they count for
    nothing now. Returns them, for the caller to tell the other side of each
    (`arena_notices.request_withdrawn`); the caller commits."""
    withdrawn = pending_of(user, arena_id)
    for req in withdrawn:
        req.state = WITHDRAWN
    return withdrawn


def pending_of(user, arena_id: int | None = None) -> list[MeetingRequest]:
    """The person's requests still waiting for an answer, both ways, at the arenas not yet
    held (or at `arena_id` only): those `withdraw_pending` withdraws. Changes nothing."""
    query = (select(MeetingRequest).join(Arena, Arena.id == MeetingRequest.arena_id)
             .where(MeetingRequest.state == "pending", Arena.status.in_(NOT_YET_HELD),
                    or_(MeetingRequest.from_user_id == user.id,
                        MeetingRequest.to_user_id == user.id))
             .order_by(MeetingRequest.id))
    if arena_id is not None:
        query = query.where(MeetingRequest.arena_id == arena_id)
    return [req for req in db.session.scalars(query) if not req.arena.held]


# --- asking and answering -------------------------------------------------------------------
class ArenaOver(DomainError):
    """A request or an answer at an arena that is over; its message is `over_text`."""


def open_for_requests(arena: Arena) -> bool:
    """Whether people can still ask for meetings at the arena and answer requests: it is
    inviting or scheduled, and not over. An arena is over once its end has passed, marked
    done or not (Arena.held): read here, at each request, rather than closed by a job; a
    request still waiting then stays one-sided, no longer answerable."""
    return arena.status in OPEN_FOR_REQUESTS and not arena.held


def over_text(arena: Arena) -> str:
    """Why nothing can be asked or answered at an arena that is over: the refusal, and the
    participants page's note."""
    return _("“%(arena)s” is over: meeting requests can no longer be made or answered.",
             arena=arena.title)


def _check_open(arena: Arena) -> None:
    if arena.held:
        raise ArenaOver(over_text(arena))
    if arena.status not in OPEN_FOR_REQUESTS:
        raise DomainError(_("This arena no longer takes meeting requests."))


def _check_room(me: Invitation, other: Invitation) -> None:
    """Refuse a new agreed meeting when either person already has as many as their cap
    (their own "at most N meetings", never above the arena's): the schedule would drop it."""
    states = pair_states(me.arena_id)
    cap = me.cap(me.arena)
    if mutual_count(me.arena_id, me.user_id, states) >= cap:
        if me.meeting_cap is not None and cap < me.arena.cap:
            raise DomainError(ngettext(
                "You already have %(num)d agreed meeting, as many as you said you want at "
                "this arena.",
                "You already have %(num)d agreed meetings, as many as you said you want at "
                "this arena.", cap))
        raise DomainError(_("You already have as many agreed meetings as the arena "
                            "allows (%(cap)d).", cap=cap))
    if mutual_count(me.arena_id, other.user_id, states) >= other.cap(me.arena):
        raise DomainError(_("%(name)s already has as many agreed meetings as they can have "
                            "at this arena.", name=other.user.name))


def request_meeting(user, arena_id: int, to_user_id: int) -> MeetingRequest:
    """Ask someone on the other side for a meeting; asking back someone who asked you makes
    the meeting mutual at once. Refused, changing nothing, beyond either person's cap.
    Asking again while one's own request waits for an answer returns that request, telling
    nobody again: the button clicked twice is one request, and both answers say it is sent."""
    try:
        return _request_meeting(user, arena_id, to_user_id)
    except IntegrityError:
        # Clicked twice at once (a double tap, two tabs): the other copy made the request
        # between this one's look and its insert, and the unique pair refused a second row
        # (a 500). Asking again finds that request, as a second click after the first does.
        db.session.rollback()
        return _request_meeting(user, arena_id, to_user_id)


def _request_meeting(user, arena_id: int, to_user_id: int) -> MeetingRequest:
    me = participant_of(user, arena_id)
    email_confirmation.require_confirmed(user)
    _check_open(me.arena)
    other = db.session.scalar(select(Invitation).where(
        Invitation.arena_id == arena_id, Invitation.user_id == to_user_id,
        Invitation.state == "accepted"))
    if other is None or other.side == me.side:
        raise NotFound(_("No such participant."))
    if to_user_id in booked_meetings(me):
        # the page offers no "Ask to meet" then (it says when they meet); a request sent
        # anyway would tell the other "… would like to meet you" about a meeting they have
        raise DomainError(_("%(name)s is already on your agenda at this arena.",
                            name=other.user.name))
    existing = db.session.scalar(select(MeetingRequest).where(
        MeetingRequest.arena_id == arena_id, MeetingRequest.state != WITHDRAWN,
        or_((MeetingRequest.from_user_id == user.id) & (MeetingRequest.to_user_id == to_user_id),
            (MeetingRequest.from_user_id == to_user_id) & (MeetingRequest.to_user_id == user.id))))
    if existing is not None:
        if existing.from_user_id == to_user_id and existing.state == "pending":
            _check_room(me, other)  # asking back accepts: a new agreed meeting for both
            existing.state, existing.answered_at = "accepted", utcnow()
            told = _tell_answer(existing)
            db.session.commit()
            notices.send(told)
            return existing
        if existing.from_user_id == user.id and existing.state == "pending":
            return existing  # the same request sent twice (a double click): it is sent
        raise DomainError(_("You have already asked for, or answered, a meeting with "
                            "%(name)s.", name=other.user.name))
    cap = request_cap(me.arena, me)
    if outgoing_count(arena_id, user.id) >= cap:
        raise DomainError(ngettext("You can ask for at most %(num)d meeting at this arena.",
                                   "You can ask for at most %(num)d meetings at this arena.",
                                   cap))
    _check_room(me, other)
    # one withdrawn when one of the two left Koble answers nothing: it gives way to this one
    db.session.execute(delete(MeetingRequest).where(
        MeetingRequest.arena_id == arena_id, MeetingRequest.from_user_id == user.id,
        MeetingRequest.to_user_id == to_user_id, MeetingRequest.state == WITHDRAWN))
    req = MeetingRequest(arena_id=arena_id, from_user_id=user.id, to_user_id=to_user_id)
    db.session.add(req)
    notices.tell([other.user], "meeting_request", _participants_link(arena_id, user.id), actor=user,
                 arena=me.arena.title, arena_id=arena_id, who=user.name, who_id=user.id)
    db.session.commit()
    _mail_request(req)  # the one e-mail: its own, with the answer link, not the notice's
    return req


def answer_request(user, arena_id: int, request_id: int, accept: bool) -> MeetingRequest:
    """Accept or decline a request someone made to the user. Accepting is refused, changing
    nothing, when either person already has as many agreed meetings as their cap."""
    me = participant_of(user, arena_id)
    email_confirmation.require_confirmed(user)
    _check_open(me.arena)
    req = db.session.get(MeetingRequest, request_id)
    if req is None or req.arena_id != arena_id or req.to_user_id != user.id:
        raise NotFound(_("No such meeting request."))
    if req.state == WITHDRAWN:
        # closed when the asker stopped coming or left Koble, and they were told so: an
        # answer would make a pair with someone who no longer comes
        raise DomainError(_closed_text(req))
    if accept and req.state != "accepted":
        asker = db.session.scalar(select(Invitation).where(
            Invitation.arena_id == arena_id, Invitation.user_id == req.from_user_id))
        if asker is None:
            raise NotFound(_("No such meeting request."))
        _check_room(me, asker)
    state = "accepted" if accept else "declined"
    told = []
    if req.state != state:  # answering the same again tells nobody again
        req.state = state
        told = _tell_answer(req)
    req.answered_at = utcnow()
    notifications.settle(user.id, "meeting_request", arena_id=arena_id, who_id=req.from_user_id)
    db.session.commit()
    notices.send(told)
    return req


def take_back(user, arena_id: int, request_id: int) -> MeetingRequest:
    """Take back a request the user made that is still waiting for an answer (one asked by
    mistake, or of someone no longer wanted): it counts for nothing any more, so the user may
    ask someone else or the same person again, and the one asked learns that it is closed
    (their Accept is gone from the page). An answered request stays: it was theirs to give."""
    me = participant_of(user, arena_id)
    _check_open(me.arena)
    req = db.session.get(MeetingRequest, request_id)
    if (req is None or req.arena_id != arena_id or req.from_user_id != user.id
            or req.state == WITHDRAWN):
        raise NotFound(_("No such meeting request."))
    if req.state != "pending":
        raise DomainError(_("%(name)s has answered already, so the request can no longer be "
                            "taken back.", name=req.to_user.name))
    req.state = WITHDRAWN
    told = notices.tell([req.to_user], "meeting_request_withdrawn",
                        _participants_link(arena_id, user.id), actor=user, arena=me.arena.title,
                        arena_id=arena_id, why="taken_back")
    db.session.commit()
    notices.send(told)
    return req


def take_back_agreed(user, arena_id: int, request_id: int) -> MeetingRequest:
    """Take back a meeting the user and someone on the other side both wanted (the user's
    request they accepted, or their yes to the other's request), until the schedule is
    published: the pair's requests are withdrawn, so the meeting counts for nothing (both may
    ask again), a draft schedule's meeting of the two is called off (staff publish no meeting
    neither side wants any more), and the other person is told. Once the schedule is
    published, the two know their meeting: it is called off as any published meeting is, by
    the organisers or by cancelling one's participation. Refused, changing nothing, for a
    request not the user's, not agreed, or at an arena over or closed."""
    me = participant_of(user, arena_id)
    _check_open(me.arena)
    req = db.session.get(MeetingRequest, request_id)
    if (req is None or req.arena_id != arena_id or user.id not in (req.from_user_id,
                                                                    req.to_user_id)
            or req.state == WITHDRAWN):
        raise NotFound(_("No such meeting request."))
    other = req.to_user if req.from_user_id == user.id else req.from_user
    arena = lock_arena(arena_id)  # a publication at the same moment comes before or after
    pair = [r for r in requests_of(arena_id)
            if {r.from_user_id, r.to_user_id} == {user.id, other.id}]
    states = {r.state for r in pair}
    if "declined" in states or not ("accepted" in states or len(pair) > 1):
        db.session.rollback()
        raise DomainError(_("You and %(name)s have not both agreed to meet, so there is no "
                            "agreed meeting to take back.", name=other.name))
    if arena.schedule_published:
        db.session.rollback()
        raise DomainError(published_agreed_text(arena))
    for r in pair:
        r.state = WITHDRAWN
    pair_ids = {user.id, other.id}
    for meeting in db.session.scalars(select(Meeting).where(
            Meeting.arena_id == arena_id, Meeting.state == "scheduled",
            Meeting.founder_user_id.in_(pair_ids), Meeting.investor_user_id.in_(pair_ids))):
        meeting.state, meeting.locked = "cancelled", False  # a draft's: news to nobody
    told = notices.tell([other], "meeting_agreement_withdrawn",
                        _participants_link(arena_id, user.id), actor=user, arena=arena.title,
                        arena_id=arena_id, who=user.name, who_id=user.id)
    db.session.commit()
    notices.send(told)
    return req


def published_agreed_text(arena: Arena) -> str:
    """Why an agreed meeting can no longer be taken back on the list of who comes: the
    schedule is published, and a published meeting is called off as the agenda says."""
    return _("The meeting schedule for “%(arena)s” is published, so an agreed meeting can no "
             "longer be taken back here. To call off a meeting on your agenda, ask the "
             "organisers, or cancel your participation on your agenda.", arena=arena.title)


def _closed_text(req: MeetingRequest) -> str:
    """Why a withdrawn request takes no answer: the sentence of the notice that said it was
    closed (`notifications`), without the asker's name; or, when the asker still comes (it
    was the one asked who left and came back), that it is gone."""
    if not req.from_user.active:
        return STAFF_CHANGES["meeting_request_withdrawn"]({"arena": req.arena.title})
    asker_comes = db.session.scalar(select(Invitation.id).where(
        Invitation.arena_id == req.arena_id, Invitation.user_id == req.from_user_id,
        Invitation.state == "accepted"))
    if asker_comes is None:
        return STAFF_CHANGES["meeting_request_withdrawn"]({"arena": req.arena.title,
                                                           "why": "not_coming"})
    return _("No such meeting request.")


def _participants_link(arena_id: int, person_id: int) -> str:
    """The list of who comes, at the card of the person the notice is about (#person-12):
    their Accept and Decline, or what changed, stand there, not at the top of a list that
    on a phone runs many screens long."""
    return notices.link("meetings.participants", arena_id=arena_id,
                        _anchor=f"person-{person_id}")


def _tell_answer(req: MeetingRequest) -> list:
    """The asker learns that their request was accepted or declined (the caller commits,
    then sends the notice's e-mail)."""
    kind = "meeting_request_accepted" if req.state == "accepted" else "meeting_request_declined"
    return notices.tell([req.from_user], kind, _participants_link(req.arena_id, req.to_user_id),
                        actor=req.to_user, arena=req.arena.title, arena_id=req.arena_id,
                        who=req.to_user.name, who_id=req.to_user_id)


def _mail_request(req: MeetingRequest) -> None:
    from flask import url_for

    if not mail_preferences.wants_mail(req.to_user, "meeting_request"):
        return  # they turned arena e-mails off; the notice (request_meeting) stays
    try:
        link = url_for("meetings.participants", arena_id=req.arena_id, _external=True,
                       _anchor=f"person-{req.from_user_id}")
    except RuntimeError:
        link = ""
    subject = _l("%(name)s asks to meet you at %(arena)s",
                 name=shown_to_recipient(req.from_user.name), arena=req.arena.title)
    deliver(req.to_user.email, subject, "email/meeting_request", locale=req.to_user.locale,
            req=req, arena=req.arena, link=link, settings_link=mail_preferences.settings_link())

