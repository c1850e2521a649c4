"""The base of every form and its checks: what holds for all typed text and numbers,
whichever form they are in."""

from __future__ import annotations

import math
import sys

from flask import has_request_context
from flask_babel import format_decimal
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.form import _Auto
from wtforms import (
    HiddenField,
    PasswordField,
    SelectField,
    SelectMultipleField,
    StringField,
    TextAreaField,
    validators,
)
from wtforms.validators import ValidationError

from app import typed_text

NUL_MESSAGE = _l("This text holds an invisible control character (NUL) that cannot be saved. "
                 "Type it again instead of pasting it.")
# A value a choice field (a select, radio buttons, checkboxes) does not offer: a forged or
# stale form. WTForms' own words were "Not a valid choice." and "'x' is not a valid choice
# for this field." (the latter quoting what was sent), in English or WTForms' bokmål without
# a full stop, and not saying what to do.
CHOICE_MESSAGE = _l("Choose one of the options in the list.")
CHOICES_MESSAGE = _l("Choose only from the listed options.")


def no_nul(form, field) -> None:
    """PostgreSQL text cannot hold NUL (psycopg raises DataError: a 500 there, while SQLite
    stored it); nobody types one, it comes with pasted binary junk or a crafted request."""
    if any(isinstance(value, str) and "\x00" in value for value in field.raw_data or ()):
        raise ValidationError(NUL_MESSAGE)


class KobleForm(FlaskForm):
    """A FlaskForm whose visible text fields refuse NUL with a message on the field (hidden
    ones are the form's own: a CSRF token or version with a NUL fails their own checks).
    A form sent with a stale token is drawn again with what was sent (app/stale_forms.py)."""

    class Meta(FlaskForm.Meta):
        def bind_field(self, form, unbound_field, options):
            # Every choice field says what to do with a value it does not offer, in the
            # reader's language, unless it names its own message; set before the form reads
            # what was sent, as a value that cannot be read (coerce) is refused there.
            field = super().bind_field(form, unbound_field, options)
            if isinstance(field, SelectField):
                message = (CHOICES_MESSAGE if isinstance(field, SelectMultipleField)
                           else CHOICE_MESSAGE)
                if field.invalid_choice_message is None:
                    field.invalid_choice_message = message
                if field.invalid_value_message is None:
                    field.invalid_value_message = message
            return field

        def wrap_formdata(self, form, formdata):
            if formdata is _Auto and has_request_context():
                from app.stale_forms import takes

                sent = takes(form)
                if sent is not None:
                    return sent
            return super().wrap_formdata(form, formdata)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # No maxlength on the text people write: a browser cuts a longer paste at the limit
        # without a word, and a form saved so lost the end of a pasted pitch. The field's
        # Length check refuses the whole text instead, with a message, the text kept in the
        # form to shorten. A password keeps its limit: it is pasted whole or typed, and
        # login and registration cut it alike.
        for field in self._fields.values():
            if isinstance(field, StringField) \
                    and not isinstance(field, HiddenField | PasswordField) \
                    and field.flags.maxlength is not None:
                del field.flags.maxlength
            # Sent text loses the invisible control characters a paste brings (Word's
            # vertical tab for a line break, a line break in the text area), as the API's
            # bodies and the member import do (app/typed_text.py); a value left empty meets
            # the field's own required rule. A NUL is still refused on the field (no_nul
            # reads what was sent). A password is sent as typed.
            # Text that shows nothing (a zero-width space, a word joiner, a non-breaking
            # space) is empty too, what was sent included: Optional() reads that, and took
            # U+200B for something typed (only white space was nothing to it), so an
            # optional e-mail field of one was refused as no address.
            if isinstance(field, StringField) \
                    and not isinstance(field, HiddenField | PasswordField) \
                    and field.raw_data and isinstance(field.data, str):
                field.data = (typed_text.multi_line(field.data)
                              if isinstance(field, TextAreaField)
                              else typed_text.single_line(field.data))
                if not field.data and isinstance(field.raw_data[0], str) \
                        and "\x00" not in field.raw_data[0]:
                    field.raw_data = [""]
            # A browser sends a text area's line breaks as CR LF, so each counted twice
            # against the limit: a 20,000-character text with 200 lines was "longer than
            # 20000 characters" though the writer's count, and the box's, said otherwise.
            if isinstance(field, TextAreaField) and isinstance(field.data, str) \
                    and "\r" in field.data:
                field.data = field.data.replace("\r\n", "\n").replace("\r", "\n")

    def query_args(self) -> dict[str, str]:
        """A GET form's filters as sent, for the list's links (pager, export) to pass on to
        url_for: its own fields with a value, nothing else of the address. A stray
        parameter named like url_for's own (`endpoint`) or the export's (`fmt`) made those
        links fail, a 500."""
        return {name: field.raw_data[0] for name, field in self._fields.items()
                if field.raw_data and field.raw_data[0]}

    def validate(self, extra_validators=None) -> bool:
        extra = {name: list(validators) for name, validators in (extra_validators or {}).items()}
        for name, field in self._fields.items():
            if isinstance(field, StringField) and not isinstance(field, HiddenField):
                extra.setdefault(name, []).append(no_nul)
        return super().validate(extra)


