"""The e-mailed RSVP link opens, for its arena only, the invitee's agenda, who comes and the
calendar file, without logging in. Before, the three links on the answer page led to the
login page, which an imported member without a password could not get past."""

from __future__ import annotations

import time

import icalendar
import pytest
from itsdangerous.timed import TimestampSigner

from app.extensions import db
from app.models import Invitation, Pitch
from app.services import pitches, rsvp
from app.services.agenda_calendar import arena_uid, meeting_uid
from app.services.tokens import sign
from tests.factories import (
    make_arena,
    make_invitation,
    make_meeting,
    make_participant,
    make_score,
    make_user,
)

PAGES = ("agenda", "participants", "calendar.ics")


@pytest.fixture(autouse=True)
def _same_second(monkeypatch):
    """A token holds its signing second: made twice, it is the same link (the pages' hrefs)."""
    now = int(time.time())
    monkeypatch.setattr(TimestampSigner, "get_timestamp", lambda self: now)


def url(invitation, page: str = "") -> str:
    return f"/arenas/rsvp/{rsvp.make_token(invitation)}" + (f"/{page}" if page else "")


@pytest.fixture
def two_arenas(app):
    """One founder at two scheduled arenas, meeting a different investor at each."""
    here = make_arena(status="scheduled", title="Arena her", venue="Asker kulturhus")
    there = make_arena(("drammen",), status="scheduled", title="Arena der")
    founder = make_participant(here, "founder")
    investor = make_participant(here, "investor")
    make_score(founder, investor, 0.8)
    meeting = make_meeting(here, founder, investor, slot=2, table=1)
    elsewhere = make_invitation(there, founder.user, "accepted", pitch_id=founder.pitch_id)
    stranger = make_participant(there, "investor")
    other_meeting = make_meeting(there, elsewhere, stranger, slot=0, table=0)
    return here, there, founder, investor, meeting, elsewhere, stranger, other_meeting


def test_token_opens_agenda_participants_and_calendar_without_login(client, two_arenas):
    here, _there, founder, investor, meeting, *_rest = two_arenas
    for page in PAGES:
        response = client.get(url(founder, page))
        assert response.status_code == 200, page
        assert response.headers["Cache-Control"] == "no-store", page
    agenda = client.get(url(founder, "agenda")).get_data(as_text=True)
    assert investor.user.name in agenda and "09:30–09:45" in agenda and "Table 2" in agenda
    # read-only: no follow-up answers, no cancelling (those stay with the logged-in page)
    assert "/withdraw" not in agenda and "/feedback" not in agenda
    assert f'href="{url(founder)}#times"' in agenda  # times are set on the answer page
    who = client.get(url(founder, "participants")).get_data(as_text=True)
    assert investor.user.name in who and "solenergi" in who
    assert "/requests" not in who and 'id="log-in-to-ask"' in who
    ics = client.get(url(founder, "calendar.ics"))
    assert ics.headers["Content-Type"].startswith("text/calendar")
    assert f"koble-arena-{here.id}.ics" in ics.headers["Content-Disposition"]
    events = {str(e["UID"]): e for e in icalendar.Calendar.from_ical(ics.data).walk("VEVENT")}
    assert set(events) == {arena_uid(here), meeting_uid(meeting)}
    assert str(events[arena_uid(here)]["STATUS"]) == "CONFIRMED"


def test_token_logs_nobody_in(client, two_arenas):
    here, _there, founder, *_rest = two_arenas
    assert client.get(url(founder, "agenda")).status_code == 200
    for page in ("/arenas", f"/arenas/{here.id}/agenda", "/account/"):
        response = client.get(page)
        assert response.status_code == 302 and "/auth/login" in response.location, page


def test_answer_page_offers_token_links_logged_out_and_the_usual_ones_logged_in(
        client, auth, two_arenas):
    here, _there, founder, *_rest = two_arenas
    token = rsvp.make_token(founder)
    page = client.get(url(founder)).get_data(as_text=True)
    for target in ("agenda", "participants", "calendar.ics"):
        assert f'href="/arenas/rsvp/{token}/{target}"' in page
    assert f'href="/arenas/{here.id}/agenda"' not in page
    auth.login(founder.user.email)
    page = client.get(url(founder)).get_data(as_text=True)
    assert f'href="/arenas/{here.id}/agenda"' in page
    assert f'href="/arenas/{here.id}/agenda.ics"' in page
    assert f"/arenas/rsvp/{token}/agenda" not in page


def test_token_shows_its_own_arena_only(client, two_arenas):
    here, there, founder, _investor, _m, elsewhere, stranger, other_meeting = two_arenas
    for page in PAGES:
        text = client.get(url(founder, page)).get_data(as_text=True)
        assert stranger.user.name not in text and "Arena der" not in text, page
    events = icalendar.Calendar.from_ical(client.get(url(founder, "calendar.ics")).data)
    uids = {str(e["UID"]) for e in events.walk("VEVENT")}
    assert arena_uid(there) not in uids and meeting_uid(other_meeting) not in uids
    # the other arena's token opens the other arena, and nothing of this one
    text = client.get(url(elsewhere, "agenda")).get_data(as_text=True)
    assert stranger.user.name in text and "Arena her" not in text


