"""Meeting requests: only accepted participants see who comes and ask; the cap; accept and
decline; contact details only between meeting partners."""

from __future__ import annotations

import pytest

from app.extensions import db
from app.models import MeetingRequest
from app.services.contacts import can_see_contacts
from app.services.request_pairs import pair_states
from tests.factories import (
    make_arena,
    make_arena_over,
    make_invitation,
    make_meeting,
    make_participant,
    make_score,
    make_user,
    outbox_of,
)


@pytest.fixture
def arena(app):
    return make_arena()


def login(auth, invitation):
    auth.login(invitation.user.email)


def ask(client, arena, to_user_id):
    return client.post(f"/arenas/{arena.id}/requests", data={"to_user_id": to_user_id})


def test_participant_sees_other_side_with_explanation(client, auth, arena):
    founder = make_participant(arena, "founder")
    investor = make_participant(arena, "investor")
    make_participant(arena, "founder")  # same side: not listed for the founder
    make_score(founder, investor, 0.83)
    login(auth, founder)
    page = client.get(f"/arenas/{arena.id}/participants")
    assert page.status_code == 200
    assert investor.user.name.encode() in page.data
    assert b"83" in page.data
    assert b"solenergi" in page.data  # the explanation's shared term
    assert page.data.count(b'id="person-') == 1


def test_invited_but_not_accepted_gets_403_and_stranger_404(client, auth, arena):
    make_participant(arena, "investor")
    invited = make_invitation(arena, make_user("founder"), state="invited")
    login(auth, invited)
    assert client.get(f"/arenas/{arena.id}/participants").status_code == 403
    assert client.get(f"/arenas/{arena.id}/agenda").status_code == 403
    auth.logout()
    auth.login(make_user("founder").email)
    assert client.get(f"/arenas/{arena.id}/participants").status_code == 404
    assert client.get(f"/arenas/{arena.id}/agenda.ics").status_code == 404


def test_staff_cannot_use_participant_pages(client, auth, arena):
    auth.login(make_user("staff").email)
    assert client.get(f"/arenas/{arena.id}/participants").status_code == 403


def test_not_accepted_cannot_request(client, auth, arena):
    investor = make_participant(arena, "investor")
    invited = make_invitation(arena, make_user("founder"), state="invited")
    login(auth, invited)
    assert ask(client, arena, investor.user_id).status_code == 403
    assert db.session.query(MeetingRequest).count() == 0


def test_request_cap_is_enforced(client, auth, app):
    arena = make_arena(meeting_cap=2, investor_capacity=5)
    founder = make_participant(arena, "founder")
    investors = [make_participant(arena, "investor") for _ in range(3)]
    login(auth, founder)
    for investor in investors[:2]:
        assert ask(client, arena, investor.user_id).status_code == 302
    page = client.get(f"/arenas/{arena.id}/participants")
    assert b"at most 2" in page.data
    response = ask(client, arena, investors[2].user_id)
    assert response.status_code == 302
    page = client.get(response.headers["Location"])
    assert b"at most 2 meetings at this arena" in page.data
    assert db.session.query(MeetingRequest).count() == 2
    assert len(outbox_of(app)) == 2  # the asked investors are told


def test_default_cap_is_six(client, auth):
    arena = make_arena(investor_capacity=8)
    founder = make_participant(arena, "founder")
    investors = [make_participant(arena, "investor") for _ in range(7)]
    login(auth, founder)
    for investor in investors:
        ask(client, arena, investor.user_id)
    assert db.session.query(MeetingRequest).count() == 6


def test_no_more_requests_than_the_arena_has_meeting_slots(client, auth):
    """An arena without its own meeting limit let each person ask for 6 meetings when it
    had only 4 meeting slots: requests they could never meet."""
    arena = make_arena(investor_capacity=8, slot_count=4, breaks=[], meeting_cap=None)
    founder = make_participant(arena, "founder")
    investors = [make_participant(arena, "investor") for _ in range(6)]
    login(auth, founder)
    for investor in investors:
        ask(client, arena, investor.user_id)
    assert db.session.query(MeetingRequest).count() == 4
    page = client.get(f"/arenas/{arena.id}/participants").get_data(as_text=True)
    assert "You have asked for 4 of at most 4 meetings." in page
    assert "you ask for at most" not in page


