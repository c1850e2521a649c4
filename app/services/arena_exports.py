"""The staff's exports of an arena, CSV or .xlsx: invitations, answers and meetings (rows
only; the download, the formula guard and the cells' types are `app.services.exports`).
Sides, answers and kinds of meeting read as the staff pages name them, in the staff member's
language; a match is a whole percent, as the pages show it."""

from __future__ import annotations

from flask_babel import gettext as _
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from app import vocabulary
from app.extensions import db
from app.models import Arena, Invitation
from app.services.contacts import contacts_visible_to, email_of
from app.services.deleted_accounts import shown
from app.services.exports import Percent
from app.services.pair_scores import profile_ids
from app.services.percents import percent
from app.services.pitch_access import staff_title
from app.services.schedule import meetings, pitch_titles
from app.vocabulary import label


def _invitations(arena: Arena) -> list[Invitation]:
    return list(db.session.scalars(select(Invitation).where(Invitation.arena_id == arena.id)
                                   .options(selectinload(Invitation.pitch))  # one query
                                   .order_by(Invitation.side, Invitation.rank, Invitation.id)))


def _association(user) -> str:
    return user.association.name if user.association is not None else ""


def _emails(viewer, invitations_: list[Invitation]) -> dict[int, str]:
    """Each invitee's address, where the viewer may see it (contacts.contacts_visible_to):
    someone only proposed or on the waiting list, never invited, of another association, is
    no invitee of theirs, and the list must not hand a staff member the address of anyone
    they add to it."""
    visible = contacts_visible_to(viewer, [i.user for i in invitations_])
    return {i.user_id: email_of(i.user) for i in invitations_ if i.user_id in visible}


def invitations(arena: Arena, viewer=None) -> tuple[list[str], list[list]]:
    header = [_("Role"), _("Rank"), _("Name"), _("E-mail"), _("Association"), _("Pitch"),
              _("State"),
              _("Match with the best in the room, average, the theme counted in (%)"),
              _("Invited at")]
    sides, states = (vocabulary.resolved(vocabulary.SIDES),
                     vocabulary.resolved(vocabulary.INVITATION_STATES))
    listed = _invitations(arena)
    emails = _emails(viewer, listed)
    rows = [[label(sides, i.side), i.rank, shown(i.user.name), emails.get(i.user_id, ""),
             _association(i.user),
             staff_title(i.pitch.title, i.pitch.status) if i.pitch else "",
             label(states, i.state), _value(i), i.invited_at]
            for i in listed]
    return header, rows


def _value(invitation: Invitation) -> Percent | None:
    """What the invitations page says of the person's match when the engine proposed them:
    the average of their best pair values in the room (up to three, the theme counted in),
    as a whole percent ("81 % i snitt"); the header says the theme is counted in, as the page
    does, the counterpart of the meetings export's "the theme not counted in". Not
    Invitation.value, the sum over everyone in the room, a number of no meaning on its own.
    None for someone added by hand (as every demo invitee is), who has no match value at
    all, not a poor one."""
    reasons = invitation.reasons or {}
    best = reasons.get("best") or len(reasons.get("top") or [])
    if reasons.get("added_by_staff") or reasons.get("value") is None or not best:
        return None
    return Percent(percent(reasons["value"] / best))


def answers(arena: Arena, viewer=None) -> tuple[list[str], list[list]]:
    header = [_("Role"), _("Name"), _("E-mail"), _("Association"), _("Answer"),
              _("Answered at"), _("Arrives in slot"), _("Leaves before slot"), _("Attended")]
    sides, states, yes_no = (vocabulary.resolved(m) for m in (
        vocabulary.SIDES, vocabulary.INVITATION_STATES, vocabulary.YES_NO))
    sent = [i for i in _invitations(arena) if i.invited_at is not None]
    emails = _emails(viewer, sent)
    rows = [[label(sides, i.side), shown(i.user.name), emails.get(i.user_id, ""),
             _association(i.user),
             label(states, i.state), i.answered_at,
             # a no or a cancelled place has no times, whatever was chosen before it
             None if i.arrive_slot is None or not i.has_times else i.arrive_slot + 1,
             None if i.leave_slot is None or not i.has_times else i.leave_slot + 1,
             label(yes_no, i.attended)]
            for i in sent]
    return header, rows


def meeting_rows(arena: Arena, viewer=None) -> tuple[list[str], list[list]]:
    """The meetings; `viewer` as the other tables take it (these rows hold no contacts)."""
    header = [_("Slot"), _("Time"), _("Table"), _("Founder"), _("Pitch"), _("Investor"),
              _("Organisation"), _("Kind"), _("Locked"),
              _("Pair's match, the theme not counted in (%)")]
    rows_ = meetings(arena)
    titles = pitch_titles(rows_)
    profiles = profile_ids({m.investor_user_id for m in rows_})
    from app.models import InvestorProfile

    orgs = {p.id: p.organisation for p in db.session.scalars(select(InvestorProfile).where(
        InvestorProfile.id.in_(list(profiles.values()) or [0])))}
    kinds, yes_no = (vocabulary.resolved(vocabulary.MEETING_SOURCES),
                     vocabulary.resolved(vocabulary.YES_NO))
    # the slot's start as a time of day (the CSV writes 09:30, an .xlsx a time cell)
    rows = [[m.slot + 1, arena.slot_start(m.slot).time(), m.table + 1,
             shown(m.founder.name), shown(titles.get(m.pitch_id, "")),
             shown(m.investor.name), shown(orgs.get(profiles.get(m.investor_user_id), "")),
             label(kinds, m.source), label(yes_no, bool(m.locked)),
             _match(m.value)] for m in rows_]
    return header, rows


def _match(score: float | None) -> Percent | None:
    """The pair's match score as the pages show it ("Match: 81 %" on the participants page,
    the match cards' "81 %"): a whole percent, not the stored 0.8123. The header says the
    arena's theme is not counted in: the invitations page's "81 %, the theme counted in" of
    the same people is another number (their best pairs' values with the theme's bonus), and
    a plain "Match (%)" of 41 beside it read as a mistake. Empty for a pair that
    meets because they asked to, without a match score: the scheduler's floor it once showed
    (0,01) read as a weak match."""
    return None if score is None else Percent(percent(score))
