"""How fresh a cached page is.

The single row (id 1) counts committed changes that could alter what anybody's
recommendation pages show; `User.page_version` counts those that concern one user only (a mark
on their pair, a notification). A cached page is keyed by both (see app.services.page_cache).
"""

from __future__ import annotations

from sqlalchemy import DDL, Integer, event
from sqlalchemy.orm import Mapped, mapped_column

from app.extensions import db


class PageVersion(db.Model):
    """The site-wide version of what recommendation pages show (one row, id 1)."""

    __tablename__ = "page_version"

    id: Mapped[int] = mapped_column(primary_key=True)
    version: Mapped[int] = mapped_column(Integer, default=0)


# A schema made from the models (tests, `db.create_all`) gets its row as the migration does;
# without it nothing is cached (see app.sessions.load_user).
event.listen(PageVersion.__table__, "after_create",
             DDL("INSERT INTO page_version (id, version) VALUES (1, 0)"))
