"""What a deleted account leaves to show: the placeholders that stand for the person's name and
their pitches' titles, and the address domain that marks the account (`erasure` writes them).

The placeholders are stored in English, the source language; `shown` puts them in the reader's
language wherever a page, a mail or a download shows a stored value.
"""

from __future__ import annotations

from flask_babel import gettext as _

DELETED_NAME = "Deleted user"
DELETED_PITCH_TITLE = "Deleted pitch"
DELETED_DOMAIN = "deleted.invalid"


def shown(value):
    """What a page shows for `value`: a deleted account's placeholder in the reader's
    language (it is stored in English, the source language), anything else as it is. Every
    template output goes through here (Jinja's finalize, app/templating.py)."""
    if value == DELETED_NAME:
        return _("Deleted user")
    if value == DELETED_PITCH_TITLE:
        return _("Deleted pitch")
    return value


def is_deleted(user) -> bool:
    """True for an account its owner deleted: what is left is a placeholder, no person."""
    return user is not None and (user.email or "").endswith(f"@{DELETED_DOMAIN}")
