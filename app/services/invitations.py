"""Arena invitations for staff: the engine's proposal with reasons, adding, removing and
reordering people, sending, and reminders."""

from __future__ import annotations

from datetime import timedelta
from typing import NamedTuple

import numpy as np
from flask_babel import gettext as _
from sqlalchemy import delete, func, or_, select

from app.extensions import db
from app.models import Arena, InvestorProfile, Invitation, Pitch, User
from app.models.user import utcnow
from app.services import arena_notices, audit, meeting_changes, notices
from app.services import arenas as arena_service
from app.services import invitation_proposal as proposal
from app.services import schedule as schedule_service
from app.services.errors import DomainError, NotFound
from app.services.meeting_requests import withdraw_pending
from app.services.rsvp import SEATED, mail_invitation
from app.services.text_search import contains
from app.services.tokens import sign, unsign

PENDING = ("proposed", "waiting_list")
REMIND_AFTER = timedelta(hours=24)
WAITING_LIST_FACTOR = 1  # waiting list as long as the capacity


def invitations_by_side(arena: Arena) -> dict[str, list[Invitation]]:
    """Every invitation of the arena per side in rank order, as the list was drawn up.

    Ranks are one sequence per side (`normalise`); a tie exists only on lists renumbered
    before that (the unsent ones were 1, 2, ... again), and puts the sent one first."""
    rows = list(db.session.scalars(select(Invitation).where(Invitation.arena_id == arena.id)))
    rows.sort(key=lambda i: (i.rank, i.state in PENDING, i.id))
    return {side: [i for i in rows if i.side == side] for side in ("founder", "investor")}


def counts(arena: Arena) -> dict[str, dict[str, int]]:
    """How many invitations per side and state."""
    result = {"founder": {}, "investor": {}}
    rows = db.session.execute(select(Invitation.side, Invitation.state, func.count()).where(
        Invitation.arena_id == arena.id).group_by(Invitation.side, Invitation.state))
    for side, state, n in rows:
        result.setdefault(side, {})[state] = n
    return result


def _last_sent_rank(arena: Arena, side: str) -> int:
    """The highest rank of the side's sent invitations (answered or not): the unsent ones
    are ranked after it, so that a rank names one place on the side's list. Numbered from 1
    again, the waiting list's first was "1" beside the first person invited."""
    return db.session.scalar(select(func.max(Invitation.rank)).where(
        Invitation.arena_id == arena.id, Invitation.side == side,
        Invitation.state.not_in(PENDING))) or 0


def _check_editable(arena: Arena) -> None:
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
    _check_editable(arena)
    kept = list(db.session.scalars(select(Invitation).where(
        Invitation.arena_id == arena.id, Invitation.state.not_in(PENDING))))
    seated = {side: sum(1 for i in kept if i.side == side and i.state in SEATED)
              for side in ("founder", "investor")}
    cands = proposal.gather(arena.theme, exclude_user_ids={i.user_id for i in kept})
    max_f = max(0, arena.founder_capacity - seated["founder"])
    max_i = max(0, arena.investor_capacity - seated["investor"])
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
    db.session.execute(delete(Invitation).where(Invitation.arena_id == arena.id,
                                                Invitation.state.in_(PENDING)))
    for rank, row in enumerate(f_rows, start=_last_sent_rank(arena, "founder") + 1):
        pitch = cands.pitches[row]
        db.session.add(Invitation(
            arena_id=arena.id, user_id=pitch.owner_id, side="founder", pitch_id=pitch.id,
            state="proposed" if row in room_f else "waiting_list", rank=rank,
            value=float(cands.values[row, room_i].sum()) if room_i else 0.0,
            reasons=_reasons(cands, row, "founder", room_f, room_i, result,
                             cands.founder_groups[row], row in room_f)))
    for rank, row in enumerate(i_rows, start=_last_sent_rank(arena, "investor") + 1):
        profile = cands.investors[row]
        db.session.add(Invitation(
            arena_id=arena.id, user_id=profile.user_id, side="investor",
            state="proposed" if row in room_i else "waiting_list", rank=rank,
            value=float(cands.values[room_f, row].sum()) if room_f else 0.0,
            reasons=_reasons(cands, row, "investor", room_f, room_i, result,
                             cands.investor_groups[row], row in room_i)))
    db.session.commit()
    audit.record("invitations_proposed", actor=user, target=f"arena:{arena.id}",
                 detail=f"founders={len(room_f)} investors={len(room_i)} k={k}")
    return {"founders": len(room_f), "investors": len(room_i),
            "free_founders": max_f, "free_investors": max_i, "unsent_kept": 0}


