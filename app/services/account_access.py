"""The audited account changes staff make: a role (and a staff member's association),
deactivating or reactivating an account, and deleting one. The rules live here, for the CLI
and the admin's pages alike.

Arenas are hosted by associations (arena_host), not by a person: whoever is active staff of
a host association manages the arena (arenas.can_manage) and is told of late answers
(arena_notices). So a staff member who leaves their association (another association,
another role, deactivated or deleted) hands nothing over: the arenas not yet held stay with
the association and its other staff. What a page says first is which those are, and which
of them nobody but the administrators will manage afterwards (`arenas_left`).

A founder's pitches are shown and matched only while they are a founder, an investor's
profile only while they are an investor (`Pitch.visible_clause`, `InvestorProfile
.listed_clause`): a role changed away withdraws them, kept as they are (published, not
deleted, not turned into drafts), and changing the role back shows them again. The page
first names what a change would withdraw (`withdrawn_by_role`); the change rewrites their
stored match scores and audits each pitch withdrawn or shown again.

Taking part in an arena is done in a role too: a founder comes with a pitch, an investor
to meet founders. So a role changed away also ends the person's part in the arenas not yet
held where they take part on the old role's side, as deactivating ends it
(`departures.leave_arenas`: invitations ended, seats to the waiting list, meetings called
off and requests withdrawn, the other side told, audited per arena); the question names
those arenas and counts what ends. Unlike the pitches, this is not brought back if the role
changes back: the partners were told, the seats went to others.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from flask_babel import gettext as _
from sqlalchemy import func, select, update

from app.extensions import db
from app.models import Arena, Association, InvestorProfile, Pitch, User
from app.models.user import ROLES, new_session_token
from app.services import account_notices, api_tokens, audit, departures, erasure, events
from app.services.deleted_accounts import is_deleted
from app.services.errors import DomainError
from app.services.meeting_requests import NOT_YET_HELD


def set_role(user: User, role: str, actor=None, association=None) -> departures.Departure:
    """Change a user's role and, for staff and admins, their association (audited).

    The one place the rules live, for the CLI and the admin's page alike: staff belong to an
    association (an admin may or may not); a founder's or investor's association stays as it
    is; nobody removes their own admin role, and the last active admin stays. A new role ends
    the user's sessions so the new rights apply at once, and withdraws what the old role
    showed others (a founder's published pitches, an investor's profile) or shows again what
    the new one does, and ends their part in the arenas not yet held on the old role's side
    (the module's docstring). Returns the `departures.Departure` (what that ended).
    """
    if role not in ROLES:
        raise DomainError(_("Unknown role."), "role")
    if role == "staff" and association is None:
        raise DomainError(_("Staff belong to an association: choose one."), "association")
    old, old_association = user.role, user.association
    new_association = association if role in ("staff", "admin") else old_association
    if old == role and old_association == new_association:
        return departures.Departure()
    if old == "admin" and role != "admin":
        if actor is not None and actor.id == user.id:
            raise DomainError(_("You cannot remove your own admin role. Ask another "
                                "administrator."), "role")
        _not_the_last_admin(user, "role")
    withdrawn = _shown_for_role(user, old) if old != role else Withdrawn()
    # named to the person before leave_arenas ends them
    arenas = departures.arenas_ahead(user, role) if old != role and user.active else []
    departure = (departures.leave_arenas(user, actor=actor, new_role=role)
                 if old != role and user.active else departures.Departure())
    user.role = role
    if new_association != old_association:
        # the administrator's pick by name: it no longer follows the person's municipality
        # should they become a founder or investor again
        user.association, user.association_from_municipality = new_association, False
    returned = _shown_for_role(user, role) if old != role else Withdrawn()
    if old != role:
        user.session_token = new_session_token()
        audit.record("role_changed", actor=actor, target=f"user:{user.id}",
                     detail=f"{old} -> {role}", commit=False)
        for pitch in withdrawn.pitches:
            audit.record("pitch_withdrawn_by_role", actor=actor, target=f"pitch:{pitch.id}",
                         detail=f"{old} -> {role}", commit=False)
        for pitch in returned.pitches:
            audit.record("pitch_shown_by_role", actor=actor, target=f"pitch:{pitch.id}",
                         detail=f"{old} -> {role}", commit=False)
    if old_association != new_association:
        audit.record("association_changed", actor=actor, target=f"user:{user.id}",
                     detail=f"{_slug(old_association)} -> {_slug(new_association)}",
                     commit=False)
    note = account_notices.tell_role_changed(user, account_notices.RoleChange(
        role=role, role_changed=old != role,
        association=_name(new_association) if role in ("staff", "admin") else "",
        left_association=_name(old_association) if _stops_running(
            old, role, old_association, new_association) else "",
        pitches=tuple(pitch.title for pitch in withdrawn.pitches),
        profile=bool(withdrawn.profiles), arenas=tuple(arena.title for arena in arenas)))
    db.session.commit()
    # their stored match scores follow at once (withdrawn: removed; shown again: scored)
    for pitch in withdrawn.pitches + returned.pitches:
        events.pitch_changed(pitch)
    for profile in withdrawn.profiles + returned.profiles:
        events.investor_changed(profile)
    departures.announce(departure)
    if user.active:
        account_notices.mail_role_changed(user, note)
    # else no mail: they cannot log in to see the role, and nothing else is mailed to a
    # deactivated account; the notice waits for them and the reactivation mail names it
    return departure


def _stops_running(old: str, role: str, old_association, new_association) -> bool:
    """Whether a staff member stops running their association's arenas (as
    `arenas_left` counts them): another association, or a role other than admin."""
    return (old == "staff" and old_association is not None and role != "admin"
            and (role != "staff" or new_association != old_association))


def _name(association) -> str:
    return association.name if association is not None else ""


@dataclass
class Withdrawn:
    """What a role change withdraws from view and matching (`withdrawn_by_role`): a
    founder's published pitches that others see now, an investor's listed profile; and the
    arenas not yet held it takes them out of, with what that ends there (`ends`, counted as
    `departures.ahead` counts it)."""

    pitches: list[Pitch] = field(default_factory=list)
    profiles: list[InvestorProfile] = field(default_factory=list)
    arenas: list[Arena] = field(default_factory=list)
    ends: departures.Departure = field(default_factory=departures.Departure)

    def __bool__(self) -> bool:
        return bool(self.pitches or self.profiles or self.arenas or self.ends.requests)


def _shown_for_role(user: User, role: str) -> Withdrawn:
    """The user's pitches (role founder) or profile (role investor) that others would see,
    and the engine match, while the user has `role` (published, not hidden by staff; an
    active profile), the account being active. Changes nothing."""
    if not user.active or user.id is None:
        return Withdrawn()
    if role == "founder":
        return Withdrawn(pitches=list(db.session.scalars(
            select(Pitch).where(Pitch.owner_id == user.id, Pitch.status == "published",
                                Pitch.hidden.is_(False))
            .order_by(Pitch.published_at, Pitch.id)).unique()))
    if role == "investor":
        return Withdrawn(profiles=list(db.session.scalars(
            select(InvestorProfile).where(InvestorProfile.user_id == user.id,
                                          InvestorProfile.active.is_(True))
            .order_by(InvestorProfile.id)).unique()))
    return Withdrawn()


def withdrawn_by_role(user: User, role: str | None,
                      association: Association | None = None) -> Withdrawn:
    """What changing `user`'s role to `role` would withdraw from others' view and from
    matching: their published pitches when a founder stops being one, their profile when an
    investor stops being one (kept, shown again if the role changes back); and the arenas
    not yet held where they take part on the old role's side, which the change ends for
    good. Empty when the role stays, for a move to staff without an association (refused by
    set_role), or for a deactivated account (nothing of theirs is shown now, and
    deactivating ended their arenas). Changes nothing."""
    if role is None or role == user.role or (role == "staff" and association is None):
        return Withdrawn()
    withdrawn = _shown_for_role(user, user.role)
    if user.active and user.id is not None:
        withdrawn.arenas = departures.arenas_ahead(user, role)
        withdrawn.ends = departures.ahead(user, role)
    return withdrawn


def set_active(user: User, active: bool, actor=None):
    """Deactivate (ending every session, revoking every API token, and ending their part in
    the arenas not yet held, their partners told) or reactivate a user; audited. Nobody
    deactivates themselves, and the last active admin stays. Reactivating brings no
    called-off meeting back, and no token: deactivating means cutting the person's access,
    and a reactivation (perhaps months later, perhaps a mistake undone) must not quietly
    give scripts somewhere access again; the person makes new tokens, with their password.
    Returns the `departures.Departure` (what deactivating ended; empty otherwise)."""
    departure = departures.Departure()
    if user.active == active:
        return departure
    if not active:
        _not_oneself(user, actor)
        if user.role == "admin":
            _not_the_last_admin(user, "active")
        departure = departures.leave_arenas(user, actor=actor)
    user.active = active
    if not active:
        user.session_token = new_session_token()
    # Reactivating revokes too: tokens left live by a deactivation made before deactivating
    # revoked them (they were only refused while the account was off) must not come back.
    departure.tokens = api_tokens.revoke_all(user, actor=actor)
    audit.record("user_reactivated" if active else "user_deactivated", actor=actor,
                 target=f"user:{user.id}", commit=False)
    db.session.commit()
    departures.announce(departure)
    if active:
        account_notices.mail_reactivated(user)
    else:
        account_notices.mail_deactivated(user, arenas=departure.invitations)
    return departure


def deactivation_ahead(user: User, actor=None):
    """What deactivating the account would end, counted without changing anything: a
    `departures.Departure` with its arena invitations, meetings and meeting requests, and
    the API tokens that would be revoked. DomainError when `actor` is the user themselves,
    as `set_active` would refuse."""
    _not_oneself(user, actor)
    ahead = departures.ahead(user)
    ahead.tokens = len(api_tokens.live_tokens(user))
    return ahead


def _not_oneself(user: User, actor) -> None:
    if actor is not None and actor.id == user.id:
        raise DomainError(_("You cannot deactivate your own account."), "active")


def _slug(association) -> str:
    return association.slug if association is not None else "none"


def _not_the_last_admin(user: User, field: str, *, lock: bool = True) -> None:
    """Refuse to take the admin rights of the last active admin.

    The active admins' rows are written (a no-op) before they are counted: the write locks
    them (PostgreSQL) or the whole database (SQLite) until this transaction ends, so two
    admins demoting each other at the same moment cannot both succeed.
    """
    if not user.active:
        return
    admins = (User.role == "admin", User.active.is_(True))
    if lock:  # not for a page that only asks (it writes nothing)
        db.session.execute(update(User).where(*admins).values(role=User.role)
                           .execution_options(synchronize_session=False))
    others = db.session.scalar(select(func.count(User.id)).where(*admins, User.id != user.id))
    if not others:
        if lock:
            db.session.rollback()
        raise DomainError(_("This is the last active administrator. Make someone else an "
                            "administrator first."), field)


@dataclass
class ArenaLeft:
    """An arena not yet held that a staff member manages through their association and
    would no longer manage: `others` is how many other active staff of its host
    associations still do (0: only the administrators)."""

    arena: Arena
    others: int


def arenas_left(user: User, role: str | None = None,
                association: Association | None = None) -> list[ArenaLeft]:
    """The arenas not yet held, soonest first, that `user` manages as active staff of their
    association and would no longer manage as `role` of `association` (no role: leaving
    Koble, or deactivated). Empty for anyone else, and for a move to admin (admins manage
    every arena). Changes nothing."""
    if user.role != "staff" or user.association_id is None or not user.active:
        return []
    if role == "admin" or (role == "staff" and (
            association is None  # refused by set_role: nothing changes
            or association.id == user.association_id)):
        return []
    arenas = db.session.scalars(
        select(Arena).where(Arena.hosts.any(Association.id == user.association_id),
                            Arena.status.in_(NOT_YET_HELD))
        .order_by(Arena.date, Arena.start_time, Arena.id))
    left = []
    for arena in arenas:
        if arena.held:
            continue
        others = db.session.scalar(select(func.count(User.id)).where(
            User.role == "staff", User.active.is_(True), User.id != user.id,
            User.association_id.in_(arena.host_ids)))
        left.append(ArenaLeft(arena, others))
    return left


def deletion_ahead(user: User, actor=None):
    """What deleting the account would end, counted without changing anything, as
    `deactivation_ahead` counts it. DomainError when `delete_user` would refuse."""
    _may_delete(user, actor, lock=False)
    ahead = departures.ahead(user)
    ahead.tokens = len(api_tokens.live_tokens(user))
    return ahead


def delete_user(user: User, actor=None):
    """An administrator (`actor`; None: the command line) deletes someone's account, on their
    request (the right to erasure): everything that says who they are removed or anonymised
    as when they delete it themselves (`erasure.anonymise`, which notes it in the erasure
    ledger, so a restored backup deletes it again), audited as "user_deleted". Staff and
    admins too: they cannot delete their own. Nobody deletes their own account here, and the
    last active admin stays. Their association's arenas stay with it (see the module's
    docstring). Returns the `departures.Departure` (what it ended)."""
    _may_delete(user, actor)
    return erasure.anonymise(user, actor=actor, by_admin=True)


def _may_delete(user: User, actor, *, lock: bool = True) -> None:
    if is_deleted(user):
        raise DomainError(_("The account is already deleted."), "active")
    if actor is not None and actor.id == user.id:
        raise DomainError(_("You cannot delete your own account here. Ask another "
                            "administrator."), "active")
    if user.role == "admin":
        _not_the_last_admin(user, "active", lock=lock)
