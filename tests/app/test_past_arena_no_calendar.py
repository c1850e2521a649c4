"""A past arena (Arena.is_past: its date before Oslo's today, the lists' "Past arenas") offers
no calendar action anywhere: 2e7d474 took "Add to calendar" from its row of links, and now
the arena page no longer offers "Remove from calendar" to someone who said no or was taken
off after a yes, logged in or through the e-mailed link, and a notice e-mailed about it
carries no calendar file. Before, both were offered as for an arena to come. An arena to
come keeps them (guards)."""

from __future__ import annotations

import pytest

from app.extensions import db
from app.models import Notification
from app.services import notices, rsvp
from tests.app.test_i18n import _client_in
from tests.factories import (
    make_arena,
    make_arena_over,
    make_done_arena,
    make_participant,
    outbox_of,
)

REMOVE = {"nb": "Fjern fra kalenderen (fil for Outlook, Google, Apple)",
          "en": "Remove from calendar (file for Outlook, Google, Apple)"}


def _no_longer_coming(arena, state: str):
    """Someone who accepted (and so may hold the arena in a calendar), then `state`."""
    me = make_participant(arena, "founder", calendar_sequence=1)
    me.state = state
    db.session.commit()
    return me


def _calendar_paths(arena, token: str) -> tuple[str, str]:
    return f"/arenas/{arena.id}/agenda.ics", f"/arenas/rsvp/{token}/calendar.ics"


@pytest.mark.parametrize("lang", ["nb", "en"])
@pytest.mark.parametrize("state", ["declined", "cancelled"])
@pytest.mark.parametrize("over", [make_arena_over, make_done_arena])
def test_a_past_arena_page_offers_no_remove_from_calendar(app, client, lang, state, over):
    arena = over()
    me = _no_longer_coming(arena, state)
    me.user.locale = lang
    db.session.commit()
    token = rsvp.make_token(me)
    pages = {"logged in": _client_in(app, lang, me.user).get(f"/arenas/{arena.id}"),
             "link": client.get(f"/arenas/rsvp/{token}")}
    for how, page in pages.items():
        assert page.status_code == 200, how
        html = page.get_data(as_text=True)
        assert REMOVE[lang] not in html and 'id="calendar-cancel"' not in html, how
        assert not any(path in html for path in _calendar_paths(arena, token)), how


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_an_arena_to_come_still_offers_it(app, client, lang):
    """A guard: the file opened again removes an arena to come from the calendar."""
    arena = make_arena(status="scheduled")
    me = _no_longer_coming(arena, "declined")
    me.user.locale = lang
    db.session.commit()
    token = rsvp.make_token(me)
    logged_in = _client_in(app, lang, me.user).get(f"/arenas/{arena.id}").get_data(as_text=True)
    assert REMOVE[lang] in logged_in and f'href="/arenas/{arena.id}/agenda.ics"' in logged_in
    by_link = client.get(f"/arenas/rsvp/{token}").get_data(as_text=True)
    assert REMOVE[lang] in by_link and f'href="/arenas/rsvp/{token}/calendar.ics"' in by_link


def _mailed(app, arena, kind: str = "meeting_cancelled") -> list:
    me = make_participant(arena, "founder", calendar_sequence=1)
    (note,) = notices.tell([me.user], kind, f"/arenas/{arena.id}/agenda", arena_id=arena.id,
                           arena=arena.title)
    db.session.commit()
    before = len(outbox_of(app))
    notices.send([db.session.get(Notification, note.id)])
    (mail,) = outbox_of(app)[before:]
    return [name for name, *_rest in mail.attachments]


@pytest.mark.parametrize("over", [make_arena_over, make_done_arena])
def test_a_notice_about_a_past_arena_carries_no_calendar_file(app, over):
    assert _mailed(app, over()) == []


def test_a_notice_about_an_arena_to_come_carries_it(app):
    """A guard: test_notice_mails_carry_calendar's rule for an arena to come."""
    (name,) = _mailed(app, make_arena(status="scheduled"))
    assert name.endswith(".ics")