# --- staff edits ----------------------------------------------------------------------------
def normalise(arena: Arena, side: str) -> None:
    """Renumber the unsent invitations of a side after the sent ones; the best ranks fill
    the free seats as "proposed", the rest wait."""
    seated = db.session.scalar(select(func.count(Invitation.id)).where(
        Invitation.arena_id == arena.id, Invitation.side == side,
        Invitation.state.in_(SEATED))) or 0
    free = max(0, arena.capacity(side) - seated)
    pending = list(db.session.scalars(select(Invitation).where(
        Invitation.arena_id == arena.id, Invitation.side == side,
        Invitation.state.in_(PENDING)).order_by(Invitation.rank, Invitation.id)))
    after = _last_sent_rank(arena, side)
    for position, invitation in enumerate(pending):
        invitation.rank = after + position + 1
        invitation.state = "proposed" if position < free else "waiting_list"


def search_people(arena: Arena, query: str, limit: int = 20) -> list[User]:
    """Founders with a visible pitch and active investors, not yet in the arena, whose name
    or (investors) organisation contains the query, or whose e-mail address is the query.

    Only a whole address finds someone by e-mail: staff may not see the addresses of other
    associations' members, and matching parts of them would let a search test guesses."""
    query = (query or "").strip()
    if len(query) < 2:
        return []
    taken = select(Invitation.user_id).where(Invitation.arena_id == arena.id)
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
    """The invitations of the arena (any state) whose person the search would find, so the
    page can say they are on the list already instead of finding nobody."""
    query = (query or "").strip()
    if len(query) < 2:
        return []
    return list(db.session.scalars(
        select(Invitation).join(User, Invitation.user_id == User.id)
        .where(Invitation.arena_id == arena.id, _person_matches(query))
        .order_by(User.name, Invitation.id).limit(limit)))


