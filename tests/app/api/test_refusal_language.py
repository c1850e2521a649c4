"""The API's own refusals (a role, a missing profile) speak the token user's saved language,
as its description promises."""

from __future__ import annotations

import pytest

from app.extensions import db
from tests.app.api.helpers import bearer
from tests.factories import make_pitch, make_user

REFUSALS = {
    "nb": {"role": "Rollen din kan ikke bruke dette endepunktet.",
           "no_profile": "Du har ikke skrevet investorprofilen din ennå.",
           "write_profile": "Skriv investorprofilen din først.",
           "founder_needs": "Må fylles ut for gründere."},
    "en": {"role": "Your role may not use this endpoint.",
           "no_profile": "You have not written your investor profile yet.",
           "write_profile": "Write your investor profile first.",
           "founder_needs": "Required for founders."},
}


def _message(response, status: int) -> str:
    assert response.status_code == status, response.get_data(as_text=True)
    return response.get_json()["error"]["message"]


@pytest.mark.parametrize("locale", ["nb", "en"])
def test_refusals_after_the_token_speak_the_users_language(app, client, locale):
    app.config["BABEL_DEFAULT_LOCALE"] = "nb"  # as in production
    words = REFUSALS[locale]
    staff, investor, founder = (make_user(role, locale=locale)
                                for role in ("staff", "investor", "founder"))
    pitch = make_pitch(founder)
    db.session.commit()
    assert _message(client.get("/api/v1/interests", headers=bearer(staff)), 403) == words["role"]
    assert _message(client.get("/api/v1/profile", headers=bearer(investor)),
                    404) == words["no_profile"]
    marked = client.put("/api/v1/interests", headers=bearer(investor),
                        json={"pitch_id": pitch.id, "kind": "saved"})
    assert _message(marked, 403) == words["write_profile"]  # code profile_missing
    missing = client.put("/api/v1/interests", headers=bearer(founder),
                         json={"pitch_id": pitch.id, "kind": "saved"})
    assert missing.status_code == 422
    assert missing.get_json()["error"]["fields"] == {"investor_id": [words["founder_needs"]]}
