"""A body with several problems is refused once, every problem under its field, as the forms
mark every field at once. The API stopped at the first: a wrong field hid the rules across
fields (marshmallow skips them while a field fails), and those rules stopped at their first
refusal, so a client fixing three problems needed three round trips. The shape is the same
`{"error": {"code", "message", "fields", "request_id"}}`; `fields` names more at once."""

from __future__ import annotations

import html

import pytest
from sqlalchemy import select

from app.extensions import db
from app.models import InvestorProfile, Pitch
from tests.app.api.helpers import bearer
from tests.factories import make_investor, make_pitch, make_user

WORDS = {
    "en": {"length": "Length must be between 1 and 120.",
           "ticket": "The minimum ticket must not be above the maximum.",
           "green": 'Green objectives count only with a green mandate: send "green_mandate" '
                    'as "preferred" or "required", or "green_objectives" as an empty list.',
           "once": "Each option can be chosen once.",
           "email": "Not a valid e-mail address.",
           "capital": 'A support partner offers no capital: leave out "capital" or choose '
                      'another investor type.',
           "equity": 'A support partner offers no capital: leave out "equity" or choose '
                     'another investor type.',
           "founders": "Required for founders.",
           "kind": "Must be one of: interested, not_for_me, saved.",
           "needs": "A published pitch needs a description and at least one sector. Add it, "
                    "or make the pitch a draft first.",
           "invalid": "Invalid input."},
    "nb": {"length": "Lengden må være mellom 1 og 120.",
           "ticket": "Minste beløp per investering kan ikke være høyere enn største beløp.",
           "green": 'Miljømål teller bare med et grønt mandat: send "green_mandate" som '
                    '"preferred" eller "required", eller "green_objectives" som en tom liste.',
           "once": "Hvert alternativ kan bare velges én gang.",
           "email": "Ikke en gyldig e-postadresse.",
           "founders": "Må fylles ut for gründere.",
           "invalid": "Ugyldige verdier."},
}


def _fields(response, lang: str) -> dict:
    assert response.status_code == 422, response.get_data(as_text=True)
    error = response.get_json()["error"]
    assert error["code"] == "validation_error"
    assert error["message"] == WORDS[lang]["invalid"]
    assert error["request_id"]
    return error["fields"]


def _profile(user) -> InvestorProfile | None:
    db.session.expire_all()
    return db.session.scalar(select(InvestorProfile).where(InvestorProfile.user_id == user.id))


@pytest.mark.parametrize("lang", ["en", "nb"])
def test_a_profile_with_five_problems_hears_of_all_five(app, client, lang):
    app.config["BABEL_DEFAULT_LOCALE"] = "nb"  # as in production
    words = WORDS[lang]
    user = make_user("investor", locale=lang)
    body = {"organisation": "", "investor_type": "angel", "ticket_min": 10, "ticket_max": 5,
            "green_mandate": "none", "green_objectives": ["climate_mitigation"],
            "sectors": ["energy", "energy"], "contact_email": "not an address"}

    fields = _fields(client.put("/api/v1/profile", headers=bearer(user), json=body), lang)

    assert fields == {"organisation": [words["length"]], "ticket_max": [words["ticket"]],
                      "green_objectives": [words["green"]], "sectors": [words["once"]],
                      "contact_email": [words["email"]]}
    assert _profile(user) is None


def test_a_support_partner_hears_of_capital_and_equity_at_once(app, client):
    user = make_user("investor", locale="en")
    body = {"organisation": "Støttepartner", "investor_type": "partner",
            "support_offers": ["capital"], "funding_types": ["equity"]}

    fields = _fields(client.put("/api/v1/profile", headers=bearer(user), json=body), "en")

    assert fields == {"support_offers": [WORDS["en"]["capital"]],
                      "funding_types": [WORDS["en"]["equity"]]}


