"""Staff create, edit and move arenas; other associations and other roles are kept out."""

from __future__ import annotations

from datetime import date, time, timedelta

import pytest

from app.extensions import db
from app.models import Arena, AuditEvent
from app.models.user import utcnow
from tests.factories import make_arena, make_invitation, make_user


def arena_form(**overrides) -> dict:
    data = {
        "title": "Grønn kapital møter grønne idéer",
        "description": "Korte møter.",
        "theme": "green",
        "hosts": ["asker"],
        "date": "2031-05-06",
        "start_time": "09:00",
        "end_time": "12:00",
        "venue": "Asker kulturhus",
        "founder_capacity": "10",
        "investor_capacity": "8",
        "slot_minutes": "15",
        "slot_count": "12",
        "breaks": "5",
        "table_count": "8",
        "meeting_cap": "",
        "rsvp_deadline": "2031-04-29T12:00",
    }
    data.update(overrides)
    return data


def test_staff_creates_arena_as_draft(client, staff):
    response = client.post("/staff/arenas/new", data=arena_form())
    assert response.status_code == 302
    arena = db.session.query(Arena).one()
    assert arena.status == "draft"
    assert arena.date == date(2031, 5, 6) and arena.start_time == time(9, 0)
    assert [a.slug for a in arena.hosts] == ["asker"]
    assert arena.breaks == [4]  # typed from 1, stored from 0
    assert arena.meeting_slots == [0, 1, 2, 3, 5, 6, 7, 8, 9, 10, 11]
    assert arena.created_by_id == staff.id
    # 12:00 Oslo summer time is 10:00 UTC
    assert arena.rsvp_deadline_utc.hour == 10
    assert db.session.query(AuditEvent).filter_by(action="arena_created").count() == 1


def test_new_arena_form_shows(client, staff):
    response = client.get("/staff/arenas/new")
    assert response.status_code == 200
    assert b'name="rsvp_deadline"' in response.data


@pytest.mark.parametrize(("field", "value", "message"), [
    ("end_time", "09:00", b"end after it starts"),
    ("end_time", "08:00", b"end after it starts"),
    ("founder_capacity", "0", b"founder_capacity"),
    ("investor_capacity", "-3", b"investor_capacity"),
    ("slot_count", "13", b"take 195 minutes"),  # 13 × 15 > 180
    ("breaks", "13", b"Break slots must be between"),
    ("breaks", "abc", b"separated by commas"),
    ("breaks", "4, ²", b"separated by commas"),  # isdigit() but not int()
    ("rsvp_deadline", "2031-05-06T09:00", b"deadline must be before"),
    ("rsvp_deadline", "2031-05-07T08:00", b"deadline must be before"),
    ("hosts", [], b"at least one host"),
    ("hosts", ["baerum"], b"own association must be among"),
    ("title", "", b"title"),
])
def test_invalid_arena_is_refused_and_keeps_typed_values(client, staff, field, value, message):
    response = client.post("/staff/arenas/new", data=arena_form(**{field: value}))
    assert response.status_code == 422
    assert message in response.data
    assert b"Asker kulturhus" in response.data  # typed values kept
    assert db.session.query(Arena).count() == 0


@pytest.mark.parametrize("field", ["founder_capacity", "investor_capacity", "slot_minutes",
                                   "slot_count", "table_count"])
def test_zero_is_refused_as_out_of_range_not_as_missing(client, staff, field):
    # 0 is a whole number: "Enter a whole number." told staff to do what they had done.
    response = client.post("/staff/arenas/new", data=arena_form(**{field: "0"}))
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert f'id="{field}-error"' in page
    error = page.split(f'id="{field}-error">', 1)[1].split("</div>", 1)[0]
    assert "Number must be between 1 and" in error
    assert "Enter a whole number." not in error
    assert db.session.query(Arena).count() == 0


