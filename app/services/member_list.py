"""Staff's list of their association's members: its founders and investors, paged, found by
name, e-mail or organisation and filtered by role, account state and what they have on
Koble (a published pitch, a listed investor profile); each row leads to the member page
(member_overview). An admin sees every association's, or one's.

The accounts are found as the admin's people list finds them (people_search). Contact
details follow contacts.contacts_visible_to for the page's rows at once (staff see their own
members', admins everyone's); the search reads e-mail addresses only of those listed, whose
addresses the viewer may see.

A fixed number of statements whatever the page holds: the page of members with its total,
their investor profiles, their published pitches counted, and the counts at the top.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from sqlalchemy import Select, exists, func, select

from app.extensions import db
from app.models import InvestorProfile, Pitch, User
from app.services import people_search
from app.services.contacts import contacts_visible_to, email_of
from app.services.member_overview import MEMBER_ROLES
from app.services.paging import CountedPagination, paginate

PER_PAGE = 25
# What a member has on Koble, as the list filters it.
HOLDINGS = ("pitch", "no_pitch", "listed", "not_listed")


def _has_published_pitch():
    # published, hidden by moderation or not: the member page lists both
    return exists(select(Pitch.id).where(Pitch.owner_id == User.id,
                                         Pitch.status == "published"))


def _has_listed_profile():
    return exists(select(InvestorProfile.id).where(InvestorProfile.user_id == User.id,
                                                   InvestorProfile.listed_clause()))


def _holding(holding: str):
    """SQL: the member has (or lacks) a published pitch or a listed profile; "lacks" is
    said of the role that could have one (a founder without a published pitch)."""
    if holding == "pitch":
        return (User.role == "founder") & _has_published_pitch()
    if holding == "no_pitch":
        return (User.role == "founder") & ~_has_published_pitch()
    if holding == "listed":
        return (User.role == "investor") & _has_listed_profile()
    return (User.role == "investor") & ~_has_listed_profile()


@dataclass
class MemberRow:
    """One member as the list shows them."""

    person: User
    email: str  # "" when the viewer may not see it
    profile: InvestorProfile | None = None
    published: int = 0  # a founder's published pitches, hidden ones included

    @property
    def state(self) -> str:
        """ACCOUNT_STATES: active, unconfirmed or deactivated."""
        return people_search.state_of(self.person.active,
                                      self.person.email_confirmed_at is not None)


@dataclass
class MemberList:
    """A page of the list, and the counts of the whole membership (filters aside)."""

    pagination: CountedPagination | None  # None: a staff member of no association
    rows: list[MemberRow] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)


def scope(viewer, association_id: int | None) -> tuple[bool, int | None]:
    """(whether the viewer has members to list, whose): a staff member their own
    association's, whatever `association_id` says; an admin `association_id`'s, or every
    association's (None)."""
    if viewer.is_admin:
        return True, association_id
    return viewer.association_id is not None, viewer.association_id


def members_query(viewer, *, q: str = "", role: str | None = None,
                  state: str | None = None, holding: str | None = None,
                  association_id: int | None = None) -> Select | None:
    """The viewer's members found by the list's search and filters, in the list's order
    (name, then id), every page of them: what the list pages and its export
    (member_export) writes. None for a staff member of no association. ValueError for a
    role, state or holding the list does not know: the form offers only these."""
    if role not in (None, *MEMBER_ROLES) or state not in (None, *people_search.ACCOUNT_STATES) \
            or holding not in (None, *HOLDINGS):
        raise ValueError("unknown filter")
    any_members, association_id = scope(viewer, association_id)
    if not any_members:
        return None
    query = people_search.people(q, roles=(role,) if role else MEMBER_ROLES,
                                 association_id=association_id, state=state,
                                 organisation=True)
    if holding:
        query = query.where(_holding(holding))
    return query


def members(viewer, *, q: str = "", role: str | None = None, state: str | None = None,
            holding: str | None = None, association_id: int | None = None,
            page: int = 1) -> MemberList:
    """One page of the viewer's members (ValueError for a filter the list does not know,
    as `members_query`)."""
    query = members_query(viewer, q=q, role=role, state=state, holding=holding,
                          association_id=association_id)
    if query is None:
        return MemberList(pagination=None)
    association_id = scope(viewer, association_id)[1]
    pagination = paginate(query, page, PER_PAGE, narrow=True)
    return MemberList(pagination=pagination, rows=_rows(viewer, pagination.items),
                      counts=_counts(association_id))


def _rows(viewer, people: list[User]) -> list[MemberRow]:
    if not people:
        return []
    visible = contacts_visible_to(viewer, people)
    profiles, published = holdings([person.id for person in people])
    return [MemberRow(person=person,
                      email=email_of(person) if person.id in visible else "",
                      profile=profiles.get(person.id), published=published.get(person.id, 0))
            for person in people]


def holdings(ids) -> tuple[dict[int, InvestorProfile], dict[int, int]]:
    """What the members `ids` (a list or an id subquery) have on Koble, as the list and its
    download show it: each investor's profile, and each founder's count of published
    pitches (members without either are absent)."""
    profiles = {profile.user_id: profile for profile in db.session.scalars(
        select(InvestorProfile).where(InvestorProfile.user_id.in_(ids)))}
    published = dict(db.session.execute(
        select(Pitch.owner_id, func.count(Pitch.id))
        .where(Pitch.owner_id.in_(ids), Pitch.status == "published")
        .group_by(Pitch.owner_id)).all())
    return profiles, published


def _counts(association_id: int | None) -> dict[str, int]:
    """The members by role and by account state (the list's filters aside), in one
    statement: founder, investor, active, unconfirmed, deactivated and total."""
    whole = people_search.people(roles=MEMBER_ROLES, association_id=association_id)
    rows = db.session.execute(
        whole.order_by(None).with_only_columns(
            User.role, User.active, User.email_confirmed_at.is_not(None), func.count())
        .group_by(User.role, User.active, User.email_confirmed_at.is_not(None))).all()
    counts: Counter = Counter({key: 0 for key in (*MEMBER_ROLES,
                                                  *people_search.ACCOUNT_STATES, "total")})
    for role, active, confirmed, n in rows:
        counts[role] += n
        counts["total"] += n
        counts[people_search.state_of(active, confirmed)] += n
    return dict(counts)
