"""Telling a person what an administrator did to their account (account_access, erasure): a
new role or association, a deactivation, a reactivation, a deletion. Until these, their
session simply ended, and at the next login they found another menu, their pitches gone
from view, or a login that failed, with nobody having said why.

These are account mails, as the password-changed one is: sent whatever the person chose for
notification e-mails (mail_preferences), in their language, to the account's address.
They say "an administrator", not who: the staff-facing mails do the same (staff_invitation),
and no mail gives another person's contact details. Whom to turn to is the person's own
association, by name, and the platform's address when one is configured (CONTACT_EMAIL);
the login page says the same to the owner of a deactivated account.

A role or association change is also an in-app notice (kind ROLE_CHANGED or
ASSOCIATION_CHANGED), worded here by `sentence` from what it stored: the person reads it
at their next login, where the menu has changed. Callers add the notice before their
commit and mail after it, so a refused or rolled-back change tells nobody.
"""

from __future__ import annotations

from dataclasses import dataclass

from babel.lists import format_list
from flask import current_app
from flask_babel import LazyString, get_locale, ngettext
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select

from app.extensions import db
from app.models import AuditEvent, Notification
from app.models.user import utcnow
from app.services import links, notifications
from app.services.deleted_accounts import is_deleted, shown
from app.services.mailer import deliver

ROLE_CHANGED = "role_changed"
ASSOCIATION_CHANGED = "association_changed"
KINDS = (ROLE_CHANGED, ASSOCIATION_CHANGED)
ROLE_NAMES = {"founder": _l("Founder"), "investor": _l("Investor"), "staff": _l("Staff"),
              "admin": _l("Administrator")}
# Titles are kept in one string, one a line: a notice's parameters are compared with names
# as strings when someone is deleted (erasure._scrub_notifications), which a list breaks.
_LINE = "\n"


@dataclass
class RoleChange:
    """What an administrator's role or association change did, to tell the person."""

    role: str
    role_changed: bool
    association: str = ""  # the new association's name (staff and admins), "" for none
    left_association: str = ""  # the association whose arenas a staff member no longer runs
    pitches: tuple[str, ...] = ()  # titles of the published pitches it withdrew
    profile: bool = False  # it withdrew their investor profile
    arenas: tuple[str, ...] = ()  # titles of the arenas not yet held it took them out of


def tell_role_changed(user, change: RoleChange) -> Notification | None:
    """Add the in-app notice of `change` (the caller commits, then calls `mail_role_changed`)."""
    if is_deleted(user):
        return None
    return notifications.notify(
        user, ROLE_CHANGED if change.role_changed else ASSOCIATION_CHANGED, None,
        role=change.role, association=change.association,
        left_association=change.left_association, pitches=_LINE.join(change.pitches),
        profile=change.profile, arenas=_LINE.join(change.arenas))


def mail_role_changed(user, note: Notification | None) -> bool:
    """E-mail the person what the notice says, and that they were logged out."""
    if note is None or not user.email:
        return False
    subject = (_l("Your role on Koble has changed") if note.kind == ROLE_CHANGED
               else _l("You are moved to another association on Koble"))
    return deliver(user.email, subject, "email/role_changed", locale=_locale(user), user=user,
                   note=note, sentence=LazyString(sentence, note), **_contact(user))


def sentence(note: Notification) -> str:
    """The notice's text in the current locale (also the e-mail's)."""
    p = note.params or {}
    role = str(ROLE_NAMES.get(p.get("role"), p.get("role", ""))).lower()  # mid-sentence
    association = p.get("association") or ""
    if note.kind == ASSOCIATION_CHANGED and not association:
        parts = [_("An administrator changed your association on Koble: you now belong to "
                   "none.")]
    elif note.kind == ASSOCIATION_CHANGED:
        parts = [_("An administrator moved you to %(association)s on Koble.",
                   association=association)]
    elif association and p.get("role") in ("staff", "admin"):
        parts = [_("An administrator changed your role on Koble to %(role)s, for "
                   "%(association)s.", role=role, association=association)]
    else:
        parts = [_("An administrator changed your role on Koble to %(role)s.", role=role)]
    if p.get("left_association"):
        parts.append(_("The arenas of %(association)s are no longer yours to run: they stay "
                       "with the association and its other staff.",
                       association=p["left_association"]))
    pitches = _lines(p.get("pitches"))
    if pitches:
        parts.append(ngettext(
            "Your pitch %(titles)s is no longer shown to investors or matched. It is kept, "
            "and shown again if you become a founder again.",
            "Your pitches %(titles)s are no longer shown to investors or matched. They are "
            "kept, and shown again if you become a founder again.", len(pitches),
            titles=_listed(pitches)))
    if p.get("profile"):
        parts.append(_("Your investor profile is no longer shown to founders or matched. It "
                       "is kept, and shown again if you become an investor again."))
    arenas = _lines(p.get("arenas"))
    if arenas:
        parts.append(ngettext(
            "You no longer take part in the arena %(arenas)s: your invitation, meetings and "
            "meeting requests there have ended, and the others concerned are told.",
            "You no longer take part in the arenas %(arenas)s: your invitations, meetings "
            "and meeting requests there have ended, and the others concerned are told.",
            len(arenas), arenas=_listed(arenas)))
    return " ".join(parts)


