"""An investor answers a pitch whose page they opened before its founder withdrew it (made
it a draft again) or deleted it: the click said "Page not found … It may have been moved or
removed" on the answer's own address, with nothing to say the answer was not kept. Now the
investor lands on their recommendations, told so in their language; a founder answering an
investor who has since left or been deactivated lands on the pitch's investors, told so. An
id that never existed gets the same words, so ids cannot be probed; someone else's profile
or pitch is still 404."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.extensions import db
from app.models import Interest

NOT_SAVED = {"en": "Your answer was not saved: this pitch is no longer shown to investors.",
             "nb": "Svaret ditt ble ikke lagret: denne pitchen vises ikke lenger for investorer."}
INVESTOR_GONE = {
    "en": "Your answer was not saved: this investor is no longer shown to founders.",
    "nb": "Svaret ditt ble ikke lagret: denne investoren vises ikke lenger for gründere."}


def _mark(pitch_id: int, investor_id: int, kind: str = "interested") -> str:
    return f"/matches/{pitch_id}/{investor_id}/mark/{kind}?next=/pitches/{pitch_id}"


@pytest.mark.parametrize("lang", ["en", "nb"])
def test_answer_on_a_withdrawn_pitch_says_it_was_not_saved(client, auth, market, lang):
    pitch, investor = market["solar"], market["solar_investor"]
    auth.login(investor.user.email)
    client.post("/language", data={"lang": lang})
    assert client.get(f"/pitches/{pitch.id}").status_code == 200
    pitch.status = "draft"  # the founder withdraws it while the page is open
    db.session.commit()
    response = client.post(_mark(pitch.id, investor.id))
    assert response.status_code == 303
    assert response.headers["Location"].endswith("/matches")
    assert NOT_SAVED[lang] in client.get("/matches").get_data(as_text=True)
    assert db.session.scalars(select(Interest)).all() == []


def test_a_pitch_that_never_was_gets_the_same_words(client, auth, market):
    investor = market["solar_investor"]
    auth.login(investor.user.email)
    client.post("/language", data={"lang": "en"})
    response = client.post(_mark(987654, investor.id, "saved"))
    assert response.status_code == 303
    assert NOT_SAVED["en"] in client.get("/matches").get_data(as_text=True)


def test_answering_for_someone_elses_profile_is_still_not_found(client, auth, market):
    auth.login(market["sea_investor"].user.email)
    pitch = market["solar"]
    pitch.status = "draft"
    db.session.commit()
    assert client.post(_mark(pitch.id, market["solar_investor"].id)).status_code == 404


@pytest.mark.parametrize("lang", ["en", "nb"])
def test_founder_answer_to_an_investor_who_left_says_it_was_not_saved(client, auth, market,
                                                                       lang):
    pitch, investor = market["solar"], market["solar_investor"]
    auth.login(market["solar_founder"].email)
    client.post("/language", data={"lang": lang})
    investor.user.active = False  # deactivated while the founder's page is open
    db.session.commit()
    response = client.post(f"/matches/{pitch.id}/{investor.id}/mark/interested"
                           f"?next=/investors/{investor.id}")
    assert response.status_code == 303
    assert response.headers["Location"].endswith(f"/pitches/{pitch.id}/matches")
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert INVESTOR_GONE[lang] in page
    assert db.session.scalars(select(Interest)).all() == []
    # an investor id that never was: the same words
    response = client.post(f"/matches/{pitch.id}/987654/mark/saved")
    assert response.status_code == 303


def test_answering_for_someone_elses_pitch_is_still_not_found(client, auth, market):
    auth.login(market["solar_founder"].email)
    other = market["fish"]
    assert other.owner_id != market["solar_founder"].id
    assert client.post(f"/matches/{other.id}/{market['solar_investor'].id}/mark/interested"
                       ).status_code == 404
