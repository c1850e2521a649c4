"""Someone who says yes after the meeting schedule was published reads on their agenda that
the schedule predates them and can take them when it is built again, not that "no meeting
could be fitted" for them (there was room: staff's page says a meeting would fit now)."""

from __future__ import annotations

import pytest

from app.extensions import db
from tests.factories import make_participant, make_score

LATE = {"en": "was made before you said yes or changed your times, so it has no meeting for "
              "you yet. The organisers can fit you in when they build it again.",
        "nb": "ble laget før du takket ja eller endret tidene dine, så den har ingen møter "
              "for deg ennå. Arrangørene kan få deg med når de lager den på nytt."}
NOT_FITTED = {"en": "no meeting could be fitted", "nb": "vi fikk ikke plass"}


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_a_yes_after_publishing_is_told_the_schedule_predates_it(client, auth, fitting_room,
                                                                 staff, lang):
    arena, _founders, investors = fitting_room
    assert client.post(f"/staff/arenas/{arena.id}/schedule/build").status_code == 302
    assert client.post(f"/staff/arenas/{arena.id}/schedule/publish").status_code == 302
    auth.logout()

    late = make_participant(arena, "founder")  # accepted after the publication
    for i in investors:
        make_score(late, i, 0.8)
    db.session.commit()
    auth.login(late.user.email)
    client.post("/language", data={"lang": lang})
    page = " ".join(client.get(f"/arenas/{arena.id}/agenda").get_data(as_text=True).split())
    assert LATE[lang] in page
    assert NOT_FITTED[lang] not in page
