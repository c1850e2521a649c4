"""The models, one module per aggregate; imported here so Alembic sees them all."""

from app.models.api_token import ApiToken
from app.models.arena import Arena
from app.models.association import Association
from app.models.audit import AuditEvent
from app.models.engine_state import EngineIndex, EngineSettings
from app.models.form_use import FormUse
from app.models.idempotent_request import IdempotentRequest
from app.models.interest import Interest
from app.models.investor import InvestorProfile
from app.models.invitation import Invitation
from app.models.kept_form import KeptForm
from app.models.match import MatchScore
from app.models.meeting import Meeting, MeetingFeedback, MeetingRequest
from app.models.notification import Notification
from app.models.page_version import PageVersion
from app.models.pitch import Pitch
from app.models.user import User

__all__ = [
    "ApiToken",
    "Arena", "Invitation", "Meeting", "MeetingFeedback", "MeetingRequest",
    "AuditEvent", "Association", "EngineIndex", "EngineSettings", "FormUse",
    "IdempotentRequest", "Interest", "InvestorProfile", "KeptForm",
    "MatchScore", "Notification", "PageVersion", "Pitch", "User",
]
