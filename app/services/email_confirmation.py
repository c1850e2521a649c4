"""Confirming the address of a self-registered account.

Anyone can type someone else's address at registration, and after a mutual match that
address is what the other side is shown. So a new account's address counts only once the
link mailed to it is opened and its button pressed (a mail scanner that opens links
confirms nothing). Until then the person may write (a draft pitch, the investor profile,
the account) but not act towards others: publish a pitch, mark interest, ask for or answer
meetings. Using a password-reset link or confirming a changed address proves the address
too. Accounts made by staff (invitation, member import) count as confirmed: their owner
gets in only through the link mailed to the address.
"""

from __future__ import annotations

from flask import url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from app.extensions import db
from app.models import User
from app.models.user import utcnow
from app.services import audit
from app.services.errors import AddressUnconfirmed, DomainError
from app.services.mailer import deliver
from app.services.tokens import make_address_token, user_for_address_token


def is_confirmed(user) -> bool:
    return getattr(user, "email_confirmed_at", None) is not None


def require_confirmed(user) -> None:
    """AddressUnconfirmed, naming the reason and where to act, unless the address is
    confirmed."""
    if not is_confirmed(user):
        raise AddressUnconfirmed(_("Confirm your e-mail address first: until you do, Koble "
                                   "does not show it to others, so you cannot publish a pitch, "
                                   "mark interest or ask for and answer meetings. Open the link "
                                   "we sent you, or send it again from the notice at the top "
                                   "of the page."),
                                 api_message=_(
                                     "Confirm your e-mail address first: until you do, Koble "
                                     "does not show it to others, so you cannot publish a "
                                     "pitch, mark interest or ask for and answer meetings. "
                                     "Open the link we sent you, or ask for a new one on the "
                                     "account page in Koble."))


def send_link(user: User) -> bool:
    """Mail the confirmation link to the account's address, in its language; returns whether
    the mail went out. Nothing for an address already confirmed."""
    if is_confirmed(user):
        return False
    link = url_for("account.confirm_address", token=make_address_token(user), _external=True)
    return deliver(user.email, _l("Confirm your e-mail address for Koble"),
                   "email/address_confirm", locale=user.locale, user=user, link=link)


def account_for_link(token: str) -> User:
    """The account a confirmation link is for; DomainError when the link is invalid, has
    expired or its address is no longer the account's."""
    user = user_for_address_token(token)
    if user is None:
        raise DomainError(_("The link is invalid or has expired. Log in and send a new one "
                            "from the notice at the top of the page."))
    return user


def confirm(token: str) -> User:
    """Count the account's address as confirmed; a second use changes nothing."""
    user = account_for_link(token)
    if not is_confirmed(user):
        mark_confirmed(user)
        audit.record("email_confirmed", actor=user, target=f"user:{user.id}", commit=False)
        db.session.commit()
    return user


def mark_confirmed(user: User) -> None:
    """The person showed they read the address (a link mailed to it); the caller commits."""
    if user.email_confirmed_at is None:
        user.email_confirmed_at = utcnow()
