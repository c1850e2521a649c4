"""Form pieces shared by the pitch and investor-profile forms."""

from __future__ import annotations

from datetime import date
from functools import lru_cache

from babel import numbers, support
from flask import current_app
from flask_babel import get_locale
from flask_babel import lazy_gettext as _l
from wtforms import (
    DateField,
    DateTimeLocalField,
    FloatField,
    HiddenField,
    IntegerField,
    SelectField,
    SelectMultipleField,
    TimeField,
)
from wtforms.i18n import messages_path
from wtforms.validators import Email, StopValidation, ValidationError
from wtforms.widgets import CheckboxInput, ListWidget, TextInput

from app.database import ascii_number
from app.typed_numbers import read_kroner, read_number, read_whole_number
from app.vocabulary import choices
from app.web_addresses import WEB_ADDRESS_MESSAGE, web_address


@lru_cache(maxsize=8)
def _wtforms_catalogue(locale: str) -> support.Translations:
    return support.Translations.load(messages_path(), [locale], domain="wtforms")


class CachedTranslationsMeta:
    """Form Meta: WTForms' own messages ("Not a valid choice.") in the user's language, from
    a catalogue loaded once per process and locale. Flask-WTF reads and parses the .mo file
    again in every request that validates a form (0.3 ms); the browse forms are validated
    on every search and recommendations page."""

    def get_translations(self, form):
        if not current_app.config.get("WTF_I18N_ENABLED", True):
            return super().get_translations(form)
        return _wtforms_catalogue(str(get_locale()))


class MultiCheckboxField(SelectMultipleField):
    """A multi-select shown as a group of checkboxes (fieldset + legend in the template)."""

    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()

    def __init__(self, label=None, validators=None, mapping: dict | None = None, **kwargs):
        super().__init__(label, validators, choices=choices(mapping or {}), **kwargs)

    def pre_validate(self, form):
        valid = {key for key, _label in self.choices}
        unknown = [value for value in (self.data or []) if value not in valid]
        if unknown:
            raise StopValidation(_l("Choose only from the listed options."))
        if len(set(self.data or [])) != len(self.data or []):
            raise StopValidation(_l("Each option can be chosen once."))


UNKNOWN_FILTER = _l("Unknown choice for “%(filter)s”: choose one from the list.")


class FilterSelectField(SelectField):
    """A list page's filter (a GET form): a value that is not one of its choices, from an
    address typed or changed by hand or kept from before a choice went away, is refused
    with one message naming the filter, in the reader's language ("Unknown choice for
    “Role”: …"). WTForms said "Not a valid choice." (nb "Ikke et gyldig valg", without a
    full stop) under whichever filter it was; a value the field could not read at all
    ("Invalid Choice: could not coerce.") gets the same message. Each page shows the form
    again with the message, 422, as for its other bad filters."""

    def pre_validate(self, form) -> None:
        # ValidationError, not StopValidation: Optional() then clears it for a filter left
        # out of the address (data None, which no choice is).
        if self.process_errors:
            self.errors.clear()  # WTForms' own, already copied in
            raise ValidationError(self._unknown())
        try:
            super().pre_validate(form)
        except ValidationError:
            raise ValidationError(self._unknown()) from None

    def _unknown(self) -> str:
        return UNKNOWN_FILTER % {"filter": self.label.text}


class VersionField(HiddenField):
    """The version of the object the form was loaded from, to detect conflicting edits."""

    def process_formdata(self, valuelist):
        # Anything but a number a version column holds is a form from nowhere: a conflict.
        self.data = ascii_number(valuelist[0] if valuelist else "", 18)


class DigestVersionField(HiddenField):
    """The version of what a form showed as a digest of those values (hex), or, from a page
    drawn before its form had one, the row's version number; anything else is None (a form
    from nowhere: a conflict)."""

    def process_formdata(self, valuelist):
        text = valuelist[0] if valuelist else ""
        self.data = (text if text.isascii() and 0 < len(text) <= 40
                     and all(c in "0123456789abcdef" for c in text) else None)


def once_field() -> HiddenField:
    """A create form's one-time token (app/services/form_once.py). A hidden field drawn as
    a text input the page never shows: Chromium fetches the page again on Back and restores
    what its text inputs held (static/form_once.js makes it keep this one), but an
    <input type="hidden"> gets the new page's token, and the form sent again would make a
    second pitch."""
    return HiddenField(render_kw={"type": "text", "hidden": True, "data-once": True})


# WTForms' own "Invalid email address." says what is wrong but not what to type instead.
EMAIL_MESSAGE = _l("Enter an e-mail address, such as kari@solkraft.no.")


def email_address() -> Email:
    """The check of every e-mail field a person types in, with EMAIL_MESSAGE."""
    return Email(check_deliverability=False, message=EMAIL_MESSAGE)


def http_url(form, field) -> None:
    """Accept a web address as app/web_addresses.py reads it (a bare domain gets https://);
    javascript: and friends are refused."""
    try:
        field.data = web_address(field.data)
    except ValueError:
        raise ValidationError(WEB_ADDRESS_MESSAGE) from None


class WholeNumberRequired:
    """A required whole number: empty or unreadable input gets `message` alone. Unlike
    DataRequired, 0 counts as given, so a range check after it says what is wrong with 0
    ("between 1 and …") instead of asking for the number that was typed."""

    field_flags = {"required": True}

    def __init__(self, message):
        self.message = message

    def __call__(self, form, field) -> None:
        if field.data is None:
            field.errors[:] = []  # "Not a valid integer value" would repeat the message
            raise StopValidation(self.message)


