"""Typed text that shows nothing is empty: a required field of only zero-width spaces, word
joiners, byte-order marks or other format characters (non-breaking spaces among them) gets
the usual "required" message in the user's language and nothing is saved; an optional one
is left empty. Such characters inside real text stay (app/typed_text.py): a zero-width
joiner holds an emoji sequence together."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from app import typed_text
from app.extensions import db
from app.models import InvestorProfile, Pitch
from tests.app.api.helpers import bearer
from tests.app.security.principals import logged_in_client
from tests.app.test_investor_profile import _form as _profile_form
from tests.app.test_nul_in_forms import _invalid
from tests.factories import make_pitch, make_user

REQUIRED = {"nb": "Dette feltet er påkrevd.", "en": "This field is required."}
# U+200B zero-width space, U+2060 word joiner, U+FEFF byte-order mark, U+00A0 non-breaking
# space, U+200D zero-width joiner, U+00AD soft hyphen, U+200E left-to-right mark, U+3164
# Hangul filler, U+2800 blank Braille pattern, U+FE0F a variation selector.
SHOWING_NOTHING = ["\u200b", "\u2060\u2060", "\ufeff", "\u200b\u00a0\u2060\ufeff",
                   "\u00a0\u200d\u00ad\u200e", "\u3164", "\u2800 \ufe0f"]
# A woman technologist (woman, ZWJ, laptop), a rainbow flag (flag, VS16, ZWJ, rainbow).
REAL = "Grønn ærfugl på øya 👩\u200d💻 🏳\ufe0f\u200d🌈"


def _pitches() -> int:
    return db.session.scalar(select(func.count()).select_from(Pitch))


@pytest.mark.parametrize("invisible", SHOWING_NOTHING)
def test_text_that_shows_nothing_is_empty(invisible):
    assert typed_text.shows_nothing(invisible)
    assert typed_text.single_line(invisible) == ""
    assert typed_text.multi_line(invisible + "\n" + invisible) == ""


def test_real_text_keeps_its_joiners_and_letters():
    for text in (REAL, "\u200bSolkraft", "Sol\u2060kraft\ufeff"):
        assert not typed_text.shows_nothing(text)
        assert typed_text.single_line(text) == text
        assert typed_text.multi_line(text) == text


@pytest.mark.parametrize("lang", ["nb", "en"])
@pytest.mark.parametrize("invisible", SHOWING_NOTHING)
def test_a_pitch_summary_of_invisible_characters_is_required(app, lang, invisible):
    client = logged_in_client(app, make_user("founder", locale=lang))
    client.post("/language", data={"lang": lang})
    response = client.post("/pitches/new", data={
        "title": "Solcellebåt", "summary": invisible, "stage": "seed"})
    assert response.status_code == 422
    html = response.get_data(as_text=True)
    assert REQUIRED[lang] in html
    assert _invalid(html, "summary") and not _invalid(html, "title")
    assert _pitches() == 0


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_a_pitch_edit_to_an_invisible_title_changes_nothing(app, lang):
    founder = make_user("founder", locale=lang)
    pitch = make_pitch(founder, status="draft")
    before = (pitch.title, pitch.version)
    client = logged_in_client(app, founder)
    client.post("/language", data={"lang": lang})
    response = client.post(f"/pitches/{pitch.id}/edit", data={
        "title": "\u200b\u2060\ufeff", "summary": pitch.summary, "stage": "seed",
        "version": str(pitch.version)})
    assert response.status_code == 422
    assert REQUIRED[lang] in response.get_data(as_text=True)
    db.session.expire_all()
    again = db.session.get(Pitch, pitch.id)
    assert (again.title, again.version) == before


def test_real_text_with_emoji_sequences_and_letters_is_saved_whole(app):
    client = logged_in_client(app, make_user("founder"))
    response = client.post("/pitches/new", data={
        "title": REAL, "summary": "Ferje\u200bfri", "stage": "seed",
        "description": "Linje 1\n" + REAL})
    assert response.status_code == 302, response.get_data(as_text=True)
    pitch = db.session.scalars(select(Pitch)).one()
    assert (pitch.title, pitch.summary, pitch.description) \
        == (REAL, "Ferje\u200bfri", "Linje 1\n" + REAL)


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_an_investor_organisation_of_invisible_characters_is_required(app, lang):
    investor = make_user("investor", locale=lang)
    client = logged_in_client(app, investor)
    client.post("/language", data={"lang": lang})
    response = client.post("/profile", data=_profile_form(organisation="\ufeff\u200b"))
    assert response.status_code == 422
    assert REQUIRED[lang] in response.get_data(as_text=True)
    assert db.session.scalar(select(InvestorProfile).where(
        InvestorProfile.user_id == investor.id)) is None


def test_an_optional_field_of_invisible_characters_is_left_empty(app):
    """An optional e-mail field holding a zero-width space is not "no e-mail address": it
    is empty, and the thesis with it."""
    investor = make_user("investor")
    client = logged_in_client(app, investor)
    response = client.post("/profile", data=_profile_form(
        contact_email="\u200b", contact_phone="\u2060", thesis="\ufeff\n\u200b"))
    assert response.status_code == 302, response.get_data(as_text=True)
    profile = db.session.scalar(select(InvestorProfile).where(
        InvestorProfile.user_id == investor.id))
    assert (profile.contact_email, profile.contact_phone or None, profile.thesis or "") \
        == (None, None, "")


def test_the_api_refuses_an_invisible_summary(app, client):
    headers = bearer(make_user("founder"))
    refused = client.post("/api/v1/pitches", headers=headers, json={
        "title": "Solcellebåt", "summary": "\u200b\u2060", "stage": "idea"})
    assert refused.status_code == 422
    assert list(refused.get_json()["error"]["fields"]) == ["summary"]
    assert _pitches() == 0
