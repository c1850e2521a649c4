"""The marshmallow schemas of /api/v1: they validate requests, shape responses and are the
source of the OpenAPI description. Here: the shared field types, pitches, investor profiles
and errors; arena answers are in arena_schemas.py, matching answers in match_schemas.py.

PitchIn mirrors the pitch form's constraints (app/pitches/forms.py); the rules beyond
field shapes stay in app/services/pitches.py.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping
from datetime import UTC, date
from functools import wraps

import marshmallow as ma
from email_validator import EmailNotValidError, validate_email
from flask import g, request
from flask_babel import gettext as _
from marshmallow import ValidationError, fields, validate, validates, validates_schema

from app import vocabulary
from app.api.schema_messages import Localised
from app.extensions import db
from app.investors.forms import MAX_TICKET_NOK
from app.models import Pitch
from app.pitches.forms import MAX_ASK_NOK, SORTS
from app.services import paging, pitches
from app.services.account_details import phone_acceptable, phone_refusal
from app.services.investors import MAX_PAST_INVESTMENTS, profile_of
from app.web_addresses import web_address

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
MAX_PAGE = paging.MAX_PAGE


class Text(fields.String):
    """A string, trimmed, without control characters (tabs and newlines allowed)."""

    def _deserialize(self, value, attr, data, **kwargs):
        text = super()._deserialize(value, attr, data, **kwargs)
        if _CONTROL.search(text):
            raise ValidationError(_("Must not contain control characters."))
        return text.strip()


class WebAddress(Text):
    """A web address as the pitch form reads it: a bare domain ("solkraft.no") gets
    https:// in front; anything but an http(s) address is refused."""

    def _deserialize(self, value, attr, data, **kwargs):
        text = super()._deserialize(value, attr, data, **kwargs)
        try:
            return web_address(text) or ""  # "" (nothing typed) is stored as null
        except ValueError:
            raise ValidationError(_("Enter a web address, such as solkraft.no or "
                                    "https://solkraft.no.")) from None


class WholeNumber(fields.Integer):
    """An integer in a JSON body: a JSON number, as the description's "integer" says. The
    one rule for every whole-number body field (query parameters are text and stay read
    from it). marshmallow's Integer reads "3000000" as 3000000 and 2.5 as 2: a string is
    refused, and so is a number with a fraction, instead of cut off (2.0 is 2, as JSON
    makes no difference)."""

    def _validated(self, value):
        if isinstance(value, str) or (isinstance(value, float) and math.isfinite(value)
                                      and not value.is_integer()):
            raise self.make_error("invalid", input=value)
        return super()._validated(value)


class TrueOrFalse(fields.Boolean):
    """A boolean in a JSON body: JSON true or false, as the description's "boolean" says.
    The one rule for every boolean body field, as WholeNumber is for whole numbers (query
    parameters are text and stay read from it). marshmallow's Boolean also reads "true",
    "yes", "on", "1", 1 and 0 (and their "false" kin): each is refused."""

    def _deserialize(self, value, attr, data, **kwargs):
        if not isinstance(value, bool):
            raise self.make_error("invalid", input=value)
        return value


def one_of(mapping: dict) -> validate.OneOf:
    return validate.OneOf(list(mapping))


def tag_list(mapping: dict, **kwargs) -> fields.List:
    return fields.List(fields.String(validate=one_of(mapping)), load_default=list,
                       validate=validate.Length(max=len(mapping)), **kwargs)


class Utc(fields.DateTime):
    """An RFC 3339 timestamp in UTC (SQLite hands back naive datetimes; they are UTC)."""

    def _serialize(self, value, attr, obj, **kwargs):
        if value is not None and value.tzinfo is None:
            value = value.replace(tzinfo=UTC)
        return super()._serialize(value, attr, obj, **kwargs)


class Strict(Localised):
    """An input schema: an unknown field is refused, and every refusal speaks the caller's
    language (schema_messages.py)."""

    class Meta:
        unknown = ma.RAISE


Refuse = Callable[..., None]


