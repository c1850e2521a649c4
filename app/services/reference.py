"""Reference data that every installation has: the six associations."""

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
