"""PUT /api/v1/profile with `ticket_only` and no ticket size is refused in the API's words,
naming the fields to send, as the green-objectives refusal is: the profile page's words
("Give a smallest or largest ticket for “Only pitches near my ticket sizes”, or untick it")
named a checkbox a script has not. Nothing is saved."""

from __future__ import annotations

import pytest

from app.extensions import db
from app.models import InvestorProfile
from tests.app.api.helpers import bearer
from tests.factories import make_user

PROFILE = {"organisation": "Fjordkapital", "investor_type": "angel", "ticket_only": True}
WORDS = {
    "nb": '"ticket_only" krever et beløp: send "ticket_min" eller "ticket_max", eller '
          '"ticket_only" som false.',
    "en": '"ticket_only" needs a ticket size: send "ticket_min" or "ticket_max", or '
          '"ticket_only" as false.',
}


@pytest.mark.parametrize("locale", ["nb", "en"])
def test_ticket_only_without_a_ticket_names_the_fields_to_send(app, client, locale):
    app.config["BABEL_DEFAULT_LOCALE"] = "nb"
    investor = make_user("investor", locale=locale)
    db.session.commit()
    response = client.put("/api/v1/profile", headers=bearer(investor), json=PROFILE)
    assert response.status_code == 422
    assert response.get_json()["error"]["fields"] == {"ticket_only": [WORDS[locale]]}
    assert db.session.query(InvestorProfile).filter_by(user_id=investor.id).count() == 0
    # with a ticket size it is saved
    ok = client.put("/api/v1/profile", headers=bearer(investor),
                    json=dict(PROFILE, ticket_max=5000000))
    assert ok.status_code == 200 and ok.get_json()["ticket_only"] is True
