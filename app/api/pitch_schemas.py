"""The marshmallow schemas of /api/v1's pitches: the list's query, a pitch written and
read, and a page of them (shared field types come from app/api/shared_schemas.py).

PitchIn mirrors the pitch form's constraints (app/pitches/forms.py); the rules beyond
field shapes stay in app/services/pitches.py.
"""

from __future__ import annotations

from datetime import date

import marshmallow as ma
from flask import g, request
from flask_babel import gettext as _
from marshmallow import ValidationError, fields, validate, validates

from app import vocabulary
from app.api.shared_schemas import (
    PageArgs,
    PageMeta,
    Strict,
    Text,
    Utc,
    WebAddress,
    WholeNumber,
    each_once,
    one_of,
    rules,
    tag_list,
)
from app.extensions import db
from app.models import Pitch
from app.pitches.forms import MAX_ASK_NOK, SORTS
from app.services import pitches


class PitchArgs(PageArgs):
    q = Text(load_default="", validate=validate.Length(max=200))
    sector = fields.String(validate=one_of(vocabulary.SECTORS))
    stage = fields.String(validate=one_of(vocabulary.STAGES))
    municipality = fields.String(validate=one_of(vocabulary.MUNICIPALITIES))
    objective = fields.String(validate=one_of(vocabulary.GREEN_OBJECTIVES))
    ask_min = fields.Integer(validate=validate.Range(min=0, max=MAX_ASK_NOK))
    ask_max = fields.Integer(validate=validate.Range(min=0, max=MAX_ASK_NOK))
    sort = fields.String(load_default="newest", validate=validate.OneOf(list(SORTS)))
    mine = fields.Boolean(load_default=False, metadata={
        "description": "Founders may send `true` (their list is always their own "
                       "pitches, drafts included); investors and staff, who have no "
                       "pitches of their own, are refused (422), as is a founder's "
                       "`false`."})

    @rules
    def _range(self, data, refuse):
        low, high = data.get("ask_min"), data.get("ask_max")
        if low is not None and high is not None and high < low:
            refuse(_("The maximum must not be below the minimum."), "ask_max", "ask_min")


class PitchIn(Strict):
    title = Text(required=True, validate=validate.Length(min=1, max=120))
    summary = Text(required=True, validate=validate.Length(min=1, max=200))
    description = Text(load_default="", multi_line=True, validate=validate.Length(max=20000))
    sectors = tag_list(vocabulary.SECTORS)
    stage = fields.String(required=True, validate=one_of(vocabulary.STAGES))
    ask_nok = WholeNumber(load_default=None, allow_none=True,
                          validate=validate.Range(min=0, max=MAX_ASK_NOK))
    funding_type = fields.String(load_default=None, allow_none=True,
                                 validate=one_of(vocabulary.FUNDING_TYPES))
    municipality = fields.String(load_default=None, allow_none=True,
                                 validate=one_of(vocabulary.MUNICIPALITIES))
    green_objectives = tag_list(vocabulary.GREEN_OBJECTIVES)
    support_needs = tag_list(vocabulary.SUPPORT_KINDS)
    team_size = WholeNumber(load_default=None, allow_none=True,
                            validate=validate.Range(min=1, max=100000))
    founded_year = WholeNumber(load_default=None, allow_none=True,
                               validate=validate.Range(min=1900, max=2100))
    website = WebAddress(load_default=None, allow_none=True, validate=validate.Length(max=300),
                         metadata={"description": "http(s) address; a bare domain such as "
                                                  "`solkraft.no` is stored as "
                                                  "`https://solkraft.no`."})

    @validates("founded_year")
    def _year(self, value, **_kwargs):
        if value is not None and value > date.today().year:
            raise ValidationError(_("The year cannot be in the future."))

    @rules
    def _unique(self, data, refuse):
        each_once(data, ("sectors", "green_objectives", "support_needs"), refuse)

    @ma.post_load
    def _empty_to_none(self, data, **_kwargs):
        data["website"] = data.get("website") or None
        return data


class PitchUpdate(PitchIn):
    version = WholeNumber(required=True, validate=validate.Range(min=1, max=2**31 - 1),
                          metadata={"description": "The version you read; a newer one "
                                                   "on the server gives 409, unless it "
                                                   "already holds exactly what you send "
                                                   "(a retry: 200)."})

    @rules
    def _still_publishable(self, data, refuse):
        """A published pitch keeps what publishing needs (services/pitches.update_pitch says
        it too), refused with the body's other problems rather than after them."""
        user, pitch_id = g.get("api_user"), (request.view_args or {}).get("pitch_id")
        pitch = db.session.get(Pitch, pitch_id) if user is not None and pitch_id else None
        if pitch is None or pitch.owner_id != user.id or pitch.status != "published":
            return  # not the caller's (the view answers 404), or a draft
        missing = [name for name in pitches.missing_to_publish(data)
                   if name not in refuse.failed]
        for name in missing:
            refuse(pitches.published_needs_text(missing), name)


class PitchOut(ma.Schema):
    id = fields.Integer(required=True)
    owner_id = fields.Integer(required=True)
    title = fields.String(required=True)
    summary = fields.String(required=True)
    description = fields.String(required=True)
    sectors = fields.List(fields.String(), required=True)
    stage = fields.String(required=True)
    ask_nok = fields.Integer(allow_none=True)
    funding_type = fields.String(allow_none=True)
    municipality = fields.String(allow_none=True)
    green_objectives = fields.List(fields.String(), required=True)
    support_needs = fields.List(fields.String(), required=True)
    team_size = fields.Integer(allow_none=True)
    founded_year = fields.Integer(allow_none=True)
    website = fields.String(allow_none=True)
    status = fields.String(required=True)
    hidden = fields.Boolean(required=True, metadata={
        "description": "The organisers hid the pitch: investors do not see it, whether it "
                       "is published or not."})
    hidden_reason = fields.String(allow_none=True, metadata={
        "description": "Why the organisers hid it, in their words (only its founder and "
                       "the organisers see a hidden pitch); null when it is not hidden."})
    version = fields.Integer(required=True)
    created_at = Utc(required=True)
    updated_at = Utc(required=True)
    published_at = Utc(allow_none=True)


class PitchPage(PageMeta):
    items = fields.List(fields.Nested(PitchOut), required=True)
