"""Staff's edits of an arena's invitation lists: finding people and adding them, taking
them off (and undoing that), and moving the unsent up or down."""

from __future__ import annotations

from typing import NamedTuple

from flask_babel import gettext as _
from sqlalchemy import func, or_, select

from app.extensions import db
from app.models import Arena, InvestorProfile, Invitation, Pitch, User
from app.services import arena_notices, audit, meeting_changes
from app.services import arenas as arena_service
from app.services.errors import DomainError, NotFound
from app.services.invitations import (
    PENDING,
    ArenaHeld,
    check_editable,
    held_because,
    last_sent_rank,
    normalise,
)
from app.services.rsvp import SEATED
from app.services.text_search import contains
from app.services.tokens import sign, unsign


def search_people(arena: Arena, query: str, limit: int = 20) -> list[User]:
    """Founders with a visible pitch and active investors, not yet in the arena (or taken off
    its list: they can be added again), whose name or (investors) organisation contains the
    query, or whose e-mail address is the query.

    Only a whole address finds someone by e-mail: staff may not see the addresses of other
    associations' members, and matching parts of them would let a search test guesses."""
    query = (query or "").strip()
    if len(query) < 2:
        return []
    taken = select(Invitation.user_id).where(Invitation.arena_id == arena.id,
                                             Invitation.state != "cancelled")
    has_pitch = select(Pitch.id).where(Pitch.owner_id == User.id,
                                       Pitch.visible_clause()).exists()
    has_profile = select(InvestorProfile.id).where(InvestorProfile.user_id == User.id,
                                                   InvestorProfile.active.is_(True)).exists()
    rows = db.session.scalars(select(User).where(
        User.active.is_(True), User.id.not_in(taken), _person_matches(query),
        or_((User.role == "founder") & has_pitch, (User.role == "investor") & has_profile),
    ).order_by(User.name).limit(limit))
    return list(rows)


def _person_matches(query: str):
    """The search's rule: the name or the investor's organisation contains the query, or the
    e-mail address is the query. The results show the organisation, so staff search by it
    ("Grønn Fjord") as often as by a person's name."""
    typed = query.lower()
    organisation = select(InvestorProfile.id).where(
        InvestorProfile.user_id == User.id,
        contains(func.lower(InvestorProfile.organisation), typed)).exists()
    return or_(contains(func.lower(User.name), typed), func.lower(User.email) == typed,
               organisation)


def listed_people(arena: Arena, query: str, limit: int = 20) -> list[Invitation]:
    """The invitations of the arena whose person the search would find, so the page can say
    they are on the list already instead of finding nobody. Not those taken off it
    (cancelled): the search finds them, to be added again."""
    query = (query or "").strip()
    if len(query) < 2:
        return []
    return list(db.session.scalars(
        select(Invitation).join(User, Invitation.user_id == User.id)
        .where(Invitation.arena_id == arena.id, Invitation.state != "cancelled",
               _person_matches(query))
        .order_by(User.name, Invitation.id).limit(limit)))


def add_person(staff, arena: Arena, user_id: int) -> Invitation:
    """Add someone by hand, at the end of the proposed people of their side. Someone taken off
    the list (a cancelled invitation; the remove page says to add them again) gets their row
    back as a new, unsent invitation: one row per person and arena."""
    check_editable(arena)
    user = db.session.get(User, user_id)
    if user is None or not user.active or user.role not in ("founder", "investor"):
        raise NotFound(_("No such person."))
    earlier = db.session.scalar(select(Invitation).where(Invitation.arena_id == arena.id,
                                                         Invitation.user_id == user.id))
    if earlier is not None and earlier.state != "cancelled":
        raise DomainError(_("%(name)s is already on the list.", name=user.name))
    # one added again comes with the pitch they were invited through, while it is visible
    pitch_id = (_pitch_to_invite(user, earlier and earlier.pitch_id)
                if user.role == "founder" else None)
    proposed = db.session.scalar(select(func.max(Invitation.rank)).where(
        Invitation.arena_id == arena.id, Invitation.side == user.role,
        Invitation.state == "proposed")) or last_sent_rank(arena, user.role)
    # Make room right after the last proposed person.
    for later in db.session.scalars(select(Invitation).where(
            Invitation.arena_id == arena.id, Invitation.side == user.role,
            Invitation.state == "waiting_list", Invitation.rank > proposed)):
        later.rank += 1
    if earlier is None:
        invitation = Invitation(arena_id=arena.id, user_id=user.id, side=user.role)
        db.session.add(invitation)
    else:
        invitation = _cleared(earlier)
    invitation.pitch_id, invitation.rank = pitch_id, proposed + 1
    invitation.state, invitation.reasons = "proposed", {"added_by_staff": True}
    db.session.flush()
    normalise(arena, user.role)
    db.session.commit()
    audit.record("invitation_added", actor=staff, target=f"arena:{arena.id}",
                 detail=f"user:{user.id}" + (" again" if earlier is not None else ""))
    return invitation


