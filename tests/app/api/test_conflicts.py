"""A stale write through the API is told in an API client's words (the version it sent, the
address to read again), not the pages' "perhaps in another tab", which stays on the pages."""

from __future__ import annotations

import pytest

from app.services import investors, pitches
from tests.app.api.helpers import bearer
from tests.factories import make_investor, make_pitch, make_user

WORDS = {
    "en": {"pitch": "The pitch has changed since the version you sent. Nothing was saved: "
                    "read it again (GET /api/v1/pitches/{id}) and send your change with its "
                    "new version.",
           "profile": "Your profile has changed since the version you sent. Nothing was "
                      "saved: read it again (GET /api/v1/profile) and send your change with "
                      "its new version."},
    "nb": {"pitch": "Pitchen er endret siden versjonen du sendte. Ingenting ble lagret: les "
                    "den på nytt (GET /api/v1/pitches/{id}) og send endringen med den nye "
                    "versjonen.",
           "profile": "Profilen din er endret siden versjonen du sendte. Ingenting ble "
                      "lagret: les den på nytt (GET /api/v1/profile) og send endringen med "
                      "den nye versjonen."},
}


@pytest.mark.parametrize("locale", ["nb", "en"])
def test_a_stale_version_is_told_in_api_words(app, client, locale):
    app.config["BABEL_DEFAULT_LOCALE"] = "nb"
    founder = make_user("founder", locale=locale)
    pitch = make_pitch(founder)
    stale = client.put(f"/api/v1/pitches/{pitch.id}", headers=bearer(founder), json={
        "title": "Gammel", "summary": "Gammel", "stage": "seed", "description": "Tekst",
        "sectors": ["energy"], "version": pitch.version + 5})
    assert stale.status_code == 409
    assert stale.get_json()["error"]["message"] == WORDS[locale]["pitch"].format(id=pitch.id)
    investor = make_user("investor", locale=locale)
    profile = make_investor(investor)
    response = client.put("/api/v1/profile", headers=bearer(investor), json={
        "organisation": "Gammel", "investor_type": "venture_fund", "version": profile.version + 5})
    assert response.status_code == 409, response.get_data(as_text=True)
    assert response.get_json()["error"]["message"] == WORDS[locale]["profile"]


def test_the_pages_keep_their_words(app):
    with app.test_request_context(headers={"Accept-Language": "en"}):
        assert "another tab" in pitches._conflict().message
        assert "another tab" in investors._conflict().message


def test_a_put_sent_again_with_the_version_it_replaced_is_answered_as_saved(client):
    """A retry (the answer to the first PUT lost on the way) sends the same body with the
    version the first one replaced: it is told 200 with the record as saved, as the docs
    say, not 409 as if someone else had changed it; a different body with that version is
    still a conflict."""
    founder = make_user("founder")
    pitch = make_pitch(founder)
    body = {"title": "Biogass", "summary": "Matavfall til gass", "stage": "seed",
            "description": "Tekst", "sectors": ["energy"], "version": pitch.version}
    first = client.put(f"/api/v1/pitches/{pitch.id}", headers=bearer(founder), json=body)
    assert first.status_code == 200
    again = client.put(f"/api/v1/pitches/{pitch.id}", headers=bearer(founder), json=body)
    assert again.status_code == 200, again.get_data(as_text=True)
    assert again.get_json()["version"] == first.get_json()["version"]
    other = client.put(f"/api/v1/pitches/{pitch.id}", headers=bearer(founder),
                       json={**body, "title": "Noe annet"})
    assert other.status_code == 409
