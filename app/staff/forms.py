"""Forms for staff moderation."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import StringField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional

from app.form_base import KobleForm
from app.form_fields import FilterSelectField
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
    # No "Draft": a draft is its founder's alone, so the list holds none to filter for; a
    # status=draft kept in an address is refused by name, as every filter's unknown choice.
    status = FilterSelectField(_l("Status"), validators=[Optional()], choices=[
        ("", _l("All")), ("published", _l("Published"))])
    hidden = FilterSelectField(_l("Hidden"), validators=[Optional()], choices=[
        ("", _l("All")), ("yes", _l("Hidden")), ("no", _l("Not hidden"))])

    def filters(self) -> dict:
        """The plain filter values for `moderation.all_pitches_query`: one reading of the
        form for the list and its export, so the file holds the rows the list shows."""
        return {
            "status": self.status.data or None,
            "hidden": {"yes": True, "no": False}.get(self.hidden.data or ""),
            "text": (self.q.data or "").strip(),
        }
