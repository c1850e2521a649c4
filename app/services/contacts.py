"""Who may see whose contact details (e-mail, phone).

The person themselves, staff, a founder and an investor with mutual interest, and two people
who meet each other in the same scheduled arena meeting.
"""

from __future__ import annotations


def can_see_contacts(viewer, owner) -> bool:
    """True when viewer may see the contact details of owner (a pitch owner or investor user)."""
    if viewer is None or not getattr(viewer, "is_authenticated", False) or owner is None:
        return False
    if viewer.id == owner.id:
        return True
    if viewer.is_staff:
        return True
    return _mutual_interest(viewer, owner) or _shared_meeting(viewer, owner)


def _mutual_interest(viewer, owner) -> bool:
    """A founder and an investor who are both interested in one of the founder's pitches."""
    from app.services.interest import users_have_mutual_interest

    return users_have_mutual_interest(viewer, owner)


def _shared_meeting(viewer, owner) -> bool:
    """Both are in the same scheduled arena meeting (and both still take part)."""
    from app.services.schedule import users_share_meeting

    return users_share_meeting(viewer, owner)
