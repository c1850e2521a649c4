"""Forms for arenas: the staff's arena form, adding people, and a person's time at the arena."""

from __future__ import annotations

import re

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_babel import lazy_ngettext
from wtforms import SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Optional, ValidationError

from app import vocabulary
from app.form_base import KobleForm, Length, NumberRange
from app.form_fields import (
    CalendarDateField,
    ClockTimeField,
    DateAndTimeField,
    DigestVersionField,
    MultiCheckboxField,
    WholeNumberField,
    WholeNumberRequired,
    once_field,
)
from app.services import arena_edits, arena_values, arenas, availability, reference
from app.services.errors import DomainError, NotFound
from app.templating import clock_face

_WHOLE_NUMBER = re.compile(r"-?[0-9]{1,6}")
WHOLE_SEATS = _l("Enter a whole number of seats, e.g. 10.")
THEMES = {
    "green": _l("Green transition"),
    "founder": _l("Founder support"),
    "open": _l("Open"),
}


def _positive(label, maximum: int, **kwargs):
    return WholeNumberField(label, validators=[WholeNumberRequired(_l("Enter a whole number.")),
                                           NumberRange(min=1, max=maximum)], **kwargs)


class ArenaForm(KobleForm):
    """Everything staff decide about an arena."""

    # what the edit page showed (arena_edits.edit_version), not the row's version: a schedule
    # change writes the row too, and is no change to what this form says
    version = DigestVersionField()
    once = once_field()  # a new arena's one-time token
    title = StringField(_l("Title"), validators=[DataRequired(), Length(max=160)])
    description = TextAreaField(_l("Description"), validators=[Optional(), Length(max=10000)],
                                render_kw={"rows": 5})
    theme = SelectField(_l("Theme"), choices=vocabulary.choices(THEMES),
                        validators=[DataRequired()])
    hosts = MultiCheckboxField(_l("Host associations"))  # choices: __init__
    date = CalendarDateField(_l("Date"), validators=[DataRequired()])
    start_time = ClockTimeField(_l("Starts at"), validators=[DataRequired()])
    end_time = ClockTimeField(_l("Ends at"), validators=[DataRequired()])
    venue = StringField(_l("Venue"), validators=[DataRequired(), Length(max=200)])
    founder_capacity = _positive(_l("Seats for founders"), 1000, unreadable=WHOLE_SEATS)
    investor_capacity = _positive(_l("Seats for investors"), 1000, unreadable=WHOLE_SEATS)
    slot_minutes = _positive(_l("Minutes per meeting slot"), 240)
    slot_count = _positive(_l("Number of slots"), 100)
    breaks = StringField(
        _l("Break slots"), validators=[Optional(), Length(max=200)],
        description=_l("Slot numbers without meetings, counted from 1, e.g. 4, 8."))
    table_count = _positive(_l("Number of tables"), 1000)
    meeting_cap = WholeNumberField(
        _l("Most meetings per person"), validators=[Optional(), NumberRange(min=1, max=100)],
        description=_l("Leave empty for one meeting in every slot."))
    rsvp_deadline = DateAndTimeField(_l("Answer deadline"), format="%Y-%m-%dT%H:%M",
                                       validators=[DataRequired()])

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # per request, from the database: an admin may have renamed an association
        self.hosts.choices = reference.association_choices()

    def validate_breaks(self, field) -> None:
        try:
            arena_values.parse_breaks(field.data)
        except DomainError as error:
            raise ValidationError(error.message) from None

    def values(self) -> dict:
        """The typed values for the service (breaks None when unreadable)."""
        return {
            "title": (self.title.data or "").strip(),
            "description": (self.description.data or "").strip(),
            "theme": self.theme.data,
            "date": self.date.data,
            "start_time": self.start_time.data,
            "end_time": self.end_time.data,
            "venue": (self.venue.data or "").strip(),
            "founder_capacity": self.founder_capacity.data,
            "investor_capacity": self.investor_capacity.data,
            "slot_minutes": self.slot_minutes.data,
            "slot_count": self.slot_count.data,
            "breaks": (None if self.breaks.errors
                       else arena_values.parse_breaks(self.breaks.data)),
            "table_count": self.table_count.data,
            "meeting_cap": self.meeting_cap.data,
            "rsvp_deadline": self.rsvp_deadline.data,
        }

    def load(self, arena) -> None:
        """Fill the form from a stored arena (GET of the edit page)."""
        for key in ("title", "description", "theme", "date", "start_time", "end_time", "venue",
                    "founder_capacity", "investor_capacity", "slot_minutes", "slot_count",
                    "table_count", "meeting_cap"):
            getattr(self, key).data = getattr(arena, key)
        self.version.data = arena_edits.edit_version(arena)
        self.breaks.data = arena_values.format_breaks(arena.breaks)
        self.hosts.data = [a.slug for a in arena.hosts]
        self.rsvp_deadline.data = arena_values.utc_to_local(arena.rsvp_deadline_utc)

    def add_error(self, error: DomainError) -> None:
        """Show a service's refusal (or each of its Problems) at its field."""
        self.add_problems(getattr(error, "problems", None) or [error])

    def add_problems(self, problems: list[DomainError]) -> None:
        for problem in problems:
            field = getattr(self, problem.field or "title", self.title)
            field.errors = list(field.errors) + [problem.message]

    def refused_fields(self) -> set[str]:
        """The fields this form refused itself: the service skips the rules that read them."""
        return {name for name, field in self._fields.items() if field.errors}


