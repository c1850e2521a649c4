"""The arena's own calendar event links to a page its reader can open: the invitation while
they have not said yes (the invitation e-mail's tentative event; after a no, the cancelled
one), their agenda once they come. The agenda refuses whoever has not accepted."""

from __future__ import annotations

import icalendar
import pytest

from app.services import agenda_calendar, rsvp
from app.services.agenda_calendar import arena_uid
from tests.factories import make_arena, make_invitation, make_user, outbox_of

WORDS = {"en": "Your invitation: ", "nb": "Invitasjonen din: "}


def _arena_event(data: bytes, arena):
    (event,) = [e for e in icalendar.Calendar.from_ical(data).walk("VEVENT")
                if str(e["UID"]) == arena_uid(arena)]
    return event


@pytest.mark.parametrize("locale", ["en", "nb"])
def test_the_invitation_mails_event_links_to_the_invitation_the_reader_can_open(
        app, client, auth, locale):
    arena = make_arena()
    user = make_user("founder", locale=locale)
    invitation = make_invitation(arena, user)
    assert rsvp.mail_invitation(invitation)
    (part,) = [p for p in outbox_of(app)[-1].message().walk()
               if p.get_content_type() == "text/calendar"]
    event = _arena_event(part.get_payload(decode=True), arena)
    url = str(event["URL"])
    assert url.endswith(f"/arenas/{arena.id}")
    assert str(event["DESCRIPTION"]) == WORDS[locale] + url
    auth.login(user.email)
    assert client.get(f"/arenas/{arena.id}/agenda").status_code == 403  # not (yet) coming
    path = url.split("://", 1)[1].split("/", 1)[1]
    assert client.get("/" + path).status_code == 200


@pytest.mark.parametrize("state,endpoint", [("accepted", "/agenda"), ("declined", "")])
def test_the_event_links_to_the_agenda_only_for_who_comes(app, client, auth, state, endpoint):
    arena = make_arena()
    user = make_user("investor", locale="en")
    invitation = make_invitation(arena, user, state=state)
    event = _arena_event(agenda_calendar.calendar(user, arena, invitation), arena)
    assert str(event["URL"]).endswith(f"/arenas/{arena.id}{endpoint}")
    auth.login(user.email)
    assert client.get(f"/arenas/{arena.id}{endpoint}").status_code == 200
