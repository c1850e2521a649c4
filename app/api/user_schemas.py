"""The marshmallow schema of /api/v1/me: the caller's own account."""

from __future__ import annotations

import marshmallow as ma
from marshmallow import fields

from app.api.shared_schemas import Utc


class UserOut(ma.Schema):
    id = fields.Integer(required=True)
    name = fields.String(required=True)
    email = fields.String(required=True)
    role = fields.String(required=True)
    association = fields.String(allow_none=True)
    municipality = fields.String(allow_none=True)
    token_scope = fields.String(required=True)
    token_expires_at = Utc(required=True)
