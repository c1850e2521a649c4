"""Registering, authenticating and changing accounts."""

from __future__ import annotations

import contextlib

import idna
from email_validator import EmailNotValidError, validate_email
from flask_babel import gettext as _
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from app.extensions import db
from app.models import Association, User
from app.models.user import new_session_token, utcnow
from app.services import account_notices, api_tokens
from app.services.errors import DomainError
from app.services.passwords import hash_password, password_problem, verify_password
from app.vocabulary import association_of

SELF_SERVICE_ROLES = ("founder", "investor")
MAX_EMAIL = 254  # User.email's column
MAX_NAME = 120  # User.name's column


def normalise_email(email: str) -> str:
    """An address as stored and looked up: case-insensitive, and a domain with letters
    beyond ASCII (blåbær.no, a Norwegian domain since 2004) in its ASCII form
    (xn--blbr-roah.no). Chromium sends an <input type="email"> so, Safari and Firefox send
    what was typed: an account made on an iPhone was not found from a desktop Chrome
    ("Wrong e-mail or password"), nor the other way round. The ASCII form is the one mail
    servers take."""
    address = email.strip().lower()
    local, at, domain = address.rpartition("@")
    if at and not domain.isascii():
        with contextlib.suppress(idna.IDNAError):  # not a domain: validating it says so
            domain = idna.encode(domain, uts46=True).decode("ascii")
    return f"{local}{at}{domain}"


def shown_email(email: str | None) -> str:
    """An address as its owner writes it: a domain stored in its ASCII form
    (normalise_email) shown with its own letters again, oystein@blåbær.no, not
    oystein@xn--blbr-roah.no. For the eye only; links and mail use the stored form."""
    local, at, domain = (email or "").rpartition("@")
    if not at or "xn--" not in domain:
        return email or ""
    try:
        return f"{local}@{idna.decode(domain)}"
    except idna.IDNAError:
        return email


def find_user(email: str) -> User | None:
    """The user with this e-mail, if any."""
    return db.session.scalar(select(User).where(User.email == normalise_email(email)))


def association_by_slug(slug: str | None) -> Association | None:
    """The association with this slug, if any."""
    if not slug or "\x00" in slug:
        return None  # PostgreSQL refuses to compare text holding a NUL (a 500); none has one
    return db.session.scalar(select(Association).where(Association.slug == slug))


def looks_like_name(text: str) -> bool:
    """At least one letter, in any script: "1" or "--" is no name to show the other side
    (the account page took both)."""
    return any(c.isalpha() for c in text)


def name_refusal() -> str:
    return _("A name needs at least one letter.")


def check_new_account(email: str, name: str) -> None:
    """DomainError unless the e-mail is an address nobody's account has and the name is
    given and fits: what every way of making an account needs. The forms check as much
    before; `flask users create` had nothing before it, and made accounts named "" with
    the address "" or "notanemail" (PostgreSQL refused a name over 120 characters with a
    traceback)."""
    address = normalise_email(email or "")
    try:
        validate_email(address, check_deliverability=False)
    except EmailNotValidError:
        raise DomainError(_("Enter a valid e-mail address."), "email") from None
    if len(address) > MAX_EMAIL:
        raise DomainError(_("Use at most %(n)d characters.", n=MAX_EMAIL), "email")
    if not (name or "").strip():
        raise DomainError(_("Enter a name."), "name")
    if len(name.strip()) > MAX_NAME:
        raise DomainError(_("Use at most %(n)d characters.", n=MAX_NAME), "name")
    if not looks_like_name(name):
        raise DomainError(name_refusal(), "name")
    if find_user(address) is not None:
        raise DomainError(_("An account with this e-mail already exists."), "email")