def test_token_naming_another_arena_is_refused(client, two_arenas):
    here, there, founder, _investor, _m, elsewhere, stranger, _om = two_arenas
    # signed (as if the secret leaked or a bug signed it) but the invitation is not of that
    # arena, or the person not its invitee: 404, and nothing of either arena
    forged = [sign({"i": founder.id, "u": founder.user_id, "a": there.id}, rsvp.SALT),
              sign({"i": elsewhere.id, "u": founder.user_id, "a": here.id}, rsvp.SALT),
              sign({"i": founder.id, "u": stranger.user_id, "a": here.id}, rsvp.SALT),
              sign({"i": founder.id, "u": founder.user_id, "a": here.id}, "password-reset")]
    for token in forged:
        for page in PAGES:
            response = client.get(f"/arenas/rsvp/{token}/{page}")
            assert response.status_code == 404, (token, page)
            text = response.get_data(as_text=True)
            assert "Arena her" not in text and "Arena der" not in text
            assert stranger.user.name not in text


def test_declined_invitee_sees_neither_who_comes_nor_an_agenda(client, two_arenas):
    here, _there, _founder, investor, *_rest = two_arenas
    declined = make_invitation(here, make_user("founder"), state="declined")
    waiting = make_invitation(here, make_user("founder"), state="invited")
    for invitation in (declined, waiting):
        for page in ("agenda", "participants"):
            response = client.get(url(invitation, page))
            assert response.status_code == 403, page
            assert investor.user.name not in response.get_data(as_text=True)
            assert f'href="{url(invitation)}"' in response.get_data(as_text=True)


def test_one_who_stopped_coming_gets_the_file_that_cancels(client, two_arenas):
    here, _there, founder, investor, meeting, *_rest = two_arenas
    assert client.post(url(founder), data={"answer": "decline"}).status_code == 302
    for page in ("agenda", "participants"):
        assert client.get(url(founder, page)).status_code == 403
    events = icalendar.Calendar.from_ical(client.get(url(founder, "calendar.ics")).data)
    assert {str(e["STATUS"]) for e in events.walk("VEVENT")} == {"CANCELLED"}
    page = client.get(url(founder)).get_data(as_text=True)
    assert f'href="{url(founder, "calendar.ics")}"' in page  # offered on the answer page


def test_withdrawn_pitch_is_not_named_through_the_token(client, two_arenas):
    _here, _there, founder, investor, *_rest = two_arenas
    pitch = db.session.get(Pitch, founder.pitch_id)
    title = pitch.title
    pitches.unpublish(pitch)
    for page in ("agenda", "participants"):
        text = client.get(url(investor, page)).get_data(as_text=True)
        assert founder.user.name in text and title not in text, page
        assert "Withdrawn pitch" in text, page


def test_draft_arena_deactivated_account_and_expired_token_get_404(client, two_arenas,
                                                                    monkeypatch):
    here, _there, founder, investor, *_rest = two_arenas
    old = int(time.time()) - rsvp.LINK_MAX_AGE - 60
    monkeypatch.setattr(TimestampSigner, "get_timestamp", lambda self: old)
    expired = url(founder, "agenda")
    monkeypatch.undo()
    assert client.get(expired).status_code == 404
    investor.user.active = False
    db.session.commit()
    for page in PAGES:
        assert client.get(url(investor, page)).status_code == 404, page
    here.status = "draft"
    db.session.commit()
    for page in PAGES:
        assert client.get(url(founder, page)).status_code == 404, page


def test_cancelled_arena_says_so_and_the_file_cancels(client, two_arenas):
    here, _there, founder, *_rest = two_arenas
    here.status = "cancelled"
    db.session.commit()
    assert "This arena is cancelled." in client.get(url(founder, "agenda")).get_data(
        as_text=True)
    events = icalendar.Calendar.from_ical(client.get(url(founder, "calendar.ics")).data)
    assert str([e for e in events.walk("VEVENT")
                if str(e["UID"]) == arena_uid(here)][0]["STATUS"]) == "CANCELLED"


def test_token_pages_speak_the_invitees_language(client, two_arenas):
    _here, _there, founder, *_rest = two_arenas
    founder.user.locale = "nb"
    db.session.commit()
    assert "Min agenda" in client.get(url(founder, "agenda")).get_data(as_text=True)
    db.session.expire_all()
    assert db.session.get(Invitation, founder.id).state == "accepted"


def test_a_draft_schedule_is_not_shown_through_the_token(client):
    """The token pages call the same agenda service: a schedule staff have not published
    shows no meetings there either, and the calendar file has only the arena."""
    arena = make_arena(status="scheduled")
    founder, investor = make_participant(arena, "founder"), make_participant(arena, "investor")
    make_meeting(arena, founder, investor, slot=0, table=0, published=False)
    agenda = client.get(url(founder, "agenda")).get_data(as_text=True)
    assert 'id="meeting-' not in agenda
    events = icalendar.Calendar.from_ical(client.get(url(founder, "calendar.ics")).data)
    assert [str(e["UID"]) for e in events.walk("VEVENT")] == [arena_uid(arena)]
