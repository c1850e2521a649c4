"""The models, one module per aggregate; imported here so Alembic sees them all."""

from app.models.association import Association
from app.models.audit import AuditEvent
from app.models.investor import InvestorProfile
from app.models.pitch import Pitch
from app.models.user import User

__all__ = ["AuditEvent", "Association", "InvestorProfile", "Pitch", "User"]
