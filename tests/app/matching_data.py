"""Tiny data with known answers for the app-side matching tests."""

from __future__ import annotations

from tests.factories import make_investor, make_pitch, make_user


def tiny_market() -> dict:
    """Three pitches and three investors; each investor has one obvious best pitch."""
    d = {}
    d["solar_founder"] = make_user("founder", phone="+47 911 11 111")
    d["solar"] = make_pitch(owner=d["solar_founder"])  # solar + batteries, seed, 3 MNOK
    d["fish"] = make_pitch(
        title="Lukket oppdrett av laks", summary="Lakseoppdrett i lukkede merder i fjorden.",
        description="Havbruk uten lakselus: fisk, merder og rensing av vann.",
        sectors=["maritime"], stage="growth", ask_nok=40_000_000, municipality="drammen",
        green_objectives=["water_marine"], support_needs=["capital"])
    d["health"] = make_pitch(
        title="Digital helsejournal", summary="Programvare for legekontor.",
        description="Skybasert journalsystem og app for pasienter.",
        sectors=["ict_software", "health"], stage="pre_seed", ask_nok=800_000,
        municipality="kongsberg", green_objectives=[], support_needs=["mentoring"])
    d["solar_investor"] = make_investor(
        thesis="We invest in solar energy, solceller and batterilagring at seed stage.",
        stages=["seed"], sectors=["energy"])
    d["sea_investor"] = make_investor(
        organisation="Havkapital", investor_type="venture_fund",
        thesis="Havbruk, fisk og maritim teknologi i vekstfasen.", sectors=["maritime"],
        stages=["growth"], ticket_min=20_000_000, ticket_max=100_000_000,
        regions=["drammen"], green_objectives=["water_marine"])
    d["health_investor"] = make_investor(
        organisation="Helse Angel", investor_type="angel",
        thesis="Programvare og digital helse, journalsystem, tidlig fase.",
        sectors=["health", "ict_software"], stages=["pre_seed", "idea"], ticket_min=200_000,
        ticket_max=2_000_000, regions=["kongsberg"], green_mandate="none",
        green_objectives=[])
    return d
