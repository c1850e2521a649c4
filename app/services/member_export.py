"""Staff's member list as a file, CSV or .xlsx (the download, the formula guard and the
cells' types are `app.services.exports`): every member the list finds with the same search
and filters (member_list.members_query: the staff member's own association's, an admin's
every association's or the one chosen), all pages, in the list's order (name, then id).

Each row holds what the list shows and what the member page (member_overview) shows staff:
the account, the municipality, when they registered, a founder's published pitches, an
investor's profile, and the counts of the arenas the viewer manages. Contact details (the
account's e-mail and phone, the profile's contact) only for those whose details the member
page shows the viewer: contacts.contacts_visible_to, the rule of can_see_contacts asked
once for the file. A deleted account is in no list (people_search), so in no file.

A fixed number of statements whatever the file holds: the members, their investor profiles,
their published pitches counted, their arena counts (three) and the associations' names
(contacts asks nothing more: staff export only their own association's members).
"""

from __future__ import annotations

from flask_babel import gettext as _
from sqlalchemy import select

from app import vocabulary
from app.extensions import db
from app.models import Association, User
from app.services import people_search
from app.services.contacts import contacts_visible_to, email_of
from app.services.deleted_accounts import shown
from app.services.exports import local_minute
from app.services.member_list import holdings, members_query
from app.services.member_overview import arena_counts
from app.vocabulary import label


def header() -> list[str]:
    return [_("Id"), _("Name"), _("E-mail"), _("Phone"), _("Role"), _("Association"),
            _("Municipality"), _("Account"), _("Registered"), _("Published pitches"),
            _("Organisation"), _("Investor profile listed"), _("Type"),
            _("Ticket min (NOK)"), _("Ticket max (NOK)"), _("Sectors"), _("Stages"),
            _("The profile's contact"), _("Invited"), _("Answered"), _("Attended"),
            _("Meetings held")]


def member_rows(viewer, filters: dict) -> tuple[list[str], list[list]]:
    """The header and a row per member the list finds with `filters` (MemberFilterForm
    .filters(); ValueError for a filter the list does not know)."""
    query = members_query(viewer, **filters)
    if query is None:  # a staff member of no association: no members
        return header(), []
    people = list(db.session.scalars(query))
    if not people:
        return header(), []
    profiles, published = holdings(query.order_by(None).with_only_columns(User.id))
    arenas = arena_counts(viewer, query)
    names = dict(db.session.execute(select(Association.id, Association.name)).all())
    visible = contacts_visible_to(viewer, people)
    sides, places, types, sectors, stages, yes_no = (vocabulary.resolved(m) for m in (
        vocabulary.SIDES, vocabulary.MUNICIPALITIES, vocabulary.INVESTOR_TYPES,
        vocabulary.SECTORS, vocabulary.STAGES, vocabulary.YES_NO))
    states = {"active": _("Active"), "unconfirmed": _("Not confirmed"),
              "deactivated": _("Deactivated")}  # as the list's Account column
    none = {"invited": 0, "answered": 0, "came": 0, "meetings_held": 0}
    rows = []
    for person in people:
        contacts = person.id in visible
        profile = profiles.get(person.id)
        counts = arenas.get(person.id, none)
        state = people_search.state_of(person.active, person.email_confirmed_at is not None)
        rows.append([
            person.id, shown(person.name), email_of(person) if contacts else "",
            (person.phone or "") if contacts else "", label(sides, person.role),
            names.get(person.association_id, ""),
            label(places, person.municipality), states[state],
            local_minute(person.created_at).date() if person.created_at else None,
            published.get(person.id, 0) if person.role == "founder" else None,
            *_profile_cells(profile, contacts, types, sectors, stages, yes_no),
            counts["invited"], counts["answered"], counts["came"], counts["meetings_held"]])
    return header(), rows


def _profile_cells(profile, contacts: bool, types, sectors, stages, yes_no) -> list:
    """Organisation, listed, type, ticket min and max, sectors, stages and the profile's
    contact, as the member page shows the profile ("" without one)."""
    if profile is None:
        return ["", "", "", None, None, "", "", ""]
    ticket = profile.investor_type != vocabulary.PARTNER  # a partner's page shows no ticket
    contact = " · ".join(v for v in (profile.contact_email, profile.contact_phone) if v)
    return [shown(profile.organisation), label(yes_no, profile.is_listed),
            label(types, profile.investor_type),
            profile.ticket_min if ticket else None, profile.ticket_max if ticket else None,
            "; ".join(label(sectors, key) for key in profile.sectors or []),
            "; ".join(label(stages, key) for key in profile.stages or []),
            contact if contacts else ""]