def rules(check: Callable[[ma.Schema, dict, Refuse], None]):
    """A schema's rules across fields, refused together with the fields' own refusals: one
    422 names every problem of a body, as the forms mark every field at once. marshmallow
    skips a schema validator when a field failed and stops at its first ValidationError, so
    a body with three problems took three round trips. `check(self, data, refuse)` calls
    `refuse(message, field, *also)` for each broken rule, the message under `field`; a rule
    is left out when `field` or a field in `also` was sent but refused (not in `data`,
    named in `refuse.failed`): its own refusal says what is wrong, and the rule would judge
    a value the body did not hold."""

    @validates_schema(skip_on_field_errors=False, pass_original=True)
    @wraps(check)
    def validator(self, data, original_data, **_kwargs):
        failed = set(original_data) - set(data) if isinstance(original_data, Mapping) else set()
        errors: dict[str, list[str]] = {}

        def refuse(message: str, field: str, *also: str) -> None:
            if not failed & {field, *also}:
                errors.setdefault(field, []).append(message)

        refuse.failed = failed  # type: ignore[attr-defined]

        check(self, data, refuse)
        if errors:
            raise ValidationError(errors)

    return validator


def _each_once(data: dict, keys, refuse: Refuse) -> None:
    for key in keys:
        values = data.get(key) or []
        if len(set(values)) != len(values):
            refuse(_("Each option can be chosen once."), key)


# --- shared -------------------------------------------------------------------------------
class PageArgs(Strict):
    page = fields.Integer(load_default=1, validate=validate.Range(min=1, max=MAX_PAGE))
    per_page = fields.Integer(load_default=20, validate=validate.Range(min=1, max=100))


class PageMeta(ma.Schema):
    page = fields.Integer(required=True)
    per_page = fields.Integer(required=True)
    total = fields.Integer(required=True)
    pages = fields.Integer(required=True)


class UserOut(ma.Schema):
    id = fields.Integer(required=True)
    name = fields.String(required=True)
    email = fields.String(required=True)
    role = fields.String(required=True)
    association = fields.String(allow_none=True)
    municipality = fields.String(allow_none=True)
    token_scope = fields.String(required=True)
    token_expires_at = Utc(required=True)


# --- pitches ------------------------------------------------------------------------------
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
    description = Text(load_default="", validate=validate.Length(max=20000))
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
        _each_once(data, ("sectors", "green_objectives", "support_needs"), refuse)

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


# --- investors ----------------------------------------------------------------------------
class InvestorOut(ma.Schema):
    id = fields.Integer(required=True)
    organisation = fields.String(required=True)
    investor_type = fields.String(required=True)
    thesis = fields.String(required=True)
    sectors = fields.List(fields.String(), required=True)
    stages = fields.List(fields.String(), required=True)
    ticket_min = fields.Integer(allow_none=True)
    ticket_max = fields.Integer(allow_none=True)
    regions = fields.List(fields.String(), required=True)
    green_mandate = fields.String(required=True)
    green_objectives = fields.List(fields.String(), required=True)
    # what a support partner (no ticket) brings; investors list theirs here too
    support_offers = fields.List(fields.String(), required=True)


def _partner_refusal(keys: list[str]) -> str:
    """A support partner's capital offer or money funding types, refused by their keys."""
    return _("A support partner offers no capital: leave out %(keys)s or choose another "
             "investor type.", keys=", ".join(f'"{k}"' for k in keys))


