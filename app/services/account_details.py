"""What a person keeps about themselves on the account page: name, phone and language.

The name and phone are what the other side sees once contact details are revealed (after
mutual interest, or a shared arena meeting; app/services/contacts.py), so they are checked
here for every way in, not only by the form.
"""

from __future__ import annotations

import re

from flask import current_app
from flask_babel import gettext as _

from app.extensions import db
from app.services.errors import DomainError

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
