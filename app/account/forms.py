"""The account page's forms: the person's details, their municipality and association, which
notification e-mails they get, API tokens, deleting the account."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import EmailField, HiddenField, PasswordField, SelectField, StringField
from wtforms.validators import DataRequired, Length, Optional, ValidationError

from app import vocabulary
from app.form_base import KobleForm, NumberRange
from app.form_fields import (
    MultiCheckboxField,
    WholeNumberField,
    WholeNumberRequired,
    email_address,
    once_field,
    optional_choices,
)
from app.services import reference
from app.services.account_details import (
    MAX_NAME,
    MAX_PHONE,
    phone_acceptable,
    phone_refusal,
    place_version,
)
from app.services.accounts import looks_like_name, name_refusal
from app.services.api_tokens import MAX_DAYS
from app.services.mail_preferences import LABELS as MAIL_GROUPS

# Each language named in itself, so a reader finds their own whatever the page's language.
LANGUAGE_CHOICES = [("nb", "Norsk bokmål"), ("en", "English")]


class AccountForm(KobleForm):
    """The person's own name, phone and preferred language."""

    name = StringField(_l("Full name"), validators=[DataRequired(), Length(max=MAX_NAME)],
                       render_kw={"autocomplete": "name"})
    phone = StringField(
        _l("Phone"), validators=[Optional(), Length(max=MAX_PHONE)],
        render_kw={"autocomplete": "tel", "inputmode": "tel"},
        description=_l("Shown only to people who may see your contact details: after you "
                       "are both interested, or when you meet at an arena."),
    )
    locale = SelectField(_l("Language"), choices=LANGUAGE_CHOICES, validators=[DataRequired()],
                         description=_l("For the pages and the e-mails Koble sends you."))
    # what the page showed (account_details.details_version): another tab's save since is
    # a conflict, not silently undone
    version = HiddenField(validators=[Length(max=40)])

    def __init__(self, *args, investor: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if investor:
            self.phone.description = _l(
                "Shown only to founders who may see your contact details: after you are both "
                "interested, or when you meet at an arena. The contact phone on your investor "
                "profile, when filled in, is shown instead.")

    def validate_name(self, field) -> None:
        if field.data and field.data.strip() and not looks_like_name(field.data):
            raise ValidationError(name_refusal())

    def validate_phone(self, field) -> None:
        # object_data: the number saved (the form is drawn with obj=the user)
        if not phone_acceptable(field.data, field.object_data):
            raise ValidationError(phone_refusal())


class PlaceForm(KobleForm):
    """A founder's or investor's municipality and association, with the choices registration
    offers. Whether the values are in the lists is checked by the service
    (account_details.change_place), which says so in words naming the list; a select's own
    check would only say to choose one of the options."""

    municipality = SelectField(
        _l("Municipality"), choices=optional_choices(vocabulary.MUNICIPALITIES, _l("Choose…")),
        validators=[DataRequired(message=_l("Choose the municipality you live or work in."))],
        validate_choice=False)
    association = SelectField(
        _l("Association"), validators=[Optional()], validate_choice=False,
        description=_l("“Decide from my municipality” follows your municipality when you "
                       "change it."))
    version = HiddenField(validators=[Length(max=40)])  # account_details.place_version

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # the associations' current names: an admin may have renamed one
        self.association.choices = [("", _l("Decide from my municipality")),
                                    *reference.association_choices()]

    def show(self, user, follows_municipality: bool) -> PlaceForm:
        """Fill in the person's current choice (for a page not yet submitted)."""
        self.municipality.data = user.municipality or ""
        self.association.data = ("" if follows_municipality or user.association is None
                                 else user.association.slug)
        self.version.data = place_version(user)
        return self


class MailPreferencesForm(KobleForm):
    """The groups of notification e-mails the person wants; an unticked box turns one off.
    Only the groups given to `offer` are choices (those the person's role can receive)."""

    groups = MultiCheckboxField(
        _l("Send me e-mails about"), mapping=MAIL_GROUPS,
        description=_l("You always see these in your notifications on Koble. E-mails you "
                       "need to act on, such as password resets and arena invitations with "
                       "their answer link, are always sent."))

    def offer(self, groups: list[str]) -> MailPreferencesForm:
        """Show (and accept) only these groups."""
        self.groups.choices = [(group, MAIL_GROUPS[group]) for group in groups]
        return self


class TokenForm(KobleForm):
    """Name, scope and lifetime of a new personal API token, and the current password."""

    name = StringField(_l("Name"), validators=[DataRequired(), Length(max=80)],
                       description=_l("What the token is for, e.g. “CRM sync”."))
    scope = SelectField(_l("Access"), choices=[
        ("read", _l("Read only")), ("read-write", _l("Read and write"))], default="read")
    days = WholeNumberField(_l("Expires after (days)"), default=90,
                        validators=[WholeNumberRequired(_l("Enter a whole number.")),
                                    NumberRange(min=1, max=MAX_DAYS)])
    # A token outlives the session it is made in: the password, not the session, proves
    # the owner (api_tokens.create_confirmed).
    password = PasswordField(_l("Your password"), validators=[DataRequired(), Length(max=128)],
                             render_kw={"autocomplete": "current-password"},
                             description=_l("To confirm that it is you."))

    once = once_field()  # a new token's one-time token: a reload makes no second key

    def refused(self) -> set[str]:
        """The fields this form refused itself (validate() first)."""
        return {name for name, field in self._fields.items() if field.errors}

    def add_problems(self, problems) -> None:
        """The service's refusals: each at its field, one about no field above them all."""
        for problem in problems:
            field = self._fields.get(problem.field or "")
            if field is None:
                self.form_errors.append(problem.message)
            else:
                field.errors = [*field.errors, problem.message]


class DeleteAccountForm(KobleForm):
    """Deleting the account asks for the password."""

    password = PasswordField(_l("Your password"), validators=[DataRequired()],
                             render_kw={"autocomplete": "current-password"},
                             description=_l("To confirm that it is you."))


class ChangeEmailForm(KobleForm):
    """A new login address, confirmed by the current password; the change waits for the
    link mailed to the new address."""

    email = EmailField(_l("New e-mail address"), validators=[
        DataRequired(), email_address(), Length(max=254)],
        render_kw={"autocomplete": "email"})
    password = PasswordField(_l("Your password"), validators=[DataRequired(), Length(max=128)],
                             render_kw={"autocomplete": "current-password"},
                             description=_l("To confirm that it is you."))