class NumberRange(validators.NumberRange):
    """WTForms' NumberRange, but a whole number beyond a float's range (10**400 typed in a
    number field) is out of range with the usual message; WTForms' own asks math.isnan(),
    which raises OverflowError for it: a 500. Its message writes the limits as people read
    them ("mellom 0 og 1 000 000 000", as the field's hint does), not "1000000000"."""

    def __call__(self, form, field) -> None:
        try:
            self._check(form, field)
        except ValidationError:
            if self.message is not None:
                raise
            low, high = self._resolve(self.min), self._resolve(self.max)
            if high is None:
                message = field.gettext("Number must be at least %(min)s.")
            elif low is None:
                message = field.gettext("Number must be at most %(max)s.")
            else:
                message = field.gettext("Number must be between %(min)s and %(max)s.")
            raise ValidationError(message % {"min": _readable(low), "max": _readable(high)}) \
                from None

    def _check(self, form, field) -> None:
        typed = field.data
        if isinstance(typed, int) and not -sys.float_info.max <= typed <= sys.float_info.max:
            field.data = math.inf if typed > 0 else -math.inf  # compares as the number would
            try:
                super().__call__(form, field)
            finally:
                field.data = typed
            return
        super().__call__(form, field)


class Length(validators.Length):
    """WTForms' Length, but text too long says by how much, its numbers as people read them:
    "Høyst 20 000 tegn: teksten har 24 117." WTForms' own said only "Feltet kan ikke være
    lenger enn 20000 tegn.", so a founder on a phone who wrote a long description could not
    tell how much to cut. Too short keeps WTForms' message."""

    def __call__(self, form, field) -> None:
        length = len(field.data) if field.data else 0
        if self.message is None and self.max != -1 and length > self.max:
            raise ValidationError(_("At most %(max)s characters: this text has %(count)s.",
                                    max=_readable(self.max), count=_readable(length)))
        super().__call__(form, field)


def length_hint(field) -> str | None:
    """The limit of a text area, said before it is reached ("Opptil 20 000 tegn." / "Up to
    20,000 characters."), from its Length check; None for any other field. A founder learnt
    the pitch description's 20,000 only from the refusal of a longer text, after writing it;
    a one-line field says its limit in its own hint where it matters (a title's 120)."""
    if not isinstance(field, TextAreaField):
        return None
    limits = [check.max for check in field.validators
              if isinstance(check, validators.Length) and check.max != -1]
    if not limits:
        return None
    return _("Up to %(max)s characters.", max=_readable(min(limits)))


def _readable(number) -> str:
    """A limit in the user's locale, grouped from five digits on (1900 stays a year)."""
    if number is None or abs(number) < 10_000:
        return str(number)
    return format_decimal(number)
