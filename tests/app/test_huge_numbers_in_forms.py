"""A whole number too large for a float (400 digits) typed in a number field gets the
field's range message, not a 500 (WTForms' NumberRange raised OverflowError)."""

from __future__ import annotations

from sqlalchemy import func, select
from wtforms.fields.core import UnboundField
from wtforms.validators import NumberRange as WTFormsNumberRange

from app.extensions import db
from app.form_base import KobleForm, NumberRange
from app.models import Arena, Pitch
from tests.app.security.principals import log_in
from tests.factories import make_user

HUGE = "1" + "0" * 400


def _rows(model) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


def test_huge_ask_gets_the_range_message_and_no_pitch(app, client):
    log_in(client, make_user("founder", locale="en"))
    response = client.post("/pitches/new", data={
        "title": "Sol", "summary": "Ferje", "stage": "seed", "ask_nok": HUGE})
    assert response.status_code == 422
    assert "Number must be between 0 and" in response.get_data(as_text=True)
    assert _rows(Pitch) == 0


def test_huge_negative_team_size_is_refused_too(app, client):
    log_in(client, make_user("founder", locale="en"))
    response = client.post("/pitches/new", data={
        "title": "Sol", "summary": "Ferje", "stage": "seed", "team_size": "-" + HUGE})
    assert response.status_code == 422
    assert "Number must be between 1 and" in response.get_data(as_text=True)


def test_huge_arena_capacity_stores_no_arena(app, client):
    log_in(client, make_user("staff", locale="en"))
    response = client.post("/staff/arenas/new", data={"founder_capacity": HUGE})
    assert response.status_code == 422
    assert _rows(Arena) == 0


def _subclasses(cls):
    for sub in cls.__subclasses__():
        yield sub
        yield from _subclasses(sub)


def test_every_range_check_of_the_app_is_the_safe_one(app):
    checks = []
    for form in _subclasses(KobleForm):
        for field in vars(form).values():
            if isinstance(field, UnboundField):
                found = field.kwargs.get("validators") or (field.args[1:2] or [[]])[0]
                checks += [v for v in found or () if isinstance(v, WTFormsNumberRange)]
    assert len(checks) >= 10
    assert all(isinstance(check, NumberRange) for check in checks)


def test_range_message_writes_large_limits_as_people_read_them(app, client):
    log_in(client, make_user("founder", locale="nb"))
    data = {"title": "Tittel", "summary": "Kort", "stage": "seed", "ask_nok": "-5",
            "founded_year": "1800"}
    page = client.post("/pitches/new", data=data).get_data(as_text=True)
    assert "mellom 0 og 1\u00a0000\u00a0000\u00a0000" in page
    assert "og 1000000000" not in page
    assert "minst 1900" in page  # a year is not grouped
