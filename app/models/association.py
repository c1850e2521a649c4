"""The six regional business associations."""

from __future__ import annotations

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from app.extensions import db


class Association(db.Model):
    """A regional business association that hosts members and arenas."""

    __tablename__ = "association"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(120))
    # How people reach the association; kept by an admin (/admin/associations).
    contact_email: Mapped[str | None] = mapped_column(String(254))
    website: Mapped[str | None] = mapped_column(String(200))

    def __repr__(self) -> str:
        return f"<Association {self.slug}>"
