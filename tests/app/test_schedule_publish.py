"""Building the schedule makes a draft only staff see: nobody is told, and the participants'
agendas, calendar files and API show nothing of it. Staff re-run it, move and cancel
meetings in it without anyone being told, then publish it (after a page that asks first and
counts who gets which e-mail): each participant is told once, and those without a meeting
get an honest message, with why where the schedule knows, instead of "see who you meet".
Before, building told everyone at once, and every move after it too."""

from __future__ import annotations

import html
from datetime import UTC, date, datetime, timedelta

import pytest
from flask_babel import force_locale
from sqlalchemy import select

from app.extensions import db
from app.models import Arena, Meeting, Notification
from app.services import notifications, rsvp
from tests.app.api.helpers import bearer
from tests.app.notices_told import told_kinds as told
from tests.factories import make_arena, make_participant, make_score, outbox_of


@pytest.fixture
def staff_lang():
    """The staff member reads English."""
    return "en"


def mails_to(app, invitation) -> list:
    return [m for m in outbox_of(app) if invitation.user.email in m.to]


@pytest.fixture
def room(fitting_room):
    """Four 15-minute slots, two tables: two founders and two investors who fit each other,
    and Camilla, a founder nobody asked to meet and the engine matched with nobody."""
    arena, founders, investors = fitting_room
    camilla = make_participant(arena, "founder")
    camilla.user.name = "Camilla Dahl"
    for person in (*founders, *investors, camilla):
        person.user.locale = "en"
    db.session.commit()
    return arena, founders, investors, camilla


def notices_of(user_id) -> list[Notification]:
    return list(db.session.scalars(select(Notification).where(Notification.user_id == user_id)))


def _build(client, arena):
    assert client.post(f"/staff/arenas/{arena.id}/schedule/build").status_code == 302


def _page(client, response) -> str:
    """The page a redirect leads to (with the flashed message)."""
    assert response.status_code in (302, 303)
    return client.get(response.location).get_data(as_text=True)


def _meetings(arena) -> list[Meeting]:
    db.session.expire_all()
    return list(db.session.scalars(select(Meeting).where(Meeting.arena_id == arena.id,
                                                         Meeting.state == "scheduled")))


def test_building_tells_nobody_and_participants_see_nothing_of_the_draft(
        app, client, auth, staff, room):
    arena, founders, investors, _camilla = room
    _build(client, arena)
    assert _meetings(arena) and not told() and not outbox_of(app)
    page = client.get(f"/staff/arenas/{arena.id}/schedule").get_data(as_text=True)
    assert "Draft: only staff see this schedule" in page
    assert "Nobody is told until you publish it." in page  # the flash after building
    assert f'href="/staff/arenas/{arena.id}/schedule/publish"' in page

    founder = founders[0]
    api = client.get(f"/api/v1/arenas/{arena.id}/agenda",
                     headers=bearer(founder.user)).get_json()
    assert api["items"] == []
    assert client.get(f"/api/v1/arenas/{arena.id}",
                      headers=bearer(founder.user)).get_json()["schedule_published_at"] is None
    auth.logout()
    auth.login(founder.user.email)
    page = client.get(f"/arenas/{arena.id}/agenda").get_data(as_text=True)
    assert DRAFT["en"] in page
    assert investors[0].user.name not in page and investors[1].user.name not in page
    ics = client.get(f"/arenas/{arena.id}/agenda.ics").get_data(as_text=True)
    assert ics.count("BEGIN:VEVENT") == 1  # the arena itself, no meeting
    assert "Meeting with" not in ics
    # the e-mailed link's pages, without logging in, show no more of it
    auth.logout()
    link = f"/arenas/rsvp/{rsvp.make_token(founder)}"
    page = client.get(f"{link}/agenda").get_data(as_text=True)
    assert DRAFT["en"] in page
    assert investors[0].user.name not in page and investors[1].user.name not in page
    ics = client.get(f"{link}/calendar.ics").get_data(as_text=True)
    assert ics.count("BEGIN:VEVENT") == 1 and "Meeting with" not in ics