class _OneMessageWhenUnreadable:
    """Typed input the field cannot read ("abc" for a number, 2027-02-30 for a date) gets
    `unreadable` alone. Left to WTForms, a number field said its own "Not a valid integer
    value" followed by the range check's "Number must be between…", and DataRequired
    replaced a date's "Not a valid date value" with "This field is required"."""

    unreadable = None  # a lazy string, set by each field class

    def pre_validate(self, form) -> None:
        typed = self.raw_data[0] if self.raw_data else ""
        if self.process_errors and isinstance(typed, str) and typed.strip():
            self.errors.clear()  # the WTForms message, already copied in
            raise StopValidation(self.unreadable)
        super().pre_validate(form)


class _TypedNumber(_OneMessageWhenUnreadable):
    """A number typed as the user writes numbers: blank is None, what `_read` cannot read
    gets `unreadable`, and the typed text is shown back as typed."""

    def _read(self, typed: str):
        raise NotImplementedError

    def _shown(self) -> str:
        raise NotImplementedError

    def process_formdata(self, valuelist):
        if not valuelist:
            return
        if not str(valuelist[0]).strip():
            self.data = None
            return
        self.data = self._read(valuelist[0])
        if self.data is None:
            raise ValueError(self.unreadable)

    def _value(self):
        if self.raw_data:
            return self.raw_data[0]
        return "" if self.data is None else self._shown()


class WholeNumberField(_TypedNumber, IntegerField):
    """A whole number written as the user writes numbers (app/typed_numbers.py): "1 500 000"
    in bokmål, "1,500,000" in English, "1500000" in both. A text input with a numeric
    keypad, not <input type="number">: Chromium drops a typed comma from one, so "1,5" (1.5
    million meant) arrived as 15 and "3,5" people as 35, saved without a word. A decimal or
    a word gets `unreadable`, which each field words for what it counts ("a whole number of
    kroner")."""

    unreadable = _l("Enter a whole number.")
    widget = TextInput()

    def __init__(self, label=None, validators=None, unreadable=None, **kwargs):
        kwargs["render_kw"] = {"inputmode": "numeric", **(kwargs.get("render_kw") or {})}
        super().__init__(label, validators, **kwargs)
        if unreadable is not None:
            self.unreadable = unreadable

    def _read(self, typed: str) -> int | None:
        return read_whole_number(typed, _locale())

    def _shown(self) -> str:
        return str(self.data)  # a year is not grouped


# What an amount it cannot read is told: a bare decimal ("1,5", a million meant or not) is
# the likeliest, so the examples show the two ways that do read.
WHOLE_KRONER = _l("Enter an amount in kroner, e.g. 1,500,000 or 1.5 million.")


class KronerField(WholeNumberField):
    """An amount of kroner, read as people write one (typed_numbers.read_kroner): besides
    "2 500 000", "kr 2 500 000", "2 500 000,-", "2,5 mill" and "1.500.000". Seen refused on
    a founder's walk, each with the same message, though none can be read two ways."""

    unreadable = WHOLE_KRONER

    def _read(self, typed: str) -> int | None:
        return read_kroner(typed, _locale())

    def _shown(self) -> str:
        # grouped as the pages show amounts ("40 000 000", "40,000,000"), which _read reads
        # back: a saved "40 mill" came back as 40000000, its zeros left to count
        return numbers.format_decimal(self.data, format="#,##0", locale=_locale())


class NumberField(_TypedNumber, FloatField):
    """A decimal number written as the user writes numbers: in bokmål 0,5 (0.5 is read too,
    and spaces between digit groups), in English 0.5; shown back the same way ("3", "0,5",
    not "3.0"). A text input with a decimal keypad: an <input type="number"> leaves the
    decimal mark to the browser's own locale, and its value cannot hold "0,5". Written out:
    an exponent ("1e3") is refused."""

    unreadable = _l("Enter a number.")
    widget = TextInput()

    def __init__(self, label=None, validators=None, **kwargs):
        kwargs["render_kw"] = {"inputmode": "decimal", **(kwargs.get("render_kw") or {})}
        super().__init__(label, validators, **kwargs)

    def _read(self, typed: str) -> float | None:
        number = read_number(typed, _locale())  # "abc", "0,5" in English, "nan", "1e3"
        return None if number is None else float(number)

    def _shown(self) -> str:
        return numbers.format_decimal(self.data, format="0.##########", locale=_locale())


def _locale() -> str:
    return str(get_locale() or "en")


class CalendarDateField(_OneMessageWhenUnreadable, DateField):
    unreadable = _l("Enter a date that exists, e.g. 2027-03-15.")


class ClockTimeField(_OneMessageWhenUnreadable, TimeField):
    unreadable = _l("Enter a time as hours and minutes, e.g. 09:30.")


class DateAndTimeField(_OneMessageWhenUnreadable, DateTimeLocalField):
    unreadable = _l("Enter a date and a time that exist, e.g. 2027-03-15 12:00.")


def not_after_this_year(form, field) -> None:
    """A year no later than the current one."""
    if field.data is not None and field.data > date.today().year:
        raise ValidationError(_l("The year cannot be in the future."))


def optional_choices(mapping: dict, empty_label) -> list[tuple[str, object]]:
    """Choices for a select that may be left empty."""
    return [("", empty_label)] + choices(mapping)
