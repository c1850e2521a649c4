"""Which arenas a person may see and manage, and loading one locked. Creating and editing
them is arena_edits (their values and rules arena_values); their statuses arena_status."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date, datetime
from typing import TypeVar

from flask_babel import gettext as _
from sqlalchemy import select, text

from app.extensions import db
from app.models import Arena, Association, Invitation
from app.models.arena import LOCAL_TZ
from app.services.errors import Conflict, NotFound

OPEN_STATUSES = ("inviting", "scheduled")
T = TypeVar("T")


# --- access ---------------------------------------------------------------------------------
def can_manage(user, arena: Arena) -> bool:
    """Admins manage every arena; staff those their association hosts."""
    if user is None or not getattr(user, "is_staff", False):
        return False
    return user.is_admin or arena.hosted_by(user.association_id)


def arena_for_staff(user, arena_id: int) -> Arena:
    """An arena the staff member manages; NotFound otherwise (its existence is not revealed)."""
    arena = db.session.get(Arena, arena_id)
    if arena is None or not can_manage(user, arena):
        raise NotFound(_("No such arena."))
    return arena


def staff_arenas(user) -> list[Arena]:
    """The arenas a staff member manages, the next one first, as participants' lists give
    theirs (`next_first`): today's and later soonest first, then the past ones."""
    query = select(Arena)
    if not user.is_admin:
        query = query.where(Arena.hosts.any(Association.id == user.association_id))
    return next_first(db.session.scalars(query), arena=itself)


def itself(arena: Arena) -> Arena:
    """`arena`: for `upcoming_and_past` over arenas themselves."""
    return arena


def upcoming(limit: int = 3) -> list[Arena]:
    """Arenas open to the public eye: inviting or scheduled, today or later."""
    today = datetime.now(LOCAL_TZ).date()
    query = (select(Arena).where(Arena.status.in_(OPEN_STATUSES), Arena.date >= today)
             .order_by(Arena.date, Arena.start_time, Arena.id).limit(limit))
    return list(db.session.scalars(query))


def theme_label(theme: str) -> str:
    labels = {"green": _("Green transition"), "founder": _("Founder support"),
              "open": _("Open")}
    return labels.get(theme, theme)


# --- locking --------------------------------------------------------------------------------
def lock_arena(arena_id: int) -> Arena:
    """Load the arena row locked for the rest of the transaction.

    PostgreSQL: SELECT … FOR UPDATE. SQLite ignores FOR UPDATE, so a no-op UPDATE takes the
    database's write lock first; the reads after it then see every committed change.
    """
    if db.session.get_bind().dialect.name == "sqlite":
        db.session.execute(text("UPDATE arena SET status = status WHERE id = :id"),
                           {"id": arena_id})
    arena = db.session.scalars(
        select(Arena).where(Arena.id == arena_id).with_for_update()
        .execution_options(populate_existing=True)
    ).one_or_none()
    if arena is None:
        raise NotFound(_("No such arena."))
    return arena


def changed_meanwhile() -> Conflict:
    """The refusal of a save that lost to someone else's change to the arena (its version
    moved on since the page was loaded)."""
    return Conflict(_("Someone changed this arena after you opened it. Nothing was saved; "
                      "your values are kept below. Save again to replace theirs."))


# --- participants ---------------------------------------------------------------------------
def my_invitations(user) -> list[Invitation]:
    """The invitations a person has received (never the unsent proposals), the next arena
    first (`next_first`)."""
    query = (select(Invitation).join(Arena).where(
        Invitation.user_id == user.id, Invitation.invited_at.is_not(None),
        Arena.status != "draft"))
    return next_first(db.session.scalars(query))


def _invited_to(invitation: Invitation) -> Arena:
    return invitation.arena


def next_first(rows: Iterable[T], today: date | None = None, *,
                  arena: Callable[[T], Arena] = _invited_to) -> list[T]:
    """`rows` as the lists of arenas give them (My arenas, My meetings, staff's Arenas, the
    API's): those to come first (`upcoming_and_past`), then the past ones."""
    upcoming, past = upcoming_and_past(rows, today, arena=arena)
    return upcoming + past


def upcoming_and_past(rows: Iterable[T], today: date | None = None, *,
                         arena: Callable[[T], Arena] = _invited_to
                         ) -> tuple[list[T], list[T]]:
    """`rows` (invitations, or with `arena` what gives each one's arena) split by their
    arena's date: today's and later, soonest first, and the earlier ones, the most recent
    first. Newest first put an arena a year away above next week's, oldest first last
    year's above both: the one a person goes to, or staff hold, next heads the list. Today
    is Oslo's, as arena dates are: today's arena stays with those to come all day, its
    agenda at hand."""
    today = today or datetime.now(LOCAL_TZ).date()
    rows = list(rows)

    def when(row: T) -> tuple:
        held = arena(row)
        return held.date, held.start_time, held.id

    return (sorted((r for r in rows if not arena(r).past_on(today)), key=when),
            sorted((r for r in rows if arena(r).past_on(today)), key=when, reverse=True))


def invitation_of(user, arena_id: int) -> Invitation:
    """The person's received invitation to the arena; NotFound otherwise."""
    invitation = db.session.scalar(select(Invitation).where(
        Invitation.arena_id == arena_id, Invitation.user_id == user.id,
        Invitation.invited_at.is_not(None)))
    if invitation is None:
        raise NotFound(_("No such arena."))
    return invitation
