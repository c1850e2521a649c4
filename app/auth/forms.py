"""Forms for registering, logging in and managing a password."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, EmailField, PasswordField, RadioField, SelectField, StringField
from wtforms.validators import DataRequired, EqualTo, Length, Optional, ValidationError

from app import vocabulary
from app.form_base import KobleForm
from app.form_fields import email_address, optional_choices
from app.services import reference
from app.services.accounts import looks_like_name, name_refusal
from app.services.passwords import password_problem

PASSWORD_HINT = _l("At least 12 characters. A sentence is easy to remember.")
# What each field is for, so browsers and password managers fill it in (WCAG 1.3.5).
NEW_PASSWORD = {"autocomplete": "new-password"}


def new_password_rules(form, field) -> None:
    """The service's rules for a new password, checked with the form's other fields: a short
    password is named in the same answer as a mistyped e-mail or a wrong current password,
    not only after those are put right and both password fields typed again."""
    if field.data and not field.errors:
        problem = password_problem(field.data, form.personal_words())
        if problem:
            raise ValidationError(problem)


class _NewPasswordForm(KobleForm):
    """A form that sets a password: the words it must not resemble come from the caller."""

    def __init__(self, *args, personal: tuple[str, ...] = (), **kwargs):
        super().__init__(*args, **kwargs)
        self._personal = personal

    def personal_words(self) -> tuple[str, ...]:
        """The e-mail address and name the new password must not resemble."""
        return self._personal


class RegisterForm(_NewPasswordForm):
    """Self-registration for founders and investors."""

    role = RadioField(
        _l("I am"),
        choices=[("founder", _l("a founder")), ("investor", _l("an investor"))],
        validators=[DataRequired(message=_l("Choose whether you are a founder or an investor."))],
    )
    name = StringField(_l("Full name"), validators=[DataRequired(), Length(max=120)],
                       render_kw={"autocomplete": "name"})
    email = EmailField(
        _l("E-mail"),
        validators=[DataRequired(), email_address(), Length(max=254)],
        render_kw={"autocomplete": "email"},
    )
    # No municipality is chosen for the person: with Asker first and preselected, whoever
    # skipped the list lived in Asker and joined Asker's association.
    municipality = SelectField(
        _l("Municipality"), choices=optional_choices(vocabulary.MUNICIPALITIES, _l("Choose…")),
        validators=[DataRequired(message=_l("Choose the municipality you live or work in."))],
    )
    association = SelectField(_l("Association"), validators=[Optional()])
    password = PasswordField(
        _l("Password"),
        validators=[DataRequired(), Length(max=128), new_password_rules],
        description=PASSWORD_HINT, render_kw=NEW_PASSWORD,
    )
    confirm = PasswordField(
        _l("Repeat password"),
        validators=[DataRequired(), EqualTo("password", message=_l("The passwords differ."))],
        render_kw=NEW_PASSWORD,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # the associations' current names: an admin may have renamed one
        self.association.choices = [("", _l("Decide from my municipality")),
                                    *reference.association_choices()]

    def validate_name(self, field) -> None:
        if field.data and field.data.strip() and not looks_like_name(field.data):
            raise ValidationError(name_refusal())

    def personal_words(self) -> tuple[str, ...]:
        """The e-mail address and name typed in this form."""
        return (self.email.data or "", self.name.data or "")


class LoginForm(KobleForm):
    """E-mail and password."""

    email = EmailField(_l("E-mail"), validators=[DataRequired(), Length(max=254)],
                       render_kw={"autocomplete": "username"})
    password = PasswordField(_l("Password"), validators=[DataRequired(), Length(max=128)],
                             render_kw={"autocomplete": "current-password"})
    remember = BooleanField(_l("Keep me logged in on this device"))


class ChangePasswordForm(_NewPasswordForm):
    """Change a password, proving the current one."""

    current_password = PasswordField(
        _l("Current password"), validators=[DataRequired(), Length(max=128)],
        render_kw={"autocomplete": "current-password"},
    )
    new_password = PasswordField(
        _l("New password"), validators=[DataRequired(), Length(max=128), new_password_rules],
        description=PASSWORD_HINT, render_kw=NEW_PASSWORD,
    )
    confirm = PasswordField(
        _l("Repeat new password"),
        validators=[DataRequired(), EqualTo("new_password", message=_l("The passwords differ."))],
        render_kw=NEW_PASSWORD,
    )


class ResetRequestForm(KobleForm):
    """Ask for a password-reset link."""

    email = EmailField(_l("E-mail"), validators=[DataRequired(), Length(max=254)],
                       render_kw={"autocomplete": "email"})


class ResetPasswordForm(_NewPasswordForm):
    """Choose a new password from a reset link."""

    password = PasswordField(
        _l("New password"), validators=[DataRequired(), Length(max=128), new_password_rules],
        description=PASSWORD_HINT, render_kw=NEW_PASSWORD,
    )
    confirm = PasswordField(
        _l("Repeat new password"),
        validators=[DataRequired(), EqualTo("password", message=_l("The passwords differ."))],
        render_kw=NEW_PASSWORD,
    )
