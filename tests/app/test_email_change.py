"""Changing one's e-mail address (a link to the new address, a notice to the old, the change
only when the link is confirmed) and the security e-mail after a password change."""

from __future__ import annotations

import re
import time

import pytest
from sqlalchemy import select

from app.extensions import db
from app.models import AuditEvent, User
from tests.app.form_tokens import token_in
from tests.factories import DEFAULT_PASSWORD, make_user, outbox_of

NEW = "kari.ny@example.no"


@pytest.fixture
def app_overrides() -> dict:
    """CSRF on, as in production: the confirmation page's button must carry its token."""
    return {"WTF_CSRF_ENABLED": True}


@pytest.fixture
def kari(app, client, auth):
    """Kari, who reads English, logged in (the pages in bokmål)."""
    user = make_user("founder", "kari@example.no", name="Kari Nordmann", locale="en")
    _login(client, user.email)
    return user


def _login(client, email: str, password: str = DEFAULT_PASSWORD):
    page = client.get("/auth/login").get_data(as_text=True)
    return client.post("/auth/login", data={"email": email, "password": password,
                                            "csrf_token": token_in(page)})


def _ask(client, email: str = NEW, password: str = DEFAULT_PASSWORD):
    page = client.get("/account/").get_data(as_text=True)
    return client.post("/account/email", data={"email": email, "password": password,
                                                "csrf_token": token_in(page)})


def _link(mail) -> str:
    return next(w for w in mail.body.split() if "/account/email/confirm/" in w)


def _confirm(client, link: str):
    path = link.split("://", 1)[1].split("/", 1)[1]
    page = client.get(f"/{path}")
    # a refused link has no form: the session's token from another page (a tab kept open)
    token = token_in(page.get_data(as_text=True) if page.status_code == 200
                     else client.get("/auth/reset").get_data(as_text=True))
    return page, client.post(f"/{path}", data={"csrf_token": token})


def _email_of(user: User) -> str:
    db.session.expire_all()
    return db.session.get(User, user.id).email


def _actions(user: User) -> list[str]:
    return list(db.session.scalars(select(AuditEvent.action).where(
        AuditEvent.target == f"user:{user.id}").order_by(AuditEvent.id)))


def test_the_account_page_offers_the_change(client, kari):
    html = client.get("/account/").get_data(as_text=True)
    assert 'action="/account/email"' in html and 'href="#change-email"' in html
    assert 'autocomplete="current-password"' in html


def test_happy_path_link_to_new_address_notice_to_old_change_on_confirm(app, client, kari):
    response = _ask(client)
    assert response.status_code == 303
    assert NEW in client.get("/account/").get_data(as_text=True)  # "we sent a link to …"
    to_new, to_old = outbox_of(app)
    assert to_new.to == [NEW] and to_old.to == ["kari@example.no"]
    # in the recipient's language, not the page's
    assert to_new.subject == "Confirm your new e-mail address for Koble"
    assert to_old.subject == "Your Koble e-mail address is being changed"
    assert NEW in to_old.body and "/auth/reset" in to_old.body
    assert "/account/email/confirm/" not in to_old.body  # the old address cannot confirm
    assert _email_of(kari) == "kari@example.no"  # nothing changes before the link

    page, done = _confirm(client, _link(to_new))
    assert page.status_code == 200 and NEW in page.get_data(as_text=True)
    assert done.status_code == 303
    assert _email_of(kari) == NEW
    assert _actions(kari)[-2:] == ["email_change_requested", "email_changed"]
    changed = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "email_changed"))
    assert changed.detail == f"kari@example.no -> {NEW}" and changed.actor_id == kari.id

    client.post("/auth/logout", data={"csrf_token": token_in(
        client.get("/account/").get_data(as_text=True))})
    assert _login(client, NEW).status_code == 302
    assert _login(app.test_client(), "kari@example.no").status_code == 422


def test_the_link_works_logged_out_in_the_owners_language(app, client, kari):
    _ask(client)
    stranger = app.test_client()
    page, done = _confirm(stranger, _link(outbox_of(app)[0]))
    assert 'lang="en"' in page.get_data(as_text=True)
    assert done.status_code == 303 and "/auth/login" in done.location
    assert _email_of(kari) == NEW


def test_wrong_password_changes_nothing_and_sends_nothing(app, client, kari):
    response = _ask(client, password="not my password at all")
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "data-error-summary" in html and 'href="#password"' in html
    assert outbox_of(app) == []
    assert "email_change_requested" not in _actions(kari)


def test_taken_address_gets_the_same_answer_and_is_refused_at_the_link(app, client, kari):
    make_user("investor", "ola@example.no", name="Ola")
    free = _ask(client, "fri@example.no")
    free_flash = client.get("/account/").get_data(as_text=True)
    taken = _ask(client, "OLA@example.no")
    taken_flash = client.get("/account/").get_data(as_text=True)
    assert free.status_code == taken.status_code == 303
    # the asking page cannot tell the two apart
    # (a mark no CSRF token can hold: a page's random token may contain an "X")
    assert free_flash.replace("fri@example.no", "«ADDR»").count("«ADDR»") == \
        taken_flash.replace("ola@example.no", "«ADDR»").count("«ADDR»")
    assert re.sub(r"fri@example\.no", "ADDR", _flash(free_flash)) == \
        re.sub(r"ola@example\.no", "ADDR", _flash(taken_flash))

    link = _link(next(m for m in outbox_of(app) if m.to == ["ola@example.no"]))
    page, done = _confirm(app.test_client(), link)
    assert page.status_code == 200
    assert done.status_code == 409
    assert "already belongs to another Koble account" in done.get_data(as_text=True)
    assert _email_of(kari) == "kari@example.no"
    assert "email_changed" not in _actions(kari)


