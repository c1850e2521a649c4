"""Green objectives sent with the green mandate "none" are refused through the API as on the
profile page (422, the field named, in the caller's language), and nothing is saved: the
service dropped them unsaid, so a script's objectives vanished with a 200. The API's words
name the JSON fields and values to send: it answered with the profile form's ("choose
Preferred or Required, or untick the objectives"), buttons a script does not have. It is
refused with the body's other field rules, as a support partner's "capital" is: "Invalid
input." with the reason under the field."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.extensions import db
from app.models import InvestorProfile
from tests.app.api.helpers import bearer
from tests.factories import make_investor, make_user

REFUSED = {
    "en": 'Green objectives count only with a green mandate: send "green_mandate" as '
          '"preferred" or "required", or "green_objectives" as an empty list.',
    "nb": 'Miljømål teller bare med et grønt mandat: send "green_mandate" som "preferred" '
          'eller "required", eller "green_objectives" som en tom liste.',
}
BODY = {"organisation": "Ingrid Engel", "investor_type": "angel", "green_mandate": "none",
        "green_objectives": ["climate_mitigation", "circular_economy"]}


def _profile(user) -> InvestorProfile | None:
    db.session.expire_all()
    return db.session.scalar(select(InvestorProfile).where(InvestorProfile.user_id == user.id))


def _refused(response, lang: str) -> None:
    assert response.status_code == 422, response.get_data(as_text=True)
    error = response.get_json()["error"]
    assert error["code"] == "validation_error"
    # as every refusal of the body's fields reads (a partner's "capital" among them)
    assert error["message"] == {"en": "Invalid input.", "nb": "Ugyldige verdier."}[lang]
    assert error["fields"] == {"green_objectives": [REFUSED[lang]]}


@pytest.mark.parametrize("lang", ["en", "nb"])
def test_a_first_profile_with_objectives_and_no_mandate_is_refused(app, client, lang):
    app.config["BABEL_DEFAULT_LOCALE"] = "nb"  # as in production
    user = make_user("investor", locale=lang)
    _refused(client.put("/api/v1/profile", headers=bearer(user), json=BODY), lang)
    assert _profile(user) is None


@pytest.mark.parametrize("lang", ["en", "nb"])
def test_dropping_the_mandate_but_keeping_the_objectives_changes_nothing(app, client, lang):
    app.config["BABEL_DEFAULT_LOCALE"] = "nb"
    user = make_user("investor", locale=lang)
    profile = make_investor(user, green_mandate="required",
                            green_objectives=["climate_mitigation"])
    version = profile.version
    response = client.put("/api/v1/profile", headers=bearer(user),
                          json={**BODY, "version": version})
    _refused(response, lang)
    kept = _profile(user)
    assert (kept.version, kept.green_mandate, kept.green_objectives, kept.organisation) == (
        version, "required", ["climate_mitigation"], "Grønn Kapital AS")


def test_objectives_with_a_mandate_are_saved(client):
    user = make_user("investor", locale="en")
    response = client.put("/api/v1/profile", headers=bearer(user),
                          json={**BODY, "green_mandate": "preferred"})
    assert response.status_code == 200, response.get_data(as_text=True)
    assert _profile(user).green_objectives == ["climate_mitigation", "circular_economy"]


def test_no_mandate_and_no_objectives_is_fine(client):
    user = make_user("investor", locale="en")
    response = client.put("/api/v1/profile", headers=bearer(user),
                          json={**BODY, "green_objectives": []})
    assert response.status_code == 200, response.get_data(as_text=True)
    assert _profile(user).green_mandate == "none"
