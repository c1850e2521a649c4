"""What a person keeps about themselves on the account page: name, phone and language, and
for founders and investors their municipality and association.

The name and phone are what the other side sees once contact details are revealed (after
mutual interest, or a shared arena meeting; app/services/contacts.py), so they are checked
here for every way in, not only by the form.

Two tabs of the account page must not silently undo each other (tab A saves a new name, tab
B, still showing the old one, saves a new phone and the old name with it). Each of the
page's two forms sends back the version of what it showed (`details_version`,
`place_version`: a digest of those saved values, so a change to the other form, or to
what the page does not show, is no conflict and the user table needs no column for it); a
save over values changed since is refused with Conflict, nothing saved, unless they already
hold what was sent (the same save sent twice). The write itself is conditional on the
values read, so two saves racing to the commit cannot both pass the check.
"""

from __future__ import annotations

import hashlib
import json

from flask import current_app
from flask_babel import gettext as _
from sqlalchemy import update

from app import typed_text, vocabulary
from app.extensions import db
from app.models import User
from app.services import audit
from app.services.accounts import (
    SELF_SERVICE_ROLES,
    association_by_slug,
    looks_like_name,
    name_refusal,
)
from app.services.errors import Conflict, DomainError, Forbidden

MAX_NAME = 120
MAX_PHONE = 40
_PHONE_CHARACTERS = frozenset("0123456789+-() ")
# A Norwegian number has 8 digits; E.164 allows at most 15 with the country code. Five was
# the floor before, and no ceiling: the account page took a 30-digit number.
MIN_PHONE_DIGITS, MAX_PHONE_DIGITS = 8, 15


def looks_like_phone(text: str) -> bool:
    """Digits, spaces, - ( ) and a + only in front ("(+47) …" too), with 8 to 15 digits:
    permissive about the writing, as people write Norwegian and foreign numbers in many
    ways."""
    text = text.strip()
    digits = sum(c.isdigit() for c in text)
    return (not set(text) - _PHONE_CHARACTERS and "+" not in text.lstrip("(")[1:]
            and MIN_PHONE_DIGITS <= digits <= MAX_PHONE_DIGITS)


def phone_acceptable(typed: str | None, saved: str | None) -> bool:
    """Whether a phone number sent with a save may be kept: it passes looks_like_phone, or
    it is the number already saved, untouched. Numbers of 5 to 7 digits (and longer than
    15) were taken before the rule asked for 8 to 15; refusing one its owner did not touch
    blocked every other change saved with it (a new name, the language) until they retyped
    a number they may well still use. A new or changed number must pass."""
    typed = (typed or "").strip()
    return (not typed or looks_like_phone(typed)
            or (saved is not None and typed == saved.strip()))


def phone_refusal() -> str:
    return _("Enter a phone number of 8 to 15 digits, e.g. +47 912 34 567.")


def _conflict() -> Conflict:
    return Conflict(_("Your account details were changed after you opened this page (perhaps "
                      "in another tab). Nothing was saved."))


def _version(*values) -> str:
    return hashlib.sha256(json.dumps(values).encode()).hexdigest()[:20]


def _details(user) -> tuple:
    return user.name, user.phone, user.locale


def _place(user) -> tuple:
    return user.municipality, user.association_id, bool(user.association_from_municipality)


def details_version(user) -> str:
    """The version of the name, phone and language as saved, for the form to send back."""
    return _version(*_details(user))


def place_version(user) -> str:
    """The version of the municipality and association as saved, for the form to send
    back."""
    return _version(*_place(user))


def _write_if_unchanged(user, was: tuple, columns: tuple[str, ...], values: tuple) -> bool:
    """Write `values` to the user's `columns` only where those still hold `was` (as read at
    the start of this request): False, nothing written, when another request changed them
    in between."""
    written = db.session.execute(
        update(User)
        .where(User.id == user.id,
               *(getattr(User, column).is_not_distinct_from(value)
                 for column, value in zip(columns, was, strict=True)))
        .values(dict(zip(columns, values, strict=True)))
        .execution_options(synchronize_session=False)).rowcount
    if written != 1:
        db.session.rollback()
        return False
    return True


def update_details(user, name: str, phone: str | None, locale: str | None,
                   version: str | None = None) -> None:
    """Set the user's name, phone (None or blank removes it) and preferred language. With
    `version` (the form's: `details_version` when it was drawn), refused with Conflict when
    they have changed since, unless they already hold what was sent."""
    # Cleaned as every way text enters is (app/typed_text.py: the account form has done it
    # already): a pasted control character goes, as in the form, instead of refusing the
    # name with words that did not say why; one left empty is refused as an empty one.
    name = typed_text.single_line(name or "").strip()
    if not name or len(name) > MAX_NAME:
        raise DomainError(_("Enter your name (at most %(n)d characters).", n=MAX_NAME), "name")
    if not looks_like_name(name):
        raise DomainError(name_refusal(), "name")
    phone = (phone or "").strip() or None
    if phone is not None and (len(phone) > MAX_PHONE or not phone_acceptable(phone, user.phone)):
        raise DomainError(phone_refusal(), "phone")
    if locale not in current_app.config["LANGUAGES"]:
        raise DomainError(_("Choose one of the languages."), "locale")
    sent = (name, phone, locale)
    was = _details(user)
    if was == sent:
        return  # nothing to change: saved already (the same save sent twice)
    if version is not None and version != _version(*was):
        raise _conflict()
    if not _write_if_unchanged(user, was, ("name", "phone", "locale"), sent):
        db.session.refresh(user)
        if _details(user) == sent:  # the other request was this same save
            return
        raise _conflict()
    db.session.commit()
    db.session.refresh(user)


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


def change_place(user, municipality: str | None, association: str | None,
                 version: str | None = None) -> bool:
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
    a User column that is not bookkeeping). With `version` (the form's: `place_version`
    when it was drawn), refused with Conflict when they have changed since, unless they
    already hold what was sent."""
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
    sent = (municipality, new_association.id if new_association else None, follows)
    was = _place(user)
    if was == sent:
        return False  # saved already (the same save sent twice)
    if version is not None and version != _version(*was):
        raise _conflict()
    if not _write_if_unchanged(user, was, ("municipality", "association_id",
                                           "association_from_municipality"), sent):
        db.session.refresh(user)
        if _place(user) == sent:  # the other request was this same save
            return False
        raise _conflict()
    target = f"user:{user.id}"
    if old_municipality != municipality:
        audit.record("municipality_changed", actor=user, target=target,
                     detail=f"{old_municipality or 'none'} -> {municipality}", commit=False)
    if old_association != new_association:
        audit.record("association_changed", actor=user, target=target,
                     detail=f"{_slug(old_association)} -> {_slug(new_association)}",
                     commit=False)
    db.session.commit()
    db.session.refresh(user)
    return True


def _slug(association) -> str:
    return association.slug if association is not None else "none"