def _cleared(invitation: Invitation) -> Invitation:
    """A cancelled invitation made ready to be sent again: no earlier sending, answer,
    reminder, times or attendance. Its calendar count stays and goes on rising, so the
    person's calendar app takes the new invitation over the cancelled event."""
    invitation.value = 0.0
    invitation.invited_at = invitation.answered_at = invitation.reminded_at = None
    invitation.arrive_slot = invitation.leave_slot = invitation.meeting_cap = None
    invitation.attended = None
    return invitation


def _pitch_to_invite(founder: User, pitch_id: int | None = None) -> int:
    """The pitch a founder is invited through: `pitch_id` while investors see it, else their
    latest visible pitch; DomainError when they have none."""
    visible = (Pitch.owner_id == founder.id, Pitch.visible_clause())
    found = pitch_id and db.session.scalar(select(Pitch.id).where(Pitch.id == pitch_id,
                                                                  *visible))
    found = found or db.session.scalar(select(Pitch.id).where(*visible).order_by(
        Pitch.published_at.desc(), Pitch.id.desc()).limit(1))
    if found is None:
        raise DomainError(_("Founders are invited through a published pitch; %(name)s "
                            "has none.", name=founder.name))
    return found


def _own_invitation(arena: Arena, invitation_id: int) -> Invitation:
    invitation = db.session.get(Invitation, invitation_id)
    if invitation is None or invitation.arena_id != arena.id:
        raise NotFound(_("No such invitation."))
    return invitation


class Removed(NamedTuple):
    """Who was taken off the list; for an unsent invitation the signed `undo` that puts them
    back (nobody was told of it, so it can be taken back), and who got their seat."""

    user: User
    undo: str | None
    got_seat: list[Invitation]


UNDO_SALT = "invitation-undo"
UNDO_MAX_AGE = 3600


def remove(staff, arena: Arena, invitation_id: int) -> Removed:
    """Take someone off the list; a sent invitation is cancelled and its seat refilled, and
    the person is told (arena_notices.person_removed), as are the partners of the meetings
    that calls off and the other side of each of their meeting requests still waiting for
    an answer there (withdrawn). So is one on the waiting list after their yes
    (Invitation.waiting_after_yes); an unsent one goes, with an Undo, untold."""
    invitation = _own_invitation(arena, invitation_id)
    side = invitation.side
    held = held_because(arena)
    if held is not None:  # a seated person's removal reads no status: refuse it here
        raise ArenaHeld(held)
    if invitation.state in PENDING and not invitation.waiting_after_yes:
        check_editable(arena)
        pending = _pending(arena, side)
        before = {i.id: i.state for i in pending}
        undo = _undo_token(arena, invitation, pending.index(invitation))
        db.session.delete(invitation)
        db.session.flush()
        normalise(arena, side)
        _lost, got = _seat_changes(pending, before, invitation)
        db.session.commit()
        audit.record("invitation_removed", actor=staff, target=f"arena:{arena.id}",
                     detail=f"user:{invitation.user_id}")
        return Removed(invitation.user, undo, got)
    if invitation.state not in SEATED and not invitation.waiting_after_yes:
        raise DomainError(_("This invitation is already answered with a no."))
    # Sent, or waiting for a seat after a yes: the person knows of the arena and is told,
    # so their invitation is cancelled (their pages say so), with no Undo.
    arena = arena_service.lock_arena(arena.id)
    _freed, told, newly = meeting_changes.stop_coming(
        arena, invitation,
        lambda mine: arena_notices.person_removed(arena, invitation.user, mine, staff,
                                                  was=invitation.state),
        by="staff")
    meeting_changes.seat_freed(arena, invitation.user, told, newly, "invitation_removed",
                               actor=staff, detail=f"user:{invitation.user_id}")
    return Removed(invitation.user, None, newly)


