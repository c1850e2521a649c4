"""An investor's first saved profile leads to what it was written for, the recommended
pitches, with a word that it is saved and where to change it; it came back to the form, with
no word of where the recommendations were. Later edits stay on the form."""

from __future__ import annotations

import pytest

from tests.factories import make_investor, make_user

FIRST = {
    "en": "Your profile is saved. Here are the pitches that fit it best; change it any time "
          "under “My profile”.",
    "nb": "Profilen din er lagret. Her er pitchene som passer best til den; du kan endre den "
          "når som helst under «Min profil».",
}
LATER = {"en": "Your profile is saved.", "nb": "Profilen din er lagret."}


def _form(**overrides) -> dict:
    data = {"organisation": "Ingrid Engel", "investor_type": "angel",
            "thesis": "Early green companies in Asker.", "green_mandate": "required",
            "green_objectives": ["climate_mitigation"], "stages": ["seed"]}
    data.update(overrides)
    return data


@pytest.mark.parametrize("lang", ["en", "nb"])
def test_the_first_profile_leads_to_the_recommendations(client, auth, lang):
    auth.login(make_user("investor", locale=lang).email)
    response = client.post("/profile", data=_form())
    assert response.status_code == 302
    assert response.location.endswith("/matches")
    page = client.get(response.location).get_data(as_text=True)
    assert FIRST[lang] in page


@pytest.mark.parametrize("lang", ["en", "nb"])
def test_an_edit_stays_on_the_profile(client, auth, lang):
    user = make_user("investor", locale=lang)
    profile = make_investor(user)
    auth.login(user.email)
    response = client.post("/profile", data=_form(version=str(profile.version)))
    assert response.status_code == 302
    assert response.location.endswith("/profile")
    page = client.get(response.location).get_data(as_text=True)
    assert LATER[lang] in page and FIRST[lang] not in page
