"""GET /api/v1/arenas/{id}/agenda says why it holds no meeting: `schedule_status` ("none",
"draft", "published") and `reason`, the agenda page's sentence in the caller's language.
Before, a draft, a schedule not yet built and a published one with no meeting for the
caller all answered `{"items": []}` alone."""

from __future__ import annotations

import pytest

from app.extensions import db
from app.models.user import utcnow
from tests.app.api.helpers import bearer
from tests.app.security.principals import log_in
from tests.factories import make_arena, make_invitation, make_meeting, make_participant, make_user

SAID = {
    "none": {
        "en": "The schedule is not ready yet. You will find your meetings here when the "
              "organisers have built it.",
        "nb": "Møteplanen er ikke klar ennå."},
    "draft": {
        "en": "The organisers are planning the meetings, and the plan can still change. You "
              "will find your meetings here, and we will tell you, when they publish the "
              "meeting schedule.",
        "nb": "Arrangørene planlegger møtene"},
    "published": {
        "en": "The meeting schedule for “Grønn arena” is published, but no meeting could be "
              "fitted for you",
        "nb": "Møteplanen for «Grønn arena» er publisert"},
}


def _agenda(client, user, arena) -> dict:
    response = client.get(f"/api/v1/arenas/{arena.id}/agenda", headers=bearer(user))
    assert response.status_code == 200, response.get_data(as_text=True)
    return response.get_json()


def _room(status: str, published: bool):
    """An arena where the founder meets one investor (in a draft unless `published`), and a
    second founder has no meeting."""
    arena = make_arena(status=status, schedule_sequence=1)
    founder, alone = make_participant(arena, "founder"), make_participant(arena, "founder")
    investor = make_participant(arena, "investor")
    if status != "inviting":
        make_meeting(arena, founder, investor, published=published)
    db.session.commit()
    return arena, founder.user, alone.user


@pytest.mark.parametrize("locale", ["en", "nb"])
@pytest.mark.parametrize("status, published, expected", [
    ("inviting", False, "none"), ("scheduled", False, "draft"),
    ("scheduled", True, "published")])
def test_an_empty_agenda_says_why_in_the_callers_language(client, locale, status, published,
                                                          expected):
    arena, founder, alone = _room(status, published)
    for person in (founder, alone):
        person.locale = locale
    db.session.commit()
    mine = _agenda(client, alone if expected == "published" else founder, arena)
    assert mine["items"] == [] and mine["schedule_status"] == expected
    assert mine["reason"].startswith(SAID[expected][locale])
    if expected == "published":  # the founder with a meeting reads no reason
        theirs = _agenda(client, founder, arena)
        assert len(theirs["items"]) == 1 and theirs["reason"] is None
        assert theirs["schedule_status"] == "published"


REFUSED = {
    "invited": {"en": "Your agenda at this arena opens once you have accepted the invitation. "
                      "GET /api/v1/invitations shows it.",
                "nb": "Agendaen din på denne arenaen åpner når du har takket ja til "
                      "invitasjonen."},
    "waiting_list": {"en": "Your agenda at this arena opens if a seat becomes free for you: "
                           "you are on the waiting list.",
                     "nb": "Agendaen din på denne arenaen åpner hvis en plass blir ledig"},
    "declined": {"en": "Only those who come to the arena have an agenda there, and your "
                       "invitation says you do not come. GET /api/v1/invitations shows its "
                       "state.",
                 "nb": "Bare de som kommer på arenaen, har en agenda der"},
}
REFUSED["cancelled"] = REFUSED["declined"]
PAGE_WORDS = {  # the page's: the same reasons, without the API's pointer to an endpoint
    "invited": "Your agenda at this arena opens once you have accepted the invitation.",
    "waiting_list": "Your agenda at this arena opens if a seat becomes free for you: you are on "
                    "the waiting list.",
    "declined": "Only those who come to the arena have an agenda there, and your invitation "
                "says you do not come.",
}
PAGE_WORDS["cancelled"] = PAGE_WORDS["declined"]


@pytest.mark.parametrize("locale", ["en", "nb"])
@pytest.mark.parametrize("state", ["declined", "cancelled", "invited", "waiting_list"])
def test_someone_who_does_not_come_is_refused_in_the_agendas_words(client, state, locale):
    """Not told whether a schedule exists: the answer was schedule_status "published". The
    refusal speaks of the agenda: it was the pages' "can see who comes and ask for
    meetings", which is not what the caller asked for. The page now says the same reasons,
    without the pointer to an endpoint."""
    arena, _founder, _alone = _room("scheduled", True)
    outsider = make_user("investor", locale=locale)
    # invited_at: the waiting list of someone who said yes when every seat was taken
    make_invitation(arena, outsider, state, invited_at=utcnow())
    db.session.commit()

    response = client.get(f"/api/v1/arenas/{arena.id}/agenda", headers=bearer(outsider))

    assert response.status_code == 403
    assert response.get_json()["error"]["message"].startswith(REFUSED[state][locale])
    assert "schedule_status" not in response.get_data(as_text=True)
    if locale == "en":
        log_in(client, outsider)
        page = client.get(f"/arenas/{arena.id}/agenda")
        assert page.status_code == 403  # the page refuses them alike, about the agenda too
        assert PAGE_WORDS[state] in page.get_data(as_text=True)
        assert "/api/v1/" not in page.get_data(as_text=True)


def test_the_openapi_schema_documents_both_fields(client):
    spec = client.get("/api/v1/openapi.json").get_json()
    operation = spec["paths"]["/api/v1/arenas/{arena_id}/agenda"]["get"]
    ref = operation["responses"]["200"]["content"]["application/json"]["schema"]["$ref"]
    schema = spec["components"]["schemas"][ref.rsplit("/", 1)[1]]
    assert {"items", "schedule_status", "reason"} <= set(schema["required"])
    assert schema["properties"]["schedule_status"]["enum"] == ["none", "draft", "published"]
    assert "null" in schema["properties"]["reason"]["type"]  # OpenAPI 3.1: null allowed
    assert "draft" in schema["properties"]["schedule_status"]["description"]
