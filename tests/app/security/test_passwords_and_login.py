"""Passwords (ASVS V6) and no user enumeration at login (V7)."""

from __future__ import annotations

import re

from sqlalchemy import select
from zxcvbn.frequency_lists import FREQUENCY_LISTS

import app.services.passwords as passwords
from app.extensions import db
from app.models import User
from app.services.passwords import MAX_LENGTH, MIN_LENGTH, password_problem
from tests.app.security.counts import count
from tests.factories import make_user

# 128 characters, not repetitive, with spaces and letters outside ASCII.
LONG_128 = ("Solceller på låvetak gir bonden strøm, ",
            "batterier jevner ut toppene, og ",
            "overskuddet selges til nabogården i Lier; ",
            "det er vår plan! ")
LONG_128 = "".join(LONG_128)[:128]


def _register(client, password, email="kari@example.no"):
    return client.post("/auth/register", data={
        "role": "founder", "name": "Kari Nordmann", "email": email,
        "municipality": "asker", "association": "", "password": password, "confirm": password})


# --- password rules ---------------------------------------------------------------------------

def test_length_boundaries(app):
    with app.test_request_context():
        assert password_problem("kx9#Lm2$pQ7") is not None  # 11
        assert password_problem("kx9#Lm2$pQ7z") is None  # 12
        assert len(LONG_128) == MAX_LENGTH == 128 and password_problem(LONG_128) is None
        assert password_problem(LONG_128 + "x") is not None
        assert MIN_LENGTH == 12


def test_common_passwords_are_refused_even_in_capitals(app):
    common = [p for p in FREQUENCY_LISTS["passwords"] if len(p) >= MIN_LENGTH][:50]
    with app.test_request_context():
        for password in common + [p.upper() for p in common]:
            assert password_problem(password) is not None, password
    count("common passwords refused", 2 * len(common))


def test_own_email_as_password_is_refused(app):
    with app.test_request_context():
        assert password_problem("kari.nordmann@example.no", ("kari.nordmann@example.no",
                                                             "Kari Nordmann")) is not None


def test_128_characters_are_kept_exactly(client):
    assert _register(client, LONG_128).status_code == 302
    client.post("/auth/logout")
    login = lambda p: client.post("/auth/login", data={  # noqa: E731
        "email": "kari@example.no", "password": p})
    assert login(LONG_128[:-1]).status_code == 422  # not truncated
    assert login(LONG_128.upper()).status_code == 422  # not case-folded
    assert login(LONG_128).status_code == 302


def test_129_characters_are_refused_with_a_message(client):
    response = _register(client, LONG_128 + "!")
    assert response.status_code == 422
    assert db.session.scalar(select(User)) is None


def test_passwords_are_stored_with_scrypt(client):
    _register(client, LONG_128)
    user = db.session.scalar(select(User))
    assert user.password_hash.startswith("scrypt:")
    assert LONG_128 not in user.password_hash


# --- no user enumeration ----------------------------------------------------------------------

def _normalised(response, *emails):
    # The CSRF token carries a timestamp; everything else must be identical.
    body = re.sub(r'name="csrf_token" value="[^"]*"', "CSRF", response.get_data(as_text=True))
    for email in emails:
        body = body.replace(email, "EMAIL")
    return body


def test_unknown_and_known_email_get_the_same_answer(app):
    user = make_user("founder")
    inactive = make_user("founder", active=False)
    emails = (user.email, inactive.email, "nobody@example.no")
    # A fresh browser each time: same cookies, same headers, same page.
    answers = [app.test_client().post("/auth/login", data={
        "email": e, "password": "wrong password 123"}) for e in emails]
    assert {a.status_code for a in answers} == {422}
    bodies = {_normalised(a, *emails) for a in answers}
    assert len(bodies) == 1
    headers = {tuple(sorted(k for k, _v in a.headers.items() if k != "X-Request-Id"))
               for a in answers}
    assert len(headers) == 1


def test_unknown_email_spends_a_hash_check_on_the_dummy_hash(client, monkeypatch):
    """Same timing shape: exactly one scrypt check either way."""
    user = make_user("founder")
    checked = []
    real = passwords.check_password_hash
    monkeypatch.setattr(passwords, "check_password_hash",
                        lambda h, p: checked.append(h) or real(h, p))
    client.post("/auth/login", data={"email": "nobody@example.no", "password": "x" * 20})
    assert checked == [passwords.dummy_hash()]
    assert passwords.dummy_hash().startswith("scrypt:")
    checked.clear()
    client.post("/auth/login", data={"email": user.email, "password": "x" * 20})
    assert checked == [user.password_hash]
    assert passwords.dummy_hash().split("$")[0] == user.password_hash.split("$")[0]  # same cost


def test_reset_request_says_the_same_for_unknown_email(client):
    user = make_user("founder")
    known = client.post("/auth/reset", data={"email": user.email})
    unknown = client.post("/auth/reset", data={"email": "nobody@example.no"})
    assert known.status_code == unknown.status_code == 302
    assert known.headers["Location"] == unknown.headers["Location"]
