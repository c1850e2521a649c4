"""The engine's settings in the database: the admin's component weights, validated and
audited (used by the next rebuild)."""

from __future__ import annotations

from flask_babel import gettext as _

from app.extensions import db
from app.models import EngineSettings
from app.models.user import utcnow
from app.services.errors import DomainError

# The bounds of an admin's weight. Only the ratios matter (the score is the weighted sum
# over the weights' total), and the defaults run from 0.5 to 3: 0 turns a component off,
# 1000 lets one drown every default-weighted other, and hundredths are finer than any
# difference a ranking shows. Wider input ("1e6", "0.0001") was a typing slip, not a choice.
MAX_WEIGHT = 1000
WEIGHT_DECIMALS = 2


def settings() -> EngineSettings:
    """The single settings row, created with the engine's defaults when missing."""
    row = db.session.get(EngineSettings, 1)
    if row is None:
        from matching import EngineWeights

        row = EngineSettings(id=1, weights=EngineWeights().as_dict(), version=1)
        db.session.add(row)
        db.session.flush()
    return row


def current_weights():
    """The admin's weights as EngineWeights (engine defaults for anything missing)."""
    from matching import EngineWeights

    row = db.session.get(EngineSettings, 1)
    try:
        return EngineWeights.from_dict(row.weights if row and row.weights else {})
    except (TypeError, ValueError):
        return EngineWeights()


def weight_names() -> list[str]:
    """The engine's component names, in order."""
    from matching import EngineWeights

    return list(EngineWeights().as_dict())


def validate_weights(values: dict) -> dict[str, float]:
    """Numbers from 0 to MAX_WEIGHT in hundredths, at least one > 0; raises DomainError
    (field = the weight) otherwise."""
    clean: dict[str, float] = {}
    for name in weight_names():
        raw = values.get(name)
        try:
            number = float(raw)
        except (TypeError, ValueError):
            raise DomainError(_("Enter a number."), name) from None
        if number != number or number in (float("inf"), float("-inf")):
            raise DomainError(_("Enter a number."), name)
        if number < 0:
            raise DomainError(_("A weight cannot be negative."), name)
        if number > MAX_WEIGHT:
            raise DomainError(_("Use a weight of at most 1000."), name)
        if round(number, WEIGHT_DECIMALS) != number:
            raise DomainError(_("Use at most two decimals."), name)
        clean[name] = number
    if not any(v > 0 for v in clean.values()):
        raise DomainError(_("At least one weight must be greater than zero."))
    return clean


def default_weights() -> dict[str, float]:
    """The engine's own weights, as the admin's page names them."""
    from matching import EngineWeights

    return EngineWeights().as_dict()


def restore_defaults(actor=None) -> bool:
    """Put the engine's default weights back (used by the next rebuild); audited. Whether
    anything changed (see save_weights)."""
    return save_weights(default_weights(), actor=actor)


def save_weights(values: dict, actor=None) -> bool:
    """Validate and store new weights (used by the next rebuild); audited. Returns whether
    anything changed: the weights in use again change nothing, record nothing and leave
    the index up to date (a new settings version marked it stale, so the page asked for a
    rebuild that would change no score, and the audit log showed a change that was none)."""
    from app.services import audit

    clean = validate_weights(values)
    if clean == current_weights().as_dict():
        return False
    row = settings()
    before = dict(row.weights or {})
    row.weights = clean
    row.updated_by = getattr(actor, "id", None)
    row.updated_at = utcnow()
    row.version = (row.version or 0) + 1
    audit.record("engine_weights", actor=actor, target="engine_settings:1",
                 detail=f"{before} -> {clean}", commit=False)
    db.session.commit()
    return True
