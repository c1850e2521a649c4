"""Who reads a pitch, and what others see of one they may no longer read.

A pitch is read by its owner (drafts too), by staff while it is published (they moderate
what is or was shown to others: published pitches, hidden ones included) and, while it is
published and not hidden by staff, by investors. A draft is its founder's alone: the pages
tell them "only you can see it", so staff and admins read no draft either, neither one
never published nor one made a draft again (even after staff hid it: published again, it
is still hidden, and back in staff's list). Staff hiding a pitch takes it from investors
the same way. Pairs that outlive that (a mutual match, a meeting at an arena) keep their
place in the other side's lists (staff's too), but carry nothing of the pitch: not its
title (a draft can be renamed), not its text or fields, only that it was withdrawn. What
the other side was told while it was public (notifications and e-mails with its title
then) stays as it was said, but no longer leads to the pitch: a notice says it was
withdrawn instead of opening it, and the pitch's address (in e-mails already sent) tells
those who were told of it that it is withdrawn, and everyone else only "not found".
"""

from __future__ import annotations

from flask_babel import gettext as _
from sqlalchemy import select

from app.extensions import db
from app.models import Interest, InvestorProfile, Notification, Pitch
from app.services.deleted_accounts import DELETED_PITCH_TITLE, shown


def readable_by(viewer, pitch) -> bool:
    """True when `viewer` may read `pitch`: its owner, staff (admins too) while it is
    published (`moderated`), or an investor while it is published and not hidden. Founders
    read no one else's pitch."""
    if pitch is None or viewer is None or not getattr(viewer, "is_authenticated", False):
        return False
    if pitch.owner_id == viewer.id:
        return True
    if viewer.is_staff:
        return moderated(pitch.status)
    return bool(viewer.is_investor and pitch.is_visible)


def moderated(status: str | None) -> bool:
    """True for a pitch staff read and moderate, by its status: a published one, hidden or
    not, is or was shown to others. A draft is its founder's alone (module docstring);
    `Pitch.status == "published"` is the same rule for the queries that list pitches for
    staff (moderation.all_pitches_query)."""
    return status == "published"


def staff_title(title: str, status: str | None) -> str:
    """A pitch's title as staff may see it, from its title and status alone (the pages that
    read two columns, not whole pitches): the title of a published pitch, "Deleted pitch"
    for a deleted account's, else "Withdrawn pitch" (a draft's title is not theirs to read:
    it may have been renamed since)."""
    if moderated(status) or title == DELETED_PITCH_TITLE:
        return shown(title)
    return _("Withdrawn pitch")


def withdrawn_for(viewer, pitch) -> bool:
    """True when `viewer` once could have read `pitch` (it is theirs to see through a pair)
    but no longer may: unpublished by its founder or hidden by staff."""
    return pitch is not None and not readable_by(viewer, pitch)


def withdrawn_text(pitch) -> str:
    """What others are told of a pitch they may no longer read, in their language: the
    founder withdrew it (a draft again), or it is no longer shown (hidden by staff: the
    reason is between staff and the founder)."""
    if pitch is not None and pitch.status != "published":
        return _("The founder has withdrawn this pitch.")
    return _("This pitch is no longer shown on Koble.")


def deleted_text() -> str:
    """What a notice about a pitch that is gone for good says, in the reader's language."""
    return _("This pitch has been deleted.")


def withdrawal_told(viewer, pitch_id: int) -> tuple[str, str] | None:
    """(heading, sentence) of the page that an old link (a notice, an e-mail) to a pitch
    `viewer` may no longer read opens, in their language, when they were told of the pitch
    (`told_of`); None when they may read it or never knew of it ("not found" to them)."""
    pitch = db.session.get(Pitch, pitch_id)
    if readable_by(viewer, pitch) or not told_of(viewer, pitch_id):
        return None
    if pitch is None:
        return _("Deleted pitch"), deleted_text()
    return _("Withdrawn pitch"), withdrawn_text(pitch)


def told_of(viewer, pitch_id: int) -> bool:
    """True when `viewer` knows of the pitch: a notification of theirs names it, or (an
    investor) they answered it themselves. Only they learn that a pitch they may no longer
    read was withdrawn; to anyone else it does not exist, as an id that never did."""
    if viewer is None or not getattr(viewer, "is_authenticated", False):
        return False
    notes = db.session.scalars(select(Notification.params)
                               .where(Notification.user_id == viewer.id))
    if any((params or {}).get("pitch_id") == pitch_id for params in notes):
        return True
    return viewer.is_investor and db.session.scalar(
        select(Interest.id).join(InvestorProfile,
                                 InvestorProfile.id == Interest.investor_profile_id)
        .where(Interest.pitch_id == pitch_id, Interest.side == "investor",
               InvestorProfile.user_id == viewer.id).limit(1)) is not None


def label_for(viewer, pitch) -> str:
    """A pitch's title as `viewer` may see it, in their language: the title, "Deleted pitch"
    for one whose founder deleted their account (nothing of it is left to hide), or
    "Withdrawn pitch"."""
    if pitch is None:
        return ""
    if readable_by(viewer, pitch) or pitch.title == DELETED_PITCH_TITLE:
        return shown(pitch.title)
    return _("Withdrawn pitch")
