"""People are told when staff change something that affects them: the schedule is built
or re-run, their meeting is moved, the arena is cancelled, an edit of the arena calls off
their meetings, their pitch is hidden or shown again. Each gets one notice in the app and,
when mail is configured, one e-mail, in their own saved language (not the staff member's);
the staff member, people who said no and other arenas' people get nothing, and a refused
change sends nothing. Before, none of these changes told anyone."""

from __future__ import annotations

import pytest

from app.extensions import db
from tests.app.notices_told import told
from tests.app.test_arena_edit_after_schedule import _form as edit_form
from tests.factories import (
    make_arena,
    make_done_arena,
    make_invitation,
    make_meeting,
    make_participant,
    make_pitch,
    make_score,
    make_user,
    outbox_of,
)


@pytest.fixture
def staff_lang():
    """The staff member's own pages are in bokmål."""
    return "nb"


def speaks(invitation_or_user, locale: str):
    user = getattr(invitation_or_user, "user", invitation_or_user)
    user.locale = locale
    db.session.commit()
    return invitation_or_user


def mails_to(app, *people) -> list:
    emails = {getattr(p, "user", p).email for p in people}
    return [m for m in outbox_of(app) if set(m.to) & emails]


def uids(*invitations) -> set[int]:
    return {getattr(i, "user_id", None) or i.id for i in invitations}


def founder_meeting_two(bokmaal: str):
    """A scheduled arena (09:00, 15-minute slots): the founder (English) meets `early` at
    09:00 (table 1) and `late` at 09:15 (table 2); another pair meets at 09:00 (table 2).
    `bokmaal` names the investor who reads bokmål ("early" or "late"); the other keeps
    the default. Returns arena, founder, early, late, others."""
    arena = make_arena(status="scheduled", schedule_sequence=1)
    founder = speaks(make_participant(arena, "founder"), "en")
    early, late = make_participant(arena, "investor"), make_participant(arena, "investor")
    speaks(early if bokmaal == "early" else late, "nb")
    others = make_participant(arena, "founder"), make_participant(arena, "investor")
    make_meeting(arena, founder, early, slot=0, table=0)
    make_meeting(arena, founder, late, slot=1, table=1)
    make_meeting(arena, *others, slot=0, table=1)
    return arena, founder, early, late, others


# --- (a) the schedule is built and published ---------------------------------------------
def build_and_publish(client, arena):
    """Build the draft schedule, then publish it (the step that tells people)."""
    assert client.post(f"/staff/arenas/{arena.id}/schedule/build").status_code == 302
    assert client.post(f"/staff/arenas/{arena.id}/schedule/publish").status_code == 302


def test_a_published_schedule_tells_each_participant_once_in_their_own_language(
        app, client, staff, fitting_room):
    arena, founders, investors = fitting_room
    speaks(founders[0], "nb")
    speaks(investors[0], "en")
    declined = make_invitation(arena, make_user("founder"), state="declined")
    invited = make_invitation(arena, make_user("investor"), state="invited")
    elsewhere = make_participant(make_arena(), "founder")

    assert client.post(f"/staff/arenas/{arena.id}/schedule/build").status_code == 302
    assert not told() and not outbox_of(app)  # a draft tells nobody
    assert client.post(f"/staff/arenas/{arena.id}/schedule/publish").status_code == 302

    notes = told()
    assert set(notes) == uids(*founders, *investors)  # not staff, declined, invited, elsewhere
    assert all([n.kind for n in mine] == ["schedule_ready"] for mine in notes.values())
    assert not mails_to(app, staff, declined, invited, elsewhere)
    # Each has two meetings, and gets one e-mail.
    assert all(len(mails_to(app, p)) == 1 for p in (*founders, *investors))
    (nb,) = mails_to(app, founders[0])
    assert nb.subject == "Agendaen din for Grønn arena er klar"
    assert "Møteplanen for «Grønn arena» er klar" in nb.body
    assert f"/arenas/{arena.id}/agenda" in nb.body
    (en,) = mails_to(app, investors[0])
    assert en.subject == "Your agenda for Grønn arena is ready"
    assert "The meeting schedule for “Grønn arena” is ready" in en.body
    assert notes[founders[0].user_id][0].link == f"/arenas/{arena.id}/agenda"


def test_a_re_run_tells_only_those_whose_agenda_changed(app, client, auth, staff):
    arena = make_arena(slot_count=1, breaks=[], table_count=1)
    first, second = make_participant(arena, "founder"), make_participant(arena, "founder")
    investor = make_participant(arena, "investor")
    make_score(first, investor, 0.9)
    make_score(second, investor, 0.5)
    build_and_publish(client, arena)
    assert set(told("schedule_ready")) == uids(first, investor)
    assert set(told("schedule_no_meetings")) == uids(second)  # one slot, one table

    sent = len(outbox_of(app))
    client.post(f"/staff/arenas/{arena.id}/schedule/build")  # nothing changed
    assert not told("schedule_changed") and len(outbox_of(app)) == sent

    auth.logout()
    auth.login(first.user.email)
    client.post(f"/arenas/{arena.id}/withdraw")
    auth.logout()
    auth.login(staff.email)
    client.post(f"/staff/arenas/{arena.id}/schedule/build")
    assert set(told("schedule_changed")) == uids(second, investor)
    assert [m.subject for m in mails_to(app, second)][-1] == (
        "Your agenda for Grønn arena has changed")


