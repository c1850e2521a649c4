"""The engine page says when the weights were last changed only once someone has changed them."""

from __future__ import annotations

import re

import pytest

from app.services import engine_settings
from tests.factories import make_user


@pytest.fixture
def admin(client, auth):
    user = make_user("admin", association=None)
    auth.login(user.email)
    client.post("/language", data={"lang": "en"})
    return user


def _note(page: str) -> str:
    found = re.search(r'<p[^>]*id="weights-changed"[^>]*>(.*?)</p>', page, re.S)
    assert found, "the page has no line about the weights' last change"
    return found.group(1).strip()


def test_untouched_weights_are_the_defaults_not_changed_now(client, admin):
    note = _note(client.get("/admin/engine").get_data(as_text=True))
    assert "Last changed" not in note
    assert "default weights are in use" in note
    # a second visit (the row exists now) says the same
    assert "Last changed" not in _note(client.get("/admin/engine").get_data(as_text=True))


def test_saved_weights_say_when(client, admin):
    client.get("/admin/engine")
    values = {name: "1" for name in engine_settings.weight_names()}
    assert client.post("/admin/engine", data=values).status_code == 303
    note = _note(client.get("/admin/engine").get_data(as_text=True))
    assert note.startswith("Last changed ")


def test_defaults_line_in_bokmal(client, admin):
    client.post("/language", data={"lang": "nb"})
    note = _note(client.get("/admin/engine").get_data(as_text=True))
    assert "standard" in note.lower()
