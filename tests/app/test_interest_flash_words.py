"""After "Interested" the English flash read "Marked as interesting.": no one did the
marking. It now says who did what, as the bokmål does."""

from __future__ import annotations

import pytest

from app.extensions import db
from tests.app.security.principals import log_in

SAID = {"en": "You marked this as interesting.", "nb": "Du markerte dette som interessant."}


@pytest.mark.parametrize("lang", ["en", "nb"])
def test_marking_interest_says_you_did(client, market, lang):
    investor, fish = market["solar_investor"], market["fish"]
    investor.user.locale = lang
    db.session.commit()
    log_in(client, investor.user)
    response = client.post(f"/matches/{fish.id}/{investor.id}/mark/interested?next=/matches")
    html = client.get(response.location).get_data(as_text=True)
    assert SAID[lang] in html
    assert "Marked as interesting." not in html and "Markert som interessant." not in html
