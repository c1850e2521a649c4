"""The two sides of a match as explaining reads them: the reader's side, and the pitch and
the investor profile a score is about, as far as the session holds them already.

Explaining never loads a row: a page has loaded its own pitch or profile, and the score
carries the other side (its relationship, loaded with the columns the card needs). A side
or a column not at hand counts as unknown, rather than costing a query per card (or
raising under raiseload).
"""

from __future__ import annotations

from sqlalchemy.orm.base import DEFAULT_STATE_ATTR
from sqlalchemy.orm.util import identity_key

from app.models import InvestorProfile, Pitch

FOUNDER, INVESTOR = "founder", "investor"  # the reader's side (viewpoint), None: neutral

UNLOADED = object()


def stated(obj, name: str):
    """obj.name when it is loaded, None included; UNLOADED when it is not at hand.

    A mapped instance's loaded attributes are its __dict__ (what sqlalchemy.inspect(obj).dict
    returns), read here directly: a card asks some thirty of them, and inspect() per read
    was a fifth of explaining a card. Anything else (an engine result) is read as it is."""
    if obj is None:
        return UNLOADED
    loaded_now = getattr(obj, "__dict__", None)
    if loaded_now is None or DEFAULT_STATE_ATTR not in loaded_now:
        return getattr(obj, name, UNLOADED)
    return loaded_now.get(name, UNLOADED)


def loaded(obj, name: str):
    """obj.name when it is at hand: None for an attribute or relationship not loaded (reading
    it would cost a query per card, or raise under raiseload)."""
    value = stated(obj, name)
    return None if value is UNLOADED else value


def _side(match, relationship: str, model, key: str):
    """The score's pitch or investor: its relationship when loaded, else the row the session
    already holds (the founder's own pitch, the investor's own profile), else None."""
    found = loaded(match, relationship)
    if found is not None:
        return found
    state = getattr(match, "__dict__", {}).get(DEFAULT_STATE_ATTR)
    if state is None:  # not a mapped instance: no session to ask
        return None
    session = state.session
    ident = loaded(match, key)
    if session is None or ident is None:
        return None
    return session.identity_map.get(identity_key(model, ident))


def pitch_of(match) -> Pitch | None:
    """The match's pitch when it is at hand (_side), else None."""
    return _side(match, "pitch", Pitch, "pitch_id")


def investor_of(match) -> InvestorProfile | None:
    """The match's investor profile when it is at hand (_side), else None."""
    return _side(match, "investor", InvestorProfile, "investor_profile_id")
