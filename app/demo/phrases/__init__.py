"""The phrase bank of the demo data: domain themes in Norwegian bokmål and English.

Each theme holds the words a founder in that field writes and the words an investor who
backs that field writes, so that generated pitches and theses share vocabulary the way real
ones do (a green-energy thesis talks about solenergi and batterilagring, as the pitches do).

The themes live in `themes_*` by field (their order here is the draw order: keep it); the
sentences that do not depend on a theme in `pitch_words`, `investor_words`,
`vocabulary_words` and `names`.
"""

from __future__ import annotations

from app.demo.phrases.investor_words import (
    INVESTOR_GENERALIST,
    INVESTOR_GREEN,
    INVESTOR_INTROS,
    INVESTOR_OFFERS,
    INVESTOR_REGIONS,
    INVESTOR_TICKETS,
    ORG_PATTERNS,
    ORG_PLACES,
)
from app.demo.phrases.names import FIRST_NAMES, LAST_NAMES
from app.demo.phrases.pitch_words import (
    ASK,
    ASK_USES,
    BACKGROUNDS,
    BRAND_ENDINGS,
    GREEN_SENTENCES,
    LOCATION,
    NEEDS,
    TEAM,
    TRACTION,
)
from app.demo.phrases.theme import Theme, Words
from app.demo.phrases.themes_energy import ENERGY_THEMES
from app.demo.phrases.themes_industry import INDUSTRY_THEMES
from app.demo.phrases.themes_services import SERVICE_THEMES
from app.demo.phrases.vocabulary_words import FUNDING_WORDS, STAGE_WORDS, SUPPORT_WORDS

THEMES: tuple[Theme, ...] = ENERGY_THEMES + INDUSTRY_THEMES + SERVICE_THEMES

THEME_BY_KEY = {theme.key: theme for theme in THEMES}

__all__ = [
    "ASK", "ASK_USES", "BACKGROUNDS", "BRAND_ENDINGS", "FIRST_NAMES", "FUNDING_WORDS",
    "GREEN_SENTENCES", "INVESTOR_GENERALIST", "INVESTOR_GREEN", "INVESTOR_INTROS",
    "INVESTOR_OFFERS", "INVESTOR_REGIONS", "INVESTOR_TICKETS", "LAST_NAMES", "LOCATION",
    "NEEDS", "ORG_PATTERNS", "ORG_PLACES", "STAGE_WORDS", "SUPPORT_WORDS", "TEAM", "THEMES",
    "THEME_BY_KEY", "TRACTION", "Theme", "Words",
]
