"""Synthetic but realistic pitches and investors, for benchmarks and demos.

Texts of about 100 words mix Norwegian and English domain vocabulary (from the glossary)
with everyday filler, clustered by sector so that similar records really are similar.
"""

from __future__ import annotations

import numpy as np

from .glossary import GLOSSARY
from .records import InvestorRecord, PitchRecord

SECTORS = ("energy", "ocean", "food", "health", "education", "mobility", "construction",
           "finance", "retail", "software", "industry", "climate", "culture", "tourism")
STAGES = ("idea", "pre-seed", "seed", "series a", "series b", "growth")
PLACES = ("Oslo", "Asker", "Bærum", "Drammen", "Lier", "Kongsberg", "Hole", "Ringerike",
          "Tønsberg", "Moss", "Bergen", "Trondheim")
GREEN = ("climate", "biodiversity", "circularity", "water", "pollution", "energy efficiency")
SUPPORT = ("mentoring", "network", "board", "sales", "recruiting", "export", "regulatory")
FUNDING = ("equity", "loan", "grant", "convertible")
FILLER_NB = ("vi", "skal", "utvikle", "løsning", "kunder", "marked", "team", "erfaring",
             "produkt", "tjeneste", "pilot", "partnere", "lansere", "bedre", "billigere",
             "raskere", "norske", "regionen", "teknologi", "modell", "inntekter", "salg")
FILLER_EN = ("we", "build", "solution", "customers", "market", "team", "experience",
             "product", "service", "pilot", "partners", "launch", "better", "cheaper",
             "faster", "nordic", "region", "technology", "model", "revenue", "sales")


def _vocabulary(rng: np.random.Generator) -> list[list[str]]:
    """Per sector, a pool of glossary surface forms (both languages)."""
    concepts = list(GLOSSARY)
    pools = []
    for _ in SECTORS:
        picked = rng.choice(len(concepts), 14, replace=False)
        pools.append([f for c in picked for f in GLOSSARY[concepts[c]]])
    return pools


def _text(rng: np.random.Generator, pool: list[str], words: int) -> str:
    norwegian = rng.random() < 0.6
    filler = FILLER_NB if norwegian else FILLER_EN
    use_pool = (rng.random(words) < 0.45).tolist()
    pi = rng.integers(len(pool), size=words).tolist()
    fi = rng.integers(len(filler), size=words).tolist()
    return " ".join(pool[p] if u else filler[f] for u, p, f in zip(use_pool, pi, fi, strict=True))


def generate(n_pitches: int, n_investors: int, seed: int = 0
             ) -> tuple[list[PitchRecord], list[InvestorRecord]]:
    """`n_pitches` pitches and `n_investors` investors with every facet filled."""
    rng = np.random.default_rng(seed)
    pools = _vocabulary(rng)
    pitches = []
    for i in range(n_pitches):
        s = int(rng.integers(len(SECTORS)))
        pitches.append(PitchRecord(
            id=f"p{i}", text=_text(rng, pools[s], int(rng.integers(70, 130))),
            sectors=(SECTORS[s],), stage=STAGES[rng.integers(len(STAGES))],
            location=PLACES[rng.integers(len(PLACES))],
            amount=float(10 ** rng.uniform(5, 8)),
            green_objectives=tuple(rng.choice(GREEN, rng.integers(0, 3), replace=False)),
            support_needs=tuple(rng.choice(SUPPORT, 2, replace=False)),
            funding_types=(FUNDING[rng.integers(len(FUNDING))],),
            date=f"2024-{rng.integers(1, 13):02d}-01"))
    investors = []
    for j in range(n_investors):
        ss = rng.choice(len(SECTORS), 3, replace=False)
        lo = 10 ** rng.uniform(5, 7)
        investors.append(InvestorRecord(
            id=f"q{j}", text=" ".join(_text(rng, pools[s], 35) for s in ss),
            sectors=tuple(SECTORS[s] for s in ss),
            stages=tuple(rng.choice(STAGES, 2, replace=False)),
            locations=tuple(rng.choice(PLACES, 2, replace=False)),
            ticket_min=lo, ticket_max=lo * 10 ** rng.uniform(0.5, 1.5),
            green_mandate=("none", "preferred", "required")[rng.integers(3)],
            green_objectives=tuple(rng.choice(GREEN, 2, replace=False)),
            support_offers=tuple(rng.choice(SUPPORT, 3, replace=False)),
            funding_types=tuple(rng.choice(FUNDING, 2, replace=False)),
            activity=float(rng.poisson(5)), last_active=f"2024-{rng.integers(1, 13):02d}-01",
            stages_only=bool(rng.random() < 0.2), ticket_only=bool(rng.random() < 0.1),
            active=bool(rng.random() < 0.97)))
    return pitches, investors
