"""/api/v1 recommendations, interest marks and mutual matches."""

from __future__ import annotations

from flask_babel import gettext as _
from sqlalchemy import select

from app.api import match_schemas as s
from app.api.auth import caller, roles
from app.api.blueprint import Blueprint
from app.api.error_schemas import ErrorOut
from app.api.pagination import page_of
from app.api.pitches import search_filters
from app.api.refusals import ApiError
from app.extensions import db
from app.models import Interest, Pitch
from app.services import (
    explain,
    incoming_interest,
    interest,
    mutual_interest,
    pitches,
    recommendations,
)
from app.services.contacts import can_see_contacts, departure
from app.services.errors import NotFound

bp = Blueprint("api_matches", __name__, url_prefix="/api/v1",
               description="Recommendations with scores and reasons, interest, matches.")


def _scored(match, mine: dict, theirs: dict) -> dict:
    pair = (match.pitch_id, match.investor_profile_id)
    reasons = explain.said_reasons(match)  # what its explanation says, read once for both
    # Of the other side's answer only "interested" is theirs to tell, as the pages show it:
    # "saved" and "not for me" are their own lists (the raw kind told a founder which
    # investors had saved the pitch).
    their = "interested" if theirs.get(pair) == "interested" else None
    return {"score": float(match.score), "components": dict(match.components or {}),
            "shared_terms": list(match.shared_terms or []),
            "reasons": list(reasons), "explanation": explain.explain(match, reasons=reasons),
            "my_mark": mine.get(pair), "their_mark": their}


@bp.route("/recommendations")
@roles("investor")
@bp.etag
@bp.arguments(s.RecommendationArgs, location="query", as_kwargs=True)
@bp.response(200, s.PitchRecommendationPage)
def recommended_pitches(page: int, per_page: int, **args):
    """The investor's recommended pitches, best first, with the browse filters."""
    profile = interest.investor_profile_of(caller())
    if profile is None:
        return {"items": [], "page": page, "per_page": per_page, "total": 0, "pages": 0}
    filters = search_filters(args)
    filters.pop("sort", None)
    pagination = recommendations.recommended_pitches(profile, filters, page, per_page)
    mine = interest.marks_by("investor", investor_id=profile.id)
    theirs = interest.marks_by("founder", investor_id=profile.id)
    items = [dict(_scored(m, mine, theirs), pitch=m.pitch) for m in pagination.items]
    return page_of(pagination, items)


@bp.route("/pitches/<int:pitch_id>/recommendations")
@roles("founder")
@bp.etag
@bp.response(200, s.InvestorRecommendationList)
@bp.alt_response(404, schema=ErrorOut, description="No such pitch of yours.")
def recommended_investors(pitch_id: int):
    """Your pitch's 20 best recommended investors, best first, with scores and reasons (as
    on the pitch's page; not paginated). A pitch investors do not see (a draft, or one the
    organisers hid: see `hidden_reason`) has none."""
    pitch = pitches.own_pitch(caller(), pitch_id)
    found = recommendations.recommended_investors(pitch, 20) if pitch.is_visible else []
    mine = interest.marks_by("founder", pitch_id=pitch.id)
    theirs = interest.marks_by("investor", pitch_id=pitch.id)
    return {"items": [dict(_scored(m, mine, theirs), investor=m.investor) for m in found]}


def _pair_of(user, values: dict) -> tuple[int, int]:
    """(pitch id, investor id) of the caller's side of a pair: founders name the investor,
    investors mark for their own profile (match_schemas._whose_side refuses the investor_id
    of a body that says otherwise, with the body's other problems)."""
    if user.role == "investor":
        profile = interest.investor_profile_of(user)
        if profile is None:
            # Not the body's fault: the same body succeeds once the profile is written. The
            # account may not do it yet, as with address_unconfirmed: 403, a code of its own.
            raise ApiError(403, _("Write your investor profile first."),
                           code="profile_missing")
        return values["pitch_id"], profile.id  # the schema refused another profile's id
    return values["pitch_id"], values["investor_id"]  # the schema refused it left out


def _no_such_pair() -> ApiError:
    return ApiError(404, _("No such pitch or investor for you."))


