"""An investor's profile: one per investor account."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    BigInteger,
    Boolean,
    DateTime,
    ForeignKey,
    Integer,
    String,
    Text,
    and_,
    false,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.extensions import db
from app.models.text_index import trigram_index
from app.models.types import TagList
from app.models.user import active_account_in_role, utcnow


class InvestorProfile(db.Model):
    """What an investor looks for; contact details stay hidden until a mutual match."""

    __tablename__ = "investor_profile"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id"), unique=True)
    organisation: Mapped[str] = mapped_column(String(120))
    investor_type: Mapped[str] = mapped_column(String(30))
    thesis: Mapped[str] = mapped_column(Text, default="")
    sectors: Mapped[list[str]] = mapped_column(TagList, default=list)
    stages: Mapped[list[str]] = mapped_column(TagList, default=list)
    stages_only: Mapped[bool] = mapped_column(Boolean, default=False)
    ticket_min: Mapped[int | None] = mapped_column(BigInteger)
    ticket_max: Mapped[int | None] = mapped_column(BigInteger)
    # "only near my ticket sizes": pitches asking far outside them are not recommended
    ticket_only: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    regions: Mapped[list[str]] = mapped_column(TagList, default=list)
    green_mandate: Mapped[str] = mapped_column(String(20), default="none")
    green_objectives: Mapped[list[str]] = mapped_column(TagList, default=list)
    support_offers: Mapped[list[str]] = mapped_column(TagList, default=list)
    funding_types: Mapped[list[str]] = mapped_column(TagList, default=list)
    contact_email: Mapped[str | None] = mapped_column(String(254))
    contact_phone: Mapped[str | None] = mapped_column(String(40))
    past_investments: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), default=utcnow, onupdate=utcnow
    )
    version: Mapped[int] = mapped_column(Integer, default=1)

    user = relationship("User", lazy="joined", backref="investor_profile_rel")

    __mapper_args__ = {"version_id_col": version}

    @property
    def is_listed(self) -> bool:
        """Others may find it: the profile is active and so is its account (a deactivated
        or deleted investor leaves the search with it), still an investor's (a role changed
        away withdraws it, as it does a founder's pitches)."""
        return bool(self.active and (self.user is None
                                     or (self.user.active and self.user.role == "investor")))

    @classmethod
    def listed_clause(cls):
        """`is_listed` as an SQL condition, for the searches founders and the API use."""
        return and_(cls.active.is_(True), active_account_in_role(cls.user_id, "investor"))

    def __repr__(self) -> str:
        return f"<InvestorProfile {self.id}>"


# the text search reads these two columns as one (app/services/text_search.py)
trigram_index("ix_investor_profile_search_text", InvestorProfile.organisation,
              InvestorProfile.thesis)
