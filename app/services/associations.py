"""The associations as an admin sees them: how many people and arenas each has, and their
name and contact details. Associations are never deleted: accounts and arenas point at them."""

from __future__ import annotations

import re
from dataclasses import dataclass

from flask_babel import gettext as _
from sqlalchemy import func, select

from app.extensions import db
from app.models import Association, User
from app.models.arena import arena_host
from app.services import audit
from app.services.errors import DomainError, NotFound
from app.web_addresses import WEB_ADDRESS_MESSAGE, web_address

MAX_NAME = 120
MAX_EMAIL = 254
MAX_WEBSITE = 200
_EMAIL = re.compile(r"[^@\s]{1,64}@[^@\s]+\.[^@\s]+")


@dataclass(frozen=True)
class AssociationRow:
    """One association with its counts (active accounts only)."""

    association: Association
    members: int
    staff: int
    arenas: int


def overview() -> list[AssociationRow]:
    """Every association with its members (founders and investors), staff and arenas."""
    people: dict[tuple[int, str], int] = {}
    for association_id, role, n in db.session.execute(
            select(User.association_id, User.role, func.count(User.id))
            .where(User.association_id.is_not(None), User.active.is_(True))
            .group_by(User.association_id, User.role)):
        people[(association_id, role)] = n
    arenas = dict(db.session.execute(
        select(arena_host.c.association_id, func.count())
        .group_by(arena_host.c.association_id)).all())
    return [
        AssociationRow(a, people.get((a.id, "founder"), 0) + people.get((a.id, "investor"), 0),
                       people.get((a.id, "staff"), 0), arenas.get(a.id, 0))
        for a in db.session.scalars(select(Association).order_by(Association.name))
    ]


def get(association_id: int) -> Association:
    """The association with this id, or NotFound."""
    found = db.session.get(Association, association_id)
    if found is None:
        raise NotFound(_("No such association."))
    return found


def choices() -> list[tuple[int, str]]:
    """(id, name) of every association, by name, for a select."""
    return [(a.id, a.name) for a in
            db.session.scalars(select(Association).order_by(Association.name))]


def update(association: Association, *, name: str, contact_email: str | None,
           website: str | None, actor) -> None:
    """Change the display name and contact details (audited); DomainError on bad input,
    and then nothing changes."""
    name = (name or "").strip()
    email = (contact_email or "").strip().lower() or None
    if not name:
        raise DomainError(_("Enter a name."), "name")
    if len(name) > MAX_NAME:
        raise DomainError(_("Use at most %(n)d characters.", n=MAX_NAME), "name")
    taken = db.session.scalar(select(Association.id).where(
        func.lower(Association.name) == name.lower(), Association.id != association.id))
    if taken is not None:
        raise DomainError(_("Another association has this name."), "name")
    if email and (len(email) > MAX_EMAIL or not _EMAIL.fullmatch(email)):
        raise DomainError(_("Enter a valid e-mail address."), "contact_email")
    try:
        site = web_address(website)
    except ValueError:
        raise DomainError(str(WEB_ADDRESS_MESSAGE), "website") from None
    if site and len(site) > MAX_WEBSITE:
        raise DomainError(_("Use at most %(n)d characters.", n=MAX_WEBSITE), "website")
    changed = [key for key, value in (("name", name), ("contact_email", email),
                                      ("website", site))
               if getattr(association, key) != value]
    if not changed:
        return
    association.name, association.contact_email, association.website = name, email, site
    audit.record("association_changed", actor=actor, target=f"association:{association.slug}",
                 detail=", ".join(changed), commit=False)
    db.session.commit()
