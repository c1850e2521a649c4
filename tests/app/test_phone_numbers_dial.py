"""A phone number shown as a contact detail is a tel: link, so a founder or investor on a
phone calls the other side with one tap instead of copying the number by hand: on the mutual
matches, on the agenda of an arena and on an investor's profile."""

from __future__ import annotations

from app.extensions import db
from app.services import interest
from tests.factories import (
    make_arena_over,
    make_investor,
    make_meeting,
    make_participant,
    make_pitch,
    make_user,
)

DIAL = '<a href="tel:+4791637862">+47 916 37 862</a>'


def test_tel_href_keeps_the_plus_and_the_digits():
    from app.templating import tel_href

    assert tel_href("+47 916 37 862") == "+4791637862"
    assert tel_href("(22) 33-44 55") == "22334455"
    assert tel_href("1234") == "" and tel_href(None) == ""


def test_mutual_matches_dial_the_other_side(client, auth):
    founder = make_user("founder", phone="+47 916 37 862")
    pitch = make_pitch(founder)
    investor = make_investor(contact_phone="+47 916 37 862")
    interest.mark(founder, pitch.id, investor.id, "interested")
    interest.mark(investor.user, pitch.id, investor.id, "interested")
    db.session.commit()
    for user in (founder, investor.user):
        auth.login(user.email)
        assert DIAL in client.get("/matches/mutual").get_data(as_text=True)
        auth.logout()
    auth.login(founder.email)
    assert DIAL in client.get(f"/investors/{investor.id}").get_data(as_text=True)


def test_the_agenda_dials_the_one_you_meet(client, auth):
    arena = make_arena_over()  # the two have met: contacts are shown once a meeting began
    founder = make_participant(arena, "founder")
    investor = make_participant(arena, "investor")
    founder.user.phone = "+47 916 37 862"
    db.session.commit()
    make_meeting(arena, founder, investor, slot=0, table=1)
    auth.login(investor.user.email)
    assert DIAL in client.get(f"/arenas/{arena.id}/agenda").get_data(as_text=True)


def test_match_cards_dial_the_other_side_once_both_are_interested(client, auth, market):
    """The cards themselves: the founder's list of the pitch's investors and the investor's
    recommended pitches, where the contacts first appear."""
    founder, investor, pitch = market["solar_founder"], market["solar_investor"], market["solar"]
    url = f"/matches/{pitch.id}/{investor.id}/mark/interested"
    for user in (founder, investor.user):
        auth.login(user.email)
        client.post(url)
        auth.logout()
    auth.login(founder.email)
    page = client.get(f"/pitches/{pitch.id}/matches").get_data(as_text=True)
    assert '<a href="tel:+4740000000">+47 400 00 000</a>' in page
    auth.logout()
    auth.login(investor.user.email)
    for address in ("/matches", f"/pitches/{pitch.id}"):
        page = client.get(address).get_data(as_text=True)
        assert '<a href="tel:+4791111111">+47 911 11 111</a>' in page, address
