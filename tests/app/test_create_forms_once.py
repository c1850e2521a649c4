"""A new pitch's and a new arena's form saves once. Save, press the browser's Back (the form
comes back filled in, with the same hidden token) and Save again: that made a second,
identical draft; now it leads to the one saved, saying so. A fresh form page is a new
pitch, and nobody else's token finds anything of theirs."""

from __future__ import annotations

import re

from sqlalchemy import func, select

from app.extensions import db
from app.models import Arena, Pitch
from app.services import form_once, pitches
from tests.app.test_arenas_staff import arena_form
from tests.app.test_pitches import _form as pitch_form
from tests.factories import DEFAULT_PASSWORD, make_user

_ONCE = re.compile(r'name="once"[^>]*value="([^"]*)"|value="([^"]*)"[^>]*name="once"')


def _token(page: str) -> str:
    found = _ONCE.search(page)
    assert found, "no one-time token on the page"
    return found[1] or found[2]


def _count(model) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


def test_saving_the_same_new_pitch_form_again_leads_to_the_saved_pitch(client, auth):
    auth.login(make_user("founder").email)
    token = _token(client.get("/pitches/new").get_data(as_text=True))
    form = pitch_form(once=token)

    first = client.post("/pitches/new", data=form)
    client.get(first.location)  # the saved pitch, with its "saved"; then Back, and Save
    again = client.post("/pitches/new", data=form)

    assert first.status_code == again.status_code == 302
    assert again.location == first.location
    assert _count(Pitch) == 1
    page = client.get(again.location).get_data(as_text=True)
    assert "This pitch was saved already, so it was not saved again." in page


def test_a_fresh_form_page_makes_a_second_pitch(client, auth):
    auth.login(make_user("founder").email)
    for _ in range(2):
        token = _token(client.get("/pitches/new").get_data(as_text=True))
        assert client.post("/pitches/new", data=pitch_form(once=token)).status_code == 302
    assert _count(Pitch) == 2


def test_a_refused_form_keeps_its_token_until_it_saves(client, auth):
    auth.login(make_user("founder").email)
    token = _token(client.get("/pitches/new").get_data(as_text=True))
    refused = client.post("/pitches/new", data=pitch_form(once=token, title=""))
    assert refused.status_code == 422 and _token(refused.get_data(as_text=True)) == token
    saved = client.post("/pitches/new", data=pitch_form(once=token))
    assert client.post("/pitches/new", data=pitch_form(once=token)).location == saved.location
    assert _count(Pitch) == 1


def test_someone_elses_token_finds_nothing_of_theirs(app, client, auth):
    owner = make_user("founder")
    auth.login(owner.email)
    token = _token(client.get("/pitches/new").get_data(as_text=True))
    mine = client.post("/pitches/new", data=pitch_form(once=token))
    other = app.test_client()
    stranger = make_user("founder")
    other.post("/auth/login", data={"email": stranger.email, "password": DEFAULT_PASSWORD})
    theirs = other.post("/pitches/new", data=pitch_form(once=token, title="Deres"))
    assert theirs.status_code == 302 and theirs.location != mine.location
    assert {p.owner_id for p in db.session.scalars(select(Pitch))} == {owner.id, stranger.id}


def test_the_form_of_a_deleted_pitch_saves_it_anew(client, auth):
    auth.login(make_user("founder").email)
    token = _token(client.get("/pitches/new").get_data(as_text=True))
    first = client.post("/pitches/new", data=pitch_form(once=token))
    pitch_id = int(first.location.rstrip("/").rsplit("/", 1)[1])
    client.post(f"/pitches/{pitch_id}/delete")
    assert _count(Pitch) == 0
    again = client.post("/pitches/new", data=pitch_form(once=token))
    assert again.status_code == 302 and _count(Pitch) == 1


def test_a_send_that_lost_the_race_returns_the_pitch_that_won(app):
    """Two sends of one form at once: the second is saved after the first committed."""
    owner = make_user("founder")
    values = {"title": "Sol", "summary": "Kort", "stage": "seed"}
    token = form_once.new_token()
    first = pitches.create_pitch(owner, values, token)
    second = pitches.create_pitch(owner, values, token)
    assert second.id == first.id and _count(Pitch) == 1


def test_saving_the_same_new_arena_form_again_leads_to_the_saved_arena(client, auth):
    auth.login(make_user("staff", association="asker").email)
    token = _token(client.get("/staff/arenas/new").get_data(as_text=True))
    form = arena_form(once=token)

    first = client.post("/staff/arenas/new", data=form)
    client.get(first.location)  # the saved arena; then Back, and Save
    again = client.post("/staff/arenas/new", data=form)

    assert first.status_code == again.status_code == 302
    assert again.location == first.location and _count(Arena) == 1
    page = client.get(again.location).get_data(as_text=True)
    assert "This arena was saved already, so it was not saved again." in page
