"""What a person keeps about themselves on the account page: name, phone and language, and
for founders and investors their municipality and association.

The name and phone are what the other side sees once contact details are revealed (after
mutual interest, or a shared arena meeting; app/services/contacts.py), so they are checked
here for every way in, not only by the form.
"""

from __future__ import annotations

import re

from flask import current_app
from flask_babel import gettext as _

from app import vocabulary
from app.extensions import db
from app.services import audit
from app.services.accounts import SELF_SERVICE_ROLES, association_by_slug
from app.services.errors import DomainError, Forbidden

MAX_NAME = 120
MAX_PHONE = 40
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_PHONE_CHARACTERS = frozenset("0123456789+-() ")


def looks_like_phone(text: str) -> bool:
    """Digits, spaces, + - ( ) and at least five digits: permissive on purpose, as people
    write Norwegian and foreign numbers in many ways."""
    return not set(text) - _PHONE_CHARACTERS and sum(c.isdigit() for c in text) >= 5


def update_details(user, name: str, phone: str | None, locale: str | None) -> None:
    """Set the user's name, phone (None or blank removes it) and preferred language."""
    name = (name or "").strip()
    if not name or len(name) > MAX_NAME or _CONTROL.search(name):
        raise DomainError(_("Enter your name (at most %(n)d characters).", n=MAX_NAME), "name")
    phone = (phone or "").strip() or None
    if phone is not None and (len(phone) > MAX_PHONE or not looks_like_phone(phone)):
        raise DomainError(_("Enter a phone number with digits, spaces and +."), "phone")
    if locale not in current_app.config["LANGUAGES"]:
        raise DomainError(_("Choose one of the languages."), "locale")
    user.name, user.phone, user.locale = name, phone, locale
    db.session.commit()


def chooses_own_association(user) -> bool:
    """Founders and investors choose their municipality and association themselves. A staff
    member's or an administrator's association decides their powers (the arenas they
    manage, app.services.arenas.can_manage): only an administrator changes it, at
    /admin/users (app.services.account_access.set_role, audited there)."""
    return user.role in SELF_SERVICE_ROLES


def association_follows_municipality(user) -> bool:
    """Whether the person chose "Decide from my municipality" (at registration or on the
    account page) rather than an association by name: only then does a change of
    municipality move the association."""
    return bool(user.association_from_municipality)


def change_place(user, municipality: str | None, association: str | None) -> bool:
    """Set a founder's or investor's municipality and association, as at registration: no
    association (None or "") means the municipality's, and that choice is kept
    (association_follows_municipality), so the account page offers it again and a later
    move follows it; an association named stays the person's choice even when it is their
    municipality's. Refused for staff and admins (ask an administrator) and for a
    municipality or association not in the lists; nothing changes then. Each change of
    municipality or association is audited, the person as actor: "municipality_changed" and
    "association_changed" (the latter as the admin's changes are, so the person's history on
    the admin's page shows it); the same association chosen the other way is saved without
    an audit row. Returns whether anything changed. The pages that show the
    person's association (the dashboard's per-association counts, lists of people) are kept
    under the site-wide page version, which this commit raises (app.services.page_versions:
    a User column that is not bookkeeping)."""
    if not chooses_own_association(user):
        raise Forbidden(_("Your association decides which arenas you manage, so you cannot "
                          "change it yourself. Ask an administrator."), "association")
    municipality = (municipality or "").strip()
    if municipality not in vocabulary.MUNICIPALITIES:
        raise DomainError(_("Choose one of the listed municipalities."), "municipality")
    association = (association or "").strip() or None
    new_association = association_by_slug(association or vocabulary.association_of(municipality))
    if association is not None and new_association is None:
        raise DomainError(_("Choose one of the listed associations."), "association")
    follows = association is None
    old_municipality, old_association = user.municipality, user.association
    if (old_municipality == municipality and old_association == new_association
            and user.association_from_municipality == follows):
        return False
    user.municipality, user.association = municipality, new_association
    user.association_from_municipality = follows
    target = f"user:{user.id}"
    if old_municipality != municipality:
        audit.record("municipality_changed", actor=user, target=target,
                     detail=f"{old_municipality or 'none'} -> {municipality}", commit=False)
    if old_association != new_association:
        audit.record("association_changed", actor=user, target=target,
                     detail=f"{_slug(old_association)} -> {_slug(new_association)}",
                     commit=False)
    db.session.commit()
    return True


def _slug(association) -> str:
    return association.slug if association is not None else "none"