class ProfileIn(Strict):
    """The investor's own profile, as the profile form takes it (app/investors/forms.py)."""

    organisation = Text(required=True, validate=validate.Length(min=1, max=120))
    investor_type = fields.String(
        required=True, validate=one_of(vocabulary.INVESTOR_TYPES),
        metadata={"description": "`partner` is a support partner: it offers support but no "
                                 "capital, so it has no ticket sizes, `capital` is not "
                                 "among its support_offers and its funding_types hold "
                                 "at most `partnership`."})
    thesis = Text(load_default="", validate=validate.Length(max=10000))
    sectors = tag_list(vocabulary.SECTORS)
    stages = tag_list(vocabulary.STAGES)
    stages_only = TrueOrFalse(load_default=False)
    ticket_min = WholeNumber(load_default=None, allow_none=True,
                             validate=validate.Range(min=0, max=MAX_TICKET_NOK),
                             metadata={"description": "Saved as null for a partner."})
    ticket_max = WholeNumber(load_default=None, allow_none=True,
                             validate=validate.Range(min=0, max=MAX_TICKET_NOK),
                             metadata={"description": "Saved as null for a partner."})
    ticket_only = TrueOrFalse(
        load_default=False,
        metadata={"description": "Pitches asking for over three times more or less than the "
                                 "ticket sizes are not recommended; needs ticket_min or "
                                 "ticket_max (refused with 422 without them); saved as false "
                                 "for a partner."})
    regions = tag_list(vocabulary.MUNICIPALITIES)
    green_mandate = fields.String(load_default="none", validate=one_of(vocabulary.GREEN_MANDATES))
    green_objectives = tag_list(
        vocabulary.GREEN_OBJECTIVES,
        metadata={"description": "Only with a green mandate (`preferred` or `required`): "
                                 "sent with `none`, they are refused (422)."})
    support_offers = tag_list(vocabulary.SUPPORT_KINDS)
    funding_types = tag_list(vocabulary.FUNDING_TYPES)
    contact_email = Text(load_default=None, allow_none=True, validate=validate.Length(max=254),
                         metadata={"description": "Shown to a founder only after mutual "
                                                  "interest."})
    contact_phone = Text(load_default=None, allow_none=True, validate=validate.Length(max=40),
                         metadata={"description": "Shown to a founder only after mutual "
                                                  "interest."})
    past_investments = WholeNumber(
        load_default=0, validate=validate.Range(min=0, max=MAX_PAST_INVESTMENTS),
        metadata={"description": "How many companies you have invested in so far: your track "
                                 "record, part of the activity score when pitches are matched "
                                 "with investors."})
    version = WholeNumber(load_default=None, allow_none=True,
                          validate=validate.Range(min=1, max=2**31 - 1),
                          metadata={"description": "The version you read; required once "
                                                   "you have a profile (a newer one on the "
                                                   "server gives 409, unless it already "
                                                   "holds exactly what you send: a retry "
                                                   "gets 200). Omit it to create your "
                                                   "profile."})

    @validates("contact_phone")
    def _phone(self, value, **_kwargs):
        # a number the profile holds already is kept, as on the profile page: a client
        # sending back what it read must not be refused for a number taken by an older rule
        profile = profile_of(g.api_user) if g.get("api_user") is not None else None
        if not phone_acceptable(value, profile.contact_phone if profile else None):
            raise ValidationError(phone_refusal())

    @rules
    def _rules(self, data, refuse):
        partner = data.get("investor_type") == vocabulary.PARTNER
        low, high = data.get("ticket_min"), data.get("ticket_max")
        if not partner and low is not None and high is not None and high < low:
            refuse(_("The minimum ticket must not be above the maximum."), "ticket_max",
                   "ticket_min", "investor_type")
        if partner and "capital" in (data.get("support_offers") or ()):
            refuse(_partner_refusal(["capital"]), "support_offers")
        money = [k for k in vocabulary.CAPITAL_FUNDING_TYPES
                 if k in (data.get("funding_types") or ())]
        if partner and money:
            refuse(_partner_refusal(money), "funding_types")
        if not partner and data.get("ticket_only") and low is None and high is None:
            # the profile form's words ("or untick it") name a checkbox a script has not
            refuse(_('"ticket_only" needs a ticket size: send "ticket_min" or "ticket_max", '
                     'or "ticket_only" as false.'), "ticket_only", "ticket_min", "ticket_max",
                   "investor_type")
        if data.get("green_mandate") == "none" and data.get("green_objectives"):
            # the profile form's words name its buttons ("choose Preferred or Required, or
            # untick the objectives"), which a script has none of (services/investors.py)
            refuse(_('Green objectives count only with a green mandate: send "green_mandate" '
                     'as "preferred" or "required", or "green_objectives" as an empty list.'),
                   "green_objectives", "green_mandate")
        _each_once(data, ("sectors", "stages", "regions", "green_objectives", "support_offers",
                          "funding_types"), refuse)
        email = data.get("contact_email")
        if email:
            try:
                validate_email(email, check_deliverability=False)
            except EmailNotValidError:
                refuse(_("Not a valid e-mail address."), "contact_email")

    @ma.post_load
    def _empty_to_none(self, data, **_kwargs):
        data["contact_email"] = (data.get("contact_email") or "").lower() or None
        data["contact_phone"] = data.get("contact_phone") or None
        return data


class ProfileOut(InvestorOut):
    stages_only = fields.Boolean(required=True)
    ticket_only = fields.Boolean(required=True)
    funding_types = fields.List(fields.String(), required=True)
    contact_email = fields.String(allow_none=True)
    contact_phone = fields.String(allow_none=True)
    past_investments = fields.Integer(required=True)
    active = fields.Boolean(required=True)
    version = fields.Integer(required=True)
    created_at = Utc(required=True)
    updated_at = Utc(required=True)


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

