"""People are told when meetings are called off under them, as fd772bc tells them of staff
edits: staff changing one person's times (the person and each partner who lost a meeting),
a participant withdrawing or taken off the list by staff (each partner), and an arena
moved in time or space (everyone coming or still invited, once each). The person who made
the change is not told, nor anyone when the change is refused. Before, each of these was
silent."""

from __future__ import annotations

import pytest

from app.extensions import db
from app.models import Meeting
from app.services.agenda_calendar import arena_uid
from tests.app.test_staff_change_notices import founder_meeting_two, mails_to, told, uids
from tests.factories import (
    make_arena,
    make_done_arena,
    make_meeting,
    make_participant,
    make_user,
    outbox_of,
)


@pytest.fixture
def staff_lang():
    """The staff member reads bokmål."""
    return "nb"


@pytest.fixture
def scheduled():
    """The founder meets `early` (reads bokmål) at 09:00 and `late` at 09:15."""
    return founder_meeting_two(bokmaal="early")


def times_url(arena, invitation) -> str:
    return f"/staff/arenas/{arena.id}/invitations/{invitation.id}/times"


# --- staff change one person's times --------------------------------------------------------
def test_staff_changing_times_tells_the_person_and_the_partner_who_lost_the_meeting(
        app, client, staff, scheduled):
    arena, founder, early, late, others = scheduled
    response = client.post(times_url(arena, founder), data={"arrive_slot": "1",
                                                            "leave_slot": "8"})
    assert response.status_code == 302

    notes = told()
    assert set(notes) == uids(founder, early)  # not the staff member, the kept partner, others
    assert [(n.kind, n.params["count"]) for n in notes[founder.user_id]] == [
        ("times_changed_called_off", 1)]
    assert [n.kind for n in notes[early.user_id]] == ["meeting_called_off"]
    assert notes[early.user_id][0].link == f"/arenas/{arena.id}/agenda"
    (en,) = mails_to(app, founder)
    assert en.subject == "A meeting at Grønn arena is called off"  # one: singular
    assert ("The organisers changed your times at “Grønn arena”: 1 of your meetings no "
            "longer fits and is called off.") in en.body
    (nb,) = mails_to(app, early)
    assert nb.subject == "Et møte på Grønn arena er avlyst"
    assert (f"Møtet ditt med {founder.user.name} på «Grønn arena» (kl. 09:00) er avlyst: "
            f"{founder.user.name} kan ikke lenger møte da.") in nb.body
    assert not mails_to(app, staff, late, *others)


def test_a_cap_cut_tells_each_partner_once_and_the_person_once(app, client, staff,
                                                               scheduled):
    arena, founder, early, late, _others = scheduled
    client.post(times_url(arena, founder), data={"arrive_slot": "0", "leave_slot": "8",
                                                  "meeting_cap": "0"})
    notes = told()
    assert {uid: [n.kind for n in mine] for uid, mine in notes.items()} == {
        founder.user_id: ["times_changed_called_off"],
        early.user_id: ["meeting_called_off"], late.user_id: ["meeting_called_off"]}
    assert notes[founder.user_id][0].params["count"] == 2
    (mail,) = mails_to(app, founder)
    assert mail.subject == "2 meetings at Grønn arena are called off"


def test_a_times_change_that_calls_nothing_off_or_is_refused_tells_nobody(
        app, client, staff, scheduled):
    arena, founder, *_rest = scheduled
    url = times_url(arena, founder)
    assert client.post(url, data={"arrive_slot": "0", "leave_slot": "3"}).status_code == 302
    assert client.post(url, data={"arrive_slot": "3", "leave_slot": "2"}).status_code == 422
    assert not told() and not outbox_of(app)
    db.session.expire_all()
    assert [m.state for m in db.session.scalars(db.select(Meeting))] == ["scheduled"] * 3


