"""After the arena: participants' one-question follow-up per meeting, and the feedback pairs
the engine learns from (`MatchEngine.fit_reranker(positive_pairs(), negative_pairs())`).

Pairs use the engine's ids: (str(pitch id), str(investor profile id)).
"""

from __future__ import annotations

from flask_babel import gettext as _
from sqlalchemy import select
from sqlalchemy.orm import aliased

from app.extensions import db
from app.models import (
    Arena,
    Interest,
    InvestorProfile,
    Invitation,
    Meeting,
    MeetingFeedback,
)
from app.models.user import utcnow
from app.services.errors import DomainError, NotFound
from app.services.participants import participant_of

Pair = tuple[str, str]


def feedback_open(arena: Arena, meeting: Meeting) -> bool:
    """Answers are taken once the meeting has begun (or the arena is marked done), and only
    about a meeting of a published schedule."""
    return arena.schedule_published and (
        arena.status == "done" or (arena.status == "scheduled"
                                   and utcnow() >= arena.slot_start(meeting.slot)))


def answer(user, arena_id: int, meeting_id: int, worth_it: bool | None,
           will_follow_up: bool | None) -> MeetingFeedback:
    """Record (or change) the user's answer about one of their meetings."""
    arena = participant_of(user, arena_id).arena
    # A draft's meetings are not the participant's yet: refused before the meeting is looked
    # up, so the answer says nothing about which meetings the draft holds.
    if not arena.schedule_published:
        raise DomainError(_("The meeting schedule is not published yet, so there is no "
                            "meeting to answer about."))
    meeting = db.session.get(Meeting, meeting_id)
    if (meeting is None or meeting.arena_id != arena_id or meeting.state != "scheduled"
            or user.id not in (meeting.founder_user_id, meeting.investor_user_id)):
        raise NotFound(_("No such meeting."))
    if not feedback_open(meeting.arena, meeting):
        raise DomainError(_("You can answer once the meeting has taken place."))
    if db.session.scalar(select(Invitation.id).where(
            Invitation.arena_id == arena_id, Invitation.attended.is_(False),
            Invitation.user_id.in_((meeting.founder_user_id, meeting.investor_user_id)))):
        # It did not take place: "not worth it" would teach the engine the pair is poor.
        raise DomainError(_("The organisers marked one of you absent, so this meeting did "
                            "not take place and there is nothing to answer about."))
    if worth_it is None and will_follow_up is None:
        raise DomainError(_("Choose an answer."))
    row = db.session.scalar(select(MeetingFeedback).where(
        MeetingFeedback.meeting_id == meeting.id, MeetingFeedback.user_id == user.id))
    if row is None:
        row = MeetingFeedback(meeting_id=meeting.id, user_id=user.id)
        db.session.add(row)
    row.worth_it, row.will_follow_up = worth_it, will_follow_up
    db.session.commit()
    return row


# --- for the engine -------------------------------------------------------------------------
def _meeting_verdicts() -> dict[Pair, list[MeetingFeedback]]:
    """The answers about meetings of a published schedule, per pair. An answer about a
    draft's meeting (taken before `answer` refused them) is about a meeting nobody was told
    of, so it teaches the engine nothing."""
    query = (select(Meeting.pitch_id, InvestorProfile.id, MeetingFeedback)
             .join(Meeting, Meeting.id == MeetingFeedback.meeting_id)
             .join(Arena, Arena.id == Meeting.arena_id)
             .join(InvestorProfile, InvestorProfile.user_id == Meeting.investor_user_id)
             .where(Meeting.pitch_id.is_not(None), Arena.schedule_published))
    verdicts: dict[Pair, list[MeetingFeedback]] = {}
    for pitch_id, profile_id, row in db.session.execute(query):
        verdicts.setdefault((str(pitch_id), str(profile_id)), []).append(row)
    return verdicts


def _mutual_interest() -> set[Pair]:
    f, i = aliased(Interest), aliased(Interest)
    rows = db.session.execute(select(f.pitch_id, f.investor_profile_id).join(
        i, (i.pitch_id == f.pitch_id) & (i.investor_profile_id == f.investor_profile_id)).where(
        f.side == "founder", f.kind == "interested", i.side == "investor",
        i.kind == "interested"))
    return {(str(p), str(q)) for p, q in rows}


def _not_for_me() -> set[Pair]:
    rows = db.session.execute(select(Interest.pitch_id, Interest.investor_profile_id).where(
        Interest.kind == "not_for_me"))
    return {(str(p), str(q)) for p, q in rows}


def negative_pairs() -> list[Pair]:
    """Pairs that did not work: a meeting someone found not worth it, or "not for me"."""
    bad = _not_for_me()
    for pair, rows in _meeting_verdicts().items():
        if any(r.worth_it is False for r in rows):
            bad.add(pair)
    return sorted(bad)


def positive_pairs() -> list[Pair]:
    """Pairs that worked: a meeting judged worth it or followed up (and nobody said it was
    not worth it), and mutual interest; never a negative pair."""
    good = _mutual_interest()
    for pair, rows in _meeting_verdicts().items():
        if any(r.worth_it or r.will_follow_up for r in rows):
            good.add(pair)
    return sorted(good - set(negative_pairs()))