@bp.route("/interests", methods=["PUT"])
@roles("founder", "investor")
@bp.arguments(s.InterestIn)
@bp.response(200, s.InterestResult)
@bp.alt_response(404, schema=ErrorOut, description="No such pitch or investor for you.")
def mark_interest(values: dict):
    """Mark a pair interested, not_for_me or saved (your own side).

    404 for a pitch or investor you cannot answer (unknown, a draft, another founder's
    pitch, an inactive investor). 422 for a founder's interest on their own pitch that
    investors do not see (a draft, or hidden: "not_for_me" and "saved" are accepted), with
    the reason under `pitch_id` in `fields`; for a founder without `investor_id` or an
    investor with another profile's, under `investor_id`. 403 with the code
    `profile_missing` for an investor who has not written a profile yet (PUT
    /api/v1/profile writes it). 403 with the code `address_unconfirmed` for "interested"
    while your self-registered e-mail address is not confirmed yet (open the link mailed at
    registration)."""
    user = caller()
    pitch_id, investor_id = _pair_of(user, values)
    try:
        result = interest.mark(user, pitch_id, investor_id, values["kind"])
    except NotFound:
        raise _no_such_pair() from None
    mark = result.interest
    return {"pitch_id": mark.pitch_id, "investor_profile_id": mark.investor_profile_id,
            "side": mark.side, "kind": mark.kind, "updated_at": mark.updated_at,
            "mutual": mutual_interest.is_mutual(mark.pitch_id, mark.investor_profile_id)}


@bp.route("/interests", methods=["DELETE"])
@roles("founder", "investor")
@bp.arguments(s.InterestPair, location="query")
@bp.response(204)
@bp.alt_response(404, schema=ErrorOut, description="No such pitch or investor for you.")
def clear_interest(values: dict):
    """Clear your own answer about a pair, as Undo does on the site: back to no answer. The
    other side's answer stays. An answer you gave is always cleared, whatever became of the
    pitch or profile since (a pitch made a draft again, hidden, an inactive investor).
    Clearing a pair you have not answered changes nothing (204 too), with the same
    refusals as PUT."""
    user = caller()
    pitch_id, investor_id = _pair_of(user, values)
    try:
        interest.clear(user, pitch_id, investor_id)
    except NotFound:
        raise _no_such_pair() from None
    return None


@bp.route("/interests")
@roles("founder", "investor")
@bp.etag
@bp.response(200, s.InterestList)
def list_interests():
    """Your own marks, newest first."""
    user = caller()
    query = select(Interest).where(Interest.side == user.role)
    if user.role == "investor":
        profile = interest.investor_profile_of(user)
        query = query.where(Interest.investor_profile_id == (profile.id if profile else -1))
    else:
        query = query.join(Pitch, Pitch.id == Interest.pitch_id).where(
            Pitch.owner_id == user.id)
    rows = db.session.scalars(query.order_by(Interest.updated_at.desc(), Interest.id.desc()))
    return {"items": list(rows)}


@bp.route("/interests/received")
@roles("founder", "investor")
@bp.etag
@bp.response(200, s.ReceivedList)
def received_interest():
    """Interest the other side has shown in you, however the pair ranks.

    As the pages' "Interested in this pitch" and "Interested in you" show it: for a founder,
    the active investors interested in each of your pitches that investors see; for an
    investor, the visible pitches whose founder is interested in you. Those you have not
    answered come first, newest first; a pair you said "not for me" to is left out. Answer
    with PUT /interests."""
    user = caller()
    if user.role == "founder":
        own = db.session.scalars(select(Pitch).where(Pitch.owner_id == user.id,
                                                     Pitch.visible_clause())).unique()
        rows = [row for pitch in own for row in incoming_interest.investors_interested_in(pitch)]
    else:
        profile = interest.investor_profile_of(user)
        rows = incoming_interest.pitches_interested_in(profile) if profile else []
    rows.sort(key=lambda r: (str(r.since), r.pitch.id, r.profile.id), reverse=True)
    rows.sort(key=lambda r: r.mutual)  # unanswered first, as the pages list them
    return {"items": [{"pitch_id": r.pitch.id, "investor_id": r.profile.id, "since": r.since,
                       "my_mark": r.mine, "mutual": r.mutual, "score": r.score,
                       "pitch": r.pitch, "investor": r.profile} for r in rows]}


@bp.route("/matches")
@roles("founder", "investor")
@bp.etag
@bp.response(200, s.MatchList)
def mutual_matches():
    """Mutual matches, with the other side's contact details. A pitch its founder has
    made a draft again (or staff hid) is withdrawn: the investor gets its id and
    `pitch_withdrawn`, not the pitch. Someone who left Koble has no contact details:
    `contact.left` says so."""
    user = caller()
    items = []
    for match in mutual_interest.mutual_matches(user):
        other = match.profile.user if user.role == "founder" else match.pitch.owner
        allowed = can_see_contacts(user, other)
        if user.role == "founder":
            contact = {"name": other.name if other else "",
                       "email": (match.profile.contact_email or (other.email if other else None))
                       if allowed else None,
                       "phone": (match.profile.contact_phone or (other.phone if other else None))
                       if allowed else None}
        else:
            contact = {"name": other.name if other else "",
                       "email": other.email if allowed and other else None,
                       "phone": other.phone if allowed and other else None}
        contact["left"] = departure(other) is not None
        items.append({"pitch_id": match.pitch.id, "pitch_withdrawn": match.withdrawn,
                      "pitch": None if match.withdrawn else match.pitch,
                      "investor": match.profile, "since": match.since, "contact": contact})
    return {"items": items}
