"""Forms for arenas: the staff's arena form, adding people, and the participant's answer."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    DateField,
    DateTimeLocalField,
    IntegerField,
    SelectField,
    StringField,
    TextAreaField,
    TimeField,
)
from wtforms.validators import DataRequired, Length, NumberRange, Optional

from app import vocabulary
from app.form_fields import MultiCheckboxField, VersionField
from app.services import arenas as arena_service
from app.services.errors import DomainError

THEMES = {
    "green": _l("Green transition"),
    "founder": _l("Founder support"),
    "open": _l("Open"),
}


def _positive(label, maximum: int, **kwargs):
    return IntegerField(label, validators=[DataRequired(message=_l("Enter a whole number.")),
                                           NumberRange(min=1, max=maximum)], **kwargs)


class ArenaForm(FlaskForm):
    """Everything staff decide about an arena."""

    version = VersionField()
    title = StringField(_l("Title"), validators=[DataRequired(), Length(max=160)])
    description = TextAreaField(_l("Description"), validators=[Optional(), Length(max=10000)],
                                render_kw={"rows": 5})
    theme = SelectField(_l("Theme"), choices=vocabulary.choices(THEMES),
                        validators=[DataRequired()])
    hosts = MultiCheckboxField(
        _l("Host associations"),
        mapping={slug: name for slug, (name, _m) in vocabulary.ASSOCIATIONS.items()})
    date = DateField(_l("Date"), validators=[DataRequired()])
    start_time = TimeField(_l("Starts at"), validators=[DataRequired()])
    end_time = TimeField(_l("Ends at"), validators=[DataRequired()])
    venue = StringField(_l("Venue"), validators=[DataRequired(), Length(max=200)])
    founder_capacity = _positive(_l("Seats for founders"), 1000)
    investor_capacity = _positive(_l("Seats for investors"), 1000)
    slot_minutes = _positive(_l("Minutes per meeting slot"), 240)
    slot_count = _positive(_l("Number of slots"), 100)
    breaks = StringField(
        _l("Break slots"), validators=[Optional(), Length(max=200)],
        description=_l("Slot numbers without meetings, counted from 1, e.g. 4, 8."))
    table_count = _positive(_l("Number of tables"), 1000)
    meeting_cap = IntegerField(
        _l("Most meetings per person"), validators=[Optional(), NumberRange(min=1, max=100)],
        description=_l("Leave empty for one meeting in every slot."))
    rsvp_deadline = DateTimeLocalField(_l("Answer deadline"), format="%Y-%m-%dT%H:%M",
                                       validators=[DataRequired()])

    def values(self) -> dict:
        """The typed values for the service; DomainError on unreadable break slots."""
        return {
            "title": self.title.data.strip(),
            "description": (self.description.data or "").strip(),
            "theme": self.theme.data,
            "date": self.date.data,
            "start_time": self.start_time.data,
            "end_time": self.end_time.data,
            "venue": self.venue.data.strip(),
            "founder_capacity": self.founder_capacity.data,
            "investor_capacity": self.investor_capacity.data,
            "slot_minutes": self.slot_minutes.data,
            "slot_count": self.slot_count.data,
            "breaks": arena_service.parse_breaks(self.breaks.data),
            "table_count": self.table_count.data,
            "meeting_cap": self.meeting_cap.data,
            "rsvp_deadline": self.rsvp_deadline.data,
        }

    def load(self, arena) -> None:
        """Fill the form from a stored arena (GET of the edit page)."""
        for key in ("title", "description", "theme", "date", "start_time", "end_time", "venue",
                    "founder_capacity", "investor_capacity", "slot_minutes", "slot_count",
                    "table_count", "meeting_cap", "version"):
            getattr(self, key).data = getattr(arena, key)
        self.breaks.data = arena_service.format_breaks(arena.breaks)
        self.hosts.data = [a.slug for a in arena.hosts]
        self.rsvp_deadline.data = arena_service.utc_to_local(arena.rsvp_deadline_utc)

    def add_error(self, error: DomainError) -> None:
        field = getattr(self, error.field or "title", self.title)
        field.errors = list(field.errors) + [error.message]


class PersonSearchForm(FlaskForm):
    """Find a founder or investor by name or e-mail (GET)."""

    class Meta:
        csrf = False

    q = StringField(_l("Name or e-mail"), validators=[Optional(), Length(max=120)])