def test_a_refused_build_tells_nobody(app, client, staff):
    built = make_arena(slot_count=1, breaks=[], table_count=1)
    pair = make_participant(built, "founder"), make_participant(built, "investor")
    make_score(*pair)
    build_and_publish(client, built)
    refused = make_arena()
    alone = make_participant(refused, "founder")  # no investor: nothing to schedule
    client.post(f"/staff/arenas/{refused.id}/schedule/build")
    client.post(f"/staff/arenas/{refused.id}/schedule/publish")  # nothing built to publish
    assert set(told()) == uids(*pair)
    assert len(outbox_of(app)) == 2 and not mails_to(app, alone)


def test_no_e_mail_without_mail_configured_but_the_notice_stays(app, client, staff):
    app.config["MAIL_BACKEND"] = ""
    arena = make_arena(slot_count=1, breaks=[], table_count=1)
    founder, investor = make_participant(arena, "founder"), make_participant(arena, "investor")
    make_score(founder, investor)
    build_and_publish(client, arena)
    assert set(told("schedule_ready")) == uids(founder, investor)
    assert not outbox_of(app)


# --- (b) a meeting is moved -----------------------------------------------------------------
@pytest.fixture
def two_meetings():
    arena = make_arena(status="scheduled")
    f1, i1 = speaks(make_participant(arena, "founder"), "nb"), make_participant(arena, "investor")
    f2, i2 = make_participant(arena, "founder"), make_participant(arena, "investor")
    moving = make_meeting(arena, f1, i1, slot=0, table=0)
    make_meeting(arena, f2, i2, slot=1, table=1)
    return arena, moving, (f1, i1), (f2, i2)


def test_a_moved_meeting_tells_both_people_where_it_went(app, client, staff, two_meetings):
    arena, moving, (f1, i1), bystanders = two_meetings
    response = client.post(f"/staff/arenas/{arena.id}/meetings/{moving.id}/move",
                           data={"slot": "6", "table": "3"})
    assert response.status_code == 302
    assert set(told("meeting_moved")) == uids(f1, i1)
    assert not mails_to(app, staff, *bystanders)
    (nb,) = mails_to(app, f1)
    assert nb.subject == "Et møte på Grønn arena er flyttet"
    assert f"Møtet ditt med {i1.user.name} på «Grønn arena» er flyttet til kl. 10:15, bord 3" \
        in nb.body
    (en,) = mails_to(app, i1)
    assert f"Your meeting with {f1.user.name} at “Grønn arena” is moved to 10:15, table 3" \
        in en.body


def test_a_refused_move_tells_nobody(app, client, staff, two_meetings):
    arena, moving, _pair, _bystanders = two_meetings
    url = f"/staff/arenas/{arena.id}/meetings/{moving.id}/move"
    assert client.post(url, data={"slot": "6", "table": "3"}).status_code == 302
    assert client.post(url, data={"slot": "2", "table": "2"}).status_code == 303  # taken
    assert client.post(url, data={"slot": "x", "table": "2"}).status_code == 303
    assert sum(len(notes) for notes in told().values()) == 2
    assert len(outbox_of(app)) == 2


# --- (c) the arena is cancelled -------------------------------------------------------------
def test_cancelling_an_arena_tells_those_coming_and_those_still_invited(app, client, staff):
    arena = make_arena(status="scheduled")
    coming = [speaks(make_participant(arena, "founder"), "nb"),
              make_participant(arena, "investor")]
    make_meeting(arena, *coming)
    invited = make_invitation(arena, make_user("founder"), state="invited")
    declined = make_invitation(arena, make_user("investor"), state="declined")
    proposed = make_invitation(arena, make_user("founder"), state="proposed")
    elsewhere = make_participant(make_arena(), "investor")

    response = client.post(f"/staff/arenas/{arena.id}/status", data={"to": "cancelled"})
    assert response.status_code == 302

    notes = told()
    assert set(notes) == uids(*coming, invited)
    assert all([n.kind for n in mine] == ["arena_cancelled"] for mine in notes.values())
    assert not mails_to(app, staff, declined, proposed, elsewhere)
    (nb,) = mails_to(app, coming[0])
    assert nb.subject == "Avlyst: Grønn arena"
    assert "«Grønn arena»" in nb.body and "er avlyst av arrangørene" in nb.body
    assert notes[invited.user_id][0].link == f"/arenas/{arena.id}"


