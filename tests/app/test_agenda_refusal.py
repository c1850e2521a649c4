"""The agenda page tells someone invited who does not come (declined, cancelled or taken off
the list by staff, only invited) why it refuses them, in their language, with the sentence
the API's agenda answers with; before, they got the bare "No access" page."""

from __future__ import annotations

import pytest

from app.extensions import db
from tests.app.security.principals import log_in
from tests.factories import make_arena, make_invitation, make_user

REFUSED = {
    "en": "Only people who have accepted the invitation can see who comes and ask for "
          "meetings.",
    "nb": "Bare de som har takket ja til invitasjonen, kan se hvem som kommer, og be om møter.",
}


@pytest.mark.parametrize("locale", ["en", "nb"])
@pytest.mark.parametrize("state", ["declined", "cancelled", "invited"])
def test_someone_who_does_not_come_is_told_why(client, state, locale):
    arena = make_arena(status="scheduled", schedule_sequence=1)
    outsider = make_user("investor", locale=locale)
    make_invitation(arena, outsider, state)
    db.session.commit()
    log_in(client, outsider)

    page = client.get(f"/arenas/{arena.id}/agenda")

    assert page.status_code == 403
    assert REFUSED[locale] in page.get_data(as_text=True)
