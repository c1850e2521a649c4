"""A NUL character in typed text is refused on its field, in the user's language, and
nothing is stored: PostgreSQL cannot hold one (it was a 500 there) and SQLite stored it."""

from __future__ import annotations

import re

from flask_wtf import FlaskForm
from sqlalchemy import func, select

from app.extensions import db
from app.form_base import KobleForm
from app.models import ApiToken, Pitch, User
from tests.app.security.principals import log_in
from tests.factories import DEFAULT_PASSWORD, make_user

PITCH = {"title": "Solcellebåt", "summary": "Elektrisk ferje", "stage": "seed"}


def _rows(model) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


def _invalid(html: str, field: str) -> bool:
    return bool(re.search(rf'<(input|textarea)[^>]*is-invalid[^>]*name="{field}"'
                          rf'|<(input|textarea)[^>]*name="{field}"[^>]*is-invalid', html))


def test_pitch_title_with_nul_is_refused_on_its_field(app, client):
    log_in(client, make_user("founder", locale="nb"))
    response = client.post("/pitches/new", data={**PITCH, "description": "Sol\x00båt"})
    assert response.status_code == 422
    html = response.get_data(as_text=True)
    assert "usynlig kontrolltegn (NUL)" in html
    assert _invalid(html, "description")
    assert not _invalid(html, "title")
    assert _rows(Pitch) == 0


def test_token_name_with_nul_is_refused_in_the_users_language(app, client):
    log_in(client, make_user("investor", locale="en"))
    response = client.post("/account/tokens",
                           data={"name": "CRM\x00", "scope": "read", "days": "30",
                                 "password": DEFAULT_PASSWORD})
    assert response.status_code == 422
    assert "invisible control character (NUL)" in response.get_data(as_text=True)
    assert _rows(ApiToken) == 0


def test_staff_invite_with_nul_in_the_name_stores_nobody(app, client):
    log_in(client, make_user("admin", association=None))
    before = _rows(User)
    response = client.post("/admin/users/invite", data={
        "name": "Ola\x00Nordmann", "email": "ola@asker.no", "association": "1"})
    assert response.status_code == 422
    assert _rows(User) == before


def test_text_without_nul_still_saves(app, client):
    log_in(client, make_user("founder"))
    response = client.post("/pitches/new", data={**PITCH, "description": "Linje 1\r\nLinje 2\t."})
    assert response.status_code == 302
    assert _rows(Pitch) == 1


def _subclasses(cls):
    for sub in cls.__subclasses__():
        yield sub
        yield from _subclasses(sub)


def test_every_form_of_the_app_refuses_nul(app):
    forms = [f for f in _subclasses(FlaskForm) if f.__module__.startswith("app.")]
    assert len(forms) >= 20
    assert [f.__name__ for f in forms if not issubclass(f, KobleForm)] == []
