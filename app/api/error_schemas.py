"""The marshmallow schema of /api/v1's errors: every refusal's body."""

from __future__ import annotations

import marshmallow as ma
from marshmallow import fields


class ErrorBody(ma.Schema):
    code = fields.String(required=True)
    message = fields.String(required=True)
    request_id = fields.String()
    fields = fields.Dict(required=True, metadata={
        "description": "Each refused field of the request, with its reasons: every problem "
                       "of a body at once (a wrong value and a broken rule across fields "
                       "alike), so that one corrected request can succeed. Empty when the "
                       "refusal is about no field in particular."})


class ErrorOut(ma.Schema):
    error = fields.Nested(ErrorBody, required=True)
