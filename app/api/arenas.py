"""/api/v1 arenas: participants see theirs (invitations, agenda); staff see the
invitations, answers and schedules of the arenas their association hosts."""

from __future__ import annotations

from flask_babel import gettext as _
from sqlalchemy import select

from app.api import arena_schemas as s
from app.api.auth import caller, roles
from app.api.blueprint import Blueprint
from app.api.refusals import ApiError
from app.extensions import db
from app.models import Arena, Invitation, Meeting
from app.services import agenda, schedule_view
from app.services import arenas as arena_service
from app.services.participants import NotParticipant, accepted

bp = Blueprint("api_arenas", __name__, url_prefix="/api/v1",
               description="Arenas, invitations, agendas and (staff) schedules.")


def _visible_arena(user, arena_id: int) -> Arena:
    """An arena the caller manages (staff) or was invited to; NotFound otherwise."""
    if user.is_staff:
        return arena_service.arena_for_staff(user, arena_id)
    return arena_service.invitation_of(user, arena_id).arena


def _not_coming_to(arena_id: int) -> str:
    """Why someone invited has no agenda, in the agenda's words: the pages' refusal
    (participants.not_accepted_text) speaks of seeing who comes and asking for meetings."""
    invitation = arena_service.invitation_of(caller(), arena_id)
    if invitation.state == "invited":
        return _("Your agenda at this arena opens once you have accepted the invitation. "
                 "GET /api/v1/invitations shows it.")
    if invitation.state == "waiting_list":
        return _("Your agenda at this arena opens if a seat becomes free for you: you are on "
                 "the waiting list.")
    return _("Only those who come to the arena have an agenda there, and your invitation "
             "says you do not come. GET /api/v1/invitations shows its state.")


class _OnAgenda:
    """A meeting as the caller's agenda lists it (AgendaMeetingOut): the meeting's own
    fields, and `why_you_match`, the agenda page's sentence for it (None for a meeting staff
    cancelled: the page shows none)."""

    def __init__(self, meeting: Meeting, why_you_match: str | None):
        self._meeting = meeting
        self.why_you_match = why_you_match

    def __getattr__(self, name: str):
        return getattr(self._meeting, name)


@bp.route("/arenas")
@bp.etag
@bp.response(200, s.ArenaList)
def list_arenas():
    """Staff: the arenas their association hosts. Others: arenas they are invited to.

    The next arena first, for staff as for others (as GET /api/v1/invitations and the arena
    pages list them): those of today and later, soonest first, then the past ones, the most
    recent first."""
    user = caller()
    if user.is_staff:
        return {"items": arena_service.staff_arenas(user)}
    return {"items": [i.arena for i in arena_service.my_invitations(user)]}


@bp.route("/arenas/<int:arena_id>")
@bp.response(200, s.ArenaOut)
@bp.alt_response(404, schema=s.ErrorOut, description="No such arena for you.")
def read_arena(arena_id: int):
    """One arena you manage or are invited to."""
    return _visible_arena(caller(), arena_id)


@bp.route("/invitations")
@roles("founder", "investor")
@bp.etag
@bp.response(200, s.InvitationList)
def my_invitations():
    """The invitations you have received.

    The next arena first: those of today and later, soonest first, then the past ones, the
    most recent first."""
    return {"items": arena_service.my_invitations(caller())}


@bp.route("/arenas/<int:arena_id>/agenda")
@roles("founder", "investor")
@bp.etag
@bp.response(200, s.AgendaOut)
@bp.alt_response(404, schema=s.ErrorOut, description="No such arena for you.")
@bp.alt_response(403, schema=s.ErrorOut, description=(
    "You have not accepted the invitation, or no longer come (the agenda page refuses "
    "the same), or your role may not use this endpoint."))
def my_agenda(arena_id: int):
    """Your meetings at an arena whose invitation you accepted, the ones the agenda page
    shows: none until staff publish the schedule (a draft is theirs alone), and none with
    someone who no longer comes. `schedule_status` and `reason` say why there are none. As
    on the agenda page, a meeting staff moved says where it was (`moved_from`), and those
    they cancelled are listed apart (`cancelled`) until the arena is over. Someone who has
    not accepted, or no longer comes, is refused as on the agenda page: whether there is a
    schedule is the participants' business."""
    user = caller()
    try:
        arena = agenda.participant_of(user, arena_id).arena
    except NotParticipant:
        raise ApiError(403, _not_coming_to(arena_id)) from None
    # The page's own choice (agenda.agenda_meetings): a meeting whose partner no longer
    # comes is no meeting here either.
    coming = accepted(arena.id)
    shown = agenda.agenda_meetings(user, arena, coming=coming)
    why = agenda.why_you_match(user, arena, shown.meetings, coming)  # the page's column
    return {"items": [_OnAgenda(m, why[m.id]) for m in shown.meetings],
            "cancelled": [_OnAgenda(m, None) for m in shown.cancelled],
            "schedule_status": agenda.schedule_status(arena),
            "reason": None if shown.meetings else agenda.why_empty(user, arena)}


@bp.route("/arenas/<int:arena_id>/invitations")
@roles("staff")
@bp.etag
@bp.response(200, s.InvitationList)
@bp.alt_response(404, schema=s.ErrorOut, description="Not an arena you manage.")
def arena_invitations(arena_id: int):
    """Staff: every invitation of the arena with its answer (state)."""
    arena = arena_service.arena_for_staff(caller(), arena_id)
    rows = db.session.scalars(select(Invitation).where(Invitation.arena_id == arena.id)
                              .order_by(Invitation.side, Invitation.rank, Invitation.id))
    return {"items": list(rows)}


@bp.route("/arenas/<int:arena_id>/schedule")
@roles("staff")
@bp.etag
@bp.response(200, s.StaffScheduleOut)
@bp.alt_response(404, schema=s.ErrorOut, description="Not an arena you manage.")
def arena_schedule(arena_id: int):
    """Staff: the arena's scheduled meetings by slot and table, also while the schedule is
    a draft (see the arena's schedule_published_at).

    The meetings the schedule page shows: those scheduled with both people still coming (a
    meeting whose founder or investor no longer comes frees its slot, and is in neither
    list), and apart from them, in `cancelled`, those staff cancelled, which the page lists
    under "Cancelled by the organisers"."""
    arena = arena_service.arena_for_staff(caller(), arena_id)
    # The page's own choice (schedule_view.staff_schedule), not the meetings' state alone.
    shown = schedule_view.staff_schedule(arena)
    return {"items": shown.meetings, "cancelled": shown.cancelled}

