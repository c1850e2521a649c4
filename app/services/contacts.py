"""Who may see whose contact details (e-mail, phone).

- The person themselves.
- An admin: everyone's.
- Staff: the members of their own association, and everyone invited to an arena their
  association hosts (in any state, proposed to cancelled: the people they curate), whatever
  association those belong to. Never another association's other members: no role sees what
  is not theirs. Staff without an association see only their own.
- A founder and an investor with mutual interest, and two people who met in the same arena
  meeting: once it has begun (or the arena is marked done), neither marked absent
  (schedule.meeting_partners). A meeting still to come on one's agenda reveals nothing.
- Never, to founders and investors, the details of someone whose self-registered address is
  not confirmed yet (services/email_confirmation.py): anyone could have typed it.

Someone who left Koble has no contact details to show: a deleted account's address is a
placeholder that reaches nobody (nobody sees it, not even an admin), and a deactivated
person is not to be reached through Koble (only staff and admins, who manage them, still
see theirs). `departure` says which, for the pages that tell the other side so.

`can_see_contacts` answers for one person (for staff: at most one indexed query, none for
their own association's members); `contacts_visible_to` answers for a whole list at once
(for staff: one query per 500 people outside their association; for founders and investors
at most three), for pages, agendas and exports that show many people. Nothing is
remembered between calls: the pages that
`app.services.page_cache` keeps are founders' and investors' own, each under its user's key.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select

from app.extensions import db
from app.models import Invitation
from app.models.arena import arena_host
from app.services.deleted_accounts import is_deleted

# Ids per IN (...) list: well under SQLite's and PostgreSQL's bound-parameter limits.
_CHUNK = 500


def other_side_ids(user, others) -> set[int]:
    """The ids of those among `others` (users) on the other side of a founder–investor pair
    from `user`: a founder's investors, an investor's founders. None for staff or admins,
    whose contact rights do not come from pairs."""
    if user is None or user.role not in ("founder", "investor"):
        return set()
    return {o.id for o in others
            if o is not None and {o.role, user.role} == {"founder", "investor"}}


def departure(user) -> str | None:
    """"deleted" for a person who deleted their account, "inactive" for one an admin
    deactivated, None while they are on Koble."""
    if user is None:
        return None
    if is_deleted(user):
        return "deleted"
    return None if user.active else "inactive"


def email_of(user) -> str:
    """The address to show for a user whose details the viewer may see: none for a deleted
    account (its stored address is a placeholder, not a way to reach anyone)."""
    return "" if user is None or is_deleted(user) else user.email


def can_see_contacts(viewer, owner) -> bool:
    """True when viewer may see the contact details of owner (a pitch owner or investor user)."""
    if not _signed_in(viewer) or owner is None:
        return False
    if viewer.id == owner.id:
        return True
    if _gone_for(viewer, owner):
        return False
    if viewer.is_admin:
        return True
    if viewer.is_staff:
        return owner.id in _staff_visible(viewer, [owner])
    if not _confirmed(owner):
        return False
    return _mutual_interest(viewer, owner) or _shared_meeting(viewer, owner)


def _confirmed(owner) -> bool:
    return getattr(owner, "email_confirmed_at", None) is not None


def _gone_for(viewer, owner) -> bool:
    """The owner left Koble, as far as viewer is concerned (see the module's docstring)."""
    left = departure(owner)
    return left == "deleted" or (left == "inactive" and not viewer.is_staff)


def contacts_visible_to(viewer, owners: Iterable) -> set[int]:
    """The ids of those among owners (users; None is skipped) whose contact details viewer
    may see: the rule of `can_see_contacts`, asked once for the list where it can be."""
    if not _signed_in(viewer):
        return set()
    people = {o.id: o for o in owners
              if o is not None and (o.id == viewer.id or not _gone_for(viewer, o))}
    if not people:
        return set()
    if viewer.is_admin:
        return set(people)
    if viewer.is_staff:
        return _staff_visible(viewer, people.values())
    # founders and investors: three queries for the list, not three per person
    others = [owner for i, owner in people.items() if i != viewer.id and _confirmed(owner)]
    mine = {viewer.id} & set(people)
    return mine | _mutual_interest_among(viewer, others) | _shared_meeting_among(viewer, others)


def _signed_in(viewer) -> bool:
    return viewer is not None and getattr(viewer, "is_authenticated", False)


def _staff_visible(staff, owners: Iterable) -> set[int]:
    """Staff: themselves, their association's members, and the invitees of the arenas their
    association hosts (one query for those outside the association). An invitee is someone
    an invitation was sent to: a row only proposed, or on the waiting list, is staff's own
    draft, and counting it let a staff member add anyone to a list and read their address."""
    association_id = staff.association_id
    seen, rest = set(), set()
    for owner in owners:
        own = owner.id == staff.id or (association_id is not None
                                       and owner.association_id == association_id)
        (seen if own else rest).add(owner.id)
    if association_id is None or not rest:
        return seen
    ids = sorted(rest)
    for start in range(0, len(ids), _CHUNK):
        seen.update(db.session.scalars(
            select(Invitation.user_id).distinct()
            .join(arena_host, arena_host.c.arena_id == Invitation.arena_id)
            .where(arena_host.c.association_id == association_id,
                   Invitation.invited_at.is_not(None),
                   Invitation.user_id.in_(ids[start:start + _CHUNK]))))
    return seen


def _mutual_interest(viewer, owner) -> bool:
    """A founder and an investor who are both interested in one of the founder's pitches."""
    return owner.id in _mutual_interest_among(viewer, [owner])


def _shared_meeting(viewer, owner) -> bool:
    """Both met in the same arena meeting (schedule.meeting_partners)."""
    return owner.id in _shared_meeting_among(viewer, [owner])


def _mutual_interest_among(viewer, owners) -> set[int]:
    from app.services.mutual_interest import mutual_interest_partners

    return mutual_interest_partners(viewer, owners)


def _shared_meeting_among(viewer, owners) -> set[int]:
    from app.services.schedule import meeting_partners

    return meeting_partners(viewer, owners)
