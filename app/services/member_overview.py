"""One member as their association's staff see them: who they are, what they have on Koble
(a founder's pitches, an investor's profile) and what the association's arenas did with them
(invited, answered, came, meetings held).

Whose page a staff member may open (`page_open_to`): a founder's or an investor's of their
own association; an admin's anyone's. Anyone else's answers NotFound, as another
association's arena does (arenas.arena_for_staff): the page does not tell staff who is a
member elsewhere. It shows nothing staff could not already see: contact details by
contacts.can_see_contacts, pitches as moderation lists them (published ones, hidden or
not: a draft is its founder's alone, pitch_access), the investor's profile as staff read it
on its own page, and only the arenas the staff member manages.

A few statements whatever the member has: the member, their pitches or profile, their
invitations with the arenas, and one grouped count of meetings held.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from flask_babel import gettext as _
from sqlalchemy import Select, case, func, or_, select
from sqlalchemy.orm import contains_eager

from app.extensions import db
from app.models import (
    Arena,
    Association,
    AuditEvent,
    InvestorProfile,
    Invitation,
    Meeting,
    Pitch,
    User,
)
from app.services.contacts import can_see_contacts, departure, email_of
from app.services.errors import NotFound
from app.services.funnel_statements import held_meetings
from app.services.moderation import not_shown_because

MEMBER_ROLES = ("founder", "investor")


@dataclass
class ArenaLine:
    """The member at one arena the staff member manages."""

    arena: Arena
    invitation: Invitation
    meetings_held: int = 0

    @property
    def invited(self) -> bool:
        """An invitation was sent (a proposed or waiting row is staff's own draft)."""
        return self.invitation.invited_at is not None

    @property
    def answered(self) -> bool:
        return self.invitation.answered_at is not None


@dataclass
class MemberOverview:
    """What the member page shows."""

    person: User
    contacts: bool  # the viewer may see their e-mail address and phone
    email: str
    gone: str | None  # contacts.departure: "deleted", "inactive" or None
    deleted_by: str | None = None  # a deleted account's: "self", "admin" or None (unknown)
    profile: InvestorProfile | None = None
    pitches: list[Pitch] = field(default_factory=list)
    not_shown: dict[int, str] = field(default_factory=dict)  # pitch id: why others miss it
    arenas: list[ArenaLine] = field(default_factory=list)

    @property
    def company(self) -> str | None:
        return self.profile.organisation if self.profile is not None else None

    @property
    def counts(self) -> dict[str, int]:
        """Invited, answered, came and meetings held over the arenas shown."""
        return {"invited": sum(line.invited for line in self.arenas),
                "answered": sum(line.answered for line in self.arenas),
                "came": sum(line.invitation.attended is True for line in self.arenas),
                "meetings_held": sum(line.meetings_held for line in self.arenas)}


def page_open_to(viewer, person) -> bool:
    """True when `viewer` (staff) may open `person`'s member page: a founder or investor of
    the viewer's association, anyone's for an admin. No statement: the pages that link to it
    ask this for every row."""
    if viewer is None or not getattr(viewer, "is_staff", False) or person is None:
        return False
    if person.role not in MEMBER_ROLES:
        return False
    if viewer.is_admin:
        return True
    return viewer.association_id is not None and person.association_id == viewer.association_id


def overview(viewer, user_id: int) -> MemberOverview:
    """The member page's data for `viewer`; NotFound when the page is not theirs to open
    (no such person, not a member, another association's)."""
    person = db.session.get(User, user_id)
    if not page_open_to(viewer, person):
        raise NotFound(_("No such member."))
    contacts = can_see_contacts(viewer, person)
    page = MemberOverview(person=person, contacts=contacts,
                          email=email_of(person) if contacts else "",
                          gone=departure(person))
    if page.gone == "deleted":
        page.deleted_by = deleted_by(person.id)
    if person.role == "founder":
        page.pitches = list(db.session.scalars(
            select(Pitch).where(Pitch.owner_id == person.id, Pitch.status == "published")
            .order_by(Pitch.published_at.desc(), Pitch.id.desc())))
        page.not_shown = {pitch.id: why for pitch in page.pitches
                          if (why := not_shown_because(pitch)) is not None}
    else:
        page.profile = db.session.scalar(
            select(InvestorProfile).where(InvestorProfile.user_id == person.id))
    page.arenas = _arena_lines(viewer, person)
    return page


# the audit events erasure.delete_user writes: whose hand it was, never which administrator
_DELETIONS = {"account_deleted": "self", "user_deleted": "admin"}
_AGAIN = "erased_again_after_restore"  # its detail says how it went the first time


def deleted_by(user_id: int) -> str | None:
    """Who deleted the account, "self" or "admin", as its deletion's audit event says; None
    when no event says (pruned from the audit log, or a restore that lost it and did not
    know either)."""
    event = db.session.execute(
        select(AuditEvent.action, AuditEvent.detail)
        .where(AuditEvent.target == f"user:{user_id}",
               AuditEvent.action.in_([*_DELETIONS, _AGAIN]))
        .order_by(AuditEvent.at.desc(), AuditEvent.id.desc()).limit(1)).first()
    if event is None:
        return None
    if event.action == _AGAIN:
        first = (event.detail or "").removeprefix("first=")
        return first if first in _DELETIONS.values() else None
    return _DELETIONS[event.action]


def _arena_lines(viewer, person) -> list[ArenaLine]:
    """The member's invitations to the arenas `viewer` manages, the latest arena first,
    each with its meetings held."""
    query = (select(Invitation).join(Invitation.arena).options(contains_eager(Invitation.arena))
             .where(Invitation.user_id == person.id)
             .order_by(Arena.date.desc(), Arena.id.desc()))
    if not viewer.is_admin:
        query = query.where(_managed(viewer))
    lines = [ArenaLine(arena=inv.arena, invitation=inv)
             for inv in db.session.scalars(query)]
    held = _meetings_held(person, [line.arena.id for line in lines])
    for line in lines:
        line.meetings_held = held.get(line.arena.id, 0)
    return lines


def _managed(viewer):
    """SQL on Arena: an arena the staff member (not an admin, who sees every one) manages,
    one their association hosts: the arenas the member page shows."""
    return Arena.hosts.any(Association.id == viewer.association_id)


def arena_counts(viewer, people: Select) -> dict[int, dict[str, int]]:
    """The member page's counts (`MemberOverview.counts`: invited, answered, came,
    meetings_held over the arenas `viewer` manages) of every member `people` (a select of
    User, as member_list finds them) selects, by user id, in three statements however many
    they are; a member with none of them is missing."""
    ids = people.order_by(None).with_only_columns(User.id)
    query = (select(Invitation.user_id, func.count(Invitation.invited_at),
                    func.count(Invitation.answered_at),
                    func.count(case((Invitation.attended.is_(True), 1))))
             .join(Invitation.arena).where(Invitation.user_id.in_(ids))
             .group_by(Invitation.user_id))
    if not viewer.is_admin:
        query = query.where(_managed(viewer))
    counts = {user_id: {"invited": invited, "answered": answered, "came": came,
                        "meetings_held": 0}
              for user_id, invited, answered, came in db.session.execute(query)}
    # a held meeting had both people marked present, so each was invited to its arena:
    # its arena is one of the member's counted above when the viewer manages it
    arenas = select(Arena.id)
    if not viewer.is_admin:
        arenas = arenas.where(_managed(viewer))
    for side in (Meeting.founder_user_id, Meeting.investor_user_id):
        for user_id, held in db.session.execute(
                select(side, func.count(Meeting.id))
                .where(side.in_(ids), Meeting.arena_id.in_(arenas), *held_meetings())
                .group_by(side)):
            counts.setdefault(user_id, {"invited": 0, "answered": 0, "came": 0,
                                        "meetings_held": 0})["meetings_held"] += held
    return counts


def _meetings_held(person, arena_ids: list[int]) -> dict[int, int]:
    """Per arena: the member's meetings held, as the dashboard counts them
    (funnel_statements.held_meetings)."""
    if not arena_ids:
        return {}
    rows = db.session.execute(
        select(Meeting.arena_id, func.count(Meeting.id))
        .where(Meeting.arena_id.in_(arena_ids), *held_meetings(),
               or_(Meeting.founder_user_id == person.id, Meeting.investor_user_id == person.id))
        .group_by(Meeting.arena_id))
    return dict(rows.all())
