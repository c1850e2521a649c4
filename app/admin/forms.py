"""Forms for the admin's pages: finding people, their role, inviting staff, associations,
filtering the audit log."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import EmailField, HiddenField, SelectField, StringField
from wtforms.validators import DataRequired, Length, Optional

from app.form_base import KobleForm
from app.form_fields import CalendarDateField, FilterSelectField, email_address, http_url
from app.services import audit_log
from app.services.associations import MAX_EMAIL, MAX_NAME, MAX_WEBSITE


def role_choices() -> list[tuple[str, object]]:
    return [("founder", _l("Founder")), ("investor", _l("Investor")),
            ("staff", _l("Staff")), ("admin", _l("Administrator"))]


def _optional_int(value):
    """'' (no choice) → None; a number → int; anything else stays a string and is refused."""
    if value in (None, ""):
        return None
    try:
        return int(value)
    except (TypeError, ValueError):
        return value


def _association_choices(associations, empty_label) -> list[tuple[str, object]]:
    """The associations (by id) for a select, after an empty choice ("" means none)."""
    return [("", empty_label), *((str(key), name) for key, name in associations)]


def _association_field(label, field_class=SelectField, **kwargs) -> SelectField:
    # choices are filled per request from the database (associations can be renamed)
    return field_class(label, coerce=_optional_int, **kwargs)


class PeopleFilterForm(KobleForm):
    """Search and filters of the people list (GET)."""

    class Meta:
        csrf = False

    q = StringField(_l("Name or e-mail"), validators=[Optional(), Length(max=120)])
    role = FilterSelectField(_l("Role"), validators=[Optional()])
    association = _association_field(_l("Association"), FilterSelectField,
                                     validators=[Optional()])
    active = FilterSelectField(_l("Active"), validators=[Optional()],
                               choices=[("", _l("All")), ("yes", _l("Yes")),
                                        ("no", _l("No (deactivated)"))])

    def __init__(self, *args, associations=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.role.choices = [("", _l("All")), *role_choices()]
        self.association.choices = _association_choices(associations, _l("All"))


class RoleForm(KobleForm):
    """A person's role, and the association a staff member (or admin) belongs to."""

    role = SelectField(_l("Role"), validators=[DataRequired()])
    association = _association_field(
        _l("Association"), validators=[Optional()],
        description=_l("Required for staff; optional for an administrator. A founder's or "
                       "investor's association is not changed here."))
    # The role question the admin was shown before confirming (account_questions
    # .role_question's `seen`; admin.account_changes.set_role): another one asks again.
    arenas_seen = HiddenField()

    def __init__(self, *args, associations=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.role.choices = role_choices()
        self.association.choices = _association_choices(associations, _l("None"))


class InviteStaffForm(KobleForm):
    """A new staff member: who, which association, and the language of the mail."""

    name = StringField(_l("Name"), validators=[DataRequired(), Length(max=120)])
    email = EmailField(_l("E-mail"), validators=[DataRequired(), email_address(),
                                                 Length(max=254)])
    association = _association_field(_l("Association"), validators=[DataRequired()])
    locale = SelectField(
        _l("Language"), validators=[Optional()],
        choices=[("", _l("The site's default language")), ("nb", "Norsk bokmål"),
                 ("en", "English")],
        description=_l("Of the invitation e-mail and, until they choose another, of Koble."))

    def __init__(self, *args, associations=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.association.choices = _association_choices(associations, _l("Choose…"))


class AssociationForm(KobleForm):
    """An association's display name and how to reach it."""

    name = StringField(_l("Name"), validators=[DataRequired(), Length(max=MAX_NAME)])
    contact_email = EmailField(_l("Contact e-mail"), validators=[
        Optional(), email_address(), Length(max=MAX_EMAIL)])
    website = StringField(_l("Website"), validators=[
        Optional(), http_url, Length(max=MAX_WEBSITE)])


class AuditFilterForm(KobleForm):
    """Search and filters of the audit log (GET)."""

    class Meta:
        csrf = False

    actor = StringField(_l("Who (name or e-mail)"), validators=[Optional(), Length(max=120)])
    action = FilterSelectField(_l("Action"), validators=[Optional()])
    since = CalendarDateField(_l("From date"), validators=[Optional()])
    until = CalendarDateField(_l("To date"), validators=[Optional()])
    subject_kind = FilterSelectField(_l("Subject"), validators=[Optional()])
    subject_key = StringField(
        _l("Number or short name"), validators=[Optional(), Length(max=60)],
        description=_l("The number is at the end of its page's address (e.g. /admin/users/42); "
                       "an association goes by its short name (e.g. asker)."))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # None: the "All" choice stands outside the groups
        self.action.choices = {None: [("", _l("All"))], **audit_log.action_choices()}
        self.subject_kind.choices = [("", _l("All")), *audit_log.SUBJECT_KINDS.items()]