# What a participant's agenda says while the schedule is a draft: the plan is being made,
# not that it is "not ready" because nobody has built it.
DRAFT = {"en": "The organisers are planning the meetings, and the plan can still change.",
         "nb": "Arrangørene planlegger møtene, og planen kan fortsatt endres."}


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_the_agenda_of_a_draft_says_the_plan_is_being_made(client, auth, staff, room, lang):
    arena, founders, _investors, camilla = room
    _build(client, arena)
    for person in (founders[0], camilla):  # with meetings in the draft, and without
        auth.logout()
        auth.login(person.user.email)
        client.post("/language", data={"lang": lang})
        page = client.get(f"/arenas/{arena.id}/agenda").get_data(as_text=True)
        assert DRAFT[lang] in page
        assert "no meeting could be fitted" not in page and "ikke plass" not in page


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_after_publishing_the_agenda_of_someone_without_meetings_says_why(
        app, client, auth, staff, room, lang):
    arena, _founders, _investors, camilla = room
    _build(client, arena)
    client.post(f"/staff/arenas/{arena.id}/schedule/publish")
    (note,) = [n for n in notices_of(camilla.user_id) if n.kind == "schedule_no_meetings"]
    auth.logout()
    camilla.user.locale = lang
    db.session.commit()
    link = f"/arenas/rsvp/{rsvp.make_token(camilla)}/agenda"
    auth.login(camilla.user.email)
    client.post("/language", data={"lang": lang})
    with app.test_request_context(), force_locale(lang):
        told_them = notifications.text(note)  # the sentence of the notice and the e-mail
    assert "no good match for you" in told_them or "fant ingen god match" in told_them
    for url in (f"/arenas/{arena.id}/agenda", link):
        page = client.get(url).get_data(as_text=True)
        assert html.escape(told_them, quote=False) in page, url
        assert DRAFT[lang] not in page


def test_moving_and_cancelling_in_the_draft_tell_nobody(app, client, staff, room):
    arena, *_people = room
    _build(client, arena)
    moving, cancelled = _meetings(arena)[:2]
    free = next((s, t) for s in range(4) for t in range(2)
                if all((m.slot, m.table) != (s, t) for m in _meetings(arena)))
    response = client.post(f"/staff/arenas/{arena.id}/meetings/{moving.id}/move",
                           data={"slot": str(free[0] + 1), "table": str(free[1] + 1)})
    assert "Nobody is told: the schedule is a draft." in _page(client, response)
    assert (db.session.get(Meeting, moving.id).slot,
            db.session.get(Meeting, moving.id).table) == free
    confirm = client.get(f"/staff/arenas/{arena.id}/meetings/{cancelled.id}/cancel")
    assert "Nobody is told: the schedule is a draft." in confirm.get_data(as_text=True)
    client.post(f"/staff/arenas/{arena.id}/meetings/{cancelled.id}/cancel")
    client.post(f"/staff/arenas/{arena.id}/meetings/{cancelled.id}/restore")
    _build(client, arena)
    assert not told() and not outbox_of(app)


def test_the_confirm_page_counts_who_gets_which_e_mail_and_changes_nothing(
        app, client, staff, room):
    arena, *_people = room
    _build(client, arena)
    page = client.get(f"/staff/arenas/{arena.id}/schedule/publish").get_data(as_text=True)
    assert "4 people get an e-mail and a notice that their agenda is ready." in page
    assert "1 person has no meeting: they are told that none could be fitted" in page
    assert "Yes, publish and tell 5 people" in page
    assert f'action="/staff/arenas/{arena.id}/schedule/publish"' in page
    assert db.session.get(Arena, arena.id).schedule_published_at is None
    assert not told() and not outbox_of(app)


