"""A page that comes back with a refused form's summary says so in its browser title, "Feil:
Ny pitch · Koble" (GOV.UK's pattern): the title is the first thing a screen reader reads on
the returned page and what the tab shows, and it read exactly as the empty form's did, so
nothing but the summary (focused by form_errors.js) told that the save had not happened.
A refused field, or a refused action's reason among the flashed messages, counts as well; a
page with none of them keeps its plain title."""

from __future__ import annotations

import re

import pytest

from tests.app.test_i18n import _client_in
from tests.factories import (
    make_arena,
    make_investor,
    make_meeting,
    make_participant,
    make_pitch,
    make_user,
)

ERROR = {"nb": "Feil", "en": "Error"}
NEW_PITCH = {"nb": "Ny pitch", "en": "New pitch"}
LOG_IN = {"nb": "Logg inn", "en": "Log in"}
RECOMMENDED = {"nb": "Anbefalte pitcher", "en": "Recommended pitches"}


def _title(response) -> str:
    html = response.get_data(as_text=True)
    return " ".join(re.search(r"<title>(.*?)</title>", html, re.S).group(1).split())


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_a_refused_pitch_form_is_titled_as_an_error(app, lang):
    client = _client_in(app, lang, make_user("founder"))

    assert _title(client.get("/pitches/new")) == f"{NEW_PITCH[lang]} · Koble"
    refused = client.post("/pitches/new", data={"title": "", "summary": ""})

    assert refused.status_code == 422
    assert "data-error-summary" in refused.get_data(as_text=True)
    assert _title(refused) == f"{ERROR[lang]}: {NEW_PITCH[lang]} · Koble"


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_a_refused_login_is_titled_as_an_error(app, lang):
    """A summary with a message and no marked field (the wrong password) counts too."""
    user = make_user("founder")
    client = _client_in(app, lang)

    refused = client.post("/auth/login", data={"email": user.email, "password": "wrong-one"})

    assert _title(refused) == f"{ERROR[lang]}: {LOG_IN[lang]} · Koble"


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_refused_filters_are_titled_as_an_error(app, lang):
    investor = make_investor()
    client = _client_in(app, lang, investor.user)

    assert _title(client.get("/matches")) == f"{RECOMMENDED[lang]} · Koble"
    refused = client.get("/matches?sector=no-such-sector")

    assert _title(refused) == f"{ERROR[lang]}: {RECOMMENDED[lang]} · Koble"


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_a_refused_move_on_the_schedule_is_titled_as_an_error(app, lang):
    """The staff schedule's move form is refused in its row (the reason under its fields,
    aria-invalid), with no summary: the title says so all the same."""
    arena = make_arena(status="scheduled")
    meeting = make_meeting(arena, make_participant(arena, "founder"),
                           make_participant(arena, "investor"), slot=0)
    client = _client_in(app, lang, make_user("staff", association="asker"))
    page = f"/staff/arenas/{arena.id}/schedule"
    plain = _title(client.get(page))

    moved = client.post(f"/staff/arenas/{arena.id}/meetings/{meeting.id}/move",
                        data={"slot": "99", "table": "1"})
    assert moved.status_code == 303
    refused = client.get(moved.headers["Location"].split("#")[0])

    assert 'aria-invalid="true"' in refused.get_data(as_text=True)
    assert _title(refused) == f"{ERROR[lang]}: {plain}"


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_a_refusal_in_the_messages_is_titled_as_an_error(app, lang):
    """A refused action comes back with its reason among the messages (an alert, no form):
    the title says so too, the first thing a screen reader reads when the page comes back.
    A page with only news keeps its plain title."""
    arena = make_arena(status="inviting")
    founder = make_pitch().owner_id
    client = _client_in(app, lang, make_user("staff", association="asker"))
    add = f"/staff/arenas/{arena.id}/invitations/add"
    added = client.post(add, data={"user_id": founder})
    plain = _title(client.get(added.headers["Location"].split("#")[0]))
    assert not plain.startswith(f"{ERROR[lang]}:")

    again = client.post(add, data={"user_id": founder})  # already on the list: refused
    refused = client.get(again.headers["Location"].split("#")[0])

    assert "alert-danger alert-dismissible" in refused.get_data(as_text=True)
    assert _title(refused) == f"{ERROR[lang]}: {plain}"
