"""GET /api/v1/arenas/{id}/agenda lists the meetings the agenda page shows, chosen by one
service function (agenda.agenda_meetings). The API picked its meetings by their state
alone, while the page also asks that both people still come: a meeting left "scheduled"
with someone who no longer comes (a row from before a no called meetings off, which nothing
has rewritten since) was on the API's agenda, with no reason given, and not on the page.
"""

from __future__ import annotations

import html

import pytest

from app.extensions import db
from app.services import agenda
from tests.app.api.helpers import bearer
from tests.factories import make_arena, make_meeting, make_participant


@pytest.fixture
def left_scheduled():
    """The founder meets `kept` at 09:00 and, at 09:15, `gone`, who has since said no while
    the meeting row stayed "scheduled"."""
    arena = make_arena(status="scheduled", schedule_sequence=1)
    founder = make_participant(arena, "founder")
    kept, gone = make_participant(arena, "investor"), make_participant(arena, "investor")
    with_kept = make_meeting(arena, founder, kept, slot=0, table=0)
    with_gone = make_meeting(arena, founder, gone, slot=1, table=0)
    gone.state = "declined"
    db.session.commit()
    return arena, founder, with_kept, with_gone


def _api(client, user, arena) -> dict:
    response = client.get(f"/api/v1/arenas/{arena.id}/agenda", headers=bearer(user))
    assert response.status_code == 200, response.get_data(as_text=True)
    return response.get_json()


def test_a_meeting_with_someone_who_no_longer_comes_is_not_on_the_api_agenda(
        client, left_scheduled):
    arena, founder, with_kept, with_gone = left_scheduled
    mine = _api(client, founder.user, arena)
    assert [m["id"] for m in mine["items"]] == [with_kept.id]
    assert mine["cancelled"] == []
    # the page's rows, no more, no fewer
    assert [i.meeting.id for i in agenda.page_items(founder.user, arena)] == [with_kept.id]
    assert with_gone.id not in {m["id"] for m in mine["items"]}


@pytest.mark.parametrize("lang", ["en", "nb"])
def test_with_only_such_a_meeting_the_api_says_why_there_is_none(client, auth, left_scheduled,
                                                                 lang):
    """The API gave no reason, as it had a meeting to list; now it gives the page's, in the
    caller's language."""
    arena, founder, with_kept, _with_gone = left_scheduled
    db.session.delete(with_kept)
    founder.user.locale = lang
    db.session.commit()
    mine = _api(client, founder.user, arena)
    assert mine["items"] == []
    assert mine["reason"]
    auth.login(founder.user.email)
    client.post("/language", data={"lang": lang})
    page = html.unescape(client.get(f"/arenas/{arena.id}/agenda").get_data(as_text=True))
    assert 'id="no-meetings"' in page
    assert mine["reason"] in " ".join(page.split())
