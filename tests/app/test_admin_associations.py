"""The admin's association pages: each association with its members, staff and arenas, and
editing its display name and contact details (validated, audited). Never deleted."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from app.extensions import db
from app.models import Association, AuditEvent
from app.services.accounts import association_by_slug
from tests.app.security.checksum import checksum
from tests.app.security.principals import log_in
from tests.app.test_i18n import _untranslated
from tests.factories import make_arena, make_user


@pytest.fixture
def admin_client(app):
    client = app.test_client()
    log_in(client, make_user("admin", association=None))
    return client


def _row(html: str, association: Association) -> list[str]:
    """The cells of the association's row in the list, as text."""
    row = re.search(rf'<tr data-association-id="{association.id}"[^>]*>(.*?)</tr>', html, re.S)
    return [" ".join(re.sub(r"<[^>]+>", " ", cell).split())
            for cell in re.findall(r"<t[dh]\b[^>]*>(.*?)</t[dh]>", row.group(1), re.S)]


def test_list_counts_members_staff_and_arenas(admin_client):
    drammen, modum = association_by_slug("drammen"), association_by_slug("modum")
    make_user("founder", association="drammen")
    make_user("investor", association="drammen")
    make_user("founder", association="drammen", active=False)  # not counted
    make_user("staff", association="drammen")
    make_arena(("drammen", "asker"))
    make_arena(("drammen",))
    page = admin_client.get("/admin/associations").get_data(as_text=True)
    assert _row(page, drammen)[2:] == ["2", "1", "2"]
    assert _row(page, modum)[2:] == ["0", "0", "0"]
    assert len(re.findall(r"data-association-id=", page)) == 6


def test_edit_saves_name_and_contact_details(admin_client):
    drammen = association_by_slug("drammen")
    form = admin_client.get(f"/admin/associations/{drammen.id}").get_data(as_text=True)
    assert 'value="Næringsforeningen i Drammensregionen"' in form
    response = admin_client.post(f"/admin/associations/{drammen.id}", data={
        "name": "  Drammen Næringsforening ", "contact_email": "Post@Drammen.no",
        "website": "https://www.drammen-naering.no"})
    assert response.status_code == 303
    db.session.expire_all()
    drammen = db.session.get(Association, drammen.id)
    assert (drammen.name, drammen.contact_email, drammen.website) == (
        "Drammen Næringsforening", "post@drammen.no", "https://www.drammen-naering.no")
    assert drammen.slug == "drammen"  # the slug other data refers to stays
    event = db.session.scalar(select(AuditEvent).where(
        AuditEvent.action == "association_changed"))
    assert event.target == "association:drammen"
    assert event.detail == "name, contact_email, website"
    page = admin_client.get("/admin/associations").get_data(as_text=True)
    assert _row(page, drammen)[:2] == ["Drammen Næringsforening",
                                       "post@drammen.no https://www.drammen-naering.no"]
    # the new name is the one staff pick from
    assert "Drammen Næringsforening" in admin_client.get("/admin/users/invite").get_data(
        as_text=True)
    # clearing the contact details is allowed
    admin_client.post(f"/admin/associations/{drammen.id}",
                      data={"name": "Drammen Næringsforening", "contact_email": "",
                            "website": ""})
    db.session.expire_all()
    assert db.session.get(Association, drammen.id).website is None


@pytest.mark.parametrize(("data", "message"), [
    ({"name": ""}, "This field is required."),
    ({"name": "x" * 121}, "Field cannot be longer than 120 characters."),
    ({"name": "Asker Næringsforening"}, "Another association has this name."),
    ({"name": "ok", "contact_email": "not-an-address"},
     "Enter an e-mail address, such as kari@solkraft.no."),
    ({"name": "ok", "website": "javascript:alert(1)"}, "Enter a web address, such as"),
    ({"name": "ok", "website": "https://" + "a" * 200 + ".no"}, "Field cannot be longer"),
])
def test_bad_input_gets_a_message_and_changes_nothing(admin_client, data, message):
    drammen = association_by_slug("drammen")
    before = checksum()
    response = admin_client.post(f"/admin/associations/{drammen.id}", data=data)
    assert response.status_code == 422
    html = response.get_data(as_text=True)
    assert message in html and "invalid-feedback" in html
    assert checksum() == before


def test_unknown_association_is_a_404_and_there_is_no_delete(admin_client):
    before = checksum()
    assert admin_client.get("/admin/associations/99999").status_code == 404
    assert admin_client.post("/admin/associations/99999", data={"name": "x"}
                             ).status_code == 404
    drammen = association_by_slug("drammen")
    assert admin_client.delete(f"/admin/associations/{drammen.id}").status_code == 405
    assert checksum() == before


def test_association_pages_are_all_bokmal(app):
    admin = make_user("admin", association=None)
    drammen = association_by_slug("drammen")
    for path in ("/admin/associations", f"/admin/associations/{drammen.id}"):
        assert _untranslated(app, path, admin) == [], path


@pytest.mark.parametrize("role", ["founder", "investor", "staff", None])
def test_only_admins_reach_the_association_pages(app, role):
    drammen = association_by_slug("drammen")
    client = app.test_client()
    if role:
        log_in(client, make_user(role))
    before = checksum()
    for method, url in (("GET", "/admin/associations"),
                        ("GET", f"/admin/associations/{drammen.id}"),
                        ("POST", f"/admin/associations/{drammen.id}")):
        response = client.open(url, method=method, data={"name": "Kapret"})
        if role:
            assert response.status_code == 403, (role, method, url)
        else:
            assert response.status_code == 302 and "/auth/login" in response.location
    assert checksum() == before