def test_new_arena_on_a_past_day_is_refused(client, staff):
    # Its deadline has passed too, so its invitations could never be sent: say so at once.
    yesterday = date.today() - timedelta(days=1)
    response = client.post("/staff/arenas/new", data=arena_form(
        date=yesterday.isoformat(),
        rsvp_deadline=(yesterday - timedelta(days=7)).isoformat() + "T12:00"))
    assert response.status_code == 422
    assert b"date has passed" in response.data
    assert db.session.query(Arena).count() == 0


def test_new_arena_with_a_passed_answer_deadline_is_refused(client, staff):
    soon = date.today() + timedelta(days=3)
    response = client.post("/staff/arenas/new", data=arena_form(
        date=soon.isoformat(),
        rsvp_deadline=(date.today() - timedelta(days=1)).isoformat() + "T12:00"))
    assert response.status_code == 422
    assert b"answer deadline has passed" in response.data
    assert db.session.query(Arena).count() == 0


def test_arena_held_yesterday_can_still_be_corrected_but_not_moved_into_the_past(client, staff):
    held = date.today() - timedelta(days=1)
    arena = make_arena(date=held, status="scheduled")
    deadline = (held - timedelta(days=7)).isoformat() + "T12:00"
    fixed = client.post(f"/staff/arenas/{arena.id}/edit", data=arena_form(
        version=str(arena.version), date=held.isoformat(), rsvp_deadline=deadline,
        venue="Asker bibliotek", slot_count="8", table_count="4", founder_capacity="4",
        investor_capacity="4"))  # its meeting plan as it was: only the record is corrected
    assert fixed.status_code == 302
    assert db.session.get(Arena, arena.id).venue == "Asker bibliotek"
    upcoming = make_arena()
    earlier = held - timedelta(days=1)
    moved = client.post(f"/staff/arenas/{upcoming.id}/edit", data=arena_form(
        version=str(upcoming.version), date=earlier.isoformat(),
        rsvp_deadline=(earlier - timedelta(days=7)).isoformat() + "T12:00"))
    assert moved.status_code == 422 and b"date has passed" in moved.data
    assert db.session.get(Arena, upcoming.id).date > date.today()


def test_boundary_values_are_accepted(client, staff):
    # 12 slots × 15 minutes fill 09:00–12:00 exactly; capacity 1; deadline a minute before.
    data = arena_form(slot_count="12", founder_capacity="1", investor_capacity="1",
                      rsvp_deadline="2031-05-06T08:59", breaks="")
    assert client.post("/staff/arenas/new", data=data).status_code == 302
    arena = db.session.query(Arena).one()
    assert arena.founder_capacity == 1 and arena.breaks == []


def test_staff_can_host_with_another_association(client, staff):
    assert client.post("/staff/arenas/new",
                       data=arena_form(hosts=["asker", "baerum"])).status_code == 302
    arena = db.session.query(Arena).one()
    assert {a.slug for a in arena.hosts} == {"asker", "baerum"}


def test_staff_of_another_association_gets_404(client, auth):
    arena = make_arena(hosts=("baerum",))
    other = make_user("staff", association="asker")
    auth.login(other.email)
    for url in (f"/staff/arenas/{arena.id}", f"/staff/arenas/{arena.id}/edit",
                f"/staff/arenas/{arena.id}/invitations"):
        assert client.get(url).status_code == 404
    assert client.post(f"/staff/arenas/{arena.id}/status",
                       data={"to": "cancelled"}).status_code == 404
    assert client.post(f"/staff/arenas/{arena.id}/invitations/send").status_code == 404
    assert db.session.get(Arena, arena.id).status == "inviting"
    assert arena.title.encode() not in client.get("/staff/arenas").data


def test_co_host_staff_and_admin_see_the_arena(client, auth):
    arena = make_arena(hosts=("baerum", "asker"))
    auth.login(make_user("staff", association="asker").email)
    assert client.get(f"/staff/arenas/{arena.id}").status_code == 200
    auth.logout()
    auth.login(make_user("admin", association=None).email)
    assert client.get(f"/staff/arenas/{arena.id}").status_code == 200
    assert arena.title.encode() in client.get("/staff/arenas").data


