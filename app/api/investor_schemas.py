"""The marshmallow schemas of /api/v1's investors: an investor as a founder's match reads
them, and the investor's own profile written and read (shared field types come from
app/api/shared_schemas.py)."""

from __future__ import annotations

import marshmallow as ma
from email_validator import EmailNotValidError, validate_email
from flask import g
from flask_babel import gettext as _
from marshmallow import ValidationError, fields, validate, validates

from app import vocabulary
from app.api.shared_schemas import (
    Strict,
    Text,
    TrueOrFalse,
    Utc,
    WholeNumber,
    each_once,
    one_of,
    rules,
    tag_list,
)
from app.investors.forms import MAX_TICKET_NOK
from app.services.account_details import phone_acceptable, phone_refusal
from app.services.investors import MAX_PAST_INVESTMENTS, profile_of


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
    thesis = Text(load_default="", multi_line=True, validate=validate.Length(max=10000))
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
        each_once(data, ("sectors", "stages", "regions", "green_objectives", "support_offers",
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
