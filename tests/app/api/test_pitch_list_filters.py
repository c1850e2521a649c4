"""GET /api/v1/pitches honours every filter it takes, or refuses it: a founder's list (their
own pitches) quietly ignored `q`, `stage`, `sector`, … and `sort`, and an investor's
`mine=true` answered an empty list, as if they had asked for nothing."""

from __future__ import annotations

import pytest

from app.extensions import db
from tests.app.api.helpers import bearer
from tests.factories import make_investor, make_pitch, make_user

LIST = "/api/v1/pitches"


def _ids(response) -> list[int]:
    assert response.status_code == 200, response.get_data(as_text=True)
    return [pitch["id"] for pitch in response.get_json()["items"]]


@pytest.fixture
def founder(app):
    """A founder with a published solar pitch, a draft about offshore wind and a hidden
    pitch, and another founder's published one."""
    user = make_user("founder")
    solar = make_pitch(user, title="Solcelletak")
    wind = make_pitch(user, status="draft", title="Havvind", stage="growth",
                      sectors=["maritime"], summary="Flytende havvind.", ask_nok=40_000_000,
                      description="Flytende havvindturbiner utenfor Drammensfjorden.")
    hidden = make_pitch(user, title="Biokull", hidden=True)
    make_pitch(make_user("founder"), title="Andres solcelletak")
    return user, solar, wind, hidden


def test_a_founders_filters_apply_to_their_own_pitches(client, founder):
    user, solar, wind, hidden = founder
    headers = bearer(user)
    assert sorted(_ids(client.get(LIST, headers=headers))) == sorted(
        [solar.id, wind.id, hidden.id])
    assert _ids(client.get(f"{LIST}?stage=growth", headers=headers)) == [wind.id]
    assert _ids(client.get(f"{LIST}?q=havvind", headers=headers)) == [wind.id]
    assert _ids(client.get(f"{LIST}?sector=maritime&mine=true", headers=headers)) == [wind.id]
    assert _ids(client.get(f"{LIST}?ask_min=10000000", headers=headers)) == [wind.id]
    assert sorted(_ids(client.get(f"{LIST}?stage=seed", headers=headers))) == sorted(
        [solar.id, hidden.id])
    assert _ids(client.get(f"{LIST}?sort=title", headers=headers)) == [hidden.id, wind.id,
                                                                       solar.id]
    assert _ids(client.get(f"{LIST}?stage=idea", headers=headers)) == []
    # newest made first, drafts among them (a draft has no publishing date)
    assert _ids(client.get(LIST, headers=headers)) == [hidden.id, wind.id, solar.id]


@pytest.mark.parametrize("locale, words", [
    ("en", "Only founders have pitches of their own"),
    ("nb", "Bare gründere har egne pitcher")])
@pytest.mark.parametrize("role", ["investor", "staff"])
def test_mine_true_is_refused_to_those_without_pitches(client, founder, role, locale, words):
    user = make_user(role, locale=locale)
    if role == "investor":
        make_investor(user)
    db.session.commit()
    response = client.get(f"{LIST}?mine=true", headers=bearer(user))
    assert response.status_code == 422
    error = response.get_json()["error"]
    assert error["code"] == "validation_error" and list(error["fields"]) == ["mine"]
    assert error["message"].startswith(words) and "mine" in error["message"]
    # what they get without it, and with the `false` that says the same
    listed = _ids(client.get(LIST, headers=bearer(user)))
    assert listed and _ids(client.get(f"{LIST}?mine=false", headers=bearer(user))) == listed


def test_a_founder_cannot_ask_for_more_than_their_own(client, founder):
    user, *_pitches = founder
    response = client.get(f"{LIST}?mine=false", headers=bearer(user))
    assert response.status_code == 422
    error = response.get_json()["error"]
    assert list(error["fields"]) == ["mine"] and "mine=true" in error["message"]
