"""The arena invitation e-mail says where e-mail choices are made, and why it comes whatever
they are (it asks for an answer: no notice kind the choices cover); it carries the arena as a
calendar file, a tentative event that the invitee's answer later confirms or cancels under
the same UID with a higher SEQUENCE. The meeting-request e-mail quotes the arena's title as
the in-app notice does."""

from __future__ import annotations

import time

import icalendar
import pytest
from itsdangerous.timed import TimestampSigner

from app.services import meeting_requests, rsvp
from app.services.agenda_calendar import arena_uid
from tests.factories import make_arena, make_invitation, make_participant, make_user, outbox_of


@pytest.fixture(autouse=True)
def _same_second(monkeypatch):
    """A token holds its signing second: made twice, it is the same link (the pages' hrefs)."""
    now = int(time.time())
    monkeypatch.setattr(TimestampSigner, "get_timestamp", lambda self: now)


WHY = {
    "en": "Invitations and their reminders come whatever you chose for notification e-mails",
    "nb": "Invitasjoner og påminnelser om dem kommer uansett hva du har valgt for varsler",
}


def _calendar_part(mail):
    """The attachment's MIME part, as the recipient's mail program gets it."""
    parts = [p for p in mail.message().walk() if p.get_content_type() == "text/calendar"]
    assert len(parts) == 1, [p.get_content_type() for p in mail.message().walk()]
    return parts[0]


def _arena_event(data: bytes, arena):
    (event,) = [e for e in icalendar.Calendar.from_ical(data).walk("VEVENT")
                if str(e["UID"]) == arena_uid(arena)]
    return event


@pytest.mark.parametrize("locale", ["nb", "en"])
@pytest.mark.parametrize("reminder", [False, True])
def test_invitation_mail_has_the_footer_that_says_why_it_always_comes(app, locale, reminder):
    user = make_user("founder", locale=locale, notice_mail_off=["arenas"])
    invitation = make_invitation(make_arena(), user)
    assert rsvp.mail_invitation(invitation, reminder=reminder)
    mail = outbox_of(app)[-1]
    html = mail.alternatives[0][0]
    for text in (mail.body, html):
        assert WHY[locale] in text
        assert "/account/#email-notifications" in text


def test_invitation_mail_carries_the_arena_as_a_tentative_calendar_event(app, client):
    arena = make_arena(title="Grønn arena", venue="Asker kulturhus")
    invitation = make_invitation(arena, make_user("founder", locale="en"))
    assert rsvp.mail_invitation(invitation)
    part = _calendar_part(outbox_of(app)[-1])
    assert part.get_content_type() == "text/calendar"
    assert part.get_filename() == f"koble-arena-{arena.id}.ics"
    event = _arena_event(part.get_payload(decode=True), arena)
    assert str(event["SUMMARY"]) == "Grønn arena"
    assert str(event["LOCATION"]) == "Asker kulturhus"
    assert str(event["STATUS"]) == "TENTATIVE"
    start = event.decoded("DTSTART")
    assert (start.date(), start.time()) == (arena.date, arena.start_time)
    sent = int(event["SEQUENCE"])
    # a yes confirms it, a no then cancels it: same UID, each time a higher SEQUENCE
    link = "/arenas/rsvp/" + rsvp.make_token(invitation)
    for answer, status in (("accept", "CONFIRMED"), ("decline", "CANCELLED")):
        assert client.post(link, data={"answer": answer}).status_code == 302
        event = _arena_event(client.get(link + "/calendar.ics").data, arena)
        assert str(event["STATUS"]) == status and int(event["SEQUENCE"]) > sent
        sent = int(event["SEQUENCE"])


def test_a_no_without_a_yes_first_still_clears_the_tentative_event(app, client):
    arena = make_arena()
    invitation = make_invitation(arena, make_user("investor"))
    rsvp.mail_invitation(invitation)
    sent = int(_arena_event(_calendar_part(outbox_of(app)[-1]).get_payload(decode=True),
                            arena)["SEQUENCE"])
    link = "/arenas/rsvp/" + rsvp.make_token(invitation)
    client.post(link, data={"answer": "decline"})
    assert f'href="{link}/calendar.ics"' in client.get(link).get_data(as_text=True)
    event = _arena_event(client.get(link + "/calendar.ics").data, arena)
    assert str(event["STATUS"]) == "CANCELLED" and int(event["SEQUENCE"]) > sent


@pytest.mark.parametrize("locale,quoted", [("en", "“Grønn arena”"), ("nb", "«Grønn arena»")])
def test_meeting_request_mail_quotes_the_arena_title(app, locale, quoted):
    arena = make_arena(title="Grønn arena")
    founder, investor = make_participant(arena, "founder"), make_participant(arena, "investor")
    investor.user.locale = locale
    meeting_requests.request_meeting(founder.user, arena.id, investor.user_id)
    (mail,) = [m for m in outbox_of(app) if m.to == [investor.user.email]]
    assert f"{founder.user.name} " in mail.body and quoted in mail.body
