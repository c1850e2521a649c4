"""Who may see whose contact details (e-mail, phone).

For now: only the person themselves and staff. Mutual interest and shared arena meetings
extend this later.
"""

from __future__ import annotations


def can_see_contacts(viewer, owner) -> bool:
    """True when viewer may see the contact details of owner (a pitch owner or investor user)."""
    if viewer is None or not getattr(viewer, "is_authenticated", False) or owner is None:
        return False
    if viewer.id == owner.id:
        return True
    return bool(viewer.is_staff)
