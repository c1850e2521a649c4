"""The marshmallow schemas of /api/v1's arena answers: arenas, invitations, meetings and a
person's times there (shared field types come from app/api/shared_schemas.py)."""

from __future__ import annotations

import marshmallow as ma
from marshmallow import fields

from app.api.error_schemas import ErrorOut
from app.api.shared_schemas import Strict, Utc
from app.models.arena import LOCAL_TZ
from app.models.user import aware_utc

__all__ = ["AgendaMeetingOut", "AgendaOut", "ArenaList", "ArenaOut", "ErrorOut",
           "InvitationList", "InvitationOut", "MeetingList", "MeetingOut", "MovedFromOut",
           "TimesIn", "TimesOut", "TimesResult"]


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
    schedule_published_at = Utc(allow_none=True, metadata={
        "description": "When staff published the meeting schedule; null while there is none "
                       "or it is a draft, which only staff see (their /schedule includes "
                       "it, a participant's /agenda is empty until then)."})


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


# v1 answered slot and table counted from 0 before this was written down, and changing what
# a field means breaks its callers: they stay 0-based, said on each field, and the numbers
# people read on the page, in the CSV and on the table signs come beside them, from 1.
ZERO_BASED = ("Counted from 0 (the arena's first {what} is 0), as in every `slot` and "
              "`table` field of this API; `{number}` is the number people see.")


class MovedFromOut(ma.Schema):
    """Where a meeting was before staff moved it after publishing the schedule: a start
    time, not a slot, since a new slot length moves meetings too and renumbers nothing."""

    starts_at = fields.Function(
        lambda m: aware_utc(m.moved_from_start).astimezone(LOCAL_TZ).isoformat(),
        required=True, metadata={"type": "string", "format": "date-time"})
    table = fields.Function(lambda m: m.moved_from_table or 0, required=True, metadata={
        "type": "integer", "description": ZERO_BASED.format(what="table",
                                                            number="table_number")})
    table_number = fields.Function(lambda m: (m.moved_from_table or 0) + 1, required=True,
                                   metadata={"type": "integer"})


class _MovedFrom(fields.Nested):
    """The meeting itself to MovedFromOut while it has a place it was moved from, else null
    (the place is two columns of Meeting, not a row of its own)."""

    def get_value(self, obj, attr, accessor=None, default=ma.missing):
        return obj if obj.moved_from_start is not None else None


class MeetingOut(ma.Schema):
    id = fields.Integer(required=True)
    arena_id = fields.Integer(required=True)
    slot = fields.Integer(required=True, metadata={"description": ZERO_BASED.format(
        what="slot", number="slot_number")})
    table = fields.Integer(required=True, metadata={"description": ZERO_BASED.format(
        what="table", number="table_number")})
    slot_number = fields.Function(lambda m: m.slot + 1, required=True, metadata={
        "type": "integer", "description": "The slot counted from 1, as the agenda page, the "
                                          "CSV export and the calendar say it (\"Slot 2\" is "
                                          "`slot` 1)."})
    table_number = fields.Function(lambda m: m.table + 1, required=True, metadata={
        "type": "integer", "description": "The table counted from 1, as on the agenda page, "
                                          "the CSV export and the table signs (\"Table 1\" "
                                          "is `table` 0)."})
    starts_at = fields.Function(lambda m: m.arena.slot_start(m.slot).isoformat(),
                                required=True)
    ends_at = fields.Function(lambda m: m.arena.slot_end(m.slot).isoformat(), required=True)
    founder = fields.Function(lambda m: m.founder.name if m.founder else "", required=True)
    investor = fields.Function(lambda m: m.investor.name if m.investor else "",
                               required=True)
    pitch_id = fields.Integer(allow_none=True)
    state = fields.String(required=True, metadata={
        "description": "`scheduled`; in `cancelled` (an agenda's or a schedule's), "
                       "`cancelled_by_staff`."})
    source = fields.String(required=True)
    moved_from = _MovedFrom(MovedFromOut, required=True, allow_none=True, metadata={
        "description": "Where the meeting was when the schedule was published, if staff "
                       "have moved it since (the agenda page's \"Moved: was 09:00, table "
                       "1\"): the first place its people knew, kept through later moves; "
                       "null if it has not moved, or was moved back there."})


class MeetingList(ma.Schema):
    items = fields.List(fields.Nested(MeetingOut), required=True)


class StaffScheduleOut(MeetingList):
    """An arena's schedule as staff see it on the schedule page."""

    cancelled = fields.List(fields.Nested(MeetingOut), required=True, metadata={
        "description": "The meetings staff cancelled, with `state` `cancelled_by_staff`, "
                       "by slot and table: the schedule page lists them apart, where staff "
                       "can restore them while the schedule can be changed. They are no "
                       "meetings, so never in `items`."})