def add_person(staff, arena: Arena, user_id: int) -> Invitation:
    """Add someone by hand, at the end of the proposed people of their side."""
    _check_editable(arena)
    user = db.session.get(User, user_id)
    if user is None or not user.active or user.role not in ("founder", "investor"):
        raise NotFound(_("No such person."))
    if db.session.scalar(select(Invitation.id).where(Invitation.arena_id == arena.id,
                                                     Invitation.user_id == user.id)):
        raise DomainError(_("%(name)s is already on the list.", name=user.name))
    pitch_id = _pitch_to_invite(user) if user.role == "founder" else None
    proposed = db.session.scalar(select(func.max(Invitation.rank)).where(
        Invitation.arena_id == arena.id, Invitation.side == user.role,
        Invitation.state == "proposed")) or _last_sent_rank(arena, user.role)
    # Make room right after the last proposed person.
    for later in db.session.scalars(select(Invitation).where(
            Invitation.arena_id == arena.id, Invitation.side == user.role,
            Invitation.state == "waiting_list", Invitation.rank > proposed)):
        later.rank += 1
    invitation = Invitation(arena_id=arena.id, user_id=user.id, side=user.role,
                            pitch_id=pitch_id, state="proposed", rank=proposed + 1,
                            reasons={"added_by_staff": True})
    db.session.add(invitation)
    db.session.flush()
    normalise(arena, user.role)
    db.session.commit()
    audit.record("invitation_added", actor=staff, target=f"arena:{arena.id}",
                 detail=f"user:{user.id}")
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
    the partners of the meetings that calls off are told, as is the other side of each of
    their meeting requests still waiting for an answer there (withdrawn)."""
    invitation = _own_invitation(arena, invitation_id)
    side = invitation.side
    newly: list[Invitation] = []
    told = []
    undo = None
    got: list[Invitation] = []
    if invitation.state in PENDING:
        _check_editable(arena)
        pending = _pending(arena, side)
        before = {i.id: i.state for i in pending}
        undo = _undo_token(arena, invitation, pending.index(invitation))
        db.session.delete(invitation)
        db.session.flush()
        normalise(arena, side)
        _lost, got = _seat_changes(pending, before, invitation)
    elif invitation.state in SEATED:
        arena = arena_service.lock_arena(arena.id)
        _freed, told, newly = stop_coming(
            arena, invitation,
            lambda mine: arena_notices.person_removed(arena, invitation.user, mine, staff))
        told += arena_notices.requests_withdrawn(
            invitation.user, withdraw_pending(invitation.user, arena.id), left_koble=False)
    else:
        raise DomainError(_("This invitation is already answered with a no."))
    db.session.commit()
    notices.send(told)
    for other in newly:
        mail_invitation(other)
    audit.record("invitation_removed", actor=staff, target=f"arena:{arena.id}",
                 detail=f"user:{invitation.user_id}")
    return Removed(invitation.user, undo, got + newly)


def stop_coming(arena: Arena, invitation: Invitation, tell) -> tuple[int, list, list]:
    """A seated person stops coming (staff take them off the list, or they leave Koble): their
    meetings are called off, `tell(their meetings)` makes the partners' notices, the
    invitation is cancelled and the seat refilled. Returns (meetings freed, notices, newly
    invited); the caller locks the arena, commits and sends."""
    from app.services.rsvp import fill_seats

    mine = (schedule_service.meetings(arena, user_id=invitation.user_id)
            if invitation.state == "accepted" else [])
    freed = meeting_changes.call_off(arena, invitation.user_id)
    told = tell(mine)
    invitation.state = "cancelled"
    db.session.flush()
    return freed, told, fill_seats(arena, invitation.side)


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
    _check_editable(arena)
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
    after = _last_sent_rank(arena, user.role)
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
    _check_editable(arena)
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


def good_investors_k(arena: Arena) -> int:
    """The k a proposal asks for now (proposal.capped_k): capped by the investor seats nobody
    invited or accepted holds, or, with none free, by the room's investor seats."""
    free = arena.investor_capacity - sum(
        counts(arena).get("investor", {}).get(state, 0) for state in SEATED)
    return proposal.capped_k(arena.good_investors_k,
                             free if free > 0 else arena.investor_capacity)


def free_seats(arena: Arena) -> dict[str, dict[str, int]]:
    """Per side of an arena that has sent invitations: the seats nobody invited or accepted
    holds (after a no, a removal or more seats), how many said no, and how many unsent
    people wait who could be invited to them. Sides without a free seat are left out."""
    if arena.status not in arena_service.OPEN_STATUSES:
        return {}
    result = {}
    for side, states in counts(arena).items():
        seated = sum(states.get(state, 0) for state in SEATED)
        free = arena.capacity(side) - seated
        if free > 0:
            result[side] = {"free": free, "declined": states.get("declined", 0),
                            "waiting": sum(states.get(state, 0) for state in PENDING)}
    return result


# --- sending and reminding ------------------------------------------------------------------
class Mailed(NamedTuple):
    """People invited or reminded, and how many of their e-mails the mail server refused."""

    count: int
    failed: int = 0


def _check_sendable(arena: Arena) -> None:
    _check_editable(arena)
    if arena.deadline_passed():
        raise DomainError(_("The answer deadline has passed; move it before sending."))


def to_send(arena: Arena) -> dict[str, int]:
    """How many people per side "Send" would invite now (the unsent ones that fit the free
    seats, as `send` numbers them), changing nothing: the page that asks first says it.
    DomainError when sending would be refused."""
    _check_sendable(arena)
    counts = {}
    for side in ("founder", "investor"):
        seated = db.session.scalar(select(func.count(Invitation.id)).where(
            Invitation.arena_id == arena.id, Invitation.side == side,
            Invitation.state.in_(SEATED))) or 0
        pending = db.session.scalar(select(func.count(Invitation.id)).where(
            Invitation.arena_id == arena.id, Invitation.side == side,
            Invitation.state.in_(PENDING))) or 0
        counts[side] = min(pending, max(0, arena.capacity(side) - seated))
    if not any(counts.values()):
        raise DomainError(_("There is nobody to invite. Ask for a proposal or add people."))
    return counts


