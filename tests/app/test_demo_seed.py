"""`flask demo seed`: counts, coverage, determinism, idempotence and working demo logins."""

from __future__ import annotations

import re
from datetime import date

import pytest
from sqlalchemy import func, select

from app.demo.generator import DEMO_PASSWORD, STAGE_ASKS, generate
from app.extensions import db
from app.models import Association, InvestorProfile, Pitch, User
from app.vocabulary import (
    ASSOCIATIONS,
    FUNDING_TYPES,
    GREEN_MANDATES,
    GREEN_OBJECTIVES,
    INVESTOR_TYPES,
    SECTORS,
    STAGES,
    SUPPORT_KINDS,
)

SMALL = ["demo", "seed", "--pitches", "40", "--investors", "12", "--seed", "1"]
DAY = date(2025, 6, 2)


def _seed(app, *extra: str):
    result = app.test_cli_runner().invoke(args=[*SMALL, *extra])
    db.session.expire_all()
    return result


def _count(model) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


def _users_by_role() -> dict[str, int]:
    rows = db.session.execute(select(User.role, func.count()).group_by(User.role))
    return {role: n for role, n in rows}


def test_seed_creates_every_role_pitches_and_profiles(app):
    result = _seed(app)
    assert result.exit_code == 0, result.output

    roles = _users_by_role()
    assert roles["admin"] == 1
    assert roles["staff"] == len(ASSOCIATIONS)
    assert roles["investor"] == 12
    assert 40 / 3 <= roles["founder"] <= 40
    assert _count(Pitch) == 40
    assert _count(InvestorProfile) == 12

    published = db.session.scalar(
        select(func.count()).select_from(Pitch).where(Pitch.status == "published"))
    assert 0.6 <= published / 40 < 1  # mostly published, some drafts
    owners = db.session.scalars(select(Pitch.owner_id).distinct()).all()
    assert all(1 <= _pitches_of(owner) <= 3 for owner in owners)

    investors = db.session.scalars(select(User).where(User.role == "investor")).all()
    profiles = {p.user_id: p for p in db.session.scalars(select(InvestorProfile))}
    assert {u.id for u in investors} == set(profiles)
    for profile in profiles.values():
        assert profile.thesis and profile.organisation
        assert profile.contact_email and profile.contact_phone
        assert profile.sectors and profile.stages and profile.regions
        assert 0 < profile.ticket_min < profile.ticket_max
        assert profile.version == 1
    assert any(p.past_investments > 0 for p in profiles.values())


def _pitches_of(owner_id: int) -> int:
    return db.session.scalar(select(func.count()).select_from(Pitch)
                             .where(Pitch.owner_id == owner_id))


def test_seed_spreads_over_every_association_and_vocabulary(app):
    assert _seed(app).exit_code == 0

    founder_associations = set(db.session.scalars(
        select(Association.slug).join(User, User.association_id == Association.id)
        .where(User.role == "founder")))
    assert founder_associations == set(ASSOCIATIONS)
    staff = db.session.scalars(select(User).where(User.role == "staff")).all()
    assert {u.association.slug for u in staff} == set(ASSOCIATIONS)

    pitches = db.session.scalars(select(Pitch)).all()
    assert {s for p in pitches for s in p.sectors} == set(SECTORS)
    assert {p.stage for p in pitches} == set(STAGES)
    assert {o for p in pitches for o in p.green_objectives} == set(GREEN_OBJECTIVES)
    assert {k for p in pitches for k in p.support_needs} == set(SUPPORT_KINDS)
    profiles = db.session.scalars(select(InvestorProfile)).all()
    assert {p.investor_type for p in profiles} == set(INVESTOR_TYPES)
    assert {p.green_mandate for p in profiles} == set(GREEN_MANDATES)
    assert {k for p in profiles for k in p.support_offers} == set(SUPPORT_KINDS)
    funding = {p.funding_type for p in pitches} | {f for p in profiles for f in p.funding_types}
    assert funding == set(FUNDING_TYPES)


def test_generator_gives_same_data_for_same_seed_and_other_data_for_another():
    first = generate(pitches=40, investors=12, seed=1, today=DAY)
    again = generate(pitches=40, investors=12, seed=1, today=DAY)
    other = generate(pitches=40, investors=12, seed=2, today=DAY)
    assert first == again
    assert first.pitches != other.pitches
    assert first.investors != other.investors


def test_generated_texts_and_amounts_look_real():
    data = generate(pitches=400, investors=100, seed=3, today=DAY)
    for pitch in data.pitches:
        assert 60 <= len(pitch["description"].split()) <= 150
        assert len(pitch["title"]) <= 120 and len(pitch["summary"]) <= 200
        low, high = STAGE_ASKS[pitch["stage"]]
        assert low * 0.9 <= pitch["ask_nok"] <= high * 1.1
    for profile in data.investors:
        assert 60 <= len(profile["thesis"].split()) <= 150
        if profile["investor_type"] == "angel":
            assert profile["ticket_max"] <= 3_000_000
    locales = [u["locale"] for u in data.users if u["role"] == "founder"]
    assert 0.6 < locales.count("nb") / len(locales) < 0.95  # mostly bokmål, some English
    assert any(p["stages_only"] for p in data.investors)


def test_demo_investor_thesis_shares_words_with_demo_founders_pitches():
    data = generate(pitches=40, investors=12, seed=1, today=DAY)
    thesis = next(p["thesis"] for p in data.investors if p["user"].startswith("investor@"))
    pitch = next(p for p in data.pitches if p["owner"].startswith("founder@"))

    def words(text: str) -> set[str]:
        return {w for w in re.findall(r"\w+", text.lower()) if len(w) > 6}

    assert len(words(thesis) & words(pitch["description"])) >= 2


def test_if_empty_second_run_adds_nothing(app):
    assert _seed(app, "--if-empty").exit_code == 0
    before = (_count(User), _count(Pitch), _count(InvestorProfile))

    result = _seed(app, "--if-empty")

    assert result.exit_code == 0
    assert "no demo data added" in result.output
    assert (_count(User), _count(Pitch), _count(InvestorProfile)) == before


def test_seed_without_if_empty_refuses_to_load_twice(app):
    assert _seed(app).exit_code == 0
    before = (_count(User), _count(Pitch))

    result = _seed(app)

    assert result.exit_code != 0
    assert "already" in result.output
    assert (_count(User), _count(Pitch)) == before


def test_output_names_the_demo_logins_and_time(app):
    result = _seed(app)
    for email in ("founder@demo.koble.no", "investor@demo.koble.no",
                  "staff.asker@demo.koble.no", "admin@demo.koble.no"):
        assert email in result.output
    assert DEMO_PASSWORD in result.output
    assert "Good to try" in result.output
    assert re.search(r"in \d+\.\d s", result.output)


@pytest.mark.parametrize("email", ["founder@demo.koble.no", "investor@demo.koble.no",
                                   "staff.asker@demo.koble.no", "admin@demo.koble.no"])
def test_demo_login_works_with_printed_password(app, auth, email):
    result = _seed(app)
    password = re.search(r"password: (\S+)", result.output).group(1)

    response = auth.login(email, password)

    assert response.status_code == 302
    assert "/auth/login" not in response.headers["Location"]
