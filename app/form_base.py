"""The base of every form: what holds for all typed text, whichever form it is in."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import HiddenField, StringField
from wtforms.validators import ValidationError

NUL_MESSAGE = _l("This text holds an invisible control character (NUL) that cannot be saved. "
                 "Type it again instead of pasting it.")


def no_nul(form, field) -> None:
    """PostgreSQL text cannot hold NUL (psycopg raises DataError: a 500 there, while SQLite
    stored it); nobody types one, it comes with pasted binary junk or a crafted request."""
    if any(isinstance(value, str) and "\x00" in value for value in field.raw_data or ()):
        raise ValidationError(NUL_MESSAGE)


class KobleForm(FlaskForm):
    """A FlaskForm whose visible text fields refuse NUL with a message on the field (hidden
    ones are the form's own: a CSRF token or version with a NUL fails their own checks)."""

    def validate(self, extra_validators=None) -> bool:
        extra = {name: list(validators) for name, validators in (extra_validators or {}).items()}
        for name, field in self._fields.items():
            if isinstance(field, StringField) and not isinstance(field, HiddenField):
                extra.setdefault(name, []).append(no_nul)
        return super().validate(extra)
