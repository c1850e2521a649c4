"""A new account's e-mail address counts only once the link mailed at registration is
confirmed. Before, anyone could register with someone else's address, and after a mutual
match that address was the contact the other side was shown. Until confirmed, the person
logs in and writes (a draft pitch), sees a banner with "Send it again", and is refused,
naming the reason, publishing, marking interest and meeting requests. Accounts made any
other way (factories here, as seeds, staff invitations and member imports) count as
confirmed."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.extensions import db
from app.models import Interest, MeetingRequest, Pitch, User
from tests.app.form_tokens import token_in
from tests.factories import (
    DEFAULT_PASSWORD,
    make_arena,
    make_investor,
    make_participant,
    make_pitch,
    make_user,
    outbox_of,
)

REFUSED = {"en": "Confirm your e-mail address first",
           "nb": "Bekreft e-postadressen din først"}
BANNER = {"en": "Confirm your e-mail address: we sent a link to kari@example.no.",
          "nb": "Bekreft e-postadressen din: vi sendte en lenke til kari@example.no."}
SUBJECT = {"en": "Confirm your e-mail address for Koble",
           "nb": "Bekreft e-postadressen din for Koble"}


@pytest.fixture
def app_overrides() -> dict:
    """CSRF on, as in production: the confirmation page's and banner's buttons carry it."""
    return {"WTF_CSRF_ENABLED": True}


def _register(client, lang: str):
    with client.session_transaction() as session:
        session["lang"] = lang
    page = client.get("/auth/register").get_data(as_text=True)
    return client.post("/auth/register", data={
        "role": "founder", "name": "Kari Nordmann", "email": "kari@example.no",
        "municipality": "drammen", "association": "", "password": DEFAULT_PASSWORD,
        "confirm": DEFAULT_PASSWORD, "csrf_token": token_in(page)})


def _kari() -> User:
    db.session.expire_all()
    return db.session.scalar(select(User).where(User.email == "kari@example.no"))


def _path(link: str) -> str:
    return "/" + link.split("://", 1)[1].split("/", 1)[1]


def _link(mail) -> str:
    return next(w for w in mail.body.split() if "/account/address/confirm/" in w)


def _unconfirmed(role: str = "founder", **fields) -> User:
    user = make_user(role, "kari@example.no", **fields)
    user.email_confirmed_at = None
    db.session.commit()
    return user


def _said(client, response) -> str:
    assert response.status_code in (302, 303)
    return client.get(response.location).get_data(as_text=True)


def _login(client, email: str):
    page = client.get("/auth/login").get_data(as_text=True)
    return client.post("/auth/login", data={"email": email, "password": DEFAULT_PASSWORD,
                                            "csrf_token": token_in(page)})


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_registering_mails_a_link_in_ones_language_and_confirming_it_lifts_the_banner(
        app, client, lang):
    assert _register(client, lang).status_code == 302
    kari = _kari()
    assert kari.email_confirmed_at is None
    (mail,) = outbox_of(app)
    assert mail.to == ["kari@example.no"] and mail.subject == SUBJECT[lang]
    page = client.get("/account/").get_data(as_text=True)
    assert BANNER[lang] in page and 'action="/account/address/send"' in page
    link = _link(mail)
    shown = client.get(_path(link))  # a mail scanner opening it confirms nothing
    assert shown.status_code == 200 and _kari().email_confirmed_at is None
    done = client.post(_path(link), data={"csrf_token": token_in(shown.get_data(as_text=True))})
    assert done.status_code == 303
    assert _kari().email_confirmed_at is not None
    assert BANNER[lang] not in client.get("/account/").get_data(as_text=True)
    again = client.get(_path(link))  # used: it says so and changes nothing
    assert again.status_code == 200 and "<form method=\"post\"" not in again.get_data(
        as_text=True).split("<main", 1)[1]


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_an_unconfirmed_founder_writes_but_cannot_publish_or_mark_interest(app, client, lang):
    kari = _unconfirmed(locale=lang)
    pitch = make_pitch(kari, status="draft")
    investor = make_investor(make_user("investor"))
    _login(client, kari.email)
    page = client.get(f"/pitches/{pitch.id}").get_data(as_text=True)
    response = client.post(f"/pitches/{pitch.id}/publish", data={"csrf_token": token_in(page)},
                           )
    assert REFUSED[lang] in _said(client, response)
    db.session.expire_all()
    assert db.session.get(Pitch, pitch.id).status == "draft"
    pitch.status = "published"  # published before: an answer is still refused
    db.session.commit()
    response = client.post(f"/matches/{pitch.id}/{investor.id}/mark/interested",
                           data={"csrf_token": token_in(page)})
    assert REFUSED[lang] in _said(client, response)
    assert db.session.scalar(select(Interest).where(Interest.user_id == kari.id)) is None


def test_an_unconfirmed_participant_cannot_ask_for_or_answer_meetings(app, client):
    arena = make_arena(status="scheduled")
    me = make_participant(arena, "investor")
    asker = make_participant(arena, "founder")
    other = make_participant(arena, "founder")
    from app.services import meeting_requests
    req = meeting_requests.request_meeting(asker.user, arena.id, me.user_id)
    me.user.email_confirmed_at = None
    db.session.commit()
    _login(client, me.user.email)
    page = client.get("/account/").get_data(as_text=True)
    response = client.post(f"/arenas/{arena.id}/requests",
                           data={"to_user_id": other.user_id, "csrf_token": token_in(page)},
                           )
    assert REFUSED["en"] in _said(client, response)
    response = client.post(f"/arenas/{arena.id}/requests/{req.id}/answer",
                           data={"answer": "accept", "csrf_token": token_in(page)},
                           )
    assert REFUSED["en"] in _said(client, response)
    db.session.expire_all()
    assert db.session.get(MeetingRequest, req.id).state == "pending"
    assert db.session.scalar(select(MeetingRequest).where(
        MeetingRequest.from_user_id == me.user_id)) is None


def test_send_it_again_needs_csrf_and_sends_a_fresh_link(app, client):
    kari = _unconfirmed(locale="en")
    _login(client, kari.email)
    assert client.post("/account/address/send").status_code == 400  # no CSRF token
    assert outbox_of(app) == []
    page = client.get("/account/").get_data(as_text=True)
    response = client.post("/account/address/send",
                           data={"csrf_token": token_in(page), "next": "/pitches/mine"})
    assert response.status_code == 303 and response.location.endswith("/pitches/mine")
    (mail,) = outbox_of(app)
    assert mail.to == ["kari@example.no"] and mail.subject == SUBJECT["en"]
    from app.services.tokens import user_for_address_token
    assert user_for_address_token(_path(_link(mail)).rsplit("/", 1)[1]).id == kari.id


class TestRateLimit:
    @pytest.fixture
    def app_overrides(self):
        return {"WTF_CSRF_ENABLED": True, "RATELIMIT_ENABLED": True,
                "RATELIMIT_STORAGE_URI": "memory://",
                "EMAIL_CHANGE_TARGET_RATE_LIMIT": "2 per hour"}

    def test_send_it_again_is_rate_limited_per_inbox(self, app, client):
        kari = _unconfirmed(locale="en")
        _login(client, kari.email)
        token = token_in(client.get("/account/").get_data(as_text=True))
        codes = [client.post("/account/address/send", data={"csrf_token": token}).status_code
                 for _ in range(3)]
        assert codes == [303, 303, 429]
        assert len(outbox_of(app)) == 2


@pytest.mark.parametrize(("lang", "message"), [
    ("en", "The link is invalid or has expired."),
    ("nb", "Lenken er ugyldig eller utløpt."),
])
def test_a_wrong_or_expired_link_gets_a_clear_page(app, client, lang, message):
    from app.services.tokens import make_address_token, user_for_address_token
    kari = _unconfirmed(locale=lang)
    with app.test_request_context():
        token = make_address_token(kari)
    with client.session_transaction() as session:
        session["lang"] = lang
    wrong = client.get(f"/account/address/confirm/{token}x")
    assert wrong.status_code == 404 and message in wrong.get_data(as_text=True)
    assert user_for_address_token(token, max_age=-1) is None  # a week later
    kari.email = "kari.ny@example.no"  # a link to an address the account no longer has
    db.session.commit()
    assert client.get(f"/account/address/confirm/{token}").status_code == 404
    assert _kari() is None and db.session.get(User, kari.id).email_confirmed_at is None


def test_a_password_reset_link_confirms_the_address_too(app, client):
    kari = _unconfirmed(locale="en")
    from app.services.tokens import make_reset_token
    with app.test_request_context():
        token = make_reset_token(kari)
    page = client.get(f"/auth/reset/{token}").get_data(as_text=True)
    client.post(f"/auth/reset/{token}", data={"password": "Et helt nytt passord 42",
                                              "confirm": "Et helt nytt passord 42",
                                              "csrf_token": token_in(page)})
    assert _kari().email_confirmed_at is not None


def test_made_accounts_count_as_confirmed(app):
    assert make_user("founder").email_confirmed_at is not None
