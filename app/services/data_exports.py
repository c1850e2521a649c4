"""Rows for the pitch, investor and match exports, filtered like the pages they come from
and limited to what the caller may see (the download and the formula guard are
`app.services.exports`).

Staff export their association's matches (admins, and the CLI with ``user=None``, every
one), and the moderation list's pitches and the investor list's profiles as those lists show
them, every association's (moderation.all_pitches_query, investors.search_query), contact
details only where contacts allow; founders and investors export their own mutual matches
(an investor's withdrawn
pitch by that word, not its title: `app.services.pitch_access`). No export carries a
draft's content but its founder's own: a draft is its founder's alone, so the pitch export
for staff (and the CLI) holds the pitches staff moderate, published ones, and a match with
a pitch made a draft again names it "Withdrawn pitch" there too. Contact details appear only
where `app.services.contacts` allows them. Cells from the fixed lists (stage, sectors, ...)
read as the pages read them, in the caller's language, not as the codes stored.
"""

from __future__ import annotations

from flask_babel import gettext as _
from sqlalchemy import or_, select
from sqlalchemy.orm import aliased

from app import vocabulary
from app.extensions import db
from app.models import Interest, InvestorProfile, Pitch, User
from app.services import investors, moderation, pitch_search
from app.services.contacts import contacts_visible_to, email_of
from app.services.deleted_accounts import shown
from app.services.mutual_interest import mutual_matches
from app.services.pitch_access import label_for, staff_title
from app.vocabulary import label


def _tags(keys, labels: dict) -> str:
    return "; ".join(label(labels, key) for key in keys or [])


def _association(user) -> str:
    # the name the pages show (an admin may rename it), not the slug
    return user.association.name if user is not None and user.association else ""


def _sees_all(user) -> bool:
    return user is None or user.is_admin


def _visible(user, people) -> set[int]:
    """Whose contact details the export may carry: asked once for all rows (the CLI's
    ``user=None`` carries every one and asks nothing)."""
    return set() if user is None else contacts_visible_to(user, people)


def pitch_rows(user, filters: dict | None = None, staff_filters: dict | None = None):
    """Staff: the moderation list's pitches, the rows it shows (published ones, never a
    draft; every association's founders, as staff moderate them all). Investors: the
    visible pitches with the browse filters. Owners' e-mails only for staff, and only those
    `contacts` lets them see (their association's members, their arenas' invitees)."""
    staff = user is None or user.is_staff
    if staff:
        query = moderation.all_pitches_query(**(staff_filters or {}))
    else:
        query = pitch_search.search_query(**(filters or {}))
    header = [_("Id"), _("Title"), _("Summary"), _("Stage"), _("Sectors"), _("Ask (NOK)"),
              _("Funding type"), _("Municipality"), _("Green objectives"), _("Support needed"),
              _("Status"), _("Hidden"), _("Founder"), _("Association"), _("E-mail"),
              _("Published at")]
    if staff:  # last, so the columns before it keep their places for those who read them
        header.append(_("Not shown because"))
    found = list(db.session.scalars(query).unique())
    visible = _visible(user, [p.owner for p in found])
    stages, sectors, funding, places, objectives, support, statuses, yes_no = (
        vocabulary.resolved(m) for m in (
            vocabulary.STAGES, vocabulary.SECTORS, vocabulary.FUNDING_TYPES,
            vocabulary.MUNICIPALITIES, vocabulary.GREEN_OBJECTIVES, vocabulary.SUPPORT_KINDS,
            vocabulary.PITCH_STATUSES, vocabulary.YES_NO))
    rows = []
    for p in found:
        email = email_of(p.owner) if user is None or p.owner_id in visible else ""
        rows.append([p.id, shown(p.title), p.summary, label(stages, p.stage),
                     _tags(p.sectors, sectors), p.ask_nok, label(funding, p.funding_type),
                     label(places, p.municipality), _tags(p.green_objectives, objectives),
                     _tags(p.support_needs, support), label(statuses, p.status),
                     label(yes_no, bool(p.hidden)), shown(p.owner.name),
                     _association(p.owner), email, p.published_at])
        if staff:
            rows[-1].append(_not_shown_text(moderation.not_shown_because(p)))
    return header, rows


def _not_shown_text(why: str | None) -> str:
    """Why a published pitch is not shown to others (moderation.not_shown_because), as the
    moderation list's status says it; "" when it is shown, or a draft. Staff's own hiding
    has the "Hidden" column."""
    if why == "deleted":
        return _("The founder's account is deleted")
    if why == "deactivated":
        return _("The founder's account is deactivated")
    if why == "role":
        return _("Its owner is no longer a founder")
    return ""