def test_the_confirm_page_is_refused_before_a_build_and_after_publishing(client, staff,
                                                                         room):
    arena, *_people = room
    response = client.get(f"/staff/arenas/{arena.id}/schedule/publish")
    assert "Build the schedule first." in _page(client, response)
    _build(client, arena)
    client.post(f"/staff/arenas/{arena.id}/schedule/publish")
    response = client.get(f"/staff/arenas/{arena.id}/schedule/publish")
    assert "The schedule is already published." in _page(client, response)


def test_publishing_tells_each_once_and_those_without_meetings_why(app, client, auth, staff,
                                                                  room):
    arena, founders, investors, camilla = room
    _build(client, arena)
    client.post(f"/staff/arenas/{arena.id}/meetings/{_meetings(arena)[0].id}/move",
                data={"slot": "4", "table": "2"})
    response = client.post(f"/staff/arenas/{arena.id}/schedule/publish")
    assert response.status_code == 302

    notes = told()
    assert {uid: kinds for uid, kinds in notes.items()} == {
        **{p.user_id: ["schedule_ready"] for p in (*founders, *investors)},
        camilla.user_id: ["schedule_no_meetings"]}
    for person in (*founders, *investors):
        (mail,) = mails_to(app, person)
        assert mail.subject == "Your agenda for Grønn arena is ready"
    (mail,) = mails_to(app, camilla)
    assert mail.subject == "No meetings for you at Grønn arena"
    assert "see who you meet" not in mail.body
    assert ("The meeting schedule for “Grønn arena” is published, but no meeting could be "
            "fitted for you: there were no meeting requests between you and those coming, "
            "and we found no good match for you among them.") in mail.body
    assert len(outbox_of(app)) == 5
    assert db.session.get(Arena, arena.id).schedule_published_at is not None

    # Published: the participant sees the agenda, and a move now tells both people.
    auth.logout()
    auth.login(founders[0].user.email)
    page = client.get(f"/arenas/{arena.id}/agenda").get_data(as_text=True)
    assert "Your meetings, in time order" in page
    auth.logout()
    auth.login(staff.email)
    moving = _meetings(arena)[0]
    free = next((s, t) for s in range(4) for t in range(2)
                if all((m.slot, m.table) != (s, t) for m in _meetings(arena)))
    client.post(f"/staff/arenas/{arena.id}/meetings/{moving.id}/move",
                data={"slot": str(free[0] + 1), "table": str(free[1] + 1)})
    assert set(told("meeting_moved")) == {moving.founder_user_id, moving.investor_user_id}
    # Publishing again is refused and tells nobody more.
    client.post(f"/staff/arenas/{arena.id}/schedule/publish")
    assert len(told("schedule_ready")) == 4


def test_the_staff_row_says_why_someone_has_no_meetings(client, staff, room):
    arena, founders, investors, camilla = room
    capped = make_participant(arena, "investor", meeting_cap=0)
    late = make_participant(arena, "investor", arrive_slot=4)  # arrives after the last slot
    for person in (capped, late):
        make_score(founders[0], person, 0.9)
    _build(client, arena)
    page = client.get(f"/staff/arenas/{arena.id}/schedule").get_data(as_text=True)

    def row(invitation) -> str:
        start = page.index(f'id="person-{invitation.user_id}"')
        return page[start:page.index("</section>", start)]

    assert ("No meetings. Nobody coming asked to meet them or was asked by them, and the "
            "engine suggested nobody among those coming.") in row(camilla)
    assert "No meetings. Their limit is 0 meetings." in row(capped)
    assert "No meetings. Their times at the arena hold no meeting slot." in row(late)
    assert "No meetings." not in row(founders[1])