class AvailabilityForm(KobleForm):
    """When a person arrives and leaves (from the arena's slots), and at most how many meetings
    they want. The service checks the values against the arena."""

    arrive_slot = SelectField(_l("Arrives at"), validate_choice=False)
    leave_slot = SelectField(_l("Leaves at"), validate_choice=False)
    # Read by values(), so that every refusal is one of ours, in the user's language.
    meeting_cap = StringField(_l("At most this many meetings"),
                              render_kw={"inputmode": "numeric", "autocomplete": "off"})
    refusal: str | None = None  # a refusal that concerns no single field

    def setup(self, arena) -> AvailabilityForm:
        """The arena's slots as clock times, and its cap in the hint."""
        breaks = set(arena.breaks or [])

        def label(slot, when):
            text = clock_face(when)
            return _l("%(time)s (break)", time=text) if slot in breaks else text

        self.arrive_slot.choices = [(str(s), label(s, t))
                                    for s, t in availability.arrive_choices(arena)]
        self.leave_slot.choices = [(str(s), clock_face(t))
                                   for s, t in availability.leave_choices(arena)]
        self.meeting_cap.description = lazy_ngettext(
            "Leave empty for the arena's limit of %(num)d meeting.",
            "Leave empty for the arena's limit of %(num)d meetings.", arena.cap)
        return self

    @classmethod
    def for_kept(cls, view_args: dict, reader) -> AvailabilityForm | None:
        """The form as its page makes it, for the page showing what was kept from it
        (stale_forms.not_taken, the invitation gone meanwhile): the slots are numbers only
        the arena turns into clock times. Only of an arena the reader manages, as the page
        itself asks; None otherwise (the numbers are shown as sent)."""
        try:
            arena = arenas.arena_for_staff(reader, int(view_args.get("arena_id")))
        except (NotFound, TypeError, ValueError):
            return None
        return cls(formdata=None, meta={"csrf": False}).setup(arena)

    def load(self, invitation) -> None:
        """Fill the form from the stored window and cap (GET)."""
        arrive, leave = availability.window(invitation)
        self.arrive_slot.data, self.leave_slot.data = str(arrive), str(leave)
        cap = invitation.meeting_cap
        self.meeting_cap.data = "" if cap is None else str(cap)

    def _readers(self):
        def number(field, message):
            def read():
                raw = (field.data or "").strip()
                if not raw:
                    return None
                if not _WHOLE_NUMBER.fullmatch(raw):
                    raise DomainError(message, field.name)
                return int(raw)
            return read

        return (number(self.arrive_slot, _("Choose an arrival time from the arena's slots.")),
                number(self.leave_slot, _("Choose a leaving time from the arena's slots.")),
                # read as the API and the command line read it: a whole number of any size,
                # whose range the service checks with the arena's own limit in the message
                lambda: availability.cap_from(self.meeting_cap.data))

    def values(self) -> tuple[int | None, int | None, int | None]:
        """(arrive, leave, cap) as numbers; DomainError (with the field) on unreadable input."""
        arrive, leave, cap = self._readers()
        return arrive(), leave(), cap()

    def add_error(self, error: DomainError, arena=None) -> None:
        """Show a service's refusal at its field, or above the form. With the `arena`, a
        refusal at a field also brings the other fields' problems: "1 problem to fix" named
        the meeting cap alone while the times were wrong too, and the next try told of them."""
        field = getattr(self, error.field, None) if error.field else None
        if field is None:
            self.refusal = error.message
            return
        field.errors = list(field.errors) + [error.message]
        if arena is None:
            return
        read, unreadable = [], set()
        for reader in self._readers():
            try:
                read.append(reader())
            except DomainError as other:
                read.append(None)
                unreadable.add(other.field)
                if other.field != error.field:
                    getattr(self, other.field).errors.append(other.message)
        window_read = not {"arrive_slot", "leave_slot"} & unreadable
        for other in availability.problems(arena, *read, cap_too="meeting_cap" not in unreadable):
            if other.field == error.field or (other.field != "meeting_cap" and not window_read):
                continue
            getattr(self, other.field).errors.append(other.message)


class PersonSearchForm(KobleForm):
    """Find a founder or investor by name or e-mail (GET)."""

    class Meta:
        csrf = False

    q = StringField(_l("Name or e-mail"), validators=[Optional(), Length(max=120)])