def investor_rows(user, filters: dict | None = None):
    """The investor list's rows with its filters, every association's, as the list shows
    them to founders and staff alike: the file reveals no profile the list does not. Its
    contact details only where `contacts` allows them (staff: their association's members
    and their arenas' invitees; founders: a mutual interest). Staff's file ends with each
    investor's association, so that their own members can still be picked out."""
    staff = user is None or user.is_staff
    query = investors.search_query(**(filters or {}))
    header = [_("Id"), _("Organisation"), _("Type"), _("Sectors"), _("Stages"),
              _("Ticket min (NOK)"), _("Ticket max (NOK)"), _("Regions"), _("Green mandate"),
              _("Green objectives"), _("Support offered"), _("Contact person"), _("E-mail"),
              _("Phone")]
    if staff:  # last, so the columns before it keep their places for those who read them
        header.append(_("Association"))
    found = list(db.session.scalars(query).unique())
    visible = _visible(user, [q.user for q in found])
    types, sectors, stages, places, mandates, objectives, support = (
        vocabulary.resolved(m) for m in (
            vocabulary.INVESTOR_TYPES, vocabulary.SECTORS, vocabulary.STAGES,
            vocabulary.MUNICIPALITIES, vocabulary.GREEN_MANDATES, vocabulary.GREEN_OBJECTIVES,
            vocabulary.SUPPORT_KINDS))
    rows = []
    for q in found:
        allowed = user is None or q.user_id in visible
        rows.append([q.id, shown(q.organisation), label(types, q.investor_type),
                     _tags(q.sectors, sectors), _tags(q.stages, stages), q.ticket_min,
                     q.ticket_max, _tags(q.regions, places), label(mandates, q.green_mandate),
                     _tags(q.green_objectives, objectives), _tags(q.support_offers, support),
                     shown(q.user.name) if q.user else "",
                     (q.contact_email or email_of(q.user)) if allowed and q.user else "",
                     (q.contact_phone or q.user.phone or "") if allowed and q.user else ""])
        if staff:
            rows[-1].append(_association(q.user))
    return header, rows


def _staff_mutual(user):
    founder_mark, investor_mark = aliased(Interest), aliased(Interest)
    owner, investor_user = aliased(User), aliased(User)
    query = (
        select(Pitch, InvestorProfile)
        .join(founder_mark, founder_mark.pitch_id == Pitch.id)
        .join(investor_mark, (investor_mark.pitch_id == Pitch.id)
              & (investor_mark.investor_profile_id == founder_mark.investor_profile_id))
        .join(InvestorProfile, InvestorProfile.id == founder_mark.investor_profile_id)
        .join(owner, owner.id == Pitch.owner_id)
        .join(investor_user, investor_user.id == InvestorProfile.user_id)
        .where(founder_mark.side == "founder", founder_mark.kind == "interested",
               investor_mark.side == "investor", investor_mark.kind == "interested")
        .order_by(Pitch.id, InvestorProfile.id)
    )
    if not _sees_all(user):
        query = query.where(or_(owner.association_id == user.association_id,
                                investor_user.association_id == user.association_id))
    return [(p, q) for p, q in db.session.execute(query).unique()]


def match_rows(user):
    """Mutual matches: a founder's or investor's own; staff their association's."""
    if user is None or user.is_staff:
        pairs = _staff_mutual(user)
    else:
        pairs = [(m.pitch, m.profile) for m in mutual_matches(user)]
    # the founder's phone as the mutual page shows it (their account's), beside the e-mail
    header = [_("Pitch id"), _("Pitch"), _("Founder"), _("Founder e-mail"), _("Founder phone"),
              _("Investor id"), _("Organisation"), _("Investor"), _("Investor e-mail"),
              _("Investor phone")]
    visible = _visible(user, [person for pitch, profile in pairs
                              for person in (pitch.owner, profile.user)])
    rows = []
    for pitch, profile in pairs:
        founder, investor = pitch.owner, profile.user
        see_founder = user is None or founder.id in visible
        see_investor = user is None or (investor is not None and investor.id in visible)
        # the CLI (no user) reads as staff do: a draft's title is its founder's alone
        title = (staff_title(pitch.title, pitch.status) if user is None
                 else label_for(user, pitch))
        rows.append([pitch.id, title, shown(founder.name),
                     email_of(founder) if see_founder else "",
                     (founder.phone or "") if see_founder else "", profile.id,
                     shown(profile.organisation), shown(investor.name) if investor else "",
                     (profile.contact_email or email_of(investor)) if see_investor else "",
                     (profile.contact_phone or investor.phone or "") if see_investor else ""])
    return header, rows
