"""Reference data that every installation has: the six associations, and their names as
people see them."""

from __future__ import annotations

from flask import g
from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError

from app.extensions import cache, db
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


# The associations that run Koble, for the footer of every page and the home page: kept in
# the cache with the site-wide page version they were read under. A logged-in page has that
# version already (read with the user, app.sessions.load_user) and adding or renaming an
# association raises it (app.services.page_versions), so its pages read them once per change
# and process. A visitor's page has no version: it takes what is kept, at most KEPT_SECONDS
# old (in this process, associations.create and update forget it at once).
_RUNNING_KEY = "associations-running"
KEPT_SECONDS = 300


def running_association_names() -> list[str] | None:
    """The names of the associations that run Koble, by name; None when the database
    cannot be read (an error page still draws its footer)."""
    version = g.get("page_version")
    kept = cache.get(_RUNNING_KEY)
    if kept is not None and (version is None or kept[0] == version):
        return kept[1]
    try:
        names = list(association_names().values())
    except SQLAlchemyError:
        return None
    cache.set(_RUNNING_KEY, (version, names), timeout=KEPT_SECONDS)
    return names


def forget_running_associations() -> None:
    """After an association was added or renamed: the next page reads them again."""
    cache.delete(_RUNNING_KEY)
