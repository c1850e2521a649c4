"""The investor profile form and the investor browse form."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, EmailField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Optional, ValidationError

from app import vocabulary
from app.form_base import KobleForm, Length, NumberRange
from app.form_fields import (
    CachedTranslationsMeta,
    FilterSelectField,
    KronerField,
    MultiCheckboxField,
    VersionField,
    WholeNumberField,
    email_address,
    optional_choices,
)
from app.services.account_details import phone_acceptable, phone_refusal
from app.services.investors import (
    MAX_PAST_INVESTMENTS,
    green_objectives_problem,
    partner_capital_problem,
    partner_funding_problem,
    ticket_only_problem,
)

MAX_TICKET_NOK = 10_000_000_000


class ProfileForm(KobleForm):
    """What an investor looks for, and how to reach them once both sides are interested."""

    version = VersionField()
    organisation = StringField(
        _l("Organisation"), validators=[DataRequired(), Length(max=120)],
        render_kw={"autocomplete": "organization"},
        description=_l("Your fund or company, as founders will see it; an angel investor "
                       "writes their own name."),
    )
    investor_type = SelectField(
        _l("Investor type"), choices=vocabulary.choices(vocabulary.INVESTOR_TYPES),
        validators=[DataRequired()],
        description=_l("Offer mentoring, competence, premises, a network or a pilot, but no "
                       "money? Choose “Support partner (no capital)”."),
    )
    thesis = TextAreaField(
        _l("Investment thesis"), validators=[Optional(), Length(max=10000)],
        description=_l("What you invest in, and why (a support partner: what you offer, "
                       "and to whom)."), render_kw={"rows": 6},
    )
    sectors = MultiCheckboxField(_l("Sectors"), mapping=vocabulary.SECTORS)
    stages = MultiCheckboxField(_l("Stages"), mapping=vocabulary.STAGES)
    stages_only = BooleanField(
        _l("Only these stages"),
        description=_l("Ticked: pitches at other stages are not recommended to you. Unticked: "
                       "they rank lower."),
    )
    ticket_min = KronerField(
        _l("Smallest ticket (NOK)"),
        validators=[Optional(), NumberRange(min=0, max=MAX_TICKET_NOK)],
        description=_l("A support partner offers no capital: leave the ticket sizes empty "
                       "(they are not saved for a partner)."),
    )
    ticket_max = KronerField(
        _l("Largest ticket (NOK)"),
        validators=[Optional(), NumberRange(min=0, max=MAX_TICKET_NOK)],
    )
    ticket_only = BooleanField(
        _l("Only pitches near my ticket sizes"),
        description=_l("Ticked: pitches that ask for much less or much more than your ticket "
                       "sizes (over three times) are not recommended to you. Unticked: they "
                       "rank lower."),
    )
    regions = MultiCheckboxField(_l("Regions and municipalities"),
                                 mapping=vocabulary.MUNICIPALITIES)
    green_mandate = SelectField(
        _l("Green mandate"), choices=vocabulary.choices(vocabulary.GREEN_MANDATES),
        validators=[DataRequired()], default="none",
        description=_l("Preferred: pitches that name a green objective rank higher. Required: "
                       "only those are recommended to you."),
    )
    green_objectives = MultiCheckboxField(
        _l("Green objectives sought"), mapping=vocabulary.GREEN_OBJECTIVES
    )
    support_offers = MultiCheckboxField(_l("Support offered"), mapping=vocabulary.SUPPORT_KINDS)
    funding_types = MultiCheckboxField(
        _l("Funding types"), mapping=vocabulary.FUNDING_TYPES,
        description=_l("A support partner offers no capital: of these, only a partnership."),
    )
    past_investments = WholeNumberField(
        _l("Past investments"), default=0,
        validators=[Optional(), NumberRange(min=0, max=MAX_PAST_INVESTMENTS)],
        description=_l("How many companies you have invested in so far. Founders' "
                       "recommendations rank active investors higher."),
    )
    contact_email = EmailField(
        _l("Contact e-mail"),
        validators=[Optional(), email_address(), Length(max=254)],
        description=_l("Shown to a founder only after you are both interested."),
        render_kw={"autocomplete": "email"},
    )
    contact_phone = StringField(
        _l("Contact phone"), validators=[Optional(), Length(max=40)],
        description=_l("Shown to a founder only after you are both interested."),
        # a phone's keypad for the digits, as on the account page
        render_kw={"autocomplete": "tel", "inputmode": "tel"},
    )

    def _is_partner(self) -> bool:
        return self.investor_type.data == vocabulary.PARTNER

    def validate_ticket_max(self, field) -> None:
        if self._is_partner():
            return  # the service drops a partner's ticket sizes
        low = self.ticket_min.data
        if field.data is not None and low is not None and low > field.data:
            raise ValidationError(_l("The minimum ticket must not be above the maximum."))

    def validate_ticket_only(self, field) -> None:
        if self._is_partner():
            return  # the service drops a partner's ticket sizes and this with them
        problem = ticket_only_problem(field.data, self.ticket_min.data, self.ticket_max.data)
        if problem:
            raise ValidationError(problem)

    def validate_green_objectives(self, field) -> None:
        # The service's rule, checked here too so that the page shows it with the others.
        problem = green_objectives_problem(self.green_mandate.data, field.data)
        if problem:
            raise ValidationError(problem)

    def validate_support_offers(self, field) -> None:
        problem = partner_capital_problem(self.investor_type.data, field.data)
        if problem:
            raise ValidationError(problem)

    def validate_funding_types(self, field) -> None:
        problem = partner_funding_problem(self.investor_type.data, field.data)
        if problem:
            raise ValidationError(problem)

    def validate_contact_phone(self, field) -> None:
        # object_data: the number saved (the form is drawn with obj=the profile)
        if not phone_acceptable(field.data, field.object_data):
            raise ValidationError(phone_refusal())

    def values(self) -> dict:
        """The plain values for the service."""
        return {
            "organisation": self.organisation.data.strip(),
            "investor_type": self.investor_type.data,
            "thesis": (self.thesis.data or "").strip(),
            "sectors": list(self.sectors.data or []),
            "stages": list(self.stages.data or []),
            "stages_only": bool(self.stages_only.data),
            "ticket_min": self.ticket_min.data,
            "ticket_max": self.ticket_max.data,
            "ticket_only": bool(self.ticket_only.data),
            "regions": list(self.regions.data or []),
            "green_mandate": self.green_mandate.data,
            "green_objectives": list(self.green_objectives.data or []),
            "support_offers": list(self.support_offers.data or []),
            "funding_types": list(self.funding_types.data or []),
            "contact_email": (self.contact_email.data or "").strip().lower() or None,
            "contact_phone": (self.contact_phone.data or "").strip() or None,
            "past_investments": self.past_investments.data or 0,
        }


class InvestorBrowseForm(KobleForm):
    """Search and filters for investor profiles (GET)."""

    class Meta(CachedTranslationsMeta):
        csrf = False

    q = StringField(_l("Search"), validators=[Optional(), Length(max=200)])
    sector = FilterSelectField(_l("Sector"), validators=[Optional()])
    stage = FilterSelectField(_l("Stage"), validators=[Optional()])
    region = FilterSelectField(_l("Region"), validators=[Optional()])
    green_mandate = FilterSelectField(_l("Green mandate"), validators=[Optional()])
    investor_type = FilterSelectField(_l("Type"), validators=[Optional()])

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        anything = _l("Any")
        self.sector.choices = optional_choices(vocabulary.SECTORS, anything)
        self.stage.choices = optional_choices(vocabulary.STAGES, anything)
        self.region.choices = optional_choices(vocabulary.MUNICIPALITIES, anything)
        self.green_mandate.choices = optional_choices(vocabulary.GREEN_MANDATES, anything)
        self.investor_type.choices = optional_choices(vocabulary.INVESTOR_TYPES, anything)

    def filters(self) -> dict:
        """The plain filter values for the search service."""
        return {
            "text": (self.q.data or "").strip(),
            "sector": self.sector.data or None,
            "stage": self.stage.data or None,
            "region": self.region.data or None,
            "green_mandate": self.green_mandate.data or None,
            "investor_type": self.investor_type.data or None,
        }
