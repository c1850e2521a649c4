"""Someone invited who does not come (declined, cancelled or taken off the list by staff, only
invited, waiting for a seat) is told why the arena's participant pages refuse them, in their
language, with the sentence of participants.participant_of that the API's agenda answers
with: still 403, on the No access page. The agenda page did (bd88976); who comes, the
calendar file and the meeting request and answer buttons gave the bare "You do not have
access to this page.", and the pages opened through the e-mailed RSVP link said it in other
words ("... can see who comes and their agenda.").

The agenda (logged in and through the link) then says why in the agenda's own words, by the
invitation's state (participants.no_agenda_text, as the API's agenda does): the who-comes
sentence told someone who had said no, or cancelled, and opened "My agenda" from their calendar
about seeing who comes and asking for meetings."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from app.extensions import db
from app.meetings import call_or_abort
from app.models import MeetingRequest
from app.models.user import utcnow
from app.services import participants, rsvp
from app.services.errors import Forbidden
from tests.app.security.principals import log_in
from tests.factories import make_arena, make_invitation, make_participant, make_user

REFUSED = {
    "en": "Only people who have accepted the invitation can see who comes and ask for "
          "meetings.",
    "nb": "Bare de som har takket ja til invitasjonen, kan se hvem som kommer, og be om møter.",
}
BARE = {"en": "You do not have access to this page.",
        "nb": "Du har ikke tilgang til denne siden."}
NO_AGENDA = {
    "invited": {
        "en": "Your agenda at this arena opens once you have accepted the invitation.",
        "nb": "Agendaen din på denne arenaen åpner når du har takket ja til invitasjonen."},
    "waiting_list": {
        "en": "Your agenda at this arena opens if a seat becomes free for you: you are on the "
              "waiting list.",
        "nb": "Agendaen din på denne arenaen åpner hvis en plass blir ledig for deg: du står "
              "på ventelisten."},
    "declined": {
        "en": "Only those who come to the arena have an agenda there, and your invitation says "
              "you do not come.",
        "nb": "Bare de som kommer på arenaen, har en agenda der, og invitasjonen din sier at du "
              "ikke kommer."},
}
NO_AGENDA["cancelled"] = NO_AGENDA["declined"]


def _why(page: str, state: str, locale: str) -> str:
    """The refusal's sentence: the agenda's own for the agenda, participant_of's otherwise."""
    return NO_AGENDA[state][locale] if page == "agenda" else REFUSED[locale]


def _text(response) -> str:
    return response.get_data(as_text=True)


@pytest.mark.parametrize("locale", ["en", "nb"])
@pytest.mark.parametrize("state", ["declined", "cancelled", "invited", "waiting_list"])
@pytest.mark.parametrize("page", ["agenda", "participants"])
def test_someone_who_does_not_come_is_told_why(client, page, state, locale):
    arena = make_arena(status="scheduled", schedule_sequence=1)
    comes = make_participant(arena, "founder")
    outsider = make_user("investor", locale=locale)
    make_invitation(arena, outsider, state, invited_at=utcnow())  # sent, also if waiting
    db.session.commit()
    log_in(client, outsider)

    response = client.get(f"/arenas/{arena.id}/{page}")

    assert response.status_code == 403
    assert _why(page, state, locale) in _text(response)
    assert BARE[locale] not in _text(response)
    assert comes.user.name not in _text(response)


def test_the_calendar_file_refused_says_why(client):
    """Anyone whose calendar had the arena gets the file (it cancels what they imported);
    someone not coming whose calendar never had it (calendar_sequence 0) is refused, now
    with the reason."""
    arena = make_arena(status="scheduled", schedule_sequence=1)
    declined = make_user("founder", locale="en")
    assert make_invitation(arena, declined, "declined").calendar_sequence == 0
    db.session.commit()
    log_in(client, declined)

    response = client.get(f"/arenas/{arena.id}/agenda.ics")

    assert response.status_code == 403
    assert REFUSED["en"] in _text(response)


def test_someone_taken_off_the_list_is_told_why_when_they_ask_from_a_page_left_open(app):
    """Staff take them off the list while their list of who comes is open: asking for a
    meeting from it is refused with the reason, and nothing is asked."""
    arena = make_arena(status="inviting")
    founder = make_participant(arena, "founder")
    founder.user.locale = "nb"
    investor = make_participant(arena, "investor")
    db.session.commit()
    person, staff = app.test_client(), app.test_client()
    log_in(person, founder.user)
    log_in(staff, make_user("staff", association="asker"))
    assert person.get(f"/arenas/{arena.id}/participants").status_code == 200
    assert staff.post(f"/staff/arenas/{arena.id}/invitations/{founder.id}/remove"
                      ).status_code == 302

    response = person.post(f"/arenas/{arena.id}/requests",
                           data={"to_user_id": investor.user_id})

    assert response.status_code == 403
    assert REFUSED["nb"] in _text(response)
    assert not db.session.scalar(select(func.count(MeetingRequest.id)))
    assert REFUSED["nb"] in _text(person.get(f"/arenas/{arena.id}/participants"))


