"""Deterministic demo data: plain dicts from a seeded `random.Random`, no database.

The same seed (and day) always gives the same data. Users, pitches and investor profiles
refer to each other by e-mail; the loader turns those into ids.

`generate` decides who exists (the admin, staff, the featured demo logins, everyone else);
the rows themselves are drawn in `people`, `pitches` and `investors`, from one `Run`. What
people did comes last — interest marks and notifications (`interactions`), two arenas
(`arenas`) — so its draws follow every other and leave the people and pitches of a seed as
they were.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from app.demo.arenas import arenas
from app.demo.interactions import interactions
from app.demo.investors import investor
from app.demo.people import user
from app.demo.phrases import THEME_BY_KEY
from app.demo.pitches import STAGE_ASKS, pitch
from app.demo.run import DEMO_DOMAIN, DEMO_PASSWORD, DemoData, Run
from app.vocabulary import ASSOCIATIONS


def generate(pitches: int = 200, investors: int = 60, seed: int = 1,
             today: date | None = None) -> DemoData:
    """Demo users, pitches and investor profiles; the same arguments give the same data."""
    run = Run(seed, today or datetime.now(UTC).date())
    rng = run.rng

    admin = user(run, "admin", email=f"admin@{DEMO_DOMAIN}", municipality="asker",
                 association="asker", name=("Ingrid", "Koble"))
    run.data.logins.append({"role": "admin", "email": admin["email"], "name": admin["name"],
                          "note": "associations, staff, engine weights"})
    for slug, (assoc_name, municipalities) in ASSOCIATIONS.items():
        staff = user(run, "staff", email=f"staff.{slug}@{DEMO_DOMAIN}",
                     municipality=municipalities[0], association=slug)
        run.data.logins.append({"role": "staff", "email": staff["email"], "name": staff["name"],
                              "note": assoc_name})

    # Two founders and two investors made to fit each other: the ones to try first.
    featured_founders = []
    if pitches > 0:
        kari = user(run, "founder", email=f"founder@{DEMO_DOMAIN}", municipality="asker",
                    name=("Kari", "Solberg"))
        plan = [("solar", "seed", "published"), ("battery", "pre_seed", "published"),
                ("hydrogen", "idea", "draft")]
        for key, stage, status in plan[:pitches]:
            pitch(run, kari, theme=THEME_BY_KEY[key], stage=stage, status=status)
        featured_founders.append((kari, "solar and battery pitches in Asker (one draft)"))
    if pitches > 3:
        emma = user(run, "founder", lang="en", email=f"founder.en@{DEMO_DOMAIN}",
                    municipality="drammen", name=("Emma", "Wilson"))
        for key, stage in (("circular", "seed"), ("maritime", "series_a"))[:pitches - 3]:
            pitch(run, emma, theme=THEME_BY_KEY[key], stage=stage, status="published")
        featured_founders.append((emma, "English; circular and maritime pitches in Drammen"))
    run.data.logins += [{"role": "founder", "email": u["email"], "name": u["name"], "note": n}
                      for u, n in featured_founders]

    featured_investors = []
    if investors > 0:
        lars = user(run, "investor", email=f"investor@{DEMO_DOMAIN}", municipality="baerum",
                    name=("Lars", "Haugen"))
        profile = investor(run, lars, investor_type="venture_fund", mandate="required",
                           themes=[THEME_BY_KEY[k] for k in ("solar", "battery", "building")],
                           stages=["pre_seed", "seed", "series_a"], scope="regional",
                           organisation="Grønn Fjord Kapital")
        profile.update(past_investments=18, stages_only=False)
        featured_investors.append((lars, "green-energy venture fund; fits founder@'s pitches"))
    if investors > 1:
        sophie = user(run, "investor", lang="en", email=f"investor.en@{DEMO_DOMAIN}",
                      municipality="drammen", name=("Sophie", "Brown"))
        profile = investor(run, sophie, investor_type="family_office", mandate="preferred",
                           themes=[THEME_BY_KEY["circular"], THEME_BY_KEY["maritime"]],
                           stages=["seed", "series_a"], scope="national")
        profile["past_investments"] = 7
        featured_investors.append((sophie, "English; circular and maritime, fits founder.en@"))
    run.data.logins += [{"role": "investor", "email": u["email"], "name": u["name"], "note": n}
                      for u, n in featured_investors]

    # Everyone else: founders with one to three pitches each, spread over the region.
    association_cycle = list(ASSOCIATIONS)
    founders = 0
    while len(run.data.pitches) < pitches:
        lang = "nb" if rng.random() < 0.8 else "en"
        municipality = None
        if founders < len(association_cycle):  # every association has founders
            municipality = rng.choice(ASSOCIATIONS[association_cycle[founders]][1])
        founder = user(run, "founder", lang=lang, municipality=municipality)
        founders += 1
        count = min(rng.choices((1, 2, 3), weights=(60, 28, 12))[0],
                    pitches - len(run.data.pitches))
        for n in range(count):
            # A founder's later pitches are more often still drafts.
            status = None if n == 0 else ("draft" if rng.random() < 0.35 else "published")
            pitch(run, founder, status=status)

    while len(run.data.investors) < investors:
        lang = "nb" if rng.random() < 0.8 else "en"
        investor(run, user(run, "investor", lang=lang))

    # What people did. The featured logins are left to whoever tries the demo: the first
    # founder and investor find interest waiting (never from each other), the others nothing.
    featured = {u["email"] for u, _note in featured_founders + featured_investors}
    kari = featured_founders[0][0]["email"] if featured_founders else None
    lars = featured_investors[0][0]["email"] if featured_investors else None
    interactions(run, kari, lars, featured)
    arenas(run, f"staff.asker@{DEMO_DOMAIN}", kari, lars, featured)
    return run.data


__all__ = ["DEMO_DOMAIN", "DEMO_PASSWORD", "STAGE_ASKS", "DemoData", "generate"]
