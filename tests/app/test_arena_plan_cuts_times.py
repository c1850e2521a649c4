"""A smaller meeting plan cuts the arrive/leave times people saved. Before, staff cut an
arena from 8 slots to 2 and saved without a word, while an invitee's page still said "you
are there 09:15–10:15" (the plan ended at 09:30) and the "Leaves at" list could not show the
stored time. Now each saved window is cut to the plan by the rules a window is stored under
(or cleared to the whole arena when no meeting slot is left in it), staff are told how many
people's times changed, and those people are told their new times (notice and e-mail).

The test arena (tests/factories.make_arena): 8 slots of 15 minutes from 09:00, slot 5 (typed
from 1) a break."""

from __future__ import annotations

from flask_babel import force_locale

from app.extensions import db
from app.models import Invitation, Meeting, Notification
from app.services import notifications
from tests.app.test_arena_edit_after_schedule import _form
from tests.factories import make_arena, make_meeting, make_participant, outbox_of


def _notes(invitation: Invitation, kind: str | None = None) -> list[Notification]:
    rows = db.session.query(Notification).filter_by(user_id=invitation.user_id).all()
    return [n for n in rows if kind is None or n.kind == kind]


def _fresh(invitation: Invitation) -> Invitation:
    db.session.expire_all()
    return db.session.get(Invitation, invitation.id)


def test_fewer_slots_cut_saved_times_and_staff_and_the_person_are_told(app, client, staff):
    arena = make_arena()
    cut = make_participant(arena, "founder", arrive_slot=1, leave_slot=5, meeting_cap=2)
    fits = make_participant(arena, "investor", arrive_slot=1, leave_slot=2)
    whole = make_participant(arena, "investor")  # no times saved: follows the arena
    response = client.post(f"/staff/arenas/{arena.id}/edit",
                           data=_form(arena, slot_count="2", breaks=""))
    assert response.status_code == 302
    assert (_fresh(cut).arrive_slot, _fresh(cut).leave_slot) == (1, None)  # 09:15 to the end
    assert _fresh(cut).meeting_cap == 2
    # a window that ran to 09:30 now runs to the (new) end: the same times, nobody told
    assert (_fresh(fits).arrive_slot, _fresh(fits).leave_slot) == (1, None)
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert ("1 person&#39;s arrive and leave times no longer fitted the meeting plan and were "
            "cut to it; they are told.") in page

    [note] = _notes(cut)
    assert note.kind == "times_fitted" and note.link == f"/arenas/{arena.id}"
    with app.test_request_context():
        assert notifications.text(note) == (
            "The organisers changed the meeting plan of “Grønn kapital møter grønne idéer”, "
            "and the times you gave no longer fit it: you are now there 09:15–09:30.")
    assert not _notes(fits) and not _notes(whole)
    [mail] = [m for m in outbox_of(app) if cut.user.email in m.to]
    assert "Grønn kapital" in mail.subject and "09:15–09:30" in mail.body


def test_the_invitee_page_shows_the_cut_window(client, auth, staff):
    arena = make_arena()
    me = make_participant(arena, "founder", arrive_slot=1, leave_slot=5)
    client.post(f"/staff/arenas/{arena.id}/edit", data=_form(arena, slot_count="2", breaks=""))
    auth.logout()
    auth.login(me.user.email)
    page = client.get(f"/arenas/{arena.id}").get_data(as_text=True)
    assert "10:15" not in page
    assert "09:15–09:30" in page


def test_times_with_no_meeting_slot_left_are_cleared_to_the_whole_arena(app, client, staff):
    arena = make_arena()
    late = make_participant(arena, "founder", arrive_slot=6, leave_slot=None)
    said_no = make_participant(arena, "investor", state="declined", arrive_slot=6)
    client.post(f"/staff/arenas/{arena.id}/edit", data=_form(arena, slot_count="3", breaks=""))
    assert (_fresh(late).arrive_slot, _fresh(late).leave_slot) == (None, None)
    with app.test_request_context():
        assert "you are now there 09:00–09:45." in notifications.text(_notes(late)[0])
    # fitted too, should they accept again, but not told: they are not coming
    assert _fresh(said_no).arrive_slot is None and not _notes(said_no)


def test_a_window_left_with_only_a_break_is_cleared(client, staff):
    arena = make_arena()
    me = make_participant(arena, "founder", arrive_slot=4, leave_slot=7)
    # 5 slots, the 5th (index 4) a break: 10:00–10:15 holds no meeting
    client.post(f"/staff/arenas/{arena.id}/edit", data=_form(arena, slot_count="5"))
    assert (_fresh(me).arrive_slot, _fresh(me).leave_slot) == (None, None)


