"""The e-mailed answer link opens in the invitee's language: the e-mail was written in it,
and the person clicking it is not logged in."""

from __future__ import annotations

from app.services import rsvp
from tests.factories import make_arena, make_invitation, make_user


def link_for(invitation) -> str:
    return "/arenas/rsvp/" + rsvp.make_token(invitation)


def test_answer_link_speaks_the_invitees_saved_language(client):
    # the test site's default is English; this invitee chose bokmål
    invitation = make_invitation(make_arena(), make_user("founder", locale="nb"))
    url = link_for(invitation)
    page = client.get(url)
    assert b"Ja, jeg kommer" in page.data
    assert page.data.startswith(b'<!doctype html>\n<html lang="nb">')
    posted = client.post(url, data={"answer": "accept"})
    answered = client.get(posted.headers["Location"])
    assert b"Plassen din er bekreftet" in answered.data


def test_the_times_form_on_the_link_refuses_in_the_invitees_language(client):
    invitation = make_invitation(make_arena(), make_user("investor", locale="nb"),
                                 state="accepted")
    url = link_for(invitation)
    refused = client.post(url + "/times", data={"arrive_slot": "0", "leave_slot": "1",
                                                "meeting_cap": "tre"})
    assert refused.status_code == 422
    assert b"Skriv inn et helt tall." in refused.data


def test_a_language_chosen_in_the_browser_wins_over_the_invitees(client):
    invitation = make_invitation(make_arena(), make_user("founder", locale="nb"))
    client.post("/language", data={"lang": "en"})
    page = client.get(link_for(invitation))
    assert b"Yes, I will come" in page.data


def test_an_invitee_without_a_saved_language_gets_the_sites(client):
    invitation = make_invitation(make_arena(), make_user("founder"))
    assert b"Yes, I will come" in client.get(link_for(invitation)).data
