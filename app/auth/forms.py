"""Forms for registering, logging in and managing a password."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, EmailField, PasswordField, RadioField, SelectField, StringField
from wtforms.validators import DataRequired, Email, EqualTo, Length, Optional

from app import vocabulary
from app.form_base import KobleForm
from app.services import reference


class RegisterForm(KobleForm):
    """Self-registration for founders and investors."""

    role = RadioField(
        _l("I am"),
        choices=[("founder", _l("a founder")), ("investor", _l("an investor"))],
        validators=[DataRequired()],
    )
    name = StringField(_l("Full name"), validators=[DataRequired(), Length(max=120)])
    email = EmailField(
        _l("E-mail"),
        validators=[DataRequired(), Email(check_deliverability=False), Length(max=254)],
    )
    municipality = SelectField(
        _l("Municipality"), choices=vocabulary.choices(vocabulary.MUNICIPALITIES),
        validators=[DataRequired()],
    )
    association = SelectField(_l("Association"), validators=[Optional()])
    password = PasswordField(
        _l("Password"),
        validators=[DataRequired(), Length(max=128)],
        description=_l("At least 12 characters. A sentence is easy to remember."),
    )
    confirm = PasswordField(
        _l("Repeat password"),
        validators=[DataRequired(), EqualTo("password", message=_l("The passwords differ."))],
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # the associations' current names: an admin may have renamed one
        self.association.choices = [("", _l("Decide from my municipality")),
                                    *reference.association_choices()]


class LoginForm(KobleForm):
    """E-mail and password."""

    email = EmailField(_l("E-mail"), validators=[DataRequired(), Length(max=254)])
    password = PasswordField(_l("Password"), validators=[DataRequired(), Length(max=128)])
    remember = BooleanField(_l("Keep me logged in on this device"))


class ChangePasswordForm(KobleForm):
    """Change a password, proving the current one."""

    current_password = PasswordField(
        _l("Current password"), validators=[DataRequired(), Length(max=128)]
    )
    new_password = PasswordField(_l("New password"), validators=[DataRequired(), Length(max=128)])
    confirm = PasswordField(
        _l("Repeat new password"),
        validators=[DataRequired(), EqualTo("new_password", message=_l("The passwords differ."))],
    )


class ResetRequestForm(KobleForm):
    """Ask for a password-reset link."""

    email = EmailField(_l("E-mail"), validators=[DataRequired(), Length(max=254)])


class ResetPasswordForm(KobleForm):
    """Choose a new password from a reset link."""

    password = PasswordField(_l("New password"), validators=[DataRequired(), Length(max=128)])
    confirm = PasswordField(
        _l("Repeat new password"),
        validators=[DataRequired(), EqualTo("password", message=_l("The passwords differ."))],
    )
