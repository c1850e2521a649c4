"""The investor profile says what its green mandate and "Only these stages" do, and what an
angel writes as organisation, and refuses green objectives without a mandate instead of
dropping them unsaid."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.extensions import db
from app.models import InvestorProfile
from tests.factories import make_user

OBJECTIVES_REFUSED = {
    "en": "Green objectives count only with a green mandate: choose Preferred or Required, or "
          "untick the objectives.",
    "nb": "Miljømål teller bare med et grønt mandat: velg Foretrukket eller Påkrevd, eller "
          "fjern krysset for miljømålene.",
}
MANDATE_HELP = {
    "en": "Preferred: pitches that name a green objective rank higher. Required: only those "
          "are recommended to you.",
    "nb": "Foretrukket: pitcher som nevner et miljømål, rangeres høyere. Påkrevd: bare de "
          "anbefales til deg.",
}
STAGES_HELP = {
    "en": "Ticked: pitches at other stages are not recommended to you. Unticked: they rank "
          "lower.",
    "nb": "Krysset av: pitcher i andre faser anbefales ikke til deg. Ikke krysset av: de "
          "rangeres lavere.",
}


ORGANISATION_HELP = {
    "en": "Your fund or company, as founders will see it; an angel investor writes their own "
          "name.",
    "nb": "Fondet eller selskapet ditt, slik gründerne ser det; en engleinvestor skriver sitt "
          "eget navn.",
}


def _form(**overrides) -> dict:
    data = {"organisation": "Ingrid Engel", "investor_type": "angel",
            "thesis": "Early green companies in Asker: solar and circular building materials.",
            "stages": ["pre_seed", "seed"], "green_mandate": "none",
            "green_objectives": ["climate_mitigation", "circular_economy"]}
    data.update(overrides)
    return data


def _profile(user) -> InvestorProfile | None:
    db.session.expire_all()
    return db.session.scalar(select(InvestorProfile).where(InvestorProfile.user_id == user.id))


def _html(text: str) -> str:
    return text.replace("'", "&#39;")


@pytest.mark.parametrize("lang", ["en", "nb"])
def test_the_form_explains_the_green_mandate_and_only_these_stages(client, auth, lang):
    auth.login(make_user("investor", locale=lang).email)
    page = client.get("/profile").get_data(as_text=True)
    assert _html(MANDATE_HELP[lang]) in page
    assert _html(STAGES_HELP[lang]) in page


@pytest.mark.parametrize("lang", ["en", "nb"])
def test_the_form_tells_an_angel_what_to_write_as_organisation(client, auth, lang):
    # The field is required; an angel without a company was left to make one up.
    auth.login(make_user("investor", locale=lang).email)
    page = client.get("/profile").get_data(as_text=True)
    assert ORGANISATION_HELP[lang] in page


@pytest.mark.parametrize("lang", ["en", "nb"])
def test_objectives_without_a_mandate_are_refused_and_kept_ticked(client, auth, lang):
    user = make_user("investor", locale=lang)
    auth.login(user.email)
    response = client.post("/profile", data=_form())
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert OBJECTIVES_REFUSED[lang] in page
    assert 'value="climate_mitigation" checked' in page
    assert "circular building materials" in page
    assert _profile(user) is None


def test_objectives_with_a_mandate_are_saved(client, auth):
    user = make_user("investor", locale="en")
    auth.login(user.email)
    assert client.post("/profile", data=_form(green_mandate="preferred")).status_code == 302
    assert _profile(user).green_objectives == ["climate_mitigation", "circular_economy"]


def test_no_mandate_and_no_objectives_is_fine(client, auth):
    user = make_user("investor", locale="en")
    auth.login(user.email)
    assert client.post("/profile", data=_form(green_objectives=[])).status_code == 302
    assert _profile(user).green_mandate == "none"
