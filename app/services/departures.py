"""What happens at the arenas when a person leaves Koble: they delete their account, or an
admin deactivates it; and when an admin changes their role (`new_role`), at the arenas they
take part in on their old role's side: a founder made investor no longer comes as a
founder, their pitch no longer shown (account_access.withdrawn_by_role).

At every arena not yet held they stop coming, as when staff take someone off the list: their
scheduled meetings are called off (`meeting_changes.call_off`: slots freed, the schedule's
SEQUENCE raised so calendar apps drop the events), a seat they held goes to the waiting
list (the host staff learn who got it, once the schedule is published) and their own
calendar file sends the arena as cancelled; an unsent proposal is dropped. Each partner of
a called-off meeting is told (once the schedule is published), in their own language,
only that the other participant is no longer on Koble: why (deleted or deactivated) is
nobody's business.
Their meeting requests still waiting for an answer there are withdrawn (`WITHDRAWN`), and
the other side of each is told the same way: the request is closed because the other
participant is no longer on Koble (they knew of it, published schedule or not).
Held and cancelled arenas are history and stay as they were. Reactivating the account brings
nothing back: the meetings stay called off, the requests withdrawn, the person may be
invited again.
After a role change the person is still on Koble, so their partners are told what a
participant's own cancel tells them: that this person no longer comes (by name), and the
other side of a request that the other participant no longer comes to the arena. Changing
the role back brings nothing back either.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from flask_babel import gettext as _
from flask_babel import ngettext
from sqlalchemy import delete, select

from app.extensions import db
from app.models import Arena, Invitation, Notification
from app.services import arena_notices, audit, notices
from app.services import arenas as arena_service
from app.services.invitations import PENDING, normalise
from app.services.meeting_changes import stop_coming
from app.services.meeting_requests import NOT_YET_HELD, pending_of, withdraw_pending
from app.services.rsvp import SEATED, mail_invitation
from app.services.schedule import meetings


@dataclass
class Departure:
    """What leaving changed, to announce once the caller has committed."""

    told: list[Notification] = field(default_factory=list)
    newly_invited: list[Invitation] = field(default_factory=list)
    # meetings called off whose partners are told: a draft's meetings leave the draft
    # silently, so they are not counted among them (the audit trail counts every one)
    meetings: int = 0
    invitations: int = 0  # invitations ended (unsent proposals dropped, seats given up)
    requests: int = 0  # meeting requests withdrawn
    tokens: int = 0  # API tokens revoked (a deactivation's: account_access.set_active)


def leave_arenas(user, actor=None, new_role: str | None = None,
                 by: str = "admin") -> Departure:
    """End the person's part in every arena not yet held (see the module's docstring), or,
    when an admin makes them `new_role`, in those where they take part on another side; the
    caller commits, then calls `announce`. Audited per arena (commit=False). `by`: who ended
    it (Invitation.cancelled_by), "self" when the person deletes their own account; an
    administrator otherwise (`actor` is None on the command line)."""
    out = Departure()
    if new_role is None:
        told_partners, why = arena_notices.partner_left, "left Koble"
    else:
        told_partners, why = arena_notices.partner_withdrew, "role changed"
    for arena_id in _arena_ids(user, new_role):
        arena = arena_service.lock_arena(arena_id)
        if arena.held:
            continue  # over, though nobody marked it done: what happened there stands
        invitation = db.session.scalar(select(Invitation).where(
            Invitation.arena_id == arena.id, Invitation.user_id == user.id))
        side = invitation.side
        freed = 0
        if invitation.state in PENDING:
            db.session.execute(delete(Invitation).where(Invitation.id == invitation.id))
            db.session.flush()
            normalise(arena, side)
        else:
            freed, told, newly = stop_coming(
                arena, invitation,
                lambda mine, arena=arena: told_partners(arena, user, mine), by=by)
            out.told += told
            out.newly_invited += newly
            # in the app only (never in `told`, which is mailed), as a cancel's would be
            arena_notices.seat_given(arena, newly)
        if arena.schedule_published:
            out.meetings += freed
        out.invitations += 1
        audit.record("participation_cancelled", actor=actor or user,
                     target=f"arena:{arena.id}", detail=f"{why}, meetings freed={freed}",
                     commit=False)
    _withdraw_requests(user, out, left_koble=new_role is None)
    return out


def _arena_ids(user, new_role: str | None = None) -> list[int]:
    """The arenas not yet held where the person is invited or has a seat (on another side
    than `new_role`, when one is given: the arenas a role change takes them out of)."""
    query = (select(Invitation.arena_id).join(Arena, Arena.id == Invitation.arena_id)
             .where(Invitation.user_id == user.id, Arena.status.in_(NOT_YET_HELD),
                    Invitation.state.in_(PENDING + SEATED)).order_by(Invitation.arena_id))
    if new_role is not None:
        query = query.where(Invitation.side != new_role)
    return list(db.session.scalars(query))


def arenas_ahead(user, new_role: str | None = None) -> list[Arena]:
    """The arenas `leave_arenas` would take the person out of now, soonest first, changing
    nothing: the role question names them."""
    arenas = [db.session.get(Arena, arena_id) for arena_id in _arena_ids(user, new_role)]
    return sorted((a for a in arenas if not a.held),
                  key=lambda a: (a.date, a.start_time, a.id))


def ahead(user, new_role: str | None = None) -> Departure:
    """What `leave_arenas` would end if the person left now (or became `new_role`), counted
    as it counts them (invitations ended, meetings of a published schedule called off,
    requests withdrawn), changing nothing: the admin reads it before deciding to deactivate
    the account or change its role."""
    out = Departure()
    for arena_id in _arena_ids(user, new_role):
        arena = db.session.get(Arena, arena_id)
        if arena.held:
            continue
        invitation = db.session.scalar(select(Invitation).where(
            Invitation.arena_id == arena.id, Invitation.user_id == user.id))
        if invitation.state in SEATED and arena.schedule_published:
            out.meetings += sum(1 for m in meetings(arena, user_id=user.id, active_only=False)
                                if m.state == "scheduled")
        out.invitations += 1
    out.requests = len(pending_of(user))
    return out


def _withdraw_requests(user, out: Departure, left_koble: bool = True) -> None:
    """Withdraw the person's unanswered meeting requests, both ways, at the arenas not yet
    held, and tell the other side of each (see the module's docstring). After a role change
    too: every request waiting was made on their old role's side (founder to investor)."""
    withdrawn = withdraw_pending(user)
    out.told += arena_notices.requests_withdrawn(user, withdrawn, left_koble=left_koble)
    out.requests += len(withdrawn)


def announce(departure: Departure) -> None:
    """After the commit: e-mail the partners' notices and the invitations of those who got
    the freed seats."""
    notices.send(departure.told)
    for other in departure.newly_invited:
        mail_invitation(other)


def deactivated_message(name: str, departure: Departure) -> str:
    """What deactivating the account ended, counted, in the reader's language: the admin
    page says it and `flask users deactivate` prints it (in English), from one text."""
    return _ended(_("%(name)s is deactivated and logged out everywhere.", name=name),
                  departure)


def deleted_message(name: str, departure: Departure) -> str:
    """What an administrator's deletion of the account ended, as `deactivated_message`
    says it: the admin page and `flask users delete`."""
    return _ended(_("%(name)s's account is deleted: their name, e-mail address and texts are "
                    "removed, and they are logged out everywhere.", name=name), departure)


def role_changed_message(first: str, departure: Departure) -> str:
    """`first` (the role saved), then what the role change ended at the arenas, counted as
    `deactivated_message` counts it: the admin page and `flask users set-role`."""
    return _ended(first, departure)


def _ended(first: str, departure: Departure) -> str:
    """`first`, then each kind of thing it ended, counted; a kind it ended none of is not
    named (the question before said there was none: "0 meetings … are called off, the
    other participants told" read as if someone had been told something)."""
    parts = [first]
    if departure.meetings:
        parts.append(ngettext(
            "%(num)d meeting at the arenas is called off, the other participant told.",
            "%(num)d meetings at the arenas are called off, the other participants told.",
            departure.meetings))
    if departure.invitations:
        parts.append(ngettext("%(num)d arena invitation is ended.",
                              "%(num)d arena invitations are ended.", departure.invitations))
    if departure.requests:
        parts.append(ngettext(
            "%(num)d meeting request waiting for an answer is withdrawn, the other side told.",
            "%(num)d meeting requests waiting for an answer are withdrawn, the other side of "
            "each told.", departure.requests))
    if departure.tokens:
        # reactivating does not bring them back (account_access.set_active says why)
        parts.append(ngettext("%(num)d API token is revoked.",
                              "%(num)d API tokens are revoked.", departure.tokens))
    return " ".join(parts)
