"""The marshmallow schemas of /api/v1's matching answers: recommendations with their scores,
interest marks and mutual matches with the contact shared (pitches and investors come from
app/api/pitch_schemas.py and investor_schemas.py, the shared field types from
shared_schemas.py)."""

from __future__ import annotations

import marshmallow as ma
from flask import g
from flask_babel import gettext as _
from marshmallow import fields, validate

from app.api.investor_schemas import InvestorOut
from app.api.pitch_schemas import PitchArgs, PitchOut
from app.api.shared_schemas import PageMeta, Strict, Utc, WholeNumber, rules
from app.models.interest import INTEREST_KINDS
from app.services import interest


class RecommendationArgs(PitchArgs):
    class Meta:
        exclude = ("mine", "sort")
        unknown = ma.RAISE


class ContactOut(ma.Schema):
    name = fields.String(required=True)
    email = fields.String(allow_none=True)
    phone = fields.String(allow_none=True)
    left = fields.Boolean(required=True, metadata={
        "description": "The other person is no longer on Koble (they deleted their account, "
                       "or it was deactivated; which is not said): `email` and `phone` are "
                       "then null, and they cannot be reached through Koble."})


class ScoreFields(ma.Schema):
    score = fields.Float(required=True)
    components = fields.Dict(keys=fields.String(), values=fields.Float(), required=True)
    shared_terms = fields.List(fields.String(), required=True)
    reasons = fields.List(fields.String(), required=True, metadata={
        "description": "The reason codes the `explanation` is written from, strongest first "
                       "(such as `stage_fit`, `same_region`, `funding_match`): its sentence "
                       "puts the strongest few into words."})
    explanation = fields.String(required=True)
    my_mark = fields.String(allow_none=True, metadata={
        "description": "Your own answer about this pair: `interested`, `not_for_me`, "
                       "`saved`, or null."})
    their_mark = fields.String(allow_none=True, metadata={
        "description": "`interested` when the other side said they are interested, else "
                       "null: whether they saved the pair or said \"not for me\" is theirs "
                       "alone."})


class PitchRecommendation(ScoreFields):
    pitch = fields.Nested(PitchOut, required=True)


class InvestorRecommendation(ScoreFields):
    investor = fields.Nested(InvestorOut, required=True)


class PitchRecommendationPage(PageMeta):
    items = fields.List(fields.Nested(PitchRecommendation), required=True)


class InvestorRecommendationList(ma.Schema):
    items = fields.List(fields.Nested(InvestorRecommendation), required=True)


@rules
def _whose_side(_schema, data, refuse):
    """Founders name the investor; investors answer for their own profile. Refused with the
    body's other problems (a wrong `kind` too), not in a round of its own."""
    user = g.get("api_user")
    if user is None:
        return
    investor_id = data.get("investor_id")
    if user.role == "founder" and investor_id is None:
        refuse(_("Required for founders."), "investor_id")
    if user.role == "investor" and investor_id is not None:
        profile = interest.investor_profile_of(user, ("id",))
        if profile is not None and investor_id != profile.id:  # none: the view says so
            refuse(_("Investors answer for their own profile: leave out investor_id."),
                   "investor_id")


class InterestIn(Strict):
    pitch_id = WholeNumber(required=True, validate=validate.Range(min=1, max=2**31 - 1))
    investor_id = WholeNumber(validate=validate.Range(min=1, max=2**31 - 1), metadata={
        "description": "Required for founders (the investor profile). Investors answer "
                       "for their own profile: they leave it out (their own profile's id is "
                       "accepted, another's is 422)."})
    kind = fields.String(required=True, validate=validate.OneOf(INTEREST_KINDS))
    _side = _whose_side


class InterestPair(Strict):
    pitch_id = fields.Integer(required=True, validate=validate.Range(min=1, max=2**31 - 1))
    investor_id = fields.Integer(validate=validate.Range(min=1, max=2**31 - 1), metadata={
        "description": "Required for founders (the investor profile); investors leave it "
                       "out."})
    _side = _whose_side


class InterestOut(ma.Schema):
    pitch_id = fields.Integer(required=True)
    investor_id = fields.Integer(required=True, attribute="investor_profile_id")
    side = fields.String(required=True)
    kind = fields.String(required=True)
    updated_at = Utc(required=True)


class InterestResult(InterestOut):
    mutual = fields.Boolean(required=True)


class InterestList(ma.Schema):
    items = fields.List(fields.Nested(InterestOut), required=True)


class ReceivedOut(ma.Schema):
    pitch_id = fields.Integer(required=True)
    investor_id = fields.Integer(required=True)
    since = Utc(required=True, metadata={
        "description": "When the other side said they are interested."})
    my_mark = fields.String(allow_none=True, metadata={
        "description": "Your answer so far: null (none yet), `saved` or `interested` (then "
                       "it is a mutual match: see /matches)."})
    mutual = fields.Boolean(required=True)
    score = fields.Float(allow_none=True, metadata={
        "description": "The engine's score of the pair; null when it scored none."})
    pitch = fields.Nested(PitchOut, required=True)
    investor = fields.Nested(InvestorOut, required=True)


class ReceivedList(ma.Schema):
    items = fields.List(fields.Nested(ReceivedOut), required=True)


class MatchOut(ma.Schema):
    pitch_id = fields.Integer(required=True)
    pitch_withdrawn = fields.Boolean(required=True, metadata={
        "description": "The founder made the pitch a draft again, or staff hid it: `pitch` "
                       "is then null for the investor, as a draft is its founder's alone. "
                       "The contact details the two agreed to share stay."})
    pitch = fields.Nested(PitchOut, required=True, allow_none=True)
    investor = fields.Nested(InvestorOut, required=True)
    since = Utc(allow_none=True)
    contact = fields.Nested(ContactOut, required=True)


class MatchList(ma.Schema):
    items = fields.List(fields.Nested(MatchOut), required=True)
