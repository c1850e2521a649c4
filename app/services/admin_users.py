"""The admin's view of accounts: finding people, and inviting staff.

Role, association and active changes go through app.services.account_access, where the rules
live (and the CLI uses them too); this module finds people and invites new staff.
"""

from __future__ import annotations

import secrets

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from app.extensions import db
from app.models import Association, AuditEvent, User
from app.models.user import ROLES
from app.services import accounts, audit, audit_details, links, member_import_apply, people_search
from app.services.deleted_accounts import DELETED_DOMAIN
from app.services.errors import DomainError, NotFound
from app.services.mailer import deliver
from app.services.paging import CountedPagination, paginate
from app.services.reference import association_names
from app.services.tokens import make_reset_token

PER_PAGE = 25
HISTORY_ACTIONS = ("role_changed", "association_changed", "municipality_changed",
                   "user_deactivated", "user_reactivated", "staff_invited",
                   "password_reset_requested")


def search(q: str = "", role: str | None = None, association_id: int | None = None,
           page: int = 1, active: bool | None = None) -> CountedPagination:
    """One page of accounts, by name; `q` matches name or e-mail, case-insensitively;
    `active` True or False keeps only active or only deactivated accounts.
    Deleted (anonymised) accounts are left out: there is nobody left to manage."""
    if role and role not in ROLES:
        raise DomainError(_("Unknown role."), "role")
    query = people_search.people(q, roles=(role,) if role else None,
                                 association_id=association_id, active=active)
    return paginate(query, page, PER_PAGE, narrow=True)


def get_user(user_id: int) -> User:
    """The account with this id; NotFound if there is none (or it was deleted)."""
    user = db.session.get(User, user_id)
    if user is None or user.email.endswith(f"@{DELETED_DOMAIN}"):
        raise NotFound(_("No such account."))
    return user


def history(user: User, limit: int = 20) -> list[tuple[AuditEvent, str | None, str]]:
    """The latest audited changes to the account (role, association, municipality, active,
    invitation), each with the name of who made it (None: the command line) and its detail
    in the reader's language."""
    rows = db.session.execute(
        select(AuditEvent, User.name).outerjoin(User, User.id == AuditEvent.actor_id)
        .where(AuditEvent.target == f"user:{user.id}", AuditEvent.action.in_(HISTORY_ACTIONS))
        .order_by(AuditEvent.id.desc()).limit(limit)).all()
    names = audit_details.Names(associations=association_names() if rows else {})
    return [(event, actor, audit_details.describe(event.action, event.detail, names))
            for event, actor in rows]


def association(association_id: int | None) -> Association | None:
    """The association with this id (None for none); DomainError if it does not exist."""
    if association_id is None:
        return None
    found = db.session.get(Association, association_id)
    if found is None:
        raise DomainError(_("Choose one of the listed associations."), "association")
    return found


def invite_staff(*, email: str, name: str, association_id: int | None,
                 locale: str | None, actor) -> tuple[User, bool]:
    """Create a staff account and mail it the set-password link; returns the user and
    whether the mail went out (the account stands either way: "Forgot password" works)."""
    assoc = association(association_id)
    if assoc is None:
        raise DomainError(_("Staff belong to an association: choose one."), "association")
    if not (name or "").strip():
        raise DomainError(_("Enter a name."), "name")
    # Nobody knows this password: the invitee chooses one through the link.
    user = accounts.create_user(email=email, name=name, password=secrets.token_urlsafe(32),
                                role="staff", association=assoc.slug, locale=locale or None,
                                check_password=False)
    audit.record("staff_invited", actor=actor, target=f"user:{user.id}",
                 detail=assoc.slug, commit=False)
    db.session.commit()
    # The member import's single-use set-password link (7 days), in a mail that says the
    # person is staff and of which association: the members' text ("your association has
    # added you") misled.
    return user, member_import_apply._invite(
        [user], _l("You are staff of %(association)s on Koble", association=assoc.name),
        "email/staff_invitation", association=assoc.name) == 1


def send_password_link(user: User, *, actor) -> bool:
    """Mail the person the link to choose a new password, the one "Forgot your password?"
    sends (single use, for an hour; the password stays until they use it), for someone
    who forgot theirs or whose invitation link expired. Audited as a reset request made
    by `actor` on the person's account; returns whether the mail went out. DomainError
    for a deactivated account: the link would not let them in."""
    if not user.active:
        raise DomainError(_("The account is deactivated: reactivate it first, then send the "
                            "link."), "active")
    link = links.url("auth.reset_password", token=make_reset_token(user), external=True)
    audit.record("password_reset_requested", actor=actor, target=f"user:{user.id}",
                 commit=False)
    db.session.commit()
    return deliver(user.email, _l("Reset your Koble password"), "email/reset_password",
                   locale=user.locale, user=user, link=link)
