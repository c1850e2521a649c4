"""The link a new account chooses its first password with (an invited staff member's, an
imported member's) works for 7 days, as the registration's address link does, and the
e-mail says so ("within 7 days" / "innen 7 dager"). It was the "Forgot your password?"
link, which dies after an hour: an invitation read the next morning led to "The link is
invalid or has expired". The forgotten-password link keeps its hour; both work once."""

from __future__ import annotations

import re
import time
import types

import pytest

from app.services.accounts import association_by_slug
from tests.app.test_admin_users import NEW_PASSWORD, admin  # noqa: F401 - fixture
from tests.app.test_member_invitation_mail import _csv, _import
from tests.factories import make_user, outbox_of

DAY = 24 * 3600


@pytest.fixture
def later(monkeypatch):
    """later(seconds): the signed links' clock (itsdangerous) runs that far ahead."""
    def jump(seconds: int) -> None:
        monkeypatch.setattr("itsdangerous.timed.time",
                            types.SimpleNamespace(time=lambda: time.time() + seconds))
    return jump


def _path(mail) -> str:
    return re.search(r"http://localhost(/auth/reset/\S+)", mail.body).group(1)


def _opens(app, path: str) -> bool:
    """Whether the link shows the choose-a-password page (not the "expired" redirect)."""
    return app.test_client().get(path).status_code == 200


def test_a_staff_invitation_link_works_for_days_and_says_so(app, admin, later):  # noqa: F811
    _admin, client = admin
    page = client.get("/admin/users/invite").get_data(as_text=True)
    assert "The link works for 7 days" in page or "Lenken virker i 7 dager" in page
    client.post("/admin/users/invite", data={
        "name": "Siri Stab", "email": "siri@drammen.no",
        "association": str(association_by_slug("drammen").id), "locale": "nb"})
    [mail] = outbox_of(app)
    body = " ".join(mail.body.split())
    assert "Åpne denne lenken innen 7 dager for å velge passord:" in body
    assert "innen en time" not in body
    path = _path(mail)
    later(6 * DAY)
    assert _opens(app, path)
    fresh = app.test_client()
    assert fresh.post(path, data={"password": NEW_PASSWORD, "confirm": NEW_PASSWORD}
                      ).status_code == 302
    assert not _opens(app, path)  # once


def test_an_imported_members_link_works_for_days_not_past_a_week(app, client, staff, later):
    assert _import(client, _csv(["kari@bedrift.no", "Kari Medlem", "founder", "Asker",
                                 "Kari AS"])).status_code == 303
    [mail] = outbox_of(app)
    assert "Open this link within 7 days to choose your password:" in " ".join(
        mail.body.split())
    path = _path(mail)
    later(2 * DAY)
    assert _opens(app, path)
    later(8 * DAY)
    assert not _opens(app, path)


def test_the_forgotten_password_link_keeps_its_hour(app, later):
    user = make_user("founder", "glemt@bedrift.no", locale="en")
    app.test_client().post("/auth/reset", data={"email": user.email})
    [mail] = outbox_of(app)
    assert "within an hour" in mail.body
    path = _path(mail)
    later(3000)
    assert _opens(app, path)
    later(2 * 3600)
    assert not _opens(app, path)


def test_the_english_staff_invitation_says_7_days(app, admin):  # noqa: F811
    _admin, client = admin
    client.post("/admin/users/invite", data={
        "name": "Siri Stab", "email": "siri@drammen.no",
        "association": str(association_by_slug("drammen").id), "locale": "en"})
    [mail] = outbox_of(app)
    assert "Open this link within 7 days to choose your password:" in " ".join(
        mail.body.split())