# --- a participant withdraws ----------------------------------------------------------------
def test_a_participant_withdrawing_tells_each_partner_not_themself(app, client, auth,
                                                                    scheduled):
    arena, founder, early, late, others = scheduled
    name = founder.user.name
    auth.login(founder.user.email)
    response = client.post(f"/arenas/{arena.id}/withdraw")
    assert response.status_code == 302
    page = client.get(response.location).get_data(as_text=True)
    assert "are told that your meetings are called off" in page

    notes = told()
    assert {uid: [n.kind for n in mine] for uid, mine in notes.items()} == {
        early.user_id: ["partner_withdrew"], late.user_id: ["partner_withdrew"]}
    (nb,) = mails_to(app, early)
    assert nb.subject == "Et møte på Grønn arena er avlyst"
    assert (f"{name} kommer ikke likevel til «Grønn arena», så møtet deres "
            "kl. 09:00 er avlyst.") in nb.body
    (en,) = mails_to(app, late)
    assert (f"{name} no longer comes to “Grønn arena”, so your meeting at "
            "09:15 is called off.") in en.body
    assert not mails_to(app, founder, *others)


def test_saying_no_after_a_yes_tells_the_partners(app, client, auth, scheduled):
    arena, founder, early, late, _others = scheduled
    auth.login(founder.user.email)
    client.post(f"/arenas/{arena.id}/answer", data={"answer": "decline"})
    assert {uid: [n.kind for n in mine] for uid, mine in told().items()} == {
        early.user_id: ["partner_withdrew"], late.user_id: ["partner_withdrew"]}


def test_a_refused_or_repeated_withdrawal_tells_nobody(app, client, auth, scheduled):
    arena, founder, early, *_rest = scheduled
    closed = make_done_arena()
    gone = make_participant(closed, "founder")
    make_meeting(closed, gone, make_participant(closed, "investor"))
    auth.login(gone.user.email)
    client.post(f"/arenas/{closed.id}/withdraw")  # refused: the arena is over
    assert not told()
    auth.logout()
    auth.login(founder.user.email)
    client.post(f"/arenas/{arena.id}/withdraw")
    client.post(f"/arenas/{arena.id}/withdraw")  # nothing left to cancel
    client.post(f"/arenas/{arena.id}/answer", data={"answer": "decline"})
    assert {uid: len(mine) for uid, mine in told().items()} == {early.user_id: 1,
                                                                 scheduled[3].user_id: 1}
    assert len(outbox_of(app)) == 2


# --- the arena moves in time or space -------------------------------------------------------
def edit(client, arena, **fields):
    from tests.app.test_arena_edit_after_schedule import _form

    db.session.refresh(arena)
    return client.post(f"/staff/arenas/{arena.id}/edit", data=_form(arena, **fields))


def test_a_new_date_start_and_venue_tells_everyone_coming_once_and_calendars_update(
        app, client, auth, staff, scheduled):
    import icalendar

    from tests.factories import make_invitation

    arena, founder, early, late, others = scheduled
    no_meetings = make_participant(arena, "founder")
    invited = make_invitation(arena, make_user("investor"), state="invited")
    declined = make_invitation(arena, make_user("founder"), state="declined")
    proposed = make_invitation(arena, make_user("investor"), state="proposed")
    elsewhere = make_participant(make_arena(status="scheduled"), "founder")
    new_day = arena.date.replace(year=arena.date.year + 1)

    response = edit(client, arena, date=str(new_day), start_time="10:00", end_time="13:00",
                    venue="Bærum kulturhus")
    assert response.status_code == 302

    notes = told()
    assert set(notes) == uids(founder, early, late, *others, no_meetings, invited)
    assert all([n.kind for n in mine] == ["arena_moved"] for mine in notes.values())
    assert notes[founder.user_id][0].link == f"/arenas/{arena.id}/agenda"
    assert notes[invited.user_id][0].link == f"/arenas/{arena.id}"
    assert not mails_to(app, staff, declined, proposed, elsewhere)
    (nb,) = mails_to(app, early)
    assert nb.subject == "Ny tid eller nytt sted: Grønn kapital møter grønne idéer"
    # a new day is said as such, with the day it was (test_arena_moved_to_another_day.py)
    assert "Arrangørene har flyttet «Grønn kapital møter grønne idéer» til en annen dag: " \
        "den er nå" in nb.body
    assert f"{new_day.year} kl. 10:00, Bærum kulturhus, ikke lenger " in nb.body
    (en,) = mails_to(app, founder)
    assert f"{new_day.year} at 10:00, Bærum kulturhus, no longer " in en.body
    assert "called off" not in en.body

    # The participants' calendar files take the new time: a higher SEQUENCE.
    auth.logout()
    auth.login(founder.user.email)
    events = [e for e in icalendar.Calendar.from_ical(
        client.get(f"/arenas/{arena.id}/agenda.ics").data).walk("VEVENT")
        if str(e["UID"]) != arena_uid(arena)]
    assert {int(e["SEQUENCE"]) for e in events} == {2}
    assert sorted(e["DTSTART"].dt.date() for e in events) == [new_day, new_day]


