"""GET /api/v1/arenas/{id}/agenda says why the caller meets each person, as the agenda page's
"Why you match" column does: `why_you_match`, the page's own sentence (agenda.why_you_match,
which the page's rows read too), in the caller's language (the token user's saved one, as
every API answer after authentication). An app showing a participant's day had the time,
table and name of each meeting and not why it was worth having. A meeting staff cancelled,
for which the page shows none, has null."""

from __future__ import annotations

import html

import pytest
from sqlalchemy import event

from app.extensions import db
from tests.app.api.helpers import bearer
from tests.factories import make_arena, make_meeting, make_participant, make_score, make_user

OTHER = {"en": "nb", "nb": "en"}
WORDS = {"en": {"mutual": "You both asked to meet.",
                "suggestion": "Suggested by the organisers.",
                "engine": "solenergi"},
         "nb": {"mutual": "Dere ba begge om et møte.",
                "suggestion": "Foreslått av arrangørene.",
                "engine": "solenergi"}}


def _agenda(client, user, arena) -> dict:
    # Accept-Language names the other language: the token user's saved one is the API's
    response = client.get(f"/api/v1/arenas/{arena.id}/agenda", headers={
        **bearer(user), "Accept-Language": OTHER[user.locale]})
    assert response.status_code == 200, response.get_data(as_text=True)
    return response.get_json()


def _page(client, auth, user, arena) -> str:
    auth.login(user.email)
    response = client.get(f"/arenas/{arena.id}/agenda")
    assert response.status_code == 200
    auth.logout()
    return " ".join(html.unescape(response.get_data(as_text=True)).split())


def _room(locale: str):
    """A published schedule: the founder meets an investor the engine scored with them at
    09:00, one they both asked for at 09:15 and one the organisers chose, unscored, at
    09:30."""
    arena = make_arena(status="scheduled", schedule_sequence=1)
    founder = make_participant(arena, "founder")
    scored, asked, chosen = (make_participant(arena, "investor") for _ in range(3))
    make_score(founder, scored)
    meetings = {"engine": make_meeting(arena, founder, scored, slot=0, table=0),
                "mutual": make_meeting(arena, founder, asked, slot=1, table=0,
                                       source="mutual"),
                "suggestion": make_meeting(arena, founder, chosen, slot=2, table=0)}
    for invitation in (founder, scored, asked, chosen):
        invitation.user.locale = locale
    db.session.commit()
    return arena, founder, scored, meetings


@pytest.mark.parametrize("locale", ["en", "nb"])
def test_each_meeting_says_why_in_the_pages_words_and_the_callers_language(client, auth,
                                                                          locale):
    arena, founder, scored, meetings = _room(locale)
    mine = {m["id"]: m["why_you_match"] for m in _agenda(client, founder.user, arena)["items"]}
    said = WORDS[locale]
    assert mine[meetings["mutual"].id] == said["mutual"]
    assert mine[meetings["suggestion"].id] == said["suggestion"]
    engine = mine[meetings["engine"].id]
    assert said["engine"] in engine and engine not in (said["mutual"], said["suggestion"])
    page = _page(client, auth, founder.user, arena)
    for why in mine.values():  # the page's sentences, word for word
        assert why in page
    # the investor reads the page's sentence from their side
    theirs = _agenda(client, scored.user, arena)["items"]
    assert [m["id"] for m in theirs] == [meetings["engine"].id]
    assert theirs[0]["why_you_match"] in _page(client, auth, scored.user, arena)


def test_the_language_follows_the_caller(client):
    arena, founder, _scored, meetings = _room("en")
    english = {m["id"]: m["why_you_match"] for m in _agenda(client, founder.user,
                                                             arena)["items"]}
    founder.user.locale = "nb"
    db.session.commit()
    bokmal = {m["id"]: m["why_you_match"] for m in _agenda(client, founder.user,
                                                            arena)["items"]}
    for kind in ("engine", "mutual", "suggestion"):
        assert english[meetings[kind].id] != bokmal[meetings[kind].id]


def test_a_meeting_staff_cancelled_has_none_as_on_the_page(client, auth):
    arena, founder, _scored, meetings = _room("en")
    auth.login(make_user("staff", association="asker").email)
    cancelled = meetings["mutual"]
    assert client.post(f"/staff/arenas/{arena.id}/meetings/{cancelled.id}/cancel"
                       ).status_code == 302
    auth.logout()
    mine = _agenda(client, founder.user, arena)
    assert [(m["id"], m["why_you_match"]) for m in mine["cancelled"]] == [(cancelled.id, None)]
    assert all(m["why_you_match"] for m in mine["items"])
    page = _page(client, auth, founder.user, arena)
    assert page.count(WORDS["en"]["mutual"]) == 0  # the page's struck-through row says none


def test_the_description_and_the_reference_page_name_it(client):
    spec = client.get("/api/v1/openapi.json").get_json()
    schemas = spec["components"]["schemas"]
    agenda_ref = schemas["AgendaOut"]["properties"]["items"]["items"]["$ref"]
    meeting = schemas[agenda_ref.rsplit("/", 1)[1]]
    assert "why_you_match" in meeting["required"]
    assert meeting["properties"]["why_you_match"]["type"] == ["string", "null"]
    assert schemas["AgendaOut"]["properties"]["cancelled"]["items"]["$ref"] == agenda_ref
    # staff's schedule lists meetings without it: it is the participant's sentence
    assert "why_you_match" not in schemas["MeetingOut"]["properties"]
    for lang, words in (("en", "the sentence the agenda page shows for this meeting"),
                        ("nb", "setningen agendasiden viser for dette møtet")):
        page = html.unescape(client.get(f"/api/v1/docs?lang={lang}").get_data(as_text=True))
        assert "why_you_match" in page and words in page


@pytest.mark.parametrize("side", ["founder", "investor"])
def test_more_meetings_cost_the_api_no_more_statements(client, side):
    """A guard: the sentences are the page's rows' (test_agenda_queries), read in a fixed
    number of statements however many meetings there are, not one explanation's rows per
    meeting."""
    arena = make_arena(status="scheduled", slot_count=8, table_count=4)
    me = make_participant(arena, side)
    other = "investor" if side == "founder" else "founder"

    def meet(slot: int) -> None:
        partner = make_participant(arena, other)
        founder, investor = (me, partner) if side == "founder" else (partner, me)
        make_score(founder, investor, 0.7)
        make_meeting(arena, founder, investor, slot=slot)

    headers = bearer(me.user)
    seen = []

    def count(*_args):
        seen.append(1)

    def statements() -> int:
        seen.clear()
        response = client.get(f"/api/v1/arenas/{arena.id}/agenda", headers=headers)
        assert response.status_code == 200
        assert all(m["why_you_match"] for m in response.get_json()["items"])
        return len(seen)

    meet(0)
    event.listen(db.engine, "before_cursor_execute", count)
    try:
        statements()  # a first call fills the caches
        one = statements()
        for slot in (1, 2, 3, 5, 6):  # 4 is a break
            meet(slot)
        statements()
        assert statements() == one
    finally:
        event.remove(db.engine, "before_cursor_execute", count)