def _flash(html: str) -> str:
    found = re.search(r'<div data-flash-words>(.*?)</div>', html, re.S)
    return re.sub(r"\s+", " ", found.group(1)) if found else html


def test_a_used_link_is_refused(app, client, kari):
    _ask(client)
    link = _link(outbox_of(app)[0])
    _confirm(client, link)
    again, again_post = _confirm(app.test_client(), link)
    assert again.status_code == 404 and again_post.status_code == 404
    assert "invalid, has expired or has been used" in again.get_data(as_text=True)


def test_an_expired_link_is_refused(app, client, kari, monkeypatch):
    _ask(client)
    link = _link(outbox_of(app)[0])
    later = time.time() + 24 * 3600 + 60
    monkeypatch.setattr("itsdangerous.timed.time.time", lambda: later)
    page, done = _confirm(app.test_client(), link)
    assert page.status_code == 404 and done.status_code == 404
    assert _email_of(kari) == "kari@example.no"


def test_a_second_pending_link_dies_once_the_first_is_used(app, client, kari):
    _ask(client, "en@example.no")
    _ask(client, "to@example.no")
    first = _link(next(m for m in outbox_of(app) if m.to == ["en@example.no"]))
    second = _link(next(m for m in outbox_of(app) if m.to == ["to@example.no"]))
    _confirm(client, first)
    _page, done = _confirm(app.test_client(), second)
    assert done.status_code == 404 and _email_of(kari) == "en@example.no"


def test_old_password_reset_links_die_with_the_old_address(app, client, kari):
    other = app.test_client()
    page = other.get("/auth/reset").get_data(as_text=True)
    other.post("/auth/reset", data={"email": "kari@example.no",
                                     "csrf_token": token_in(page)})
    reset = next(w for w in outbox_of(app)[-1].body.split() if "/auth/reset/" in w)
    reset_path = "/" + reset.split("://", 1)[1].split("/", 1)[1]
    assert other.get(reset_path).status_code == 200  # alive before the change
    _ask(client)
    _confirm(client, _link(next(m for m in outbox_of(app) if m.to == [NEW])))
    dead = other.get(reset_path)
    assert dead.status_code == 302 and "/auth/reset" in dead.location


def test_a_changed_password_mails_the_account_in_its_language(app, client, kari):
    page = client.get("/auth/password").get_data(as_text=True)
    new_password = "fjord sol batteri 2026 ny"
    response = client.post("/auth/password", data={
        "current_password": DEFAULT_PASSWORD, "new_password": new_password,
        "confirm": new_password, "csrf_token": token_in(page)})
    assert response.status_code in (302, 303)
    (mail,) = outbox_of(app)
    assert mail.to == ["kari@example.no"]
    assert mail.subject == "Your Koble password was changed"
    assert "If it was not you" in mail.body and "/auth/reset" in mail.body


def test_a_refused_password_change_sends_no_mail(app, client, kari):
    page = client.get("/auth/password").get_data(as_text=True)
    client.post("/auth/password", data={
        "current_password": "wrong wrong wrong", "new_password": "fjord sol batteri 2026",
        "confirm": "fjord sol batteri 2026", "csrf_token": token_in(page)})
    assert outbox_of(app) == []


def test_mails_in_bokmal_for_a_bokmal_reader(app, client):
    ola = make_user("founder", "ola@example.no", name="Ola", locale="nb")
    _login(client, ola.email)
    _ask(client, "ola.ny@example.no")
    to_new, to_old = outbox_of(app)
    assert to_new.subject == "Bekreft den nye e-postadressen din for Koble"
    assert to_old.subject == "E-postadressen til Koble-kontoen din blir endret"


def _logged_in(client) -> bool:
    return client.get("/account/").status_code == 200


def test_confirming_ends_the_other_sessions_and_keeps_the_confirming_one(app, client, kari):
    """As a new password does: whoever took over a session must not keep it once the
    account has moved to another address."""
    elsewhere = app.test_client()
    _login(elsewhere, "kari@example.no")
    assert _logged_in(elsewhere)
    _ask(client)
    _page, done = _confirm(client, _link(outbox_of(app)[0]))
    assert done.status_code == 303 and done.location.endswith("/account/")
    page = client.get("/account/")
    assert page.status_code == 200
    assert "Other sessions are logged out." in page.get_data(as_text=True)
    assert not _logged_in(elsewhere)


def test_confirming_logged_out_ends_every_session(app, client, kari):
    _ask(client)
    _page, done = _confirm(app.test_client(), _link(outbox_of(app)[0]))
    assert done.status_code == 303
    assert not _logged_in(client)


def test_the_notice_to_the_old_address_says_other_sessions_will_end(app, client, kari):
    _ask(client)
    to_old = outbox_of(app)[1]
    assert "every other session is logged out" in " ".join(to_old.body.split())


def test_a_new_address_with_its_own_letters_is_said_so_and_stored_in_ascii(app, client, kari):
    """The domain of blåbær.no is stored in its ASCII form (accounts.normalise_email); the
    pages that name the new address write it as typed, not xn--blbr-roah.no."""
    asked = _ask(client, "kari@blåbær.no")
    said = client.get(asked.headers["Location"]).get_data(as_text=True)
    assert "kari@blåbær.no" in said and "xn--" not in said
    mail = [m for m in outbox_of(app) if m.to == ["kari@xn--blbr-roah.no"]][-1]

    page, confirmed = _confirm(client, _link(mail))

    assert "kari@blåbær.no" in page.get_data(as_text=True)
    assert _email_of(kari) == "kari@xn--blbr-roah.no"
    assert "kari@blåbær.no" in client.get(confirmed.headers["Location"]).get_data(as_text=True)
