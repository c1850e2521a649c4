"""What the home page shows."""

from __future__ import annotations

from sqlalchemy import func, select

from app.extensions import db
from app.models import InvestorProfile, Pitch


def home_context(user) -> dict:
    """Counts and upcoming arenas for the home page."""
    pitches = db.session.scalar(
        select(func.count(Pitch.id)).where(Pitch.visible_clause())
    )
    investors = db.session.scalar(
        select(func.count(InvestorProfile.id)).where(InvestorProfile.listed_clause())
    )
    return {"pitch_count": pitches or 0, "investor_count": investors or 0,
            "upcoming_arenas": upcoming_arenas()}


def upcoming_arenas(limit: int = 3) -> list:
    """The next arenas open to the public eye; empty until arenas exist."""
    try:
        from app.services.arenas import upcoming
    except ImportError:
        return []
    return upcoming(limit)