def test_a_refused_status_change_tells_nobody(app, client, staff):
    arena = make_arena()
    coming = make_participant(arena, "founder")
    done = make_done_arena()
    make_participant(done, "founder")
    client.post(f"/staff/arenas/{done.id}/status", data={"to": "cancelled"})  # refused
    client.post(f"/staff/arenas/{arena.id}/status", data={"to": "cancelled"})
    client.post(f"/staff/arenas/{arena.id}/status", data={"to": "cancelled"})  # refused
    client.post(f"/staff/arenas/{arena.id}/status", data={"to": "inviting"})  # refused
    assert {uid: len(notes) for uid, notes in told().items()} == {coming.user_id: 1}
    assert len(outbox_of(app)) == 1


# --- (d) an edit calls meetings off ---------------------------------------------------------
def test_an_edit_that_calls_meetings_off_tells_each_person_once(app, client, staff):
    arena = make_arena(status="scheduled", schedule_sequence=1)
    f1 = speaks(make_participant(arena, "founder"), "nb")
    i1, i2 = make_participant(arena, "investor"), make_participant(arena, "investor")
    f_kept, i_kept = make_participant(arena, "founder"), make_participant(arena, "investor")
    make_meeting(arena, f1, i1, slot=0, table=3)
    make_meeting(arena, f1, i2, slot=1, table=2)
    make_meeting(arena, f_kept, i_kept, slot=0, table=0)

    response = client.post(f"/staff/arenas/{arena.id}/edit",
                           data=edit_form(arena, table_count="2", call_off="2"))
    assert response.status_code == 302

    notes = told()
    assert set(notes) == uids(f1, i1, i2)
    assert [n.params["count"] for n in notes[f1.user_id]] == [2]
    (nb,) = mails_to(app, f1)
    assert "2 av møtene dine passer ikke lenger og er avlyst" in nb.body
    assert "1 of your meetings no longer fits and is called off" in mails_to(app, i1)[0].body
    assert not mails_to(app, staff, f_kept, i_kept)


def test_an_edit_that_calls_nothing_off_or_is_refused_tells_nobody(app, client, staff):
    arena = make_arena(status="scheduled", schedule_sequence=1)
    f1, i1 = make_participant(arena, "founder"), make_participant(arena, "investor")
    make_meeting(arena, f1, i1, slot=0, table=3)
    f2, i2 = make_participant(arena, "founder"), make_participant(arena, "investor")
    make_meeting(arena, f2, i2, slot=0, table=1)
    url = f"/staff/arenas/{arena.id}/edit"
    stale = edit_form(arena, table_count="2", version=str(arena.version - 1))
    assert client.post(url, data=stale).status_code == 409
    assert not told()
    assert client.post(url, data=edit_form(arena, table_count="2",
                                           call_off="1")).status_code == 302
    db.session.refresh(arena)
    assert client.post(url, data=edit_form(arena, table_count="2",
                                           description="Nye regler.")).status_code == 302
    assert {uid: len(notes) for uid, notes in told().items()} == {f1.user_id: 1,
                                                                  i1.user_id: 1}
    assert len(outbox_of(app)) == 2


# --- (e) a pitch is hidden, and shown again -------------------------------------------------
def test_hiding_a_pitch_tells_its_founder_the_reason_and_unhiding_tells_them_too(
        app, client, auth, staff):
    founder = make_user("founder", locale="nb")
    pitch = make_pitch(founder, title="Solcelletak")
    make_pitch(make_user("founder"), title="Another")
    response = client.post(f"/staff/pitches/{pitch.id}/hide",
                           data={"reason": "Mangler kontaktinformasjon"})
    assert response.status_code == 302
    (note,) = told("pitch_hidden")[founder.id]
    assert note.params["reason"] == "Mangler kontaktinformasjon"
    (mail,) = mails_to(app, founder)
    assert mail.subject == "Pitchen din «Solcelletak» er skjult"
    assert "Begrunnelse: Mangler kontaktinformasjon" in mail.body

    client.post(f"/staff/pitches/{pitch.id}/unhide")
    assert list(told("pitch_unhidden")) == [founder.id]
    assert mails_to(app, founder)[-1].subject == "Pitchen din «Solcelletak» er ikke lenger skjult"
    assert set(told()) == {founder.id}  # not the staff member, not the other founder

    auth.logout()
    auth.login(founder.email)
    page = client.get("/notifications").get_data(as_text=True)
    assert "Begrunnelse: Mangler kontaktinformasjon" in page


def test_a_refused_or_repeated_hide_tells_nobody_again(app, client, staff):
    pitch = make_pitch()
    url = f"/staff/pitches/{pitch.id}/hide"
    assert client.post(url, data={"reason": "Spam"}).status_code == 302
    assert client.post(url, data={"reason": " "}).status_code == 422
    assert client.post(url, data={"reason": "Spam"}).status_code == 302  # no news
    assert {uid: len(notes) for uid, notes in told().items()} == {pitch.owner_id: 1}
    assert len(outbox_of(app)) == 1
