"""Each meeting row of the staff schedule carries one form and one CSRF token: Move, with
Lock/Unlock as a second button sent to the lock route (formaction). Two forms a row, each
with its token, and a hidden "locked" field made a schedule of 360 meetings 906 KB.
Move stays the form's first button, so Enter in the Slot or Table field moves."""

from __future__ import annotations

import re

from app.extensions import db
from app.models import Meeting
from tests.factories import make_arena, make_meeting, make_participant


def test_one_form_and_token_per_row_and_enter_moves(client, staff):
    arena = make_arena(status="scheduled", schedule_sequence=1)
    founder, investor = make_participant(arena, "founder"), make_participant(arena, "investor")
    meeting = make_meeting(arena, founder, investor, slot=0, table=0, locked=True)
    html = client.get(f"/staff/arenas/{arena.id}/schedule").get_data(as_text=True)
    row = re.search(rf'<tr id="meeting-{meeting.id}".*?</tr>', html, re.S).group(0)
    assert row.count("<form") == 1 and row.count('name="csrf_token"') == 1
    base = f"/staff/arenas/{arena.id}/meetings/{meeting.id}"
    assert f'<form method="post" action="{base}/move"' in row
    buttons = re.findall(r"<button[^>]*>", row)
    assert 'formaction' not in buttons[0]  # the default button: Enter moves
    assert f'formaction="{base}/lock" name="locked" value="0"' in buttons[1]  # Unlock
    assert 'name="locked"' not in row.replace(buttons[1], "")


def test_the_lock_button_sends_the_move_forms_fields_and_locks(client, staff):
    """What the browser sends when Lock is pressed: the row's fields too, which the lock
    route leaves alone."""
    arena = make_arena(status="scheduled", schedule_sequence=1)
    founder, investor = make_participant(arena, "founder"), make_participant(arena, "investor")
    meeting = make_meeting(arena, founder, investor, slot=0, table=0)
    response = client.post(f"/staff/arenas/{arena.id}/meetings/{meeting.id}/lock",
                           data={"slot": "3", "table": "2", "locked": "1"})
    assert response.status_code == 302
    db.session.expire_all()
    moved = db.session.get(Meeting, meeting.id)
    assert moved.locked and (moved.slot, moved.table) == (0, 0)
