"""Tiny synthetic pitches and investors with known answers."""

from __future__ import annotations

import pytest

from matching import InvestorRecord, MatchEngine, PitchRecord


def make_pitch(id: str, text: str, **kw) -> PitchRecord:
    """A pitch with defaults for everything but id and text."""
    return PitchRecord(id=id, text=text, **kw)


def make_investor(id: str, text: str, **kw) -> InvestorRecord:
    """An investor with defaults for everything but id and text."""
    return InvestorRecord(id=id, text=text, **kw)


@pytest.fixture
def pitches() -> list[PitchRecord]:
    return [
        make_pitch("solar-seed", "Vi bygger solenergi og batterilagring for gårder i Asker.",
                   sectors=("energy",), stage="seed", location="Asker", amount=2e6,
                   green_objectives=("climate",)),
        make_pitch("solar-late", "Solar panels for large industrial roofs, scaling abroad.",
                   sectors=("energy",), stage="series b", location="Oslo", amount=5e7),
        make_pitch("fashion", "A marketplace for second-hand clothing and fashion.",
                   sectors=("retail",), stage="seed", location="Drammen", amount=1e6),
        make_pitch("edtech", "Læringsapp for elever i skolen med kunstig intelligens.",
                   sectors=("education",), stage="pre-seed", location="Bærum", amount=5e5),
        make_pitch("fish", "Sustainable aquaculture: sensors for salmon farms at sea.",
                   sectors=("ocean",), stage="series a", location="Lier", amount=8e6,
                   green_objectives=("biodiversity",)),
    ]


@pytest.fixture
def investors() -> list[InvestorRecord]:
    return [
        make_investor("sun-angel", "Angel investing in solar and battery startups at seed.",
                      sectors=("energy",), stages=("seed", "pre-seed"), locations=("Asker",),
                      ticket_min=5e5, ticket_max=5e6, activity=12, last_active="2024-05-01",
                      green_mandate="preferred", green_objectives=("climate",)),
        make_investor("growth-fund", "Growth equity for industrial energy and retail leaders.",
                      sectors=("energy", "retail"), stages=("series b", "series c"),
                      stages_only=True, ticket_min=2e7, ticket_max=1e8, activity=40,
                      last_active="2024-06-01"),
        make_investor("ocean-vc", "Havbruk og sjømat: vi investerer i bærekraftig oppdrett.",
                      sectors=("ocean",), stages=("series a",), locations=("Lier",),
                      ticket_min=2e6, ticket_max=2e7, activity=5, last_active="2023-01-01",
                      green_mandate="required"),
        make_investor("edu-angel", "EdTech and learning for schools and students.",
                      sectors=("education",), stages=("pre-seed", "seed"), activity=1),
        make_investor("sleepy", "Anything goes.", active=False),
    ]


@pytest.fixture
def engine(pitches, investors) -> MatchEngine:
    return MatchEngine(random_state=0).fit(pitches, investors)
