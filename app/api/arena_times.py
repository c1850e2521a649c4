"""/api/v1 arena times: an invitee reads and sets when they arrive and leave and at most how
many meetings they want, as on the arena's page; staff of a host association (and admins) do
it for anyone on the list, as on the staff times page. The rules and messages are those of
app/services/availability.py."""

from __future__ import annotations

from functools import wraps

from flask_babel import gettext as _

from app.api import arena_schemas as s
from app.api.auth import caller, roles
from app.api.blueprint import Blueprint
from app.api.refusals import ApiError
from app.extensions import db
from app.models import Arena, Invitation
from app.services import arenas as arena_service
from app.services import availability
from app.services.errors import DomainError

bp = Blueprint("api_arena_times", __name__, url_prefix="/api/v1",
               description="A person's times at an arena: arriving, leaving, meeting cap.")

# The service names the form's fields; the API's carry clock times.
_FIELDS = {"arrive_slot": "arrive", "leave_slot": "leave"}


def _times(arena: Arena, invitation: Invitation, editable: bool, **extra) -> dict:
    arrive, leave = availability.window(invitation, arena)
    return {
        "arena_id": arena.id, "invitation_id": invitation.id, "user_id": invitation.user_id,
        "name": invitation.user.name if invitation.user else "", "side": invitation.side,
        "state": invitation.state,
        "arrive": availability.clock(arena, arrive), "leave": availability.clock(arena, leave),
        "arrive_slot": arrive, "leave_slot": leave, "meeting_cap": invitation.meeting_cap,
        "cap": invitation.cap(arena), "arena_cap": arena.cap,
        "meeting_slots": len(invitation.available_slots(arena)),
        "arrive_options": [f"{t:%H:%M}" for _s, t in availability.arrive_choices(arena)],
        "leave_options": [f"{t:%H:%M}" for _s, t in availability.leave_choices(arena)],
        "editable": editable, **extra}


def _values(arena: Arena, values: dict) -> tuple[int | None, int | None, int | None]:
    """(arrive, leave, cap) as the service takes them. One 422 names every field that is
    missing or wrong (`{"arrive": 915, "meeting_cap": -1}` named only the missing `leave`,
    then, once sent, one field at a time); its message says each refusal."""
    cap = values.get("meeting_cap")
    if isinstance(cap, float) and cap.is_integer():
        values = {**values, "meeting_cap": int(cap)}  # 2.0 is 2, as in every number field
    found, errors = availability.read_clock_values(arena, values)
    if isinstance(cap, str):
        # A JSON number, as the description says and every other whole-number field takes
        # it; the service reads text because the command line sends it.
        errors["meeting_cap"] = [_("Enter a whole number.")]
    for name in s.TimesIn.FIELDS:
        if name not in values:
            errors[name] = [_("Missing data for required field.")]  # marshmallow's words
    if "arrive" in found and "leave" in found:
        # the window's rule between the two (leaving after arriving), said with the fields'
        # own refusals: storing says it too, but only once the cap is right, a second round
        for problem in availability.problems(arena, found["arrive"], found["leave"], None,
                                             cap_too=False):
            errors.setdefault(_FIELDS.get(problem.field, problem.field), []).append(
                problem.message)
    if errors:
        said = [message for name in s.TimesIn.FIELDS for message in errors.get(name, ())]
        raise ApiError(422, " ".join(dict.fromkeys(said)),
                       {name: errors[name] for name in s.TimesIn.FIELDS if name in errors})
    return found["arrive"], found["leave"], found["meeting_cap"]


def _renamed(error: DomainError) -> DomainError:
    if type(error) is not DomainError or error.field not in _FIELDS:
        return error  # a NotFound stays a 404
    return DomainError(error.message, _FIELDS[error.field])


def _stored(invitation: Invitation) -> tuple:
    return invitation.arrive_slot, invitation.leave_slot, invitation.meeting_cap


def _found_first(lookup):
    """404 for a person or arena not the caller's before the body is read, so that nobody
    learns anything from a refused body (and a bad body never hides a 404)."""

    def decorator(view):
        @wraps(view)
        def wrapped(*args, **kwargs):
            lookup(**kwargs)
            return view(*args, **kwargs)

        return wrapped

    return decorator


