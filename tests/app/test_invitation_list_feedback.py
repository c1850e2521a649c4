"""The staff's invitation list says what each change did, and comes back to the row: a
reorder names the place and whom it took a seat from, a removal can be undone, free seats
are said with a way to fill them, and reminders are offered only to someone awaiting one."""

from __future__ import annotations

import re

from sqlalchemy import select

from app.extensions import db
from app.models import Invitation, Pitch
from tests.factories import make_arena, make_invitation, make_pitch, make_user


def _founder(name: str):
    owner = make_user("founder", name=name)
    make_pitch(owner)
    return owner


def _pitch_of(user) -> int:
    return db.session.scalar(select(Pitch.id).where(Pitch.owner_id == user.id))


def _flashes(page) -> str:
    """The text of the page's flashed messages, with their categories."""
    html = page.get_data(as_text=True)
    found = re.findall(r'<div class="alert alert-(\w+) alert-dismissible"[^>]*>(.*?)'
                       r'<button type="button" class="btn-close"', html, re.S)
    return " | ".join(f"{c}: {' '.join(re.sub(r'<[^>]+>', '', t).split())}" for c, t in found)


def _list(client, arena, name, state, added_by_staff=False, rank=0):
    """Put a founder called `name` on the arena's unsent list."""
    reasons = {"added_by_staff": True} if added_by_staff else {"value": 0.5, "best": 1}
    owner = _founder(name)
    return make_invitation(arena, owner, state=state, rank=rank, reasons=reasons,
                           pitch_id=_pitch_of(owner))


def _states(arena) -> list[tuple[str, str]]:
    db.session.expire_all()
    rows = db.session.query(Invitation).filter_by(arena_id=arena.id, side="founder").order_by(
        Invitation.rank).all()
    return [(r.user.name, r.state) for r in rows]


def _move(client, arena, invitation, direction):
    return client.post(f"/staff/arenas/{arena.id}/invitations/{invitation.id}/move",
                       data={"direction": direction})


def test_a_move_says_the_new_place_and_comes_back_to_the_row(client, staff):
    arena = make_arena(status="draft", founder_capacity=3)
    _list(client, arena, "Anne", "proposed", rank=1)
    bo = _list(client, arena, "Bo", "proposed", rank=2)
    response = _move(client, arena, bo, "up")
    assert response.status_code == 302
    assert response.location.endswith(f"/staff/arenas/{arena.id}/invitations#inv-{bo.id}")
    page = client.get(response.location)
    assert _flashes(page) == "success: Bo moved up to place 1."
    assert f'<tr id="inv-{bo.id}"' in page.get_data(as_text=True)
    # at the top already: said, nothing else
    assert _flashes(client.get(_move(client, arena, bo, "up").location)) == (
        "info: Bo is first on the list already.")


def test_moving_above_the_line_names_who_went_to_the_waiting_list(client, staff):
    """Åse, added by staff, went from proposed back to the waiting list without a word."""
    arena = make_arena(status="draft", founder_capacity=2)
    _list(client, arena, "Anne", "proposed", rank=1)
    _list(client, arena, "Åse", "proposed", added_by_staff=True, rank=2)
    carl = _list(client, arena, "Carl", "waiting_list", rank=3)
    page = client.get(_move(client, arena, carl, "up").location)
    assert _states(arena) == [("Anne", "proposed"), ("Carl", "proposed"),
                              ("Åse", "waiting_list")]
    assert _flashes(page) == (
        "warning: Carl moved up to place 2. Carl now has a seat. Åse, added by hand, moved "
        "to the waiting list; move them up again to give back the seat.")
    # and back down: Carl leaves the seat, Åse gets it again
    page = client.get(_move(client, arena, carl, "down").location)
    assert _flashes(page) == (
        "success: Carl moved down to place 3. Carl is now on the waiting list. Åse moved up "
        "from the waiting list and has a seat.")


def test_a_move_message_in_bokmal(client, staff):
    arena = make_arena(status="draft", founder_capacity=1)
    _list(client, arena, "Anne", "proposed", rank=1)
    bo = _list(client, arena, "Bo", "waiting_list", rank=2)
    client.post("/language", data={"lang": "nb"})
    page = client.get(_move(client, arena, bo, "up").location)
    assert _flashes(page) == (
        "success: Bo flyttet opp til plass 1. Bo har nå en plass. "
        "Anne ble flyttet til ventelisten.")


def _undo_form(page) -> dict:
    """The Undo form of the page's flashed message: its action and fields."""
    html = page.get_data(as_text=True)
    flashes = html.split('id="flashes"')[1].split("</main>")[0]
    form = re.search(r'<form method="post" action="([^"]+)".*?</form>', flashes, re.S)
    assert form, "no undo in the message"
    fields = dict(re.findall(r'name="(\w+)" value="([^"]*)"', form.group(0)))
    return {"action": form.group(1), **fields}


