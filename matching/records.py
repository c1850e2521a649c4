"""Plain records the engine takes in and gives back: pitches, investors, results, weights."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import Any


class NotFittedError(RuntimeError):
    """Raised when an engine is queried before `fit()`."""


class IndexFormatError(ValueError):
    """Raised when a saved index cannot be read by this version of the engine."""


@dataclass(frozen=True)
class PitchRecord:
    """A founder's pitch as the engine sees it; repeated facet values count as weight."""

    id: str
    text: str
    sectors: tuple[str, ...] = ()
    stage: str | None = None
    location: str | None = None
    amount: float | None = None
    green_objectives: tuple[str, ...] = ()
    support_needs: tuple[str, ...] = ()
    funding_types: tuple[str, ...] = ()
    date: str | None = None


@dataclass(frozen=True)
class PortfolioItem:
    """One past deal of an investor (a funded pitch as it read then); all fields optional."""

    date: str | None = None
    stage: str | None = None
    location: str | None = None
    sectors: tuple[str, ...] = ()
    text: str = ""


@dataclass(frozen=True)
class InvestorRecord:
    """An investor profile; repeated facet values (e.g. a portfolio's stages) count as weight."""

    id: str
    text: str
    sectors: tuple[str, ...] = ()
    stages: tuple[str, ...] = ()
    locations: tuple[str, ...] = ()
    ticket_min: float | None = None
    ticket_max: float | None = None
    green_mandate: str = "none"  # none | preferred | required
    green_objectives: tuple[str, ...] = ()
    support_offers: tuple[str, ...] = ()
    funding_types: tuple[str, ...] = ()
    activity: float = 0.0
    last_active: str | None = None
    activity_dates: tuple[str, ...] = ()  # dates of past investments/answers (recency-weighted)
    portfolio: tuple[PortfolioItem, ...] = ()  # past deals (feeds the "focus" component)
    stages_only: bool = False
    ticket_only: bool = False
    active: bool = True


@dataclass(frozen=True)
class MatchResult:
    """One scored pitch–investor pair with its components and explanation."""

    pitch_id: str
    investor_id: str
    score: float
    components: dict[str, float] = field(default_factory=dict)
    shared_terms: list[str] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)


#: Component names in the order they appear in the feature layout and in EngineWeights.
COMPONENTS = (
    "text", "sectors", "stage", "location", "green", "support", "funding", "ticket", "activity",
    "focus",
)


@dataclass(frozen=True)
class EngineWeights:
    """Non-negative weights of the score components; the score is their normalised sum."""

    text: float = 3.0
    sectors: float = 1.5
    stage: float = 1.5
    location: float = 1.0
    green: float = 1.0
    support: float = 0.5
    funding: float = 0.5
    ticket: float = 1.0
    activity: float = 1.0
    focus: float = 1.0  # activity at the pitch's stage and place (see matching.focus)

    def __post_init__(self) -> None:
        for f in fields(self):
            value = getattr(self, f.name)
            if not value >= 0:  # also rejects NaN
                raise ValueError(f"weight {f.name} must be >= 0, got {value!r}")
        if self.total() <= 0:
            raise ValueError("at least one weight must be positive")

    def total(self) -> float:
        """Sum of all weights (the score's normaliser)."""
        return float(sum(getattr(self, f.name) for f in fields(self)))

    def as_dict(self) -> dict[str, float]:
        """The weights as a plain dict (for JSON and the admin form)."""
        return {k: float(v) for k, v in asdict(self).items()}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> EngineWeights:
        """Weights from a dict; unknown keys ignored, missing ones keep their defaults."""
        known = {f.name for f in fields(cls)}
        return cls(**{k: float(v) for k, v in data.items() if k in known})