def test_a_published_re_run_tells_someone_left_without_meetings_so(app, client, staff):
    arena = make_arena(slot_count=1, breaks=[], table_count=1)
    first, second = make_participant(arena, "founder"), make_participant(arena, "founder")
    investor = make_participant(arena, "investor")
    make_score(first, investor, 0.5)
    _build(client, arena)
    client.post(f"/staff/arenas/{arena.id}/schedule/publish")
    assert told("schedule_ready") == {first.user_id: ["schedule_ready"],
                                      investor.user_id: ["schedule_ready"]}
    make_score(second, investor, 0.9)  # now the better match for the one slot
    _build(client, arena)
    assert told("schedule_changed") == {second.user_id: ["schedule_changed"],
                                        investor.user_id: ["schedule_changed"]}
    assert told("schedule_no_meetings") == {first.user_id: ["schedule_no_meetings"],
                                            second.user_id: ["schedule_no_meetings"]}


def _move_the_one_meeting(client, lang: str, slot: str, **arena_fields) -> tuple[Meeting, str]:
    """At a scheduled arena of one founder and one investor who fit, build the schedule, then
    ask in `lang` to move their meeting to `slot` (as typed) at table 1. Returns the meeting
    and the page the move leads to."""
    arena = make_arena(status="scheduled", **arena_fields)
    founder, investor = make_participant(arena, "founder"), make_participant(arena, "investor")
    make_score(founder, investor)
    _build(client, arena)
    (moving,) = _meetings(arena)
    client.post("/language", data={"lang": lang})
    response = client.post(f"/staff/arenas/{arena.id}/meetings/{moving.id}/move",
                           data={"slot": slot, "table": "1"})
    return moving, client.get(response.location).get_data(as_text=True)


@pytest.mark.parametrize(("lang", "typed", "message"), [
    ("en", "-1", "Enter a slot from 1 to 8 (slot 5 is a break) and a table from 1 to 4."),
    ("nb", "-1", "Skriv inn en tidsluke fra 1 til 8 (tidsluke 5 er en pause) og et bord fra "
                 "1 til 4."),
    ("en", "0", "There is no slot 0. Enter a slot from 1 to 8 (slot 5 is a break)"),
    ("en", "9", "There is no slot 9. Enter a slot from 1 to 8"),
    # the break chosen is named once: the range after it said "(slot 5 is a break)" again
    ("en", "5", "Slot 5 is a break. Enter another slot from 1 to 8 and a table from 1 to 4."),
    ("nb", "5", "Tidsluke 5 er en pause. Skriv inn en annen tidsluke fra 1 til 8 og et bord "
                "fra 1 til 4."),
])
def test_a_move_outside_the_plan_says_which_slots_and_tables_there_are(client, staff, lang,
                                                                       typed, message):
    _moving, page = _move_the_one_meeting(client, lang, typed)
    assert message in page


@pytest.mark.parametrize(("lang", "message"), [
    ("en", "Slot 5 is a break. Slots 2, 7 are breaks too. Enter another slot from 1 to 8 and "
           "a table from 1 to 4."),
    ("nb", "Tidsluke 5 er en pause. Tidslukene 2, 7 er også pauser. Skriv inn en annen "
           "tidsluke fra 1 til 8 og et bord fra 1 til 4."),
])
def test_a_move_to_a_break_names_the_other_breaks_once(client, staff, lang, message):
    moving, page = _move_the_one_meeting(client, lang, "5", breaks=[1, 4, 6])
    assert message in page
    assert moving.slot != 4


@pytest.mark.parametrize(("status", "days", "sentence"), [
    ("done", -3, "You were there 09:00–11:00."),
    ("scheduled", -3, "You were there 09:00–11:00."),  # over, though not marked done
    ("scheduled", 3, "You are there 09:00–11:00, for up to 7 meetings."),
])
def test_the_agenda_of_a_held_arena_speaks_in_the_past(client, auth, status, days, sentence):
    day = date.today() + timedelta(days=days)
    arena = make_arena(status=status, date=day, rsvp_deadline=datetime.now(UTC) - timedelta(
        days=10))
    me = make_participant(arena, "founder")
    auth.login(me.user.email)
    client.post("/language", data={"lang": "en"})
    page = client.get(f"/arenas/{arena.id}/agenda").get_data(as_text=True)
    assert sentence in page
