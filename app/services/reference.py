"""Reference data that every installation has: the six associations, and their names as
people see them."""

from __future__ import annotations

from sqlalchemy import select

from app.extensions import db
from app.models import Association
from app.vocabulary import ASSOCIATIONS


def ensure_associations() -> int:
    """Create any of the six associations that is missing; returns how many were added."""
    existing = set(db.session.scalars(select(Association.slug)))
    added = 0
    for slug, (name, _municipalities) in ASSOCIATIONS.items():
        if slug not in existing:
            db.session.add(Association(slug=slug, name=name))
            added += 1
    db.session.commit()
    return added


def association_names() -> dict[str, str]:
    """slug → the association's current display name (an admin may have renamed it), by
    name. One small query; call it once per page. The names have no per-language form: a
    name is a proper noun, the same in bokmål and English."""
    rows = db.session.execute(select(Association.slug, Association.name)
                              .order_by(Association.name, Association.slug))
    return dict(rows.all())


def association_choices() -> list[tuple[str, str]]:
    """(slug, current name) of every association, by name, for a form's choices: the slug
    is what the form stores, the name what people read."""
    return list(association_names().items())