def test_a_larger_plan_changes_no_saved_times(client, staff):
    arena = make_arena(slot_count=6, breaks=[])
    me = make_participant(arena, "founder", arrive_slot=1, leave_slot=3)
    response = client.post(f"/staff/arenas/{arena.id}/edit",
                           data=_form(arena, slot_count="8", breaks=""))
    assert (_fresh(me).arrive_slot, _fresh(me).leave_slot) == (1, 3)
    assert not _notes(me)
    assert "no longer fitted" not in client.get(response.headers["Location"]).get_data(
        as_text=True)


def test_with_a_schedule_meetings_outside_are_called_off_and_the_person_told_once(
        app, client, staff):
    arena = make_arena(status="scheduled", schedule_sequence=1)
    founder = make_participant(arena, "founder", arrive_slot=1, leave_slot=5)
    investor = make_participant(arena, "investor")
    kept = make_meeting(arena, founder, investor, slot=1, table=0)
    gone = make_meeting(arena, founder, investor, slot=3, table=0)
    response = client.post(f"/staff/arenas/{arena.id}/edit",
                           data=_form(arena, slot_count="2", breaks="", call_off="1"))
    db.session.expire_all()
    assert [db.session.get(Meeting, m.id).state for m in (kept, gone)] == [
        "scheduled", "cancelled"]
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "1 meeting no longer fits the arena&#39;s plan and was called off" in page
    assert "1 person&#39;s arrive and leave times no longer fitted" in page
    [note] = _notes(founder)  # one notice: the new times, with the meeting called off
    assert note.kind == "times_fitted" and note.params["count"] == 1
    with app.test_request_context():
        assert notifications.text(note).endswith(
            "you are now there 09:15–09:30. 1 of your meetings no longer fits and is called "
            "off.")
    assert [n.kind for n in _notes(investor)] == ["meetings_called_off"]


def test_a_move_that_also_cuts_the_plan_tells_the_new_times_in_the_one_notice(
        app, client, staff):
    # Before, the arena_moved notice alone went out, without the times staff read "they are
    # told": the person still thought they were there 09:15–10:15.
    arena = make_arena()
    cut = make_participant(arena, "founder", arrive_slot=1, leave_slot=5)
    other = make_participant(arena, "investor")
    response = client.post(f"/staff/arenas/{arena.id}/edit",
                           data=_form(arena, slot_count="2", breaks="",
                                      venue="Bærum kulturhus", start_time="10:00"))
    assert response.status_code == 302
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "1 person&#39;s arrive and leave times no longer fitted" in page

    [note] = _notes(cut)  # one notice: where and when, and the new times
    assert note.kind == "arena_moved" and note.link == f"/arenas/{arena.id}"
    texts = {}
    for locale in ("en", "nb"):
        with app.test_request_context(), force_locale(locale):
            texts[locale] = notifications.text(note)
            assert "Bærum kulturhus" in texts[locale] and "10:15–10:30" in texts[locale]
    assert "you are now there 10:15–10:30." in texts["en"]
    assert "you are now there" not in texts["nb"]  # in bokmål too
    [other_note] = _notes(other)
    with app.test_request_context():
        assert "10:15–10:30" not in notifications.text(other_note)
    [mail] = [m for m in outbox_of(app) if cut.user.email in m.to]
    assert "Bærum kulturhus" in mail.body and "10:15–10:30" in mail.body


def test_the_notice_of_a_move_that_cuts_the_times_names_the_arena_once(app, client, staff):
    # Before, the times' sentence came whole after the move's: "The organisers changed when
    # or where “X” is: … The organisers changed the meeting plan of “X”, and …".
    arena = make_arena()
    cut = make_participant(arena, "founder", arrive_slot=1, leave_slot=5)
    client.post(f"/staff/arenas/{arena.id}/edit",
                data=_form(arena, slot_count="2", breaks="", venue="Bærum kulturhus",
                           start_time="10:00"))
    [note] = _notes(cut)
    title = "Grønn kapital møter grønne idéer"
    times = {"en": "The times you gave no longer fit the new meeting plan: you are now there "
                   "10:15–10:30.",
             "nb": "Tidene du oppga, passer ikke med det nye møteoppsettet: nå er du der "
                   "10:15–10:30."}
    for locale, sentence in times.items():
        with app.test_request_context(), force_locale(locale):
            text = notifications.text(note)
        assert text.count(title) == 1, text
        assert text.count("organisers" if locale == "en" else "Arrangørene") == 1, text
        assert text.endswith(" 10:00, Bærum kulturhus. " + sentence), text
