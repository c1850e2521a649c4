"""An admin who picks another association for a founder or investor on their page is told
the association stays (the page says a member's association is not changed there), not that
"role and association are saved"."""

from __future__ import annotations

import html

import pytest

from app.extensions import db
from app.models import User
from app.services.accounts import association_by_slug
from tests.app.security.principals import log_in
from tests.factories import make_user


@pytest.fixture
def admin_client(app):
    """A client logged in as an admin."""
    client = app.test_client()
    log_in(client, make_user("admin", association=None))
    return client


def _save(client, person: User, role: str, slug: str | None, lang: str) -> str:
    client.post("/language", data={"lang": lang})
    association = str(association_by_slug(slug).id) if slug else ""
    response = client.post(f"/admin/users/{person.id}/role",
                           data={"role": role, "association": association})
    assert response.status_code == 303
    return html.unescape(client.get(f"/admin/users/{person.id}").get_data(as_text=True))


@pytest.mark.parametrize(("lang", "kept", "saved"), [
    ("nb", "Foreningen er ikke endret", "Rollen og foreningen til Kari Nordmann er lagret."),
    ("en", "Their association is not changed", "Kari Nordmann's role and association are saved."),
])
@pytest.mark.parametrize("role", ["founder", "investor"])
def test_a_members_association_left_as_it_is_is_said(admin_client, lang, kept, saved, role):
    person = make_user("founder", name="Kari Nordmann", association="drammen")
    page = _save(admin_client, person, role, "asker", lang)
    db.session.expire_all()
    person = db.session.get(User, person.id)
    assert (person.role, person.association.slug) == (role, "drammen")
    assert kept in page and saved not in page


@pytest.mark.parametrize(("lang", "saved"), [
    ("nb", "Rollen og foreningen til Kari Nordmann er lagret."),
    ("en", "Kari Nordmann's role and association are saved."),
])
def test_a_role_change_that_keeps_the_shown_association_says_saved(admin_client, lang, saved):
    person = make_user("founder", name="Kari Nordmann", association="drammen")
    page = _save(admin_client, person, "investor", "drammen", lang)
    assert saved in page
    assert "Their association is not changed" not in page
    assert "Foreningen er ikke endret" not in page
    staff = _save(admin_client, person, "staff", "asker", lang)
    db.session.expire_all()
    assert db.session.get(User, person.id).association.slug == "asker"
    assert saved in staff