def test_a_rule_over_a_refused_field_is_not_judged(app, client):
    """ticket_min refused as text: "minimum above maximum" and "ticket_only needs a ticket"
    would judge a ticket the body did not hold, so only its own refusal is said."""
    user = make_user("investor", locale="en")
    body = {"organisation": "Fond", "investor_type": "angel", "ticket_min": "10",
            "ticket_max": 5, "ticket_only": True, "stages": ["seed", "seed"]}

    fields = _fields(client.put("/api/v1/profile", headers=bearer(user), json=body), "en")

    assert set(fields) == {"ticket_min", "stages"}


def test_an_edit_of_a_profile_hears_of_every_problem_and_keeps_the_profile(app, client):
    user = make_user("investor", locale="en")
    profile = make_investor(user)
    before = (profile.organisation, profile.version)
    body = {"organisation": "x" * 121, "investor_type": "angel", "version": profile.version,
            "green_mandate": "none", "green_objectives": ["climate_mitigation"]}

    fields = _fields(client.put("/api/v1/profile", headers=bearer(user), json=body), "en")

    assert set(fields) == {"organisation", "green_objectives"}
    saved = _profile(user)
    assert (saved.organisation, saved.version) == before


def test_a_new_pitch_hears_of_its_wrong_field_and_its_repeated_options_at_once(app, client):
    founder = make_user("founder", locale="en")
    body = {"title": "", "summary": "Sol", "stage": "idea", "sectors": ["energy", "energy"],
            "support_needs": ["capital", "capital"]}

    fields = _fields(client.post("/api/v1/pitches", headers=bearer(founder), json=body), "en")

    assert fields == {"title": [WORDS["en"]["length"]], "sectors": [WORDS["en"]["once"]],
                      "support_needs": [WORDS["en"]["once"]]}
    assert db.session.scalar(select(Pitch).where(Pitch.owner_id == founder.id)) is None


def test_an_edit_emptying_a_published_pitch_hears_of_that_with_its_other_problems(app, client):
    founder = make_user("founder", locale="en")
    pitch = make_pitch(founder)
    db.session.commit()
    before = (pitch.title, pitch.version)
    body = {"title": "x" * 121, "summary": "Sol", "stage": "seed", "description": " ",
            "sectors": [], "version": pitch.version}

    fields = _fields(client.put(f"/api/v1/pitches/{pitch.id}", headers=bearer(founder),
                                json=body), "en")

    assert fields == {"title": [WORDS["en"]["length"]], "description": [WORDS["en"]["needs"]],
                      "sectors": [WORDS["en"]["needs"]]}
    db.session.expire_all()
    saved = db.session.get(Pitch, pitch.id)
    assert (saved.title, saved.version) == before


@pytest.mark.parametrize("lang", ["en", "nb"])
def test_a_founders_mark_without_investor_and_with_a_wrong_kind_hears_of_both(app, client,
                                                                              lang):
    app.config["BABEL_DEFAULT_LOCALE"] = "nb"
    founder = make_user("founder", locale=lang)
    pitch = make_pitch(founder)
    db.session.commit()

    fields = _fields(client.put("/api/v1/interests", headers=bearer(founder),
                                json={"pitch_id": pitch.id, "kind": "maybe"}), lang)

    assert set(fields) == {"investor_id", "kind"}
    assert fields["investor_id"] == [WORDS[lang]["founders"]]


def test_an_investor_naming_another_profile_hears_of_it_with_a_wrong_kind(app, client):
    investor = make_user("investor", locale="en")
    make_investor(investor)
    other = make_investor()
    pitch = make_pitch()
    db.session.commit()

    fields = _fields(client.put("/api/v1/interests", headers=bearer(investor),
                                json={"pitch_id": pitch.id, "investor_id": other.id,
                                      "kind": "maybe"}), "en")

    assert set(fields) == {"investor_id", "kind"}


def test_the_reference_says_fields_names_every_problem(app, client):
    spec = client.get("/api/v1/openapi.json").get_json()
    described = spec["components"]["schemas"]["ErrorBody"]["properties"]["fields"]
    assert "every problem" in described["description"]
    page = html.unescape(client.get("/api/v1/docs?lang=nb").get_data(as_text=True))
    assert "alle problemene i en forespørsel på én gang" in page
