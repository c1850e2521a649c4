"""/api/v1/me and /api/v1/pitches: investors and staff read the visible pitches, founders read
and write their own."""

from __future__ import annotations

from flask import g, request, url_for
from flask_babel import gettext as _

from app.api import pitch_schemas as s
from app.api.auth import caller, roles
from app.api.blueprint import Blueprint
from app.api.error_schemas import ErrorOut
from app.api.idempotency import REPLAYED, answer_holds_pitch, idempotent
from app.api.pagination import page_of
from app.api.refusals import ApiError
from app.api.user_schemas import UserOut
from app.extensions import db
from app.services import pitch_search, pitches
from app.services.errors import Conflict

bp = Blueprint("api_pitches", __name__, url_prefix="/api/v1",
               description="The caller, and pitches (founders write their own).")

FILTERS = ("sector", "stage", "municipality", "objective", "ask_min", "ask_max")


@bp.route("/me")
@bp.response(200, UserOut)
def me():
    """The caller's own account."""
    user = caller()
    return {"id": user.id, "name": user.name, "email": user.email, "role": user.role,
            "association": user.association.slug if user.association else None,
            "municipality": user.municipality,
            "token_scope": g.api_token.scope, "token_expires_at": g.api_token.expires_utc}


def search_filters(args: dict) -> dict:
    """The browse page's filters from validated query arguments."""
    found = {"text": args.get("q", ""), "sort": args.get("sort", "newest")}
    found.update({key: args.get(key) for key in FILTERS})
    return found


def _refuse_mine(user, mine: bool) -> None:
    """422 for a `mine` the caller's list cannot honour, rather than a list that quietly
    is not what was asked for (an investor's `mine=true` answered an empty list)."""
    if "mine" not in request.args or mine == user.is_founder:
        return
    if user.is_founder:
        why = _("A founder's list holds only their own pitches: send mine=true or leave "
                "it out.")
    else:
        why = _("Only founders have pitches of their own: leave out mine to list the "
                "pitches you may see.")
    raise ApiError(422, why, {"mine": [why]})


@bp.route("/pitches")
@bp.etag
@bp.arguments(s.PitchArgs, location="query", as_kwargs=True)
@bp.response(200, s.PitchPage)
def list_pitches(page: int, per_page: int, mine: bool = False, **args):
    """Investors and staff: the visible pitches. Founders: their own pitches, drafts and
    hidden ones included. The filters and `sort` apply to both lists; a founder's `newest`
    is newest made (a draft has no publishing date).

    `mine=true` asks for a founder's own list: investors and staff, who have no pitches of
    their own, are refused (422), and so is a founder's `mine=false`, as a founder lists
    no one else's pitches."""
    user = caller()
    _refuse_mine(user, mine)
    if user.is_founder:
        query = pitch_search.own_query(user.id, **search_filters(args))
    else:
        query = pitch_search.search_query(**search_filters(args))
    pagination = db.paginate(query, page=page, per_page=per_page, error_out=False)
    return page_of(pagination, list(pagination.items))


@bp.route("/pitches/<int:pitch_id>")
@bp.response(200, s.PitchOut)
@bp.alt_response(404, schema=ErrorOut, description="No such pitch (or not yours).")
def read_pitch(pitch_id: int):
    """One pitch: your own (drafts too); for investors any visible one; for staff any
    published one (a draft is its founder's alone)."""
    return pitches.pitch_for_viewer(caller(), pitch_id)


@bp.route("/pitches", methods=["POST"])
@roles("founder")
@idempotent(bp)
@bp.arguments(s.PitchIn)
@bp.response(201, s.PitchOut, headers={
    "Location": {"description": "The new pitch's address (/api/v1/pitches/{id}).",
                 "schema": {"type": "string"}},
    REPLAYED: {"description": "`true` when this is the stored answer to an earlier request "
                              "with the same Idempotency-Key (nothing new was made).",
               "schema": {"type": "string", "enum": ["true"]}}})