def _undo_token(arena: Arena, invitation: Invitation, place: int) -> str:
    """Everything `restore` needs to put an unsent invitation back as it was: its place
    among the unsent of its side, the engine's reasons and the times staff set."""
    return sign({"a": arena.id, "u": invitation.user_id, "s": invitation.side,
                 "p": invitation.pitch_id, "place": place, "v": invitation.value,
                 "r": invitation.reasons or {}, "arrive": invitation.arrive_slot,
                 "leave": invitation.leave_slot, "cap": invitation.meeting_cap}, UNDO_SALT)


def restore(staff, arena: Arena, token: str) -> Invitation:
    """Undo the removal of an unsent invitation: the person is back at their place, and the
    seats are shared out again as before (whoever got theirs goes back to waiting)."""
    data = unsign(token or "", UNDO_SALT, max_age=UNDO_MAX_AGE)
    if not data or data.get("a") != arena.id or not isinstance(data.get("u"), int):
        raise DomainError(_("This removal can no longer be undone; add the person again "
                            "below."))
    check_editable(arena)
    user = db.session.get(User, data["u"])
    if user is None or not user.active or user.role != data.get("s"):
        raise DomainError(_("This removal can no longer be undone; add the person again "
                            "below."))
    if db.session.scalar(select(Invitation.id).where(Invitation.arena_id == arena.id,
                                                     Invitation.user_id == user.id)):
        raise DomainError(_("%(name)s is already on the list.", name=user.name))
    pitch_id = _pitch_to_invite(user, data.get("p")) if user.role == "founder" else None
    invitation = Invitation(arena_id=arena.id, user_id=user.id, side=user.role,
                            pitch_id=pitch_id, state="proposed",
                            value=float(data.get("v") or 0.0), reasons=data.get("r") or {},
                            arrive_slot=data.get("arrive"), leave_slot=data.get("leave"),
                            meeting_cap=data.get("cap"))
    pending = _pending(arena, user.role)
    pending.insert(min(max(0, int(data.get("place") or 0)), len(pending)), invitation)
    db.session.add(invitation)
    after = last_sent_rank(arena, user.role)
    for position, each in enumerate(pending):
        each.rank = after + position + 1
    db.session.flush()
    normalise(arena, user.role)
    db.session.commit()
    audit.record("invitation_added", actor=staff, target=f"arena:{arena.id}",
                 detail=f"user:{user.id} undo")
    return invitation


class Moved(NamedTuple):
    """A reorder: whether the person moved (not at the top or bottom already), and the
    others whose seat the move changed, so the page can say so instead of doing it
    silently."""

    invitation: Invitation
    moved: bool
    lost_seat: list[Invitation]
    got_seat: list[Invitation]


def _pending(arena: Arena, side: str) -> list[Invitation]:
    return list(db.session.scalars(select(Invitation).where(
        Invitation.arena_id == arena.id, Invitation.side == side,
        Invitation.state.in_(PENDING)).order_by(Invitation.rank, Invitation.id)))


def _seat_changes(pending: list[Invitation], before: dict[int, str], mover=None
                  ) -> tuple[list[Invitation], list[Invitation]]:
    """Those (other than `mover`) who went from proposed to the waiting list, and back."""
    others = [i for i in pending if i is not mover and i.id in before]
    return ([i for i in others if before[i.id] == "proposed" and i.state == "waiting_list"],
            [i for i in others if before[i.id] == "waiting_list" and i.state == "proposed"])


def move(staff, arena: Arena, invitation_id: int, direction: str) -> Moved:
    """Move an unsent invitation one place up or down within its side. Above the line of
    free seats, the last proposed person goes to the waiting list (and back): the result
    names them."""
    check_editable(arena)
    invitation = _own_invitation(arena, invitation_id)
    if invitation.state not in PENDING or direction not in ("up", "down"):
        raise DomainError(_("Only unsent invitations can be reordered."))
    normalise(arena, invitation.side)
    pending = _pending(arena, invitation.side)
    before = {i.id: i.state for i in pending}
    index = pending.index(invitation)
    other = index - 1 if direction == "up" else index + 1
    moved = 0 <= other < len(pending)
    if moved:
        pending[index].rank, pending[other].rank = pending[other].rank, pending[index].rank
        db.session.flush()
        normalise(arena, invitation.side)
    lost, got = _seat_changes(pending, before, invitation)
    db.session.commit()
    audit.record("invitation_moved", actor=staff, target=f"arena:{arena.id}",
                 detail=f"user:{invitation.user_id} {direction}")
    return Moved(invitation, moved, lost, got)
