"""Koble's matching engine: plain records in, explained founder↔investor matches out.

Depends on numpy, scipy, scikit-learn, joblib and snowballstemmer only — never on Flask,
SQLAlchemy or `app`.
"""

from .engine import MatchEngine
from .persistence import FORMAT_VERSION
from .records import (
    COMPONENTS,
    EngineWeights,
    IndexFormatError,
    InvestorRecord,
    MatchResult,
    NotFittedError,
    PitchRecord,
)

__all__ = [
    "COMPONENTS", "FORMAT_VERSION", "EngineWeights", "IndexFormatError", "InvestorRecord",
    "MatchEngine", "MatchResult", "NotFittedError", "PitchRecord",
]
