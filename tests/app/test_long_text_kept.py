"""Text longer than a field takes is refused with a message and kept whole in the form. The
fields carried maxlength: Chromium cut a longer paste at the limit without a word, and Save
then stored the pitch without its end ("Your pitch is saved"). A password keeps its limit."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import func, select

from app.extensions import db
from app.models import Pitch
from tests.app.form_tokens import token_in
from tests.app.security.principals import log_in
from tests.factories import make_user

PASTED = "Planen vår i detalj 🌱 مرحبا. " * 800 + "SLUTTEN"  # 24,000+ characters


@pytest.fixture
def app_overrides():
    return {"WTF_CSRF_ENABLED": True}


def _maxlengths(page: str) -> dict[str, str]:
    return {name: limit for tag in re.findall(r"<(?:input|textarea)\b[^>]*>", page)
            for name in re.findall(r'name="([^"]+)"', tag)
            for limit in re.findall(r'maxlength="(\d+)"', tag)}


@pytest.mark.parametrize("role,path", [("founder", "/pitches/new"), ("investor", "/profile"),
                                       ("staff", "/staff/arenas/new"), ("founder", "/account/")])
def test_no_text_field_cuts_what_is_pasted(app, role, path):
    client = app.test_client()
    log_in(client, make_user(role))
    limited = _maxlengths(client.get(path).get_data(as_text=True))
    assert set(limited) <= {"password"}, limited


def test_a_description_too_long_is_refused_whole_with_a_message(app):
    founder = make_user("founder", locale="en")
    client = app.test_client()
    log_in(client, founder)
    page = client.get("/pitches/new").get_data(as_text=True)
    response = client.post("/pitches/new", data={
        "csrf_token": token_in(page), "title": "Lang plan", "summary": "Kort.",
        "description": PASTED})
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "At most 20,000 characters: this text has " in page  # test_length_says_how_much
    assert "SLUTTEN" in page and page.count("Planen vår i detalj 🌱 مرحبا.") == 800
    assert db.session.scalar(select(func.count()).select_from(Pitch)) == 0


def test_a_password_keeps_its_limit(app):
    page = app.test_client().get("/auth/login").get_data(as_text=True)
    assert _maxlengths(page) == {"password": "128"}


def test_a_line_break_counts_once_against_the_limit(app):
    """Browsers send a text area's line breaks as CR LF: a description of exactly 20,000
    characters in 400 lines arrived as 20,399 and was refused as too long."""
    founder = make_user("founder", locale="en")
    client = app.test_client()
    log_in(client, founder)
    page = client.get("/pitches/new").get_data(as_text=True)
    lines = ["x" * 49] * 400
    typed = "\n".join(lines) + "x"  # 20,000 characters as the writer and the box count them
    assert len(typed) == 20000
    response = client.post("/pitches/new", data={
        "csrf_token": token_in(page), "title": "Lang plan", "summary": "Kort.",
        "description": typed.replace("\n", "\r\n")})
    assert response.status_code == 302, response.get_data(as_text=True)[-3000:]
    assert db.session.scalar(select(Pitch.description)) == typed
