"""/api/v1/profile: an investor reads and writes their own profile, as on the profile page."""

from __future__ import annotations

from flask_babel import gettext as _

from app.api import investor_schemas as s
from app.api.auth import caller, roles
from app.api.blueprint import Blueprint
from app.api.error_schemas import ErrorOut
from app.api.refusals import ApiError
from app.services import investors
from app.services.errors import Conflict

bp = Blueprint("api_profile", __name__, url_prefix="/api/v1",
               description="The investor's own profile (investors).")


@bp.route("/profile")
@roles("investor")
@bp.response(200, s.ProfileOut)
@bp.alt_response(404, schema=ErrorOut, description="You have not written a profile yet.")
def read_profile():
    """Your investor profile, with its contact details and `version`."""
    profile = investors.profile_of(caller())
    if profile is None:
        raise ApiError(404, _("You have not written your investor profile yet."))
    return profile


@bp.route("/profile", methods=["PUT"])
@roles("investor")
@bp.arguments(s.ProfileIn)
@bp.response(200, s.ProfileOut)
@bp.alt_response(409, schema=ErrorOut, description="Changed since you read it.")
def write_profile(values: dict):
    """Create your profile, or replace its fields (send the `version` you read); your
    recommendations are re-scored at once.

    Send the whole profile, as GET /profile answers it: a field left out is saved as its
    default (an empty list, null, false or 0), not kept as it was."""
    user = caller()
    version = values.pop("version")
    if version is None and investors.profile_of(user) is not None:
        raise ApiError(409, _("You already have a profile: send the version you read "
                              "(GET /api/v1/profile)."))
    try:
        return investors.save_profile(user, values, version)
    except Conflict:
        # The pages speak of another tab; a script sent a version.
        raise ApiError(409, _("Your profile has changed since the version you sent. Nothing "
                              "was saved: read it again (GET /api/v1/profile) and send your "
                              "change with its new version.")) from None