def test_a_removal_can_be_undone_back_to_the_place_and_state(client, staff):
    arena = make_arena(status="draft", founder_capacity=2)
    _list(client, arena, "Anne", "proposed", rank=1)
    bo = _list(client, arena, "Bo", "proposed", rank=2)
    bo.arrive_slot = 2
    db.session.commit()
    reasons, bo_user = dict(bo.reasons), bo.user_id
    _list(client, arena, "Carl", "waiting_list", rank=3)
    _list(client, arena, "Dina", "proposed", rank=4)  # normalised: waiting too
    response = client.post(f"/staff/arenas/{arena.id}/invitations/{bo.id}/remove")
    carl_row = db.session.query(Invitation).filter(Invitation.arena_id == arena.id,
                                                   Invitation.rank == 2).one()
    assert response.location.endswith(f"#inv-{carl_row.id}")  # the row now in its place
    page = client.get(response.location)
    assert _flashes(page) == (
        "success: Bo was removed from the list. Carl moved up from the waiting list and has "
        "a seat. Undo")
    assert 'aria-label="Undo: put Bo back on the list"' in page.get_data(as_text=True)
    assert _states(arena) == [("Anne", "proposed"), ("Carl", "proposed"),
                              ("Dina", "waiting_list")]
    undo = _undo_form(page)
    response = client.post(undo.pop("action"), data=undo)
    back = db.session.query(Invitation).filter_by(arena_id=arena.id,
                                                  user_id=bo_user).one()
    assert response.location.endswith(f"#inv-{back.id}")
    assert _flashes(client.get(response.location)) == (
        "success: Bo is back on the list at place 2.")
    assert _states(arena) == [("Anne", "proposed"), ("Bo", "proposed"),
                              ("Carl", "waiting_list"), ("Dina", "waiting_list")]
    assert (back.reasons, back.arrive_slot) == (reasons, 2)
    # once is enough: the same undo again is refused, nothing changes
    again = client.post(f"/staff/arenas/{arena.id}/invitations/restore", data=undo)
    assert "Bo is already on the list." in _flashes(client.get(again.location))
    assert len(_states(arena)) == 4


def test_an_undo_for_another_arena_or_forged_changes_nothing(client, staff):
    arena = make_arena(status="draft")
    other = make_arena(status="draft")
    bo = _list(client, arena, "Bo", "proposed", rank=1)
    page = client.get(client.post(
        f"/staff/arenas/{arena.id}/invitations/{bo.id}/remove").location)
    undo = _undo_form(page)["undo"]
    # a character of the signature changed well before its end: the last base64 character
    # carries unused bits, so "xx" for the last two could decode to the same signature
    forged = undo[:-10] + ("A" if undo[-10] != "A" else "B") + undo[-9:]
    for target, token in ((other, undo), (arena, forged), (arena, "")):
        response = client.post(f"/staff/arenas/{target.id}/invitations/restore",
                               data={"undo": token})
        assert "can no longer be undone" in _flashes(client.get(response.location))
    assert _states(arena) == [] and _states(other) == []


def test_removing_a_sent_invitation_offers_no_undo(client, staff):
    """Nobody can be un-told: the cancelled person's partners heard, the next was invited."""
    arena = make_arena(status="inviting", founder_capacity=1)
    bo = make_invitation(arena, _founder("Bo"), state="invited", rank=1)
    _list(client, arena, "Carl", "waiting_list", rank=2)
    page = client.get(client.post(
        f"/staff/arenas/{arena.id}/invitations/{bo.id}/remove").location)
    assert _flashes(page) == ("success: Bo was removed from the list. Carl moved up from the "
                              "waiting list and was invited.")


def test_remind_is_not_offered_on_a_draft_with_nobody_invited(client, staff):
    """It answered "Reminders sent: 0."; now it is not offered, and the page says why."""
    arena = make_arena(status="draft")
    _list(client, arena, "Anne", "proposed", rank=1)
    url = f"/staff/arenas/{arena.id}/invitations"
    page = client.get(url).get_data(as_text=True)
    assert f"{url}/remind" not in page
    assert "Reminders go to people invited who have not answered yet" in page
    sent = client.post(f"{url}/remind")
    assert _flashes(client.get(sent.location)).startswith(
        "danger: Reminders go to people invited who have not answered yet")


def test_remind_is_offered_while_someone_awaits_an_answer_once_a_day(app, client, staff):
    arena = make_arena(status="inviting")
    make_invitation(arena, _founder("Anne"), state="invited", rank=1)
    make_invitation(arena, _founder("Bo"), state="accepted", rank=2)
    url = f"/staff/arenas/{arena.id}/invitations"
    assert f"{url}/remind" in client.get(url).get_data(as_text=True)
    assert _flashes(client.get(client.post(f"{url}/remind").location)) == (
        "success: Reminders sent: 1.")
    page = client.get(url).get_data(as_text=True)
    assert f"{url}/remind" not in page
    assert "Everyone who has not answered was reminded in the last 24 hours." in page


def test_a_no_frees_a_seat_that_the_page_shows_with_the_next_to_invite(client, staff):
    """Nothing is sent by itself: staff see the free seat and go to the send page."""
    arena = make_arena(status="inviting", founder_capacity=2)
    make_invitation(arena, _founder("Anne"), state="accepted", rank=1)
    make_invitation(arena, _founder("Bo"), state="declined", rank=2)
    url = f"/staff/arenas/{arena.id}/invitations"
    page = client.get(url).get_data(as_text=True)
    free = page.split('id="free-founder"')[1].split("</div>")[0]
    # two sentences, not "free.1 invited"
    assert "1 founder seat is free. 1 invited person said no." in " ".join(free.split())
    assert "Nobody is waiting to be invited" in free
    assert page.split('id="free-investor"')[1].split("</div>")[0].count("investor seats are free")
    # more seats and someone waiting: the page offers to invite them, through the send page
    _list(client, arena, "Carl", "waiting_list", rank=3)
    _list(client, arena, "Dina", "waiting_list", rank=4)
    arena.founder_capacity = 4
    db.session.commit()
    free = client.get(url).get_data(as_text=True).split('id="free-founder"')[1].split(
        "</div>")[0]
    assert "3 founder seats are free." in free
    assert f'href="{url}/send">Invite the next 2 on the waiting list</a>' in free
    confirm = client.get(f"{url}/send").get_data(as_text=True)
    assert "2 founders" in confirm