def test_no_more_requests_than_meetings_fit_the_persons_window(client, auth):
    """Coming for the last three meeting slots, a person can ask for three meetings."""
    arena = make_arena(investor_capacity=8, slot_count=8, breaks=[4], meeting_cap=None)
    founder = make_participant(arena, "founder", arrive_slot=5)
    investors = [make_participant(arena, "investor") for _ in range(5)]
    login(auth, founder)
    for investor in investors:
        ask(client, arena, investor.user_id)
    assert db.session.query(MeetingRequest).count() == 3
    assert "You have asked for 3 of at most 3 meetings." in client.get(
        f"/arenas/{arena.id}/participants").get_data(as_text=True)


def test_cannot_request_same_side_or_outsider(client, auth, arena):
    founder = make_participant(arena, "founder")
    other_founder = make_participant(arena, "founder")
    outsider = make_user("investor")
    login(auth, founder)
    assert ask(client, arena, other_founder.user_id).status_code == 404
    assert ask(client, arena, outsider.id).status_code == 404
    assert db.session.query(MeetingRequest).count() == 0


@pytest.mark.parametrize("to_user_id", [str(2**31), str(2**63), "1" + "0" * 400, "²"])
def test_an_id_no_column_holds_is_a_bad_request(client, auth, arena, to_user_id):
    """A crafted id beyond PostgreSQL's integer (or SQLite's 64 bits) overflowed in the
    query: a 500 instead of a refusal."""
    founder = make_participant(arena, "founder")
    make_participant(arena, "investor")
    login(auth, founder)
    assert ask(client, arena, to_user_id).status_code == 400
    assert db.session.query(MeetingRequest).count() == 0


def test_accept_and_decline(client, auth, arena):
    founder = make_participant(arena, "founder")
    one, two = make_participant(arena, "investor"), make_participant(arena, "investor")
    login(auth, founder)
    ask(client, arena, one.user_id)
    ask(client, arena, two.user_id)
    auth.logout()
    req_one = db.session.query(MeetingRequest).filter_by(to_user_id=one.user_id).one()
    req_two = db.session.query(MeetingRequest).filter_by(to_user_id=two.user_id).one()
    assert pair_states(arena.id)[(founder.user_id, one.user_id)] == "one_sided"
    login(auth, one)
    client.post(f"/arenas/{arena.id}/requests/{req_one.id}/answer", data={"answer": "accept"})
    # someone else's request cannot be answered
    assert client.post(f"/arenas/{arena.id}/requests/{req_two.id}/answer",
                       data={"answer": "accept"}).status_code == 404
    auth.logout()
    login(auth, two)
    client.post(f"/arenas/{arena.id}/requests/{req_two.id}/answer", data={"answer": "decline"})
    db.session.expire_all()
    states = pair_states(arena.id)
    assert states[(founder.user_id, one.user_id)] == "mutual"
    assert states[(founder.user_id, two.user_id)] == "declined"
    assert db.session.get(MeetingRequest, req_two.id).answered_at is not None


def test_asking_back_makes_it_mutual(client, auth, arena):
    founder, investor = make_participant(arena, "founder"), make_participant(arena, "investor")
    login(auth, founder)
    ask(client, arena, investor.user_id)
    auth.logout()
    login(auth, investor)
    ask(client, arena, founder.user_id)
    assert pair_states(arena.id) == {(founder.user_id, investor.user_id): "mutual"}
    assert db.session.query(MeetingRequest).count() == 1


def test_contacts_visible_to_meeting_partners_only(app):
    arena = make_arena_over()  # they have met: contacts come once a meeting began
    founder, investor = make_participant(arena, "founder"), make_participant(arena, "investor")
    other = make_participant(arena, "investor")
    assert not can_see_contacts(founder.user, investor.user)
    make_meeting(arena, founder, investor, slot=0, table=0)
    assert can_see_contacts(founder.user, investor.user)
    assert can_see_contacts(investor.user, founder.user)
    assert not can_see_contacts(founder.user, other.user)
    assert not can_see_contacts(other.user, founder.user)
    # a partner who withdraws is no longer a partner
    investor.state = "cancelled"
    db.session.commit()
    assert not can_see_contacts(founder.user, investor.user)


