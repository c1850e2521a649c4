"""A pitch is published only when it says enough to be matched: a description, the stage
and at least one sector. A draft may lack any of them, and the stage is chosen, never a
default: a pitch of a title and a summary was published with the select's first option,
"Idé", and shown to investors at 45 % because "Fasen passer". The page, the publish answer
and the API say what is missing, in the user's language."""

from __future__ import annotations

import pytest

from app.extensions import db
from app.models import Pitch
from tests.app.api.world import build
from tests.app.test_form_fields import _control, _Page
from tests.app.test_i18n import _client_in
from tests.app.test_pitches import _form
from tests.factories import make_pitch, make_user

NEEDS_ALL = {
    "nb": "For å publisere pitchen, legg til en beskrivelse, fasen og minst én bransje.",
    "en": "To publish the pitch, add a description, the stage, and at least one sector.",
}
BARE = {"title": "Havvind", "summary": "Flytende vindturbiner.", "description": "",
        "stage": "", "ask_nok": "", "funding_type": "", "municipality": "", "team_size": "",
        "founded_year": "", "website": ""}


def _pitch(pitch_id: int) -> Pitch:
    db.session.expire_all()
    return db.session.get(Pitch, pitch_id)


def _publish(client, pitch_id: int):
    """The page the publish button leads back to, with its message."""
    response = client.post(f"/pitches/{pitch_id}/publish")
    assert response.status_code == 302
    return client.get(response.headers["Location"])


def _founder(app, lang: str):
    user = make_user("founder")
    return user, _client_in(app, lang, user)


def test_the_stage_starts_unchosen(app):
    _user, client = _founder(app, "nb")

    html = client.get("/pitches/new").get_data(as_text=True)

    stage = html.split('name="stage"')[1].split("</select>")[0]
    assert '<option selected value="">Ikke valgt</option>' in stage
    assert stage.count("selected") == 1


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_a_bare_draft_is_saved_but_not_published(app, lang):
    user, client = _founder(app, lang)

    saved = client.post("/pitches/new", data=BARE)

    assert saved.status_code == 302
    pitch = db.session.query(Pitch).filter_by(owner_id=user.id).one()
    assert pitch.status == "draft" and pitch.stage == ""
    preview = client.get(f"/pitches/{pitch.id}").get_data(as_text=True)
    assert NEEDS_ALL[lang] in preview  # the draft says what it lacks before anyone tries

    answer = _publish(client, pitch.id)

    assert NEEDS_ALL[lang] in answer.get_data(as_text=True)
    assert _pitch(pitch.id).status == "draft" and _pitch(pitch.id).published_at is None


def test_only_what_is_missing_is_named(app):
    user, client = _founder(app, "nb")
    pitch = make_pitch(user, status="draft", sectors=[], description="Vi bygger turbiner.")

    answer = _publish(client, pitch.id)

    assert "For å publisere pitchen, legg til minst én bransje." in answer.get_data(as_text=True)
    assert _pitch(pitch.id).status == "draft"


def test_a_complete_draft_is_published(app):
    user, client = _founder(app, "nb")
    client.post("/pitches/new", data=_form())
    pitch = db.session.query(Pitch).filter_by(owner_id=user.id).one()

    client.post(f"/pitches/{pitch.id}/publish")

    assert _pitch(pitch.id).status == "published"


def test_a_published_pitch_cannot_be_emptied(app):
    user, client = _founder(app, "en")
    pitch = make_pitch(user)
    before = pitch.description

    response = client.post(f"/pitches/{pitch.id}/edit",
                           data=_form(description=" ", version=str(pitch.version)))

    assert response.status_code == 422
    page = _Page(response.get_data(as_text=True))
    assert page.described_by(_control(page, "description"))[0] == (
        "A published pitch needs a description. Add it, or make the pitch a draft first.")
    assert _pitch(pitch.id).description == before


def test_the_api_publishes_through_the_same_rule(app, client):
    world = build()
    founder_b = world.tokens["founder_b"]
    bare = client.post("/api/v1/pitches", headers=founder_b,
                       json={"title": "Ny", "summary": "Ny", "stage": "idea"}).get_json()

    refused = client.post(f"/api/v1/pitches/{bare['id']}/publish", headers=founder_b)

    assert refused.status_code == 422
    error = refused.get_json()["error"]
    assert set(error["fields"]) == {"description", "sectors"}
    assert error["message"] in (
        "For å publisere pitchen, legg til en beskrivelse og minst én bransje.",
        "To publish the pitch, add a description and at least one sector.")
    assert _pitch(bare["id"]).status == "draft"
