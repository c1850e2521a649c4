"""The amount's reason in a match's sentence follows the ask and the investor's range. The
engine reads the fit off quarter-decade bins, so QA's 1.5 million ask inside a 1.1-62 million
range scored 0.998 and the sentence said "close to the investor's range" under a bar of
100 %; an ask of 1 million under a 1.05 million minimum scored 0.999 and read "within"."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.extensions import db
from app.models import MatchScore
from tests.app.api.helpers import bearer
from tests.factories import make_investor, make_pitch, make_user

IN_RANGE = "the amount asked lies within your range"
NEAR = "the amount asked is close to your range"


@pytest.mark.parametrize(("ask", "low", "reason", "words"), [
    (1_500_000, 1_100_000, "ticket_in_range", IN_RANGE),  # inside, above the minimum (0.998)
    (1_000_000, 1_050_000, "ticket_near", NEAR),          # under the minimum (0.999)
])
def test_the_amount_reason_says_where_the_ask_lies(app, client, auth, ask, low, reason,
                                                    words):
    investor = make_user("investor", locale="en")
    profile = make_investor(investor, ticket_min=low, ticket_max=62_000_000)
    pitch = make_pitch(ask_nok=ask)
    rebuilt = app.test_cli_runner().invoke(args=["matching", "rebuild"])
    assert rebuilt.exit_code == 0, rebuilt.output
    stored = db.session.scalar(select(MatchScore).where(
        MatchScore.pitch_id == pitch.id, MatchScore.investor_profile_id == profile.id))
    assert 0.99 < stored.components["ticket"] < 1.0  # both sit between the engine's bins

    [item] = client.get("/api/v1/recommendations",
                        headers=bearer(investor)).get_json()["items"]
    assert reason in item["reasons"]
    assert {"ticket_in_range", "ticket_near"} - {reason} - set(item["reasons"]) == {
        "ticket_in_range", "ticket_near"} - {reason}
    auth.login(investor.email)
    page = client.get("/matches").get_data(as_text=True)
    assert words in page
    assert (NEAR if words == IN_RANGE else IN_RANGE) not in page