def create_pitch(values: dict):
    """A new draft pitch (founders). Send an `Idempotency-Key` to make retrying safe."""
    pitch = pitches.create_pitch(caller(), values)
    answer_holds_pitch(pitch.id)
    return pitch, {"Location": url_for("api_pitches.read_pitch", pitch_id=pitch.id)}


@bp.route("/pitches/<int:pitch_id>", methods=["PUT"])
@roles("founder")
@bp.arguments(s.PitchUpdate)
@bp.response(200, s.PitchOut)
@bp.alt_response(409, schema=ErrorOut, description="Changed since you read it.")
def update_pitch(values: dict, pitch_id: int):
    """Replace your pitch's fields; send the `version` you read.

    Send the whole pitch, as GET /pitches/{pitch_id} answers it: a field left out is saved
    as its default (empty or null), not kept as it was."""
    pitch = pitches.own_pitch(caller(), pitch_id)
    version = values.pop("version")
    try:
        return pitches.update_pitch(pitch, values, version)
    except Conflict:
        raise ApiError(409, _("The pitch has changed since the version you sent. Nothing was "
                              "saved: read it again (GET /api/v1/pitches/%(id)d) and send "
                              "your change with its new version.", id=pitch_id)) from None


def _raced(pitch_id: int) -> ApiError:
    """The API's words for a pitch saved by another request in between (the pages speak of
    another tab)."""
    return ApiError(409, _("The pitch was changed by another request at the same time. Nothing "
                           "was saved: read it again (GET /api/v1/pitches/%(id)d) and try "
                           "again.", id=pitch_id))


@bp.route("/pitches/<int:pitch_id>/publish", methods=["POST"])
@roles("founder")
@bp.response(200, s.PitchOut)
@bp.alt_response(404, schema=ErrorOut, description="No such pitch of yours.")
@bp.alt_response(409, schema=ErrorOut, description="Changed while it was being published.")
@bp.alt_response(403, schema=ErrorOut, description=(
    "Your self-registered e-mail address is not confirmed yet (code `address_unconfirmed`: "
    "open the link mailed at registration). Or your role may not use this endpoint, or the "
    "token is read-only."))
@bp.alt_response(422, schema=ErrorOut, description=(
    "The pitch lacks what publishing needs: `fields` names each of description, stage and "
    "sectors that is missing. (Or a query parameter this operation does not take.)"))
def publish_pitch(pitch_id: int):
    """Publish your draft: it needs a description, the stage and at least one sector.
    Publishing a published pitch changes nothing."""
    try:
        return pitches.publish(pitches.own_pitch(caller(), pitch_id))
    except Conflict:
        raise _raced(pitch_id) from None


@bp.route("/pitches/<int:pitch_id>/unpublish", methods=["POST"])
@roles("founder")
@bp.response(200, s.PitchOut)
@bp.alt_response(404, schema=ErrorOut, description="No such pitch of yours.")
@bp.alt_response(409, schema=ErrorOut, description="Changed while it was being unpublished.")
def unpublish_pitch(pitch_id: int):
    """Turn your published pitch back into a draft. Unpublishing a draft changes nothing.

    What it does, as the pitch page says before it asks "Yes, unpublish it": the pitch
    becomes a draft again, which only you can see. Investors no longer find it or get it
    recommended, and nobody can say they are interested in it; investors who answered it
    see that you have withdrawn it. The answers already given are kept, and so are your
    matches: contact details already shared stay shared. At an arena where you take part
    with this pitch you stay invited, but a meeting schedule the organisers make while it
    is a draft gives you no meetings. Publishing it again (POST
    /api/v1/pitches/{pitch_id}/publish) brings the answers back. This endpoint does not ask
    first: ask your user before you call it."""
    try:
        return pitches.unpublish(pitches.own_pitch(caller(), pitch_id))
    except Conflict:
        raise _raced(pitch_id) from None
