"""Scores as whole percents, written as the user's language writes them."""

from __future__ import annotations

from functools import lru_cache

from babel.numbers import format_percent
from flask_babel import get_locale


def percent(score: float) -> int:
    """A score in [0, 1] as a whole percent."""
    return round(max(0.0, min(1.0, float(score or 0))) * 100)


@lru_cache(maxsize=16)
def percent_sign(locale: str) -> str:
    """What follows a percent's number in the language: "%" in English ("54%"), a no-break
    space and "%" in bokmål ("54 %"); from Babel's locale data, once per locale."""
    return format_percent(0.5, locale=locale).replace("50", "", 1)


def percent_text(score: float) -> str:
    """percent() as the user's language writes it: "54%" in English, "54 %" with a
    no-break space in bokmål."""
    return f"{percent(score)}{percent_sign(str(get_locale()))}"
