"""What else leaving Koble ends, and who learns of it (see tests/app/test_leaving_koble.py for
the meetings): the meeting requests still waiting for an answer at an arena not yet held
are withdrawn and the other side of each is told, like a partner of a called-off meeting,
only that the other participant is no longer on Koble; the admin who deactivates someone
reads how many meetings and arena invitations that ended. Before, the requests stayed
"pending" (and counted against the other side's own requests) with nobody told, and the
admin read only that the account was deactivated."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from app.extensions import db
from app.models import Invitation, MeetingRequest, Notification
from app.services import account_access, meeting_requests, notifications, request_pairs
from tests.app.admin_questions import seen_on
from tests.app.leaving import deactivate_as_admin, delete_own_account
from tests.app.security.principals import log_in
from tests.factories import (
    make_arena,
    make_invitation,
    make_meeting,
    make_participant,
    make_user,
    outbox_of,
)


@pytest.fixture
def arena_world(waiting_requests):
    """The founder's requests waiting for an answer at an inviting arena (`waiting_requests`,
    tests/app/conftest.py); and at a held arena, an old request to them never answered."""
    w = waiting_requests
    held = make_arena(status="done", date=(datetime.now(UTC) - timedelta(days=30)).date(),
                      rsvp_deadline=datetime.now(UTC) - timedelta(days=37))
    make_invitation(held, w["founder"], "accepted", pitch_id=w["invitation"].pitch_id)
    make_invitation(held, w["asker"], "accepted")
    db.session.add(MeetingRequest(arena_id=held.id, from_user_id=w["asker"].id,
                                  to_user_id=w["founder"].id))
    db.session.commit()
    return {**w, "held": held}


def _requests(arena) -> dict[tuple[int, int], str]:
    db.session.expire_all()
    return {(r.from_user_id, r.to_user_id): r.state for r in db.session.scalars(
        select(MeetingRequest).where(MeetingRequest.arena_id == arena.id))}


def _told(user, kind: str) -> list[Notification]:
    return list(db.session.scalars(select(Notification).where(
        Notification.user_id == user.id, Notification.kind == kind)))


@pytest.mark.parametrize("leave", [delete_own_account, deactivate_as_admin])
def test_leaving_withdraws_the_waiting_requests_and_tells_the_other_side(app, arena_world,
                                                                         leave):
    w = arena_world
    founder, asked, asker = w["founder"], w["asked"], w["asker"]
    name = founder.name
    mails_before = len(outbox_of(app))
    leave(app, founder)

    assert _requests(w["arena"]) == {
        (founder.id, asked.id): "withdrawn", (asker.id, founder.id): "withdrawn",
        (asked.id, w["other_founder"].id): "pending"}  # the other pair's stays
    assert set(_requests(w["held"]).values()) == {"pending"}  # history stays as it was

    for person, sentence in (
            (asked, "A meeting request at “Grønn arena” is closed: the other participant is "
                    "no longer on Koble."),
            (asker, "En møteforespørsel på «Grønn arena» er lukket: den andre deltakeren er "
                    "ikke lenger på Koble.")):
        (note,) = _told(person, "meeting_request_withdrawn")
        with app.test_request_context():
            from flask_babel import force_locale

            with force_locale(person.locale or "nb"):
                assert notifications.text(note) == sentence
        assert name not in str(note.params)
        (mail,) = [m for m in outbox_of(app)[mails_before:] if person.email in m.to]
        assert name not in mail.subject + mail.body
    assert not _told(w["other_founder"], "meeting_request_withdrawn")


def test_the_e_mail_follows_the_arena_mail_preference(app, arena_world):
    from app.services import mail_preferences

    w = arena_world
    mail_preferences.set_enabled_groups(w["asked"], ["interest"])
    db.session.commit()
    mails_before = len(outbox_of(app))
    account_access.set_active(w["founder"], False)
    assert _told(w["asked"], "meeting_request_withdrawn")  # the notice stays
    assert not [m for m in outbox_of(app)[mails_before:] if w["asked"].email in m.to]
    assert [m for m in outbox_of(app)[mails_before:] if w["asker"].email in m.to]


def test_a_withdrawn_request_no_longer_counts_and_the_pair_may_ask_again(app, arena_world):
    """The asker's only request (the arena allows one) went to the person who left: it no
    longer uses it up, and they may ask the person again should they come back."""
    w = arena_world
    arena, founder, asker = w["arena"], w["founder"], w["asker"]
    account_access.set_active(founder, False)
    assert request_pairs.outgoing_count(arena.id, asker.id) == 0
    assert request_pairs.pair_states(arena.id) == {
        (w["other_founder"].id, w["asked"].id): "one_sided"}

    account_access.set_active(founder, True)
    mine = db.session.scalar(select(Invitation).where(Invitation.arena_id == arena.id,
                                                      Invitation.user_id == founder.id))
    mine.state = "accepted"  # invited again and said yes
    db.session.commit()
    meeting_requests.request_meeting(asker, arena.id, founder.id)
    assert _requests(arena)[(asker.id, founder.id)] == "pending"


def _flashed(client, url: str) -> str:
    """The page the POST redirects to, with its flash message (the question's page opened
    first, its `seen` sent back, as a browser does)."""
    response = client.post(url, data={"seen": seen_on(client.get(url).get_data(as_text=True))})
    assert response.status_code == 303
    return client.get(response.headers["Location"]).get_data(as_text=True)


@pytest.mark.parametrize("locale, expected", [
    ("en", "Åse Berg is deactivated and logged out everywhere. 2 meetings at the arenas are "
           "called off, the other participants told. 1 arena invitation is ended."),
    ("nb", "Åse Berg er deaktivert og logget ut overalt. 2 møter på arenaene er avlyst, og "
           "de andre deltakerne har fått beskjed. 1 arenainvitasjon er avsluttet."),
])
def test_the_admin_reads_how_many_meetings_and_invitations_deactivating_ended(
        app, locale, expected):
    arena = make_arena(status="scheduled", schedule_sequence=1)
    founder = make_participant(arena, "founder")
    founder.user.name = "Åse Berg"
    for slot in (0, 1):
        make_meeting(arena, founder, make_participant(arena, "investor"), slot=slot, table=0)
    admin = make_user("admin", association=None, locale=locale)
    client = app.test_client()
    log_in(client, admin)
    page = _flashed(client, f"/admin/users/{founder.user_id}/deactivate")
    assert expected in page


def test_one_meeting_reads_in_the_singular(app):
    arena = make_arena(status="scheduled", schedule_sequence=1)
    founder = make_participant(arena, "founder")
    make_meeting(arena, founder, make_participant(arena, "investor"), slot=0, table=0)
    admin = make_user("admin", association=None, locale="en")
    client = app.test_client()
    log_in(client, admin)
    page = _flashed(client, f"/admin/users/{founder.user_id}/deactivate")
    assert ("1 meeting at the arenas is called off, the other participant told. "
            "1 arena invitation is ended.") in page


def test_a_drafts_meetings_leave_it_silently_and_are_not_counted_as_told(app):
    """The admin's sentence says the other participants are told: a draft schedule's
    meetings are called off too (out of the draft) but nobody hears of them, so only the
    published schedule's meeting is counted."""
    published = make_arena(status="scheduled", schedule_sequence=1)
    draft = make_arena(status="scheduled", schedule_sequence=1)
    founder_here = make_participant(published, "founder")
    founder = founder_here.user
    make_meeting(published, founder_here, make_participant(published, "investor"))
    there = make_invitation(draft, founder, "accepted", pitch_id=founder_here.pitch_id)
    partners = [make_participant(draft, "investor") for _ in range(2)]
    drafted = [make_meeting(draft, there, p, slot=slot, published=False)
               for slot, p in enumerate(partners)]
    db.session.commit()
    client = app.test_client()
    log_in(client, make_user("admin", association=None, locale="en"))
    page = _flashed(client, f"/admin/users/{founder.id}/deactivate")
    assert ("1 meeting at the arenas is called off, the other participant told. "
            "2 arena invitations are ended.") in page
    db.session.expire_all()
    assert {m.state for m in drafted} == {"cancelled"}
    assert draft.schedule_published_at is None
    assert not [n for p in partners for n in _told(p.user, "partner_left")]
