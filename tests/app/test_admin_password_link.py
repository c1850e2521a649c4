"""An admin can send someone the link to choose a new password from their page. Jonas, the
network's IT person, had a locked-out member on the phone and nothing on the person's page
to help with: no reset, no resend of an expired staff invitation; only telling them to find
"Forgot your password?" themselves. The button mails the same single-use link that page
sends (to the person's own address), audited as a reset request the admin made on the
account, and the page says that too many wrong passwords lock logging in for a minute only.
"""

from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from app.extensions import db
from app.models import AuditEvent, User
from app.services.passwords import verify_password
from tests.app.security.checksum import checksum
from tests.app.security.principals import log_in
from tests.factories import DEFAULT_PASSWORD, make_user, outbox_of

NEW_PASSWORD = "fjord sol batteri 2026"


@pytest.fixture
def admin(app):
    user = make_user("admin", "sjef@koble.no", name="Ada Admin", association=None,
                     locale="en")
    client = app.test_client()
    log_in(client, user)
    return user, client


def test_the_person_page_offers_the_link_while_the_account_is_active(admin):
    _me, client = admin
    active = make_user("founder")
    inactive = make_user("founder", active=False)
    page = client.get(f"/admin/users/{active.id}").get_data(as_text=True)
    assert f'action="/admin/users/{active.id}/password-link"' in page
    assert "Send a link to choose a new password" in page
    assert "logging in is refused for a minute" in page
    page = client.get(f"/admin/users/{inactive.id}").get_data(as_text=True)
    assert "password-link" not in page


def test_the_link_lets_the_person_choose_a_new_password(app, admin):
    me, client = admin
    kari = make_user("founder", "kari@grunder.no", name="Kari Nordmann", locale="en")
    response = client.post(f"/admin/users/{kari.id}/password-link")
    assert response.status_code == 303
    assert response.location.endswith(f"/admin/users/{kari.id}")
    page = client.get(response.location).get_data(as_text=True)
    assert "A link to choose a new password is on its way to kari@grunder.no." in page
    assert "Sent a link to choose a new password · Ada Admin" in page  # the page's history
    [mail] = outbox_of(app)
    assert mail.to == ["kari@grunder.no"] and mail.subject == "Reset your Koble password"
    db.session.expire_all()
    assert verify_password(db.session.get(User, kari.id).password_hash, DEFAULT_PASSWORD)
    [event] = db.session.scalars(select(AuditEvent).where(
        AuditEvent.action == "password_reset_requested"))
    assert (event.actor_id, event.target) == (me.id, f"user:{kari.id}")

    path = re.search(r"http://\S+/auth/reset/\S+", mail.body).group(0).split("localhost", 1)[1]
    fresh = app.test_client()
    assert fresh.post(path, data={"password": NEW_PASSWORD, "confirm": NEW_PASSWORD}
                      ).status_code == 302
    assert fresh.post("/auth/login", data={"email": "kari@grunder.no",
                                           "password": NEW_PASSWORD}).status_code == 302


def test_a_deactivated_account_gets_no_link(app, admin):
    _me, client = admin
    gone = make_user("investor", active=False)
    before = checksum()
    response = client.post(f"/admin/users/{gone.id}/password-link")
    assert response.status_code == 303
    page = client.get(response.location).get_data(as_text=True)
    assert "The account is deactivated: reactivate it first, then send the link." in page
    assert outbox_of(app) == [] and checksum() == before


def test_a_mail_that_could_not_be_sent_says_what_is_left(app, admin, monkeypatch):
    from app.services import mailer

    def down(*args, **kwargs):
        raise OSError("connection refused")

    monkeypatch.setattr(mailer, "send_mail", down)
    _me, client = admin
    kari = make_user("founder", name="Kari Nordmann")
    page = client.get(client.post(f"/admin/users/{kari.id}/password-link").location
                      ).get_data(as_text=True)
    assert ("The e-mail could not be sent. Kari Nordmann can use “Forgot your password?” on "
            "the login page.") in page.replace("&#34;", '"')


def test_in_bokmal(app):
    me = make_user("admin", association=None, locale="nb")
    client = app.test_client()
    log_in(client, me)
    kari = make_user("founder", "kari@grunder.no")
    page = client.get(f"/admin/users/{kari.id}").get_data(as_text=True)
    assert "Send en lenke for å velge nytt passord" in page
    page = client.get(client.post(f"/admin/users/{kari.id}/password-link").location
                      ).get_data(as_text=True)
    assert "En lenke for å velge nytt passord er på vei til kari@grunder.no." in page


def test_the_link_is_explained_in_natural_bokmaal(app):
    """The bokmål note read "... eller hvis invitasjonslenke er utløpt", the noun without
    its article; it says whose link expired now."""
    user = make_user("admin", "leder@koble.no", association=None, locale="nb")
    client = app.test_client()
    log_in(client, user)
    page = client.get(f"/admin/users/{make_user('founder').id}").get_data(as_text=True)
    assert ("For den som har glemt passordet sitt eller har en invitasjonslenke som er "
            "utløpt:") in page