@pytest.mark.parametrize("role", ["founder", "investor"])
def test_founders_and_investors_get_403_on_staff_pages(client, auth, role):
    arena = make_arena()
    auth.login(make_user(role).email)
    assert client.get("/staff/arenas").status_code == 403
    assert client.get("/staff/arenas/new").status_code == 403
    assert client.get(f"/staff/arenas/{arena.id}").status_code == 403
    assert client.post(f"/staff/arenas/{arena.id}/invitations/propose").status_code == 403
    assert client.get("/staff/outbox").status_code == 403


def test_anonymous_is_sent_to_login(client):
    response = client.get("/staff/arenas")
    assert response.status_code == 302 and "/auth/login" in response.headers["Location"]


def test_edit_saves_and_conflict_keeps_typed_values(client, staff):
    arena = make_arena()
    page = client.get(f"/staff/arenas/{arena.id}/edit")
    assert page.status_code == 200 and b"Asker kulturhus" in page.data
    deadline = (arena.date - timedelta(days=2)).isoformat() + "T08:00"
    form = arena_form(version=str(arena.version), title="Ny tittel", date=str(arena.date),
                      rsvp_deadline=deadline)
    # Someone else saves first.
    arena.venue = "Bærum rådhus"
    db.session.commit()
    response = client.post(f"/staff/arenas/{arena.id}/edit", data=form)
    assert response.status_code == 409
    assert b"Ny tittel" in response.data
    db.session.expire_all()
    assert db.session.get(Arena, arena.id).title == "Grønn arena"
    # Saving again (with the version the conflict page carries) replaces theirs.
    form["version"] = str(db.session.get(Arena, arena.id).version)
    assert client.post(f"/staff/arenas/{arena.id}/edit", data=form).status_code == 302
    db.session.expire_all()
    assert db.session.get(Arena, arena.id).title == "Ny tittel"


def test_status_follows_the_rules(client, staff):
    arena = make_arena(status="draft")
    url = f"/staff/arenas/{arena.id}/status"
    client.post(url, data={"to": "done"})
    db.session.expire_all()
    assert db.session.get(Arena, arena.id).status == "draft"
    client.post(url, data={"to": "inviting"})  # sending the invitations does that
    db.session.expire_all()
    assert db.session.get(Arena, arena.id).status == "draft"
    make_invitation(arena, make_user("founder"), state="proposed")
    client.post(f"/staff/arenas/{arena.id}/invitations/send")
    db.session.expire_all()
    assert db.session.get(Arena, arena.id).status == "inviting"
    client.post(url, data={"to": "scheduled"})  # publishing the schedule does that
    db.session.expire_all()
    assert db.session.get(Arena, arena.id).status == "inviting"
    arena = db.session.get(Arena, arena.id)
    arena.status, arena.schedule_published_at = "scheduled", utcnow()  # as publishing leaves it
    db.session.commit()
    client.post(url, data={"to": "done"})  # not before it has taken place
    db.session.expire_all()
    assert db.session.get(Arena, arena.id).status == "scheduled"
    arena = db.session.get(Arena, arena.id)
    arena.date = date.today() - timedelta(days=1)
    db.session.commit()
    client.post(url, data={"to": "done"})
    db.session.expire_all()
    assert db.session.get(Arena, arena.id).status == "done"
    client.post(url, data={"to": "cancelled"})  # not after done
    db.session.expire_all()
    assert db.session.get(Arena, arena.id).status == "done"


def test_cancel_from_inviting(client, staff):
    arena = make_arena(status="inviting")
    client.post(f"/staff/arenas/{arena.id}/status", data={"to": "cancelled"})
    db.session.expire_all()
    assert db.session.get(Arena, arena.id).status == "cancelled"
    assert db.session.query(AuditEvent).filter_by(action="arena_status").count() == 1