def test_agenda_shows_partner_contacts(client, auth):
    arena = make_arena_over()  # they have met: contacts come once a meeting began
    founder, investor = make_participant(arena, "founder"), make_participant(arena, "investor")
    make_meeting(arena, founder, investor, slot=1, table=1)
    login(auth, founder)
    page = client.get(f"/arenas/{arena.id}/agenda")
    assert f"kontakt{investor.user_id}@kapital.no".encode() in page.data


def test_my_meetings_lists_accepted_arenas_with_links(client, auth, arena):
    founder = make_participant(arena, "founder")
    other = make_arena(title="Annen arena")
    make_invitation(other, founder.user, state="invited")
    login(auth, founder)
    page = client.get("/arenas/meetings")
    assert page.status_code == 200
    assert f"/arenas/{arena.id}/agenda".encode() in page.data
    assert f"/arenas/{other.id}/agenda".encode() not in page.data


# --- the person's own cap ("at most N meetings", tests/app/test_arena_times.py) -------------
def answer(client, arena, req, choice="accept"):
    return client.post(f"/arenas/{arena.id}/requests/{req.id}/answer", data={"answer": choice})


def request_between(from_inv, to_inv) -> MeetingRequest:
    db.session.expire_all()
    return db.session.query(MeetingRequest).filter_by(
        from_user_id=from_inv.user_id, to_user_id=to_inv.user_id).one()


def flashed(client, response) -> str:
    return client.get(response.headers["Location"]).get_data(as_text=True)


def test_own_cap_limits_the_requests_a_person_sends(client, auth, app):
    arena = make_arena(investor_capacity=5)  # the arena lets everyone ask for six
    founder = make_participant(arena, "founder", meeting_cap=1)
    one, two = make_participant(arena, "investor"), make_participant(arena, "investor")
    login(auth, founder)
    assert "You have asked for 0 of at most 1 meeting." in client.get(
        f"/arenas/{arena.id}/participants").get_data(as_text=True)
    ask(client, arena, one.user_id)
    page = flashed(client, ask(client, arena, two.user_id))
    assert "You can ask for at most 1 meeting at this arena." in page
    assert db.session.query(MeetingRequest).count() == 1
    assert len(outbox_of(app)) == 1  # nobody is told of a request that was not made


def test_own_cap_limits_the_requests_a_person_accepts(client, auth):
    arena = make_arena(founder_capacity=5)
    investor = make_participant(arena, "investor", meeting_cap=1)
    first, second = make_participant(arena, "founder"), make_participant(arena, "founder")
    for founder in (first, second):
        login(auth, founder)
        ask(client, arena, investor.user_id)
        auth.logout()
    login(auth, investor)
    answer(client, arena, request_between(first, investor))
    page = flashed(client, answer(client, arena, request_between(second, investor)))
    assert ("You already have 1 agreed meeting, as many as you said you want at this arena."
            in page)
    assert request_between(second, investor).state == "pending"
    assert pair_states(arena.id) == {(first.user_id, investor.user_id): "mutual",
                                     (second.user_id, investor.user_id): "one_sided"}


def test_asking_back_beyond_the_own_cap_is_refused(client, auth):
    arena = make_arena(investor_capacity=5)
    founder = make_participant(arena, "founder", meeting_cap=1)
    one, two = make_participant(arena, "investor"), make_participant(arena, "investor")
    for investor in (one, two):
        login(auth, investor)
        ask(client, arena, founder.user_id)
        auth.logout()
    login(auth, founder)
    answer(client, arena, request_between(one, founder))
    page = flashed(client, ask(client, arena, two.user_id))  # asking back would accept
    assert "as many as you said you want" in page
    assert request_between(two, founder).state == "pending"
    assert db.session.query(MeetingRequest).count() == 2


