"""The marshmallow schemas of /api/v1's arena answers: arenas, invitations and meetings
(read-only; shared field types come from app/api/schemas.py)."""

from __future__ import annotations

import marshmallow as ma
from marshmallow import fields

from app.api.schemas import ErrorOut, Utc

__all__ = ["ArenaList", "ArenaOut", "ErrorOut", "InvitationList", "InvitationOut",
           "MeetingList", "MeetingOut"]


class ArenaOut(ma.Schema):
    id = fields.Integer(required=True)
    title = fields.String(required=True)
    description = fields.String(required=True)
    theme = fields.String(required=True)
    status = fields.String(required=True)
    date = fields.Date(required=True)
    start_time = fields.Time(required=True)
    end_time = fields.Time(required=True)
    venue = fields.String(required=True)
    slot_minutes = fields.Integer(required=True)
    slot_count = fields.Integer(required=True)
    rsvp_deadline = Utc(required=True, attribute="rsvp_deadline_utc")
    hosts = fields.Function(lambda a: [h.slug for h in a.hosts], required=True)


class ArenaList(ma.Schema):
    items = fields.List(fields.Nested(ArenaOut), required=True)


class InvitationOut(ma.Schema):
    id = fields.Integer(required=True)
    arena_id = fields.Integer(required=True)
    user_id = fields.Integer(required=True)
    name = fields.Function(lambda i: i.user.name if i.user else "", required=True)
    side = fields.String(required=True)
    state = fields.String(required=True)
    pitch_id = fields.Integer(allow_none=True)
    invited_at = Utc(allow_none=True)
    answered_at = Utc(allow_none=True)


class InvitationList(ma.Schema):
    items = fields.List(fields.Nested(InvitationOut), required=True)


class MeetingOut(ma.Schema):
    id = fields.Integer(required=True)
    arena_id = fields.Integer(required=True)
    slot = fields.Integer(required=True)
    table = fields.Integer(required=True)
    starts_at = fields.Function(lambda m: m.arena.slot_start(m.slot).isoformat(),
                                required=True)
    ends_at = fields.Function(lambda m: m.arena.slot_end(m.slot).isoformat(), required=True)
    founder = fields.Function(lambda m: m.founder.name if m.founder else "", required=True)
    investor = fields.Function(lambda m: m.investor.name if m.investor else "",
                               required=True)
    pitch_id = fields.Integer(allow_none=True)
    state = fields.String(required=True)
    source = fields.String(required=True)


class MeetingList(ma.Schema):
    items = fields.List(fields.Nested(MeetingOut), required=True)