def mail_deactivated(user, *, arenas: int = 0) -> bool:
    """E-mail a person whose account an administrator deactivated (after the commit);
    `arenas`: how many arena invitations it ended."""
    return _mail(user, _l("Your Koble account is deactivated"), "email/account_deactivated",
                 arenas=arenas)


def deactivated_login_message(user) -> str:
    """What the login page says to the owner of a deactivated account (the right password
    given), in the current locale: that it is deactivated, and whom to turn to."""
    contact = _contact(user)
    if contact["association"] and contact["contact_email"]:
        return _("Your account is deactivated, so you cannot log in. Contact your "
                 "association, %(association)s, or write to %(address)s.",
                 association=contact["association"], address=contact["contact_email"])
    if contact["association"]:
        return _("Your account is deactivated, so you cannot log in. Contact your "
                 "association, %(association)s.", association=contact["association"])
    if contact["contact_email"]:
        return _("Your account is deactivated, so you cannot log in. Write to "
                 "%(address)s.", address=contact["contact_email"])
    return _("Your account is deactivated, so you cannot log in. Contact Koble's "
             "administrators.")


def mail_reactivated(user) -> bool:
    """E-mail a person whose account an administrator reactivated (after the commit), with
    the role and association changes made while it was deactivated (`changed_while_off`):
    those were not mailed (account_access.set_role)."""
    return _mail(user, _l("Your Koble account is active again"), "email/account_reactivated",
                 login_link=links.url("auth.login", external=True),
                 changes=[LazyString(sentence, note) for note in changed_while_off(user)])


def changed_while_off(user) -> list[Notification]:
    """The role and association notices the person got since their account was last
    deactivated, oldest first (all of them not read yet when no deactivation is recorded)."""
    off_since = db.session.scalar(
        select(func.max(AuditEvent.at)).where(AuditEvent.action == "user_deactivated",
                                              AuditEvent.target == f"user:{user.id}"))
    query = select(Notification).where(Notification.user_id == user.id,
                                       Notification.kind.in_(KINDS))
    query = (query.where(Notification.created_at >= off_since) if off_since is not None
             else query.where(Notification.read_at.is_(None)))
    return list(db.session.scalars(query.order_by(Notification.created_at, Notification.id)))


@dataclass(frozen=True)
class Addressee:
    """Who a deleted account was, kept in memory only for the mail that says so: taken
    before erasure removes the address, name and language, mailed once it is committed."""

    email: str
    name: str
    locale: str | None
    association: str


def addressee(user) -> Addressee:
    return Addressee(user.email, user.name, user.locale,
                     user.association.name if user.association is not None else "")


def mail_deleted(person: Addressee) -> bool:
    """E-mail the address a deleted account had that an administrator deleted it."""
    if not person.email or is_deleted(person):
        return False
    return deliver(person.email, _l("Your Koble account is deleted"), "email/account_deleted",
                   locale=_locale(person), user=person, at=utcnow(),
                   association=person.association, contact_email=_contact_email())


def _mail(user, subject, template: str, **context) -> bool:
    if is_deleted(user) or not user.email:
        return False
    return deliver(user.email, subject, template, locale=_locale(user), user=user,
                   at=utcnow(), **_contact(user), **context)


def _contact(user) -> dict:
    association = getattr(user, "association", None)
    return {"association": association.name if association is not None else "",
            "contact_email": _contact_email()}


def _contact_email() -> str:
    return current_app.config.get("CONTACT_EMAIL") or ""


def _locale(user) -> str:
    return user.locale or current_app.config["BABEL_DEFAULT_LOCALE"]


def _lines(value) -> list[str]:
    return [line for line in str(value or "").split(_LINE) if line]


def _listed(titles: list[str]) -> str:
    return format_list([_("“%(value)s”", value=shown(title)) for title in titles],
                       locale=str(get_locale()))
