"""An arena edit that moves meetings in time without a new date, start or venue (a new slot
length) tells each person whose meetings moved, once, with their new times; before, only a
new date, start or venue (bf8973b) or a called-off meeting was told, so people went to a
meeting at its old time. An edit that moves no one's meeting (the description, the end
time, a slot length before any meeting exists) tells nobody."""

from __future__ import annotations

import pytest

from tests.app.test_call_off_notices import edit
from tests.app.test_staff_change_notices import founder_meeting_two, mails_to, speaks, told, uids
from tests.factories import make_arena, make_meeting, make_participant, outbox_of


@pytest.fixture
def staff_lang():
    """The staff member reads bokmål."""
    return "nb"


@pytest.fixture
def scheduled():
    """The founder meets `early` at 09:00 and `late` (reads bokmål) at 09:15."""
    return founder_meeting_two(bokmaal="late")


def test_a_new_slot_length_tells_those_whose_meetings_moved_once_with_the_new_times(
        app, client, staff, scheduled):
    """(The edit form's title is "Grønn kapital møter grønne idéer".)"""
    arena, founder, early, late, others = scheduled
    assert edit(client, arena, slot_minutes="20").status_code == 302

    notes = told()
    assert set(notes) == uids(founder, late)  # at 09:00 nothing moved for early and others
    assert all([n.kind for n in mine] == ["meetings_retimed"] for mine in notes.values())
    assert notes[founder.user_id][0].link == f"/arenas/{arena.id}/agenda"
    (en,) = mails_to(app, founder)
    assert en.subject == "New meeting times at Grønn kapital møter grønne idéer"
    assert ("The organisers changed the meeting times at “Grønn kapital møter grønne idéer”: "
            "your meetings are now at 09:00 and 09:20.") in en.body
    assert "called off" not in en.body
    (nb,) = mails_to(app, late)
    assert nb.subject == "Nye møtetider på Grønn kapital møter grønne idéer"
    assert "møtet ditt er nå kl. 09:20." in nb.body  # one meeting: singular
    assert not mails_to(app, staff, early, *others)


def test_moved_and_called_off_meetings_are_one_notice_each(app, client, staff):
    arena = make_arena(status="scheduled", schedule_sequence=1)
    founder = speaks(make_participant(arena, "founder"), "en")
    moved, lost = make_participant(arena, "investor"), make_participant(arena, "investor")
    make_meeting(arena, founder, moved, slot=1, table=0)
    make_meeting(arena, founder, lost, slot=2, table=1)
    # one table fewer calls off the slot-2 meeting: the save is asked first (ebbe52e), agreed
    assert edit(client, arena, slot_minutes="20", table_count="1",
                call_off="1").status_code == 302

    notes = told()
    assert {uid: [n.kind for n in mine] for uid, mine in notes.items()} == {
        founder.user_id: ["meetings_retimed"], moved.user_id: ["meetings_retimed"],
        lost.user_id: ["meetings_called_off"]}
    assert notes[founder.user_id][0].params["count"] == 1
    (en,) = mails_to(app, founder)
    assert ("your meeting is now at 09:20. 1 of your meetings no longer fits and is called "
            "off.") in en.body
    assert len(mails_to(app, moved)) == len(mails_to(app, lost)) == 1


def test_an_edit_that_moves_no_meeting_tells_nobody(app, client, staff, scheduled):
    arena, *_rest = scheduled
    assert edit(client, arena, end_time="13:00").status_code == 302
    assert edit(client, arena, description="Nye regler.").status_code == 302
    assert edit(client, arena, slot_minutes="20", end_time="08:00").status_code == 422
    inviting = make_arena()  # people invited, no meetings yet
    make_participant(inviting, "founder")
    assert edit(client, inviting, slot_minutes="20").status_code == 302
    assert not told() and not outbox_of(app)


@pytest.mark.parametrize("locale,says", [
    ("en", "your meetings are now at 09:00, 09:20, and 09:40."),  # CLDR en: serial comma
    ("nb", "møtene dine er nå kl. 09:00, 09:20 og 09:40."),
])
def test_several_new_times_read_as_a_list_in_the_readers_language(app, locale, says):
    from flask_babel import force_locale

    from app.models import Notification
    from app.services import notifications

    note = Notification(kind="meetings_retimed", params={
        "arena": "Grønn arena", "times": "09:00, 09:20, 09:40", "count": 0})
    with app.test_request_context(), force_locale(locale):
        assert notifications.text(note).endswith(says)
