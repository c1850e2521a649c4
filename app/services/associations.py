"""The associations as an admin sees them: how many people and arenas each has, and their
name and contact details. Associations are never deleted: accounts and arenas point at them."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from flask_babel import gettext as _
from sqlalchemy import func, select

from app.extensions import db
from app.models import Arena, Association, User
from app.models.arena import arena_host
from app.services import audit, reference
from app.services.errors import DomainError, NotFound
from app.services.meeting_requests import NOT_YET_HELD
from app.web_addresses import WEB_ADDRESS_MESSAGE, web_address

MAX_NAME = 120
MAX_EMAIL = 254
MAX_WEBSITE = 200
MAX_SLUG = 40  # Association.slug's column
_EMAIL = re.compile(r"[^@\s]{1,64}@[^@\s]+\.[^@\s]+")
_NORWEGIAN_LETTERS = str.maketrans({"æ": "ae", "ø": "o", "å": "a"})


@dataclass(frozen=True)
class AssociationRow:
    """One association with its counts (active accounts only)."""

    association: Association
    members: int
    staff: int
    arenas: int
    # upcoming arenas it hosts that no host association has active staff for: their late
    # answers go to the administrators (arena_notices.host_staff)
    unstaffed: int = 0


def overview() -> list[AssociationRow]:
    """Every association with its members (founders and investors), staff and arenas, and
    how many of its arenas not yet held no active staff member runs (`unstaffed`)."""
    people: dict[tuple[int, str], int] = {}
    for association_id, role, n in db.session.execute(
            select(User.association_id, User.role, func.count(User.id))
            .where(User.association_id.is_not(None), User.active.is_(True))
            .group_by(User.association_id, User.role)):
        people[(association_id, role)] = n
    arenas = dict(db.session.execute(
        select(arena_host.c.association_id, func.count())
        .group_by(arena_host.c.association_id)).all())
    staffed = {key for (key, role), n in people.items() if role == "staff" and n}
    unstaffed: dict[int, int] = {}
    for arena in db.session.scalars(select(Arena).where(Arena.status.in_(NOT_YET_HELD))):
        if arena.held or arena.host_ids & staffed:
            continue
        for host in arena.host_ids:
            unstaffed[host] = unstaffed.get(host, 0) + 1
    return [
        AssociationRow(a, people.get((a.id, "founder"), 0) + people.get((a.id, "investor"), 0),
                       people.get((a.id, "staff"), 0), arenas.get(a.id, 0),
                       unstaffed.get(a.id, 0))
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


def _checked(name: str, contact_email: str | None, website: str | None,
             association_id: int | None) -> tuple[str, str | None, str | None]:
    """The name, e-mail and web address as stored; DomainError on bad input. The name must
    be another's than every association's but `association_id`'s."""
    name = (name or "").strip()
    email = (contact_email or "").strip().lower() or None
    if not name:
        raise DomainError(_("Enter a name."), "name")
    if len(name) > MAX_NAME:
        raise DomainError(_("Use at most %(n)d characters.", n=MAX_NAME), "name")
    taken = db.session.scalar(select(Association.id).where(
        func.lower(Association.name) == name.lower(), Association.id != association_id))
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
    return name, email, site


def short_name(name: str) -> str:
    """The short name (slug) a new association gets from its name: lower case, æ ø å and
    accents folded to plain letters, words joined by "-", at most MAX_SLUG characters
    (whole words), and "-2", "-3" ... after one already taken. The command line's
    `--association` and the audit log's subject filter take it."""
    folded = unicodedata.normalize("NFKD", name.lower().translate(_NORWEGIAN_LETTERS))
    words = re.findall(r"[a-z0-9]+", folded.encode("ascii", "ignore").decode())
    base = ""
    for word in words or ["forening"]:
        if base and len(base) + 1 + len(word) > MAX_SLUG - 3:  # room for "-99"
            break
        base = f"{base}-{word}" if base else word[:MAX_SLUG - 3]
    taken = set(db.session.scalars(select(Association.slug).where(
        Association.slug.like(f"{base}%"))))
    slug, n = base, 1
    while slug in taken:
        n += 1
        slug = f"{base}-{n}"
    return slug


def create(*, name: str, contact_email: str | None, website: str | None,
           actor) -> Association:
    """A new association (audited), its short name made from the name; DomainError on bad
    input, and then nothing is made. Associations are never deleted: see the module."""
    name, email, site = _checked(name, contact_email, website, None)
    association = Association(slug=short_name(name), name=name, contact_email=email,
                              website=site)
    db.session.add(association)
    db.session.flush()
    audit.record("association_created", actor=actor,
                 target=f"association:{association.slug}", commit=False)
    db.session.commit()
    reference.forget_running_associations()
    return association


def update(association: Association, *, name: str, contact_email: str | None,
           website: str | None, actor) -> None:
    """Change the display name and contact details (audited); DomainError on bad input,
    and then nothing changes."""
    name, email, site = _checked(name, contact_email, website, association.id)
    changed = [key for key, value in (("name", name), ("contact_email", email),
                                      ("website", site))
               if getattr(association, key) != value]
    if not changed:
        return
    association.name, association.contact_email, association.website = name, email, site
    audit.record("association_changed", actor=actor, target=f"association:{association.slug}",
                 detail=", ".join(changed), commit=False)
    db.session.commit()
    reference.forget_running_associations()
