"""Which arenas a person may see and manage, and loading one locked. Creating and editing
them is arena_edits (their values and rules arena_values); their statuses arena_status."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime

from flask_babel import gettext as _
from sqlalchemy import select, text

from app.extensions import db
from app.models import Arena, Association, Invitation
from app.models.arena import LOCAL_TZ
from app.services.errors import Conflict, NotFound

OPEN_STATUSES = ("inviting", "scheduled")


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
    """The arenas a staff member manages, soonest first."""
    query = select(Arena).order_by(Arena.date.desc(), Arena.id.desc())
    if not user.is_admin:
        query = query.where(Arena.hosts.any(Association.id == user.association_id))
    return list(db.session.scalars(query))


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


def next_first(invitations: Iterable[Invitation], today: date | None = None
               ) -> list[Invitation]:
    """`invitations` as a person's lists of arenas give them (My arenas, My meetings, the
    API's): those to come first (`upcoming_and_past`), then the past ones."""
    upcoming, past = upcoming_and_past(invitations, today)
    return upcoming + past


def upcoming_and_past(invitations: Iterable[Invitation], today: date | None = None
                      ) -> tuple[list[Invitation], list[Invitation]]:
    """`invitations` split by their arena's date: today's and later, soonest first, and the
    earlier ones, the most recent first. Newest first put an arena a year away above next
    week's, oldest first last year's above both: the one a person goes to next heads the
    list. Today is Oslo's, as arena dates are: today's arena stays with those to come all
    day, its agenda at hand."""
    today = today or datetime.now(LOCAL_TZ).date()
    rows = list(invitations)

    def when(invitation: Invitation) -> tuple:
        arena = invitation.arena
        return arena.date, arena.start_time, arena.id

    return (sorted((i for i in rows if i.arena.date >= today), key=when),
            sorted((i for i in rows if i.arena.date < today), key=when, reverse=True))


def invitation_of(user, arena_id: int) -> Invitation:
    """The person's received invitation to the arena; NotFound otherwise."""
    invitation = db.session.scalar(select(Invitation).where(
        Invitation.arena_id == arena_id, Invitation.user_id == user.id,
        Invitation.invited_at.is_not(None)))
    if invitation is None:
        raise NotFound(_("No such arena."))
    return invitation