@pytest.mark.parametrize("owner, visitor", [("en", "nb"), ("nb", "en")])
@pytest.mark.parametrize("page", ["agenda", "participants", "calendar.ics"])
def test_the_rsvp_link_says_why_in_the_same_words_in_its_owners_language(
        client, page, owner, visitor):
    arena = make_arena(status="scheduled", schedule_sequence=1)
    declined = make_invitation(arena, make_user("founder", locale=owner), "declined")
    db.session.commit()
    token = rsvp.make_token(declined)

    response = client.get(f"/arenas/rsvp/{token}/{page}", headers={"Accept-Language": visitor})

    assert response.status_code == 403
    assert _why(page, "declined", owner) in _text(response)
    assert f'href="/arenas/rsvp/{token}"' in _text(response)  # back to the invitation


def test_other_refusals_still_read_as_before(client):
    """A staff member on a participant page is refused by role, not as an invitee: the
    bare sentence, as every other 403."""
    arena = make_arena(status="scheduled", schedule_sequence=1)
    log_in(client, make_user("staff", locale="en"))
    response = client.get(f"/arenas/{arena.id}/participants")
    assert response.status_code == 403
    assert BARE["en"] in _text(response) and REFUSED["en"] not in _text(response)


def test_participant_of_refuses_someone_not_coming_as_not_participant(app):
    """The refusal the pages show the words of has its own type (NotParticipant), so
    call_or_abort shows these words and no other Forbidden's."""
    arena = make_arena(status="scheduled")
    declined = make_invitation(arena, make_user("founder", locale="en"), "declined")
    db.session.commit()
    with app.test_request_context(), pytest.raises(participants.NotParticipant) as refused:
        participants.participant_of(declined.user, arena.id)
    assert refused.value.message == REFUSED["en"]


def test_any_other_forbidden_through_call_or_abort_is_the_bare_no_access(app, client):
    """Before, call_or_abort showed every service Forbidden's message on the No access page,
    on the assumption that only participant_of raised one: a Forbidden added elsewhere, its
    words written for someone else, would have been shown as they were."""
    words = "Only the treasurer may see the board's notes on this arena."

    def refused():
        raise Forbidden(words)

    app.add_url_rule("/_test/forbidden", "_test_forbidden", lambda: call_or_abort(refused))
    response = client.get("/_test/forbidden?lang=en")
    assert response.status_code == 403
    assert BARE["en"] in _text(response) and words not in _text(response)


BACK = {"en": "Back to the invitation", "nb": "Tilbake til invitasjonen"}


@pytest.mark.parametrize("locale", ["en", "nb"])
@pytest.mark.parametrize("page", ["agenda", "participants", "agenda.ics"])
def test_the_refusal_leads_back_to_the_invitation(client, page, locale):
    """The logged-in refusal linked only to the front page; as the RSVP link's does, it now
    leads to the invitation, where they see their answer and can answer again while open."""
    arena = make_arena(status="inviting")
    declined = make_user("founder", locale=locale)
    make_invitation(arena, declined, "declined", invited_at=utcnow())
    db.session.commit()
    log_in(client, declined)

    response = client.get(f"/arenas/{arena.id}/{page}")

    assert response.status_code == 403
    assert f'<a href="/arenas/{arena.id}">{BACK[locale]}</a>' in _text(response)
    assert client.get(f"/arenas/{arena.id}").status_code == 200


def test_a_refusal_by_role_still_leads_to_the_front_page(client):
    arena = make_arena(status="scheduled")
    log_in(client, make_user("staff", locale="en"))
    response = client.get(f"/arenas/{arena.id}/participants")
    assert response.status_code == 403
    assert "Go to the front page" in _text(response) and BACK["en"] not in _text(response)


@pytest.mark.parametrize("locale", ["en", "nb"])
def test_someone_who_cancelled_opens_my_agenda_and_reads_of_the_agenda(client, locale):
    """A founder who said yes, then cancelled on the agenda page, opens "My agenda" again
    (the link their calendar's event carries): the page said "Only people who have accepted
    the invitation can see who comes and ask for meetings."."""
    arena = make_arena(status="inviting")
    founder = make_participant(arena, "founder")
    founder.user.locale = locale
    db.session.commit()
    log_in(client, founder.user)
    assert client.post(f"/arenas/{arena.id}/withdraw").status_code == 302

    response = client.get(f"/arenas/{arena.id}/agenda")

    assert response.status_code == 403
    assert NO_AGENDA["cancelled"][locale] in _text(response)
    assert REFUSED[locale] not in _text(response)
