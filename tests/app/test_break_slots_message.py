"""A break slot past the end is refused with the number of slots, so staff see at once what
they may type: on the walk (new arena, 10 slots, breaks "4, 12") the message said "Break slots
must be between 1 and the number of slots." without the number, which sits in another field
further up the form."""

from __future__ import annotations

import pytest

from tests.app.test_arenas_staff import arena_form
from tests.app.test_i18n import _client_in
from tests.app.test_unreadable_input import _error_of
from tests.factories import make_user

MESSAGE = {"en": "Break slots must be between 1 and 12, the number of slots.",
           "nb": "Pauselukene må ligge mellom 1 og 12, antallet tidsluker."}


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_a_break_past_the_last_slot_names_the_number_of_slots(app, lang):
    client = _client_in(app, lang, make_user("staff", association="asker"))

    response = client.post("/staff/arenas/new", data=arena_form(breaks="4, 13"))

    assert response.status_code == 422
    assert _error_of(response, "breaks") == MESSAGE[lang]
