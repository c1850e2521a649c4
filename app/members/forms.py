"""The member-import upload form."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf.file import FileField, FileRequired

from app.form_base import KobleForm


class ImportForm(KobleForm):
    """A CSV or .xlsx file of members."""

    file = FileField(_l("Member list (CSV or Excel .xlsx)"), validators=[FileRequired()],
                     description=_l("One member per row, under the row that names the "
                                    "columns (see “Columns” below)."))


class ConfirmForm(KobleForm):
    """Confirm the previewed import (the rows stay on the server)."""