def test_a_full_recipient_cannot_be_asked(client, auth, app):
    arena = make_arena(founder_capacity=5)
    investor = make_participant(arena, "investor", meeting_cap=1)
    first, second = make_participant(arena, "founder"), make_participant(arena, "founder")
    login(auth, first)
    ask(client, arena, investor.user_id)
    auth.logout()
    login(auth, investor)
    answer(client, arena, request_between(first, investor))
    auth.logout()
    login(auth, second)
    page = flashed(client, ask(client, arena, investor.user_id))
    assert (f"{investor.user.name} already has as many agreed meetings as they can have at "
            "this arena.") in page
    assert db.session.query(MeetingRequest).count() == 1
    # first's request to the investor and its acceptance to first; the refused one none
    assert sorted(m.to[0] for m in outbox_of(app)) == sorted([investor.user.email,
                                                              first.user.email])


def test_accepting_is_refused_when_the_asker_has_filled_their_cap(client, auth):
    arena = make_arena(investor_capacity=5)
    founder = make_participant(arena, "founder", meeting_cap=1)
    one, two = make_participant(arena, "investor"), make_participant(arena, "investor")
    login(auth, founder)
    ask(client, arena, one.user_id)  # still waiting for an answer
    auth.logout()
    login(auth, two)
    ask(client, arena, founder.user_id)
    auth.logout()
    login(auth, founder)
    answer(client, arena, request_between(two, founder))  # the founder's one meeting
    auth.logout()
    login(auth, one)
    page = flashed(client, answer(client, arena, request_between(founder, one)))
    assert f"{founder.user.name} already has as many agreed meetings" in page
    assert request_between(founder, one).state == "pending"
    assert pair_states(arena.id)[(founder.user_id, one.user_id)] == "one_sided"


def test_the_arena_cap_still_holds_without_an_own_cap(client, auth):
    arena = make_arena(meeting_cap=1, founder_capacity=5)
    investor = make_participant(arena, "investor")
    first, second = make_participant(arena, "founder"), make_participant(arena, "founder")
    for founder in (first, second):
        login(auth, founder)
        ask(client, arena, investor.user_id)
        auth.logout()
    login(auth, investor)
    answer(client, arena, request_between(first, investor))
    page = flashed(client, answer(client, arena, request_between(second, investor)))
    assert "as many agreed meetings as the arena allows (1)" in page
    assert request_between(second, investor).state == "pending"


def test_an_own_cap_above_the_arena_request_cap_does_not_raise_it(arena):
    from app.services.meeting_requests import request_cap

    arena.meeting_cap = 2
    me = make_participant(arena, "founder", meeting_cap=5)
    assert request_cap(arena, me) == 2
    me.meeting_cap = None
    assert request_cap(arena, me) == 2
    arena.meeting_cap = None
    assert request_cap(arena, me) == 6
    me.meeting_cap = 0
    assert request_cap(arena, me) == 0


@pytest.mark.parametrize(("lang", "message"), [
    ("nb", "Du kan be om høyst 1 møte på denne arenaen."),
    ("en", "You can ask for at most 1 meeting at this arena."),
])
def test_the_own_cap_refusal_speaks_the_users_language(client, auth, lang, message):
    arena = make_arena(investor_capacity=5)
    founder = make_participant(arena, "founder", meeting_cap=1)
    one, two = make_participant(arena, "investor"), make_participant(arena, "investor")
    login(auth, founder)
    client.post("/language", data={"lang": lang})
    ask(client, arena, one.user_id)
    assert message in flashed(client, ask(client, arena, two.user_id))
    assert db.session.query(MeetingRequest).count() == 1


@pytest.mark.parametrize(("lang", "cap", "quota"), [
    ("nb", 1, "Du har bedt om 1 av høyst 1 møte."),
    ("nb", 3, "Du har bedt om 1 av høyst 3 møter."),
    ("en", 1, "You have asked for 1 of at most 1 meeting."),
    ("en", 3, "You have asked for 1 of at most 3 meetings."),
])
def test_the_request_quota_reads_in_singular_and_plural(client, auth, lang, cap, quota):
    arena = make_arena(investor_capacity=5)
    founder = make_participant(arena, "founder", meeting_cap=cap)
    investor = make_participant(arena, "investor")
    login(auth, founder)
    client.post("/language", data={"lang": lang})
    ask(client, arena, investor.user_id)
    assert quota in client.get(f"/arenas/{arena.id}/participants").get_data(as_text=True)