def _own_invitation(arena_id: int) -> Invitation:
    return arena_service.invitation_of(caller(), arena_id)


def _staff_invitation(arena_id: int, invitation_id: int) -> tuple[Arena, Invitation]:
    arena = arena_service.arena_for_staff(caller(), arena_id)
    return arena, availability.invitation_in(arena, invitation_id)


# --- the invitee ------------------------------------------------------------------------------
@bp.route("/arenas/<int:arena_id>/times")
@roles("founder", "investor")
@bp.response(200, s.TimesOut)
@bp.alt_response(404, schema=s.ErrorOut, description="No such arena for you.")
def my_times(arena_id: int):
    """Your times at an arena you were invited to, and the clock times you can choose."""
    invitation = _own_invitation(arena_id)
    arena = invitation.arena
    return _times(arena, invitation, availability.open_to_participant(invitation, arena))


@bp.route("/arenas/<int:arena_id>/times", methods=["PUT"])
@roles("founder", "investor")
@_found_first(_own_invitation)
@bp.arguments(s.TimesIn)
@bp.response(200, s.TimesResult)
@bp.alt_response(404, schema=s.ErrorOut, description="No such arena for you.")
def set_my_times(values: dict, arena_id: int):
    """Set when you arrive and leave and at most how many meetings you want (send all three;
    null is the arena's own). Once you have accepted, while the arena invites; after the
    schedule is made, only the organisers change them. A refusal (422) changes nothing."""
    user = caller()
    invitation = _own_invitation(arena_id)
    availability.refuse_if_over(invitation.arena)
    try:
        changed = availability.set_by_participant(user, invitation.id,
                                                  *_values(invitation.arena, values))
    except DomainError as error:
        raise _renamed(error) from None
    invitation = db.session.get(Invitation, invitation.id)
    arena = invitation.arena
    return _times(arena, invitation, availability.open_to_participant(invitation, arena),
                  changed=changed, meetings_called_off=0)


# --- staff ------------------------------------------------------------------------------------
@bp.route("/arenas/<int:arena_id>/invitations/<int:invitation_id>/times")
@roles("staff")
@bp.response(200, s.TimesOut)
@bp.alt_response(404, schema=s.ErrorOut, description="Not an arena you manage, or no such "
                                                    "invitation in it.")
def person_times(arena_id: int, invitation_id: int):
    """Staff: the times of anyone on the arena's list."""
    arena, invitation = _staff_invitation(arena_id, invitation_id)
    return _times(arena, invitation, availability.staff_refusal(arena, invitation) is None)


@bp.route("/arenas/<int:arena_id>/invitations/<int:invitation_id>/times", methods=["PUT"])
@roles("staff")
@_found_first(_staff_invitation)
@bp.arguments(s.TimesIn)
@bp.response(200, s.TimesResult)
@bp.alt_response(404, schema=s.ErrorOut, description="Not an arena you manage, or no such "
                                                    "invitation in it.")
def set_person_times(values: dict, arena_id: int, invitation_id: int):
    """Staff: set or override anyone's times (send all three; null is the arena's own)
    until the arena has taken place or is cancelled. Once the schedule is made, the
    person's meetings that no longer fit are called off (`meetings_called_off`); re-run the
    schedule to fill the slots. A refusal (422) changes nothing."""
    arena, invitation = _staff_invitation(arena_id, invitation_id)
    refusal = availability.staff_refusal(arena, invitation)
    if refusal:  # as flask arenas times: the reason before anything wrong with the values
        raise DomainError(refusal)
    before = _stored(invitation)
    try:
        invitation, freed = availability.set_by_staff(caller(), arena, invitation.id,
                                                      *_values(arena, values))
    except DomainError as error:
        raise _renamed(error) from None
    arena = invitation.arena
    return _times(arena, invitation, availability.staff_refusal(arena, invitation) is None,
                  changed=_stored(invitation) != before, meetings_called_off=freed)
