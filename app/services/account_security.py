"""Changing the e-mail address one logs in with, and the security e-mails about account
changes.

A change is asked for with the current password and happens only when the link mailed to
the new address is opened: the person proves they read it. The old address is told at
once, so someone who took over a session cannot quietly move the account away. Whether the
new address already has an account is said only at the link, to whoever reads that
address: the page that asks answers the same either way, so it cannot be used to find out
who has an account.
"""

from __future__ import annotations

from flask import url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from app.extensions import db
from app.models import ApiToken, User
from app.models.user import new_session_token, utcnow
from app.services import audit
from app.services.accounts import find_user, normalise_email
from app.services.errors import DomainError
from app.services.mailer import deliver
from app.services.passwords import verify_password
from app.services.tokens import email_change_for_token, make_email_change_token


def request_change(user: User, new_email: str, password: str) -> str:
    """Check the password and mail the confirmation link to the new address and a notice to
    the old one; returns the new address as it will be stored. Nothing changes yet."""
    if not verify_password(user.password_hash, password or ""):
        raise DomainError(_("The password is wrong."), "password")
    new_email = normalise_email(new_email or "")
    if new_email == user.email:
        raise DomainError(_("That is already your e-mail address."), "email")
    link = url_for("account.confirm_email", token=make_email_change_token(user, new_email),
                   _external=True)
    # Sent whether or not the address has an account (see the module's docstring).
    deliver(new_email, _l("Confirm your new e-mail address for Koble"),
            "email/email_change_confirm", locale=user.locale, user=user, link=link)
    deliver(user.email, _l("Your Koble e-mail address is being changed"),
            "email/email_change_notice", locale=user.locale, user=user, new_email=new_email,
            reset_link=url_for("auth.reset_request", _external=True))
    audit.record("email_change_requested", actor=user, target=f"user:{user.id}",
                 detail=new_email)
    return new_email


def pending_change(token: str) -> tuple[User, str]:
    """The account and new address a confirmation link is for; DomainError when the link is
    invalid, expired or already used."""
    found = email_change_for_token(token)
    if found is None:
        raise DomainError(_("The link is invalid, has expired or has been used. Ask for a new "
                            "one on your account page."))
    return found


def confirm_change(token: str) -> User:
    """Move the account to the new address of a valid link and end its sessions, as a new
    password does: whoever controls the address now controls the account, so a session
    someone else holds must not outlive the move (the caller logs the confirming browser
    in again). Old password-reset links die with the old address (their fingerprint holds
    it), and so does this link.

    The API tokens stay, as GitHub keeps them when an address changes: asking needed the
    password and confirming needed the new inbox, so this is the owner moving, and their
    integrations should not break for it (as on a password change, accounts.change_password;
    only a reset, which does not need the password, revokes them)."""
    user, new_email = pending_change(token)
    if find_user(new_email) is not None:
        raise DomainError(_("%(email)s already belongs to another Koble account, so your "
                            "address was not changed.", email=new_email))
    old = user.email
    user.email = new_email
    user.email_confirmed_at = utcnow()  # the link was opened from the new address's inbox
    user.session_token = new_session_token()
    audit.record("email_changed", actor=user, target=f"user:{user.id}",
                 detail=f"{old} -> {new_email}", commit=False)
    try:
        db.session.commit()
    except IntegrityError:  # taken between the check and the commit
        db.session.rollback()
        raise DomainError(_("%(email)s already belongs to another Koble account, so your "
                            "address was not changed.", email=new_email)) from None
    # The notice at the request said it might happen; this one says it did. From now on
    # the old address can neither log in nor reset the password, so its reader, if it was
    # not them, has only the association's administrators left to turn to.
    deliver(old, _l("Your Koble e-mail address was changed"), "email/email_changed",
            locale=user.locale, user=user, old_email=old, new_email=new_email, at=utcnow())
    return user


def tell_password_changed(user: User, *, reset: bool = False, tokens: int = 0) -> bool:
    """Mail the account's address that its password was changed, when, and what became of
    its API tokens: `tokens` were revoked by a reset, or are still live after a change made
    while logged in. Tokens are spoken of only to someone who has had one: most people never
    make one, and "you had no API tokens" told them of a thing they never heard of (the
    reset the mail points to revokes any a stranger made, told or not). It gives the way to
    reset the password if that was not them (the reset page, not a reset link: the mail may
    be read days later); returns whether the mail went out."""
    had_tokens = tokens > 0 or db.session.scalar(
        select(ApiToken.id).where(ApiToken.user_id == user.id).limit(1)) is not None
    return deliver(user.email, _l("Your Koble password was changed"), "email/password_changed",
                   locale=user.locale, user=user, at=utcnow(), reset=reset, tokens=tokens,
                   had_tokens=had_tokens,
                   reset_link=url_for("auth.reset_request", _external=True))
