"""The API-token form on the account page."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import IntegerField, PasswordField, SelectField, StringField
from wtforms.validators import DataRequired, Length, NumberRange

from app.services.api_tokens import MAX_DAYS


class TokenForm(FlaskForm):
    """Name, scope and lifetime of a new personal API token."""

    name = StringField(_l("Name"), validators=[DataRequired(), Length(max=80)],
                       description=_l("What the token is for, e.g. “CRM sync”."))
    scope = SelectField(_l("Access"), choices=[
        ("read", _l("Read only")), ("read-write", _l("Read and write"))], default="read")
    days = IntegerField(_l("Expires after (days)"), default=90,
                        validators=[DataRequired(), NumberRange(min=1, max=MAX_DAYS)])


class DeleteAccountForm(FlaskForm):
    """Deleting the account asks for the password."""

    password = PasswordField(_l("Your password"), validators=[DataRequired()],
                             description=_l("To confirm that it is you."))