class AgendaMeetingOut(MeetingOut):
    """A meeting on a participant's agenda: the meeting, and why the two of them meet."""

    why_you_match = fields.String(required=True, allow_none=True, metadata={
        "description": "Why you match: the sentence the agenda page shows for this meeting "
                       "under \"Why you match\", in your language. It explains the matching "
                       "engine's score for the two of you, or, where there is none, why you "
                       "meet (you both asked, one of you asked, or the organisers suggested "
                       "it). null for a meeting in `cancelled`, for which the page shows "
                       "none."})


class AgendaOut(ma.Schema):
    """A participant's agenda: their meetings, and why there are none when there are none."""

    items = fields.List(fields.Nested(AgendaMeetingOut), required=True)

    schedule_status = fields.String(required=True, metadata={
        "enum": ["none", "draft", "published"],
        "description": "Where the arena's meeting schedule is: `none` (not built yet), "
                       "`draft` (staff are planning it; only they see it, so `items` is "
                       "empty until they publish it) or `published`."})
    cancelled = fields.List(fields.Nested(AgendaMeetingOut), required=True, metadata={
        "description": "Your meetings the organisers cancelled after publishing the "
                       "schedule (both of you were told), with `state` "
                       "`cancelled_by_staff`, until the arena is over: the agenda page "
                       "shows them struck through, in their place, for whoever looks for "
                       "them on the day. They are no meetings, so never in `items`; a "
                       "meeting called off because one of you no longer comes is in "
                       "neither."})
    reason = fields.String(required=True, allow_none=True, metadata={
        "description": "Why `items` is empty (the schedule is not built, is a draft, no "
                       "meeting could be fitted for you, the arena is cancelled), in the "
                       "sentence the agenda page shows, in your language; null when there "
                       "are meetings."})


# --- a person's times at an arena ------------------------------------------------------------
# The values are checked by app/services/availability.py, as the web form's are, so that every
# refusal carries the site's own message in the caller's language; the schema only describes.
_CLOCK = r"^([01]?[0-9]|2[0-3]):[0-5][0-9]$"


class TimesIn(Strict):
    """The whole of one's times, each field sent (null: the arena's own), so that a body
    that is missing or not JSON is refused rather than read as "the arena's own"."""

    FIELDS = ("arrive", "leave", "meeting_cap")

    def load(self, data, *, partial=None, **kwargs):
        """Missing fields pass here: the view names them in the one answer that also names
        the values it cannot use (app/api/arena_times.py), instead of this refusing the
        body for a missing `leave` alone. The description still says all three are
        required."""
        return super().load(data, partial=True, **kwargs)

    arrive = fields.Raw(required=True, allow_none=True, metadata={
        "type": "string", "pattern": _CLOCK, "example": "09:15",
        "description": "When you arrive, \"HH:MM\": the start of one of the arena's slots "
                       "(`arrive_options`). null: from the arena's start."})
    leave = fields.Raw(required=True, allow_none=True, metadata={
        "type": "string", "pattern": _CLOCK, "example": "10:30",
        "description": "When you leave, \"HH:MM\": the end of one of the arena's slots "
                       "(`leave_options`), after `arrive`, with a meeting slot between. null: "
                       "until the arena's end."})
    meeting_cap = fields.Raw(required=True, allow_none=True, metadata={
        "type": "integer", "example": 2,
        "description": "At most this many meetings, from 0 to the arena's `arena_cap`. null: "
                       "the arena's limit."})


class TimesOut(ma.Schema):
    arena_id = fields.Integer(required=True)
    invitation_id = fields.Integer(required=True)
    user_id = fields.Integer(required=True)
    name = fields.String(required=True)
    side = fields.String(required=True)
    state = fields.String(required=True)
    arrive = fields.String(required=True, metadata={"description": "\"HH:MM\", local time."})
    leave = fields.String(required=True, metadata={"description": "\"HH:MM\", local time."})
    arrive_slot = fields.Integer(required=True, metadata={
        "description": "The first slot attended, counted from 0 as every `slot` field."})
    leave_slot = fields.Integer(required=True, metadata={
        "description": "The slot at which the person leaves, counted from 0 as every `slot` "
                       "field: the last attended is one before."})
    meeting_cap = fields.Integer(allow_none=True, metadata={
        "description": "The person's own limit; null: the arena's."})
    cap = fields.Integer(required=True, metadata={
        "description": "The most meetings the schedule gives the person (their own limit, "
                       "never above the arena's)."})
    arena_cap = fields.Integer(required=True)
    meeting_slots = fields.Integer(required=True, metadata={
        "description": "Meeting slots (not breaks) between arriving and leaving."})
    arrive_options = fields.List(fields.String(), required=True)
    leave_options = fields.List(fields.String(), required=True)
    editable = fields.Boolean(required=True, metadata={
        "description": "Whether you may change these times now. An invitee may while the "
                       "arena invites and the invitation is accepted; staff until the arena "
                       "is done or cancelled."})


class TimesResult(TimesOut):
    changed = fields.Boolean(required=True)
    meetings_called_off = fields.Integer(required=True, metadata={
        "description": "Staff, once the schedule is made: the person's meetings that no "
                       "longer fit the new times and were called off (re-run the schedule "
                       "to fill the slots)."})