def test_a_move_that_also_calls_meetings_off_is_still_one_notice_each(app, client, staff,
                                                                       scheduled):
    arena, founder, early, late, others = scheduled
    edit(client, arena, venue="Bærum kulturhus", table_count="1",  # table 2 is gone
         call_off="2")
    notes = told()
    assert all(len(mine) == 1 for mine in notes.values())
    counts = {uid: mine[0].params["count"] for uid, mine in notes.items()}
    assert counts == {founder.user_id: 1, late.user_id: 1, early.user_id: 0,
                      others[0].user_id: 1, others[1].user_id: 1}
    (mail,) = mails_to(app, founder)
    assert "1 of your meetings no longer fits and is called off." in mail.body


def test_an_edit_that_keeps_time_and_place_or_is_refused_tells_nobody(app, client, staff,
                                                                       scheduled):
    arena, *_rest = scheduled
    url = f"/staff/arenas/{arena.id}/edit"
    from tests.app.test_arena_edit_after_schedule import _form

    stale = _form(arena, venue="Bærum kulturhus", version=str(arena.version - 1))
    assert client.post(url, data=stale).status_code == 409
    assert edit(client, arena, venue="Bærum kulturhus", end_time="08:00").status_code == 422
    assert edit(client, arena, description="Nye regler.", end_time="13:00").status_code == 302
    assert not told() and not outbox_of(app)


# --- staff take a participant off the list --------------------------------------------------
def test_staff_removing_a_participant_tells_their_partners(app, client, staff, scheduled):
    arena, founder, early, late, others = scheduled
    name = founder.user.name
    url = f"/staff/arenas/{arena.id}/invitations/{founder.id}/remove"
    assert client.post(url).status_code == 302
    # the partners, and the person themself (test_remove_tells_the_person.py)
    assert {uid: [n.kind for n in mine] for uid, mine in told().items()} == {
        early.user_id: ["meeting_called_off"], late.user_id: ["meeting_called_off"],
        founder.user_id: ["removed_from_arena"]}
    (nb,) = mails_to(app, early)
    assert f"Møtet ditt med {name} på «Grønn arena» (kl. 09:00) er avlyst" in nb.body
    assert len(mails_to(app, founder)) == 1
    assert not mails_to(app, staff, *others)
    client.post(url)  # refused: nothing left to remove
    assert len(outbox_of(app)) == 3


@pytest.mark.parametrize("kind", ["meetings_called_off", "times_changed_called_off"])
@pytest.mark.parametrize("locale,count,subject", [
    ("en", 1, "A meeting at Grønn arena is called off"),
    ("en", 3, "3 meetings at Grønn arena are called off"),
    ("nb", 1, "Et møte på Grønn arena er avlyst"),
    ("nb", 3, "3 møter på Grønn arena er avlyst"),
])
def test_the_subject_of_meetings_called_off_counts_them(app, kind, locale, count, subject):
    from flask_babel import force_locale

    from app.models import Notification
    from app.services import notices

    note = Notification(kind=kind, params={"arena": "Grønn arena", "count": count})
    with app.test_request_context(), force_locale(locale):
        assert notices.subject_of(note) == subject


def test_staff_removal_tells_the_partners_the_organisers_took_the_person_off(
        app, client, staff, scheduled):
    """The partners learn that the organisers took the person off the list, in their own
    language; before, they read that the person "can no longer meet then", as if the
    person had said so. A change of the person's times keeps that wording (tested above)."""
    arena, founder, early, late, _others = scheduled
    name = founder.user.name
    client.post(f"/staff/arenas/{arena.id}/invitations/{founder.id}/remove")
    (nb,) = mails_to(app, early)
    assert (f"Møtet ditt med {name} på «Grønn arena» (kl. 09:00) er avlyst: arrangørene "
            f"har tatt {name} av arenaens liste.") in nb.body
    assert "kan ikke lenger møte da" not in nb.body
    (en,) = mails_to(app, late)
    assert (f"Your meeting with {name} at “Grønn arena” (09:15) is called off: the "
            f"organisers have taken {name} off the arena's list.") in en.body
    assert "can no longer meet then" not in en.body
