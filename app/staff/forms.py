"""Forms for staff moderation and the member list."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import StringField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional

from app.admin.forms import PeopleFilterForm, role_choices
from app.form_base import KobleForm
from app.form_fields import FilterSelectField
from app.services.member_overview import MEMBER_ROLES
from app.services.moderation import MAX_REASON


class HideForm(KobleForm):
    """Why a pitch is hidden; the founder reads this."""

    reason = TextAreaField(
        _l("Reason"), validators=[DataRequired(), Length(max=MAX_REASON)],
        description=_l("The founder sees this text."), render_kw={"rows": 4},
    )


class ModerationFilterForm(KobleForm):
    """Filters for the staff list of pitches (GET)."""

    class Meta:
        csrf = False

    q = StringField(_l("Title or founder"), validators=[Optional(), Length(max=200)],
                    description=_l("Words from the pitch's title or the founder's name."))
    # Every pitch listed is published (a draft is its founder's alone), so a status filter
    # offered only "All" and "Published", the same list. What staff ask instead is whether
    # investors see a pitch: not when staff hid it, nor when the founder's account no longer
    # shows it (deactivated, deleted, no longer a founder: moderation.not_shown_because).
    # An address kept from before with status= is read without it: the same list.
    shown = FilterSelectField(_l("Shown to investors"), validators=[Optional()], choices=[
        ("", _l("All")), ("yes", _l("Yes")), ("no", _l("No"))],
        description=_l("Not shown: hidden by staff, or the founder's account is "
                       "deactivated, deleted or no longer a founder's."))
    hidden = FilterSelectField(_l("Hidden"), validators=[Optional()], choices=[
        ("", _l("All")), ("yes", _l("Hidden")), ("no", _l("Not hidden"))])

    def filters(self) -> dict:
        """The plain filter values for `moderation.all_pitches_query`: one reading of the
        form for the list and its export, so the file holds the rows the list shows."""
        return {
            "shown": {"yes": True, "no": False}.get(self.shown.data or ""),
            "hidden": {"yes": True, "no": False}.get(self.hidden.data or ""),
            "text": (self.q.data or "").strip(),
        }


class MemberFilterForm(PeopleFilterForm):
    """Search and filters of staff's member list (GET): the admin's people filters (its
    association filter for admins only: staff list their own association's), narrowed to
    founders and investors, with the account's state and what the member has on Koble."""

    q = StringField(_l("Name, e-mail or organisation"), validators=[Optional(), Length(max=120)])
    active = None  # the account's state says it, with "not confirmed" beside it
    state = FilterSelectField(_l("Account"), validators=[Optional()], choices=[
        ("", _l("All")), ("active", _l("Active")), ("unconfirmed", _l("Not confirmed")),
        ("deactivated", _l("Deactivated"))])
    holding = FilterSelectField(_l("On Koble"), validators=[Optional()], choices=[
        ("", _l("All")), ("pitch", _l("Has a published pitch")),
        ("no_pitch", _l("Founders without a published pitch")),
        ("listed", _l("Investor profile listed")),
        ("not_listed", _l("Investors without a listed profile"))])

    def __init__(self, *args, admin: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.role.choices = [("", _l("All")), *(c for c in role_choices()
                                                if c[0] in MEMBER_ROLES)]
        if not admin:
            del self.association

    def filters(self) -> dict:
        """The plain filter values for member_list.members."""
        return {"q": (self.q.data or "").strip(), "role": self.role.data or None,
                "state": self.state.data or None, "holding": self.holding.data or None,
                "association_id": self.association.data if "association" in self else None}
