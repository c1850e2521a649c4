"""Once an arena's day is over (Arena.is_past: its date before Oslo's today, the rule that
puts it under "Past arenas" in the lists, arenas.upcoming_and_past), its participant is no
longer offered "Who comes" and "Add to calendar" on the arena page, My meetings, the agenda
or the participants page, logged in or through the e-mailed link: the agenda stays, as the
record of whom they met. Before, a past arena offered both like one to come. The calendar
file itself still answers an old link."""

from __future__ import annotations

import re
import time

import pytest
from itsdangerous import TimestampSigner

from app.extensions import db
from app.services import rsvp
from tests.app.test_i18n import _client_in
from tests.factories import (
    make_arena,
    make_arena_over,
    make_done_arena,
    make_invitation,
    make_meeting,
    make_participant,
)

WORDS = {"nb": {"Who comes": "Hvem som kommer", "My agenda": "Min agenda",
                "calendar": "Legg i kalenderen (fil for Outlook, Google, Apple)"},
         "en": {"Who comes": "Who comes", "My agenda": "My agenda",
                "calendar": "Add to calendar (file for Outlook, Google, Apple)"}}


@pytest.fixture(autouse=True)
def _same_second(monkeypatch):
    """A token holds its signing second: made twice, it is the same link (the pages' hrefs)."""
    now = int(time.time())
    monkeypatch.setattr(TimestampSigner, "get_timestamp", lambda self: now)


def _pills(html: str) -> list[str]:
    """The texts of the participant's row of links inside <main>."""
    main = html.split("<main", 1)[1]
    return [text for row in re.findall(r'<ul class="nav nav-pills.*?</ul>', main, re.S)
            for text in re.findall(r"<a [^>]*>([^<]*)</a>", row)]


def _arena_at(arena):
    """A participant with a meeting in the arena's published schedule."""
    me = make_participant(arena, "founder")
    partner = make_participant(arena, "investor")
    make_meeting(arena, me, partner)
    return me


@pytest.mark.parametrize("lang", ["nb", "en"])
@pytest.mark.parametrize("over", [make_arena_over, make_done_arena])
def test_a_past_arenas_pages_offer_the_agenda_only(app, lang, over):
    arena = over()
    me = _arena_at(arena)
    client = _client_in(app, lang, me.user)
    words = WORDS[lang]
    for path in (f"/arenas/{arena.id}", f"/arenas/{arena.id}/participants"):
        page = client.get(path)
        assert page.status_code == 200, path
        html = page.get_data(as_text=True)
        assert _pills(html) == [words["My agenda"]], path
        assert f'href="/arenas/{arena.id}/agenda.ics"' not in html, path
    agenda = client.get(f"/arenas/{arena.id}/agenda").get_data(as_text=True)
    main = agenda.split("<main", 1)[1]
    assert 'class="nav nav-pills' not in main  # only itself was left to link to
    assert words["Who comes"] not in main and words["calendar"] not in main
    assert 'id="meeting-' in main  # the agenda is still the record of the meeting


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_my_meetings_offers_them_for_arenas_to_come_only(app, lang):
    soon = make_arena(status="scheduled", title="Arena snart")
    past = make_arena_over(title="Arena i går")
    me = _arena_at(soon)
    make_invitation(past, me.user, state="accepted", pitch_id=me.pitch_id)
    client = _client_in(app, lang, me.user)
    html = client.get("/arenas/meetings").get_data(as_text=True)
    words = WORDS[lang]
    upcoming, after = html.split(f'id="arena-{past.id}"', 1)
    assert _pills(upcoming) == [words["Who comes"], words["My agenda"], words["calendar"]]
    assert f'href="/arenas/{soon.id}/agenda.ics"' in upcoming
    assert _pills("<main" + after) == [words["My agenda"]]
    assert f"/arenas/{past.id}/participants" not in html
    assert f"/arenas/{past.id}/agenda.ics" not in html
    assert f'href="/arenas/{past.id}/agenda"' in html


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_through_the_emailed_link_too(app, client, lang):
    arena = make_arena_over()
    me = _arena_at(arena)
    me.user.locale = lang
    db.session.commit()
    token = rsvp.make_token(me)
    words = WORDS[lang]
    for page in ("", "/participants"):
        html = client.get(f"/arenas/rsvp/{token}{page}").get_data(as_text=True)
        assert _pills(html) == [words["My agenda"]], page
        assert f"/arenas/rsvp/{token}/calendar.ics" not in html, page
        assert f'href="/arenas/rsvp/{token}/agenda"' in html, page
    agenda = client.get(f"/arenas/rsvp/{token}/agenda").get_data(as_text=True)
    assert 'class="nav nav-pills' not in agenda.split("<main", 1)[1]


def test_the_calendar_file_still_answers_an_old_link(app, client):
    """A guard: the file of a past arena is harmless and still served."""
    arena = make_arena_over()
    me = _arena_at(arena)
    logged_in = _client_in(app, "en", me.user)
    response = logged_in.get(f"/arenas/{arena.id}/agenda.ics")
    assert response.status_code == 200 and response.mimetype == "text/calendar"
    by_token = client.get(f"/arenas/rsvp/{rsvp.make_token(me)}/calendar.ics")
    assert by_token.status_code == 200 and by_token.mimetype == "text/calendar"


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_todays_arena_keeps_them_all_day(app, lang):
    """A guard: today's arena, even once its hours are over, is not past until tomorrow, as
    the lists keep it with those to come."""
    from datetime import datetime
    from datetime import time as clock

    from app.models.arena import LOCAL_TZ

    arena = make_arena(status="scheduled", date=datetime.now(LOCAL_TZ).date(),
                       start_time=clock(0, 0), end_time=clock(0, 30), slot_count=2,
                       slot_minutes=15, breaks=[])
    me = _arena_at(arena)
    client = _client_in(app, lang, me.user)
    words = WORDS[lang]
    assert _pills(client.get(f"/arenas/{arena.id}").get_data(as_text=True)) == [
        words["Who comes"], words["My agenda"], words["calendar"]]
