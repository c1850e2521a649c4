"""The pitch form and the browse (search) form."""

from __future__ import annotations

from flask_babel import LazyString, format_decimal
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from wtforms import SelectField, StringField, TextAreaField
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
    http_url,
    not_after_this_year,
    once_field,
    optional_choices,
)

MAX_ASK_NOK = 1_000_000_000
SORTS = {
    "newest": _l("Newest first"),
    "ask_asc": _l("Funding ask, lowest first"),
    "ask_desc": _l("Funding ask, highest first"),
    "title": _l("Title A–Z"),
}


class PitchForm(KobleForm):
    """Everything a founder tells investors about one idea."""

    version = VersionField()
    once = once_field()  # a new pitch's one-time token
    title = StringField(_l("Title"), validators=[DataRequired(), Length(max=120)],
                        description=_l("At most 120 characters."))
    summary = StringField(
        _l("One-line summary"), validators=[DataRequired(), Length(max=200)],
        description=_l("At most 200 characters."),
    )
    description = TextAreaField(
        _l("Description"), validators=[Optional(), Length(max=20000)],
        # What a founder can do first; the format's name last, for those who know it.
        description=_l("Plain text is fine. You can also use **bold**, lists (lines starting "
                       "with “- ”) and links: [text](https://…). The format is called "
                       "Markdown."),
        render_kw={"rows": 10},
    )
    sectors = MultiCheckboxField(_l("Sectors"), mapping=vocabulary.SECTORS)
    # No default stage: a draft may leave it open, publishing asks for it
    # (services/pitches.PUBLISH_NEEDS); it is stored as "" until chosen.
    stage = SelectField(_l("Stage"), default="", validators=[Optional()],
                        description=_l("Needed to publish, with a description and a sector."))
    ask_nok = KronerField(
        _l("Funding ask (NOK)"),
        validators=[Optional(), NumberRange(min=0, max=MAX_ASK_NOK)],
        description=LazyString(lambda: _("A whole number of kroner, no more than %(max)s.",
                                         max=format_decimal(MAX_ASK_NOK))),
    )
    funding_type = SelectField(_l("Funding type"), validators=[Optional()])
    municipality = SelectField(_l("Municipality"), validators=[Optional()])
    # The hint says what the EU taxonomy is before naming it: the name alone tells a founder
    # nothing.
    green_objectives = MultiCheckboxField(
        _l("Green objectives"), mapping=vocabulary.GREEN_OBJECTIVES,
        description=_l("The six environmental objectives the EU uses to decide what counts as "
                       "green (the EU taxonomy). Tick the ones your idea helps reach."),
    )
    support_needs = MultiCheckboxField(_l("Support needed"), mapping=vocabulary.SUPPORT_KINDS)
    team_size = WholeNumberField(
        _l("Team size"), validators=[Optional(), NumberRange(min=1, max=100000)],
        unreadable=_l("Enter a whole number of people, e.g. 4."),
    )
    founded_year = WholeNumberField(
        _l("Founded (year)"), validators=[Optional(), NumberRange(min=1900), not_after_this_year],
        unreadable=_l("Enter a year, e.g. 2024."),
    )
    # text, not type=url: http_url takes "firma.no" without its scheme, which a url input
    # refuses; inputmode still gives a phone its keyboard with "/" and ".no"
    website = StringField(_l("Website"), validators=[Optional(), http_url, Length(max=300)],
                          render_kw={"autocomplete": "url", "inputmode": "url"})

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.stage.choices = optional_choices(vocabulary.STAGES, _l("Not chosen"))
        self.funding_type.choices = optional_choices(vocabulary.FUNDING_TYPES, _l("Not decided"))
        self.municipality.choices = optional_choices(vocabulary.MUNICIPALITIES, _l("Not given"))

    def values(self) -> dict:
        """The plain values for the service."""
        return {
            "title": self.title.data.strip(),
            "summary": self.summary.data.strip(),
            "description": (self.description.data or "").strip(),
            "sectors": list(self.sectors.data or []),
            "stage": self.stage.data or "",
            "ask_nok": self.ask_nok.data,
            "funding_type": self.funding_type.data or None,
            "municipality": self.municipality.data or None,
            "green_objectives": list(self.green_objectives.data or []),
            "support_needs": list(self.support_needs.data or []),
            "team_size": self.team_size.data,
            "founded_year": self.founded_year.data,
            "website": self.website.data or None,
        }


class BrowseForm(KobleForm):
    """Search and filters for published pitches (a GET form, so no CSRF token)."""

    class Meta(CachedTranslationsMeta):
        csrf = False

    q = StringField(_l("Search"), validators=[Optional(), Length(max=200)])
    sector = FilterSelectField(_l("Sector"), validators=[Optional()])
    stage = FilterSelectField(_l("Stage"), validators=[Optional()])
    municipality = FilterSelectField(_l("Municipality"), validators=[Optional()])
    objective = FilterSelectField(_l("Green objective"), validators=[Optional()])
    ask_min = KronerField(
        _l("Ask at least (NOK)"), validators=[Optional(), NumberRange(min=0, max=MAX_ASK_NOK)],
    )
    ask_max = KronerField(
        _l("Ask at most (NOK)"), validators=[Optional(), NumberRange(min=0, max=MAX_ASK_NOK)],
    )
    sort = FilterSelectField(_l("Sort by"), choices=list(SORTS.items()), default="newest",
                             validators=[Optional()])

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        anything = _l("Any")
        self.sector.choices = optional_choices(vocabulary.SECTORS, anything)
        self.stage.choices = optional_choices(vocabulary.STAGES, anything)
        self.municipality.choices = optional_choices(vocabulary.MUNICIPALITIES, anything)
        self.objective.choices = optional_choices(vocabulary.GREEN_OBJECTIVES, anything)

    def validate_ask_max(self, field) -> None:
        if (field.data is not None and self.ask_min.data is not None
                and field.data < self.ask_min.data):
            raise ValidationError(_l("The maximum must not be below the minimum."))

    def filters(self) -> dict:
        """The plain filter values for the search service."""
        return {
            "text": (self.q.data or "").strip(),
            "sector": self.sector.data or None,
            "stage": self.stage.data or None,
            "municipality": self.municipality.data or None,
            "objective": self.objective.data or None,
            "ask_min": self.ask_min.data,
            "ask_max": self.ask_max.data,
            "sort": self.sort.data or "newest",
        }