def send(staff, arena: Arena) -> Mailed:
    """Invite every proposed person and e-mail them; the arena starts inviting. An
    invitation whose e-mail fails stands (the person sees it on their arenas page), and a
    reminder can carry the link later."""
    _check_sendable(arena)
    for side in ("founder", "investor"):
        normalise(arena, side)
    chosen = list(db.session.scalars(select(Invitation).where(
        Invitation.arena_id == arena.id, Invitation.state == "proposed")))
    if not chosen:
        raise DomainError(_("There is nobody to invite. Ask for a proposal or add people."))
    now = utcnow()
    for invitation in chosen:
        invitation.state = "invited"
        invitation.invited_at = now
    if arena.status == "draft":
        arena.status = "inviting"
    db.session.commit()
    failed = sum(not mail_invitation(invitation) for invitation in chosen)
    audit.record("invitations_sent", actor=staff, target=f"arena:{arena.id}",
                 detail=f"{len(chosen)} invitations, {failed} e-mails failed")
    return Mailed(len(chosen), failed)


class Reminders(NamedTuple):
    """Of an arena: who was invited and has not answered, and how many of them a reminder
    would reach now (none after the deadline; each at most once a day)."""

    awaiting: int
    due: int


def reminders(arena: Arena) -> Reminders:
    """Whether "Remind" has anyone to remind, so the page offers it only then (the same
    rule as `remind`)."""
    now = utcnow()
    unanswered = (Invitation.arena_id == arena.id, Invitation.state == "invited",
                  Invitation.answered_at.is_(None))
    awaiting = db.session.scalar(select(func.count(Invitation.id)).where(*unanswered)) or 0
    if (not awaiting or arena.status not in arena_service.OPEN_STATUSES
            or arena.deadline_passed(now)):
        return Reminders(awaiting, 0)
    due = db.session.scalar(select(func.count(Invitation.id)).where(*unanswered, or_(
        Invitation.reminded_at.is_(None), Invitation.reminded_at < now - REMIND_AFTER))) or 0
    return Reminders(awaiting, due)


def remind_arena(staff, arena: Arena) -> Mailed:
    """Remind the arena's undecided; DomainError saying why when there is nobody to remind
    (the page answered "Reminders sent: 0." on a draft with nobody invited)."""
    refusal = reminder_refusal(arena)
    if refusal:
        raise DomainError(refusal)
    return remind(staff, arena)


def reminder_refusal(arena: Arena) -> str | None:
    """Why nobody can be reminded now, or None when someone can."""
    found = reminders(arena)
    if found.due:
        return None
    if not found.awaiting:
        return _("Reminders go to people invited who have not answered yet; there is nobody "
                 "like that now.")
    if arena.status not in arena_service.OPEN_STATUSES or arena.deadline_passed():
        return _("The answer deadline has passed, so reminders are no longer sent.")
    return _("Everyone who has not answered was reminded in the last 24 hours.")


def remind(staff=None, arena: Arena | None = None) -> Mailed:
    """Remind the undecided (invited, no answer, not reminded in the last 24 hours). A
    reminder the mail server refused does not count as sent: the next run tries again."""
    now = utcnow()
    query = select(Invitation).join(Arena).where(
        Invitation.state == "invited", Invitation.answered_at.is_(None),
        or_(Invitation.reminded_at.is_(None), Invitation.reminded_at < now - REMIND_AFTER),
        Arena.status.in_(arena_service.OPEN_STATUSES))
    if arena is not None:
        query = query.where(Invitation.arena_id == arena.id)
    due = [i for i in db.session.scalars(query) if not i.arena.deadline_passed(now)]
    before = {invitation.id: invitation.reminded_at for invitation in due}
    for invitation in due:
        invitation.reminded_at = now
    db.session.commit()  # before mailing: two runs at once must not both remind
    failed = [invitation for invitation in due if not mail_invitation(invitation, reminder=True)]
    for invitation in failed:
        invitation.reminded_at = before[invitation.id]
    if failed:
        db.session.commit()
    audit.record("invitations_reminded", actor=staff,
                 target=f"arena:{arena.id}" if arena else "arenas",
                 detail=f"{len(due) - len(failed)} reminders, {len(failed)} e-mails failed")
    return Mailed(len(due) - len(failed), len(failed))
