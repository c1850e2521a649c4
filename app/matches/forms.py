"""Forms of the matches pages: the browse filters (minus sort) and the engine weights."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms.validators import InputRequired, ValidationError

from app.form_base import KobleForm, NumberRange
from app.form_fields import NumberField
from app.pitches.forms import BrowseForm
from app.services.engine_settings import MAX_WEIGHT, WEIGHT_DECIMALS
from app.services.match_bars import COMPONENT_LABELS


class MatchFilterForm(BrowseForm):
    """The browse page's filters; recommendations are always ordered by score (the sort
    field is neither shown nor used)."""


def _weight_decimals(form, field) -> None:
    if field.data is not None and round(field.data, WEIGHT_DECIMALS) != field.data:
        raise ValidationError(_l("Use at most two decimals."))


class WeightsForm(KobleForm):
    """One number per engine component (built for the engine's components): from 0 to
    MAX_WEIGHT, in hundredths at the finest (engine_settings.validate_weights says why)."""

    @classmethod
    def for_components(cls, names: list[str]):
        """A form class with one field per component name, in the engine's order."""
        attrs = {}
        for name in names:
            attrs[name] = NumberField(
                COMPONENT_LABELS.get(name, name),
                validators=[InputRequired(_l("Enter a number.")),
                            NumberRange(min=0, max=MAX_WEIGHT,
                                        message=_l("Use a number from 0 to 1000.")),
                            _weight_decimals],
            )
        return type("EngineWeightsForm", (cls,), attrs)

    def weight_values(self, names: list[str]) -> dict[str, float]:
        """The entered weights as floats."""
        return {name: float(getattr(self, name).data) for name in names}