def create_user(
    *,
    email: str,
    name: str,
    password: str,
    role: str,
    municipality: str | None = None,
    association: str | None = None,
    phone: str | None = None,
    locale: str | None = None,
    check_password: bool = True,
) -> User:
    """Create an account; raises DomainError on a bad or taken e-mail, a missing or too long
    name or a weak password."""
    check_new_account(email, name)
    email = normalise_email(email)
    if role not in ("founder", "investor", "staff", "admin"):
        raise DomainError(_("Unknown role."), "role")
    if check_password:
        problem = password_problem(password, (email, name))
        if problem:
            raise DomainError(problem, "password")
    assoc = association_by_slug(association or association_of(municipality))
    user = User(
        email=email,
        name=name.strip(),
        password_hash=hash_password(password),
        role=role,
        municipality=municipality,
        association=assoc,
        # no association given: "Decide from my municipality" (a later move follows it)
        association_from_municipality=not association,
        phone=phone,
        locale=locale,
    )
    db.session.add(user)
    db.session.flush()
    return user


def register(*, email: str, name: str, password: str, role: str, **extra) -> User:
    """Self-registration: only founders and investors."""
    if role not in SELF_SERVICE_ROLES:
        raise DomainError(_("Choose founder or investor."), "role")
    try:
        user = create_user(email=email, name=name, password=password, role=role, **extra)
        user.email_confirmed_at = None  # until the mailed link is opened (email_confirmation)
        db.session.commit()
    except IntegrityError:
        # "Create account" clicked twice at once: the other copy made the account between
        # this one's check of the address and its insert (a 500 before). Nothing else is
        # pending here, so the rollback loses nothing.
        db.session.rollback()
        raise DomainError(_("An account with this e-mail already exists."), "email") from None
    return user


def authenticate(email: str, password: str) -> User | None:
    """The user if e-mail and password match an active account; same work either way.
    A deactivated account with the right password is told so (DomainError, saying whom to
    contact): only who knows the password learns that the account exists, so a wrong
    password still gets the answer an unknown address gets."""
    user = find_user(email)
    ok = verify_password(user.password_hash if user else None, password)
    if not ok or user is None:
        return None
    if not user.active:
        raise DomainError(account_notices.deactivated_login_message(user))
    return user


def record_login(user: User) -> None:
    """Note the moment a session began (the admin's "Last login")."""
    user.last_login_at = utcnow()
    db.session.commit()


def change_password(user: User, current: str, new: str) -> None:
    """Change a password after checking the current one; ends other sessions.

    The API tokens stay, as GitHub keeps personal access tokens: whoever changes it proved
    the current password, so this is the owner changing a password (often routine), and
    integrations running on tokens should not break for it. A token the owner does not
    recognise is revoked on the tokens page, which the confirmation points to; someone who
    lost control of the account resets the password instead, which revokes them all."""
    if not verify_password(user.password_hash, current):
        raise DomainError(_("The current password is wrong."), "current_password")
    problem = password_problem(new, (user.email, user.name))
    if problem:
        raise DomainError(problem, "new_password")
    user.password_hash = hash_password(new)
    user.session_token = new_session_token()
    db.session.commit()


def set_password(user: User, new: str) -> int:
    """Set a password from a reset link; ends every session and revokes every API token;
    returns how many tokens were revoked.

    A reset is what someone does who does not know the password: the owner who forgot it,
    or who fears someone else has it. Then a token made by whoever had it (making one needs
    only a session) must not outlive the reset, as the sessions do not."""
    problem = password_problem(new, (user.email, user.name))
    if problem:
        raise DomainError(problem, "password")
    user.password_hash = hash_password(new)
    user.session_token = new_session_token()
    revoked = api_tokens.revoke_all(user, actor=user)
    db.session.commit()
    return revoked


def count_users(role: str | None = None) -> int:
    """How many accounts, optionally of one role."""
    query = select(func.count(User.id))
    if role:
        query = query.where(User.role == role)
    return db.session.scalar(query) or 0


def end_sessions(user: User) -> None:
    """Rotate the session token: every cookie of this user stops working."""
    user.session_token = new_session_token()
    db.session.commit()
