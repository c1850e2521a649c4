"""Save clicked twice on an edit (the second request arriving after the first is saved) is
saved once, and the page answering the second says it is saved, once. Before, the second
carried the version the first had just replaced and was answered "Someone changed this pitch
after you opened it", with the writer's own edit as the "someone". A different text sent
with an old version is still a conflict."""

from __future__ import annotations

import pytest

from app.extensions import db
from app.models import InvestorProfile, Pitch
from tests.app.form_tokens import token_in
from tests.app.security.principals import logged_in_client
from tests.factories import make_investor, make_pitch, make_user

TEXT = "Ny beskrivelse 🌱 med **fet** skrift og <b>HTML</b>, skrevet én gang."


@pytest.fixture
def app_overrides():
    return {"WTF_CSRF_ENABLED": True}


def _pitch_sent(page: str, pitch: Pitch, version: int, description: str) -> dict:
    return {"csrf_token": token_in(page), "version": str(version), "title": pitch.title,
            "summary": pitch.summary, "description": description, "sectors": pitch.sectors,
            "stage": pitch.stage, "ask_nok": str(pitch.ask_nok),
            "funding_type": pitch.funding_type, "municipality": pitch.municipality,
            "green_objectives": pitch.green_objectives, "support_needs": pitch.support_needs}


def _editing_a_pitch(app):
    """A founder (in English) logged in on their pitch's edit page: (client, pitch, path)."""
    founder = make_user("founder", locale="en")
    pitch = make_pitch(founder)
    return logged_in_client(app, founder), pitch, f"/pitches/{pitch.id}/edit"


def _sent_twice(client, path: str, sent: dict) -> str:
    """Post `sent` to `path` twice, as a double click does; both must redirect. The page the
    second answer leads to."""
    first = client.post(path, data=sent)
    second = client.post(path, data=sent)
    assert first.status_code == 302, first.get_data(as_text=True)
    assert second.status_code == 302
    return client.get(second.headers["Location"]).get_data(as_text=True)


def test_a_pitch_edit_sent_twice_is_saved_once_and_both_say_saved(app):
    client, pitch, path = _editing_a_pitch(app)
    version = pitch.version
    sent = _pitch_sent(client.get(path).get_data(as_text=True), pitch, version, TEXT)

    page = _sent_twice(client, path, sent)
    assert "Your changes are saved." in page and "Someone changed" not in page
    # both answers' messages waited in the session for this page: it says it once
    assert page.count("Your changes are saved.") == 1
    db.session.expire_all()
    saved = db.session.get(Pitch, pitch.id)
    assert saved.description == TEXT and saved.version == version + 1


def test_another_text_sent_with_the_old_version_is_still_a_conflict(app):
    client, pitch, path = _editing_a_pitch(app)
    page, version = client.get(path).get_data(as_text=True), pitch.version
    assert client.post(path, data=_pitch_sent(page, pitch, version, TEXT)).status_code == 302
    other = client.post(path, data=_pitch_sent(page, pitch, version, "Noe annet"))
    assert other.status_code == 409 and "Noe annet" in other.get_data(as_text=True)
    db.session.expire_all()
    assert db.session.get(Pitch, pitch.id).description == TEXT


def test_a_profile_saved_twice_is_saved_once_and_both_say_saved(app):
    investor = make_user("investor", locale="en")
    profile = make_investor(investor)
    client = logged_in_client(app, investor)
    page, version = client.get("/profile").get_data(as_text=True), profile.version
    sent = {"csrf_token": token_in(page), "version": str(version),
            "organisation": profile.organisation, "investor_type": profile.investor_type,
            "thesis": TEXT, "sectors": profile.sectors, "stages": profile.stages,
            "ticket_min": "1000000", "ticket_max": "10000000", "regions": profile.regions,
            "green_mandate": profile.green_mandate,
            "green_objectives": profile.green_objectives,
            "support_offers": profile.support_offers, "contact_email": profile.contact_email,
            "contact_phone": profile.contact_phone}

    page = _sent_twice(client, "/profile", sent)
    assert "Your profile is saved." in page and "was changed after you opened it" not in page
    assert page.count("Your profile is saved.") == 1
    db.session.expire_all()
    saved = db.session.get(InvestorProfile, profile.id)
    assert saved.thesis == TEXT and saved.version == version + 1
