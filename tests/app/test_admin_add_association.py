"""An admin can add an association. Jonas's job "add or edit an association" stopped at
edit: the associations page had no way to add one, nor had the command line (seed-reference
makes only the six), so a seventh association joining the network needed a developer. The
page now has "Add an association": the edit page's fields and checks, a short name made from
the name (the command line's --association and the audit log's subject take it), audited;
the new association is at once a choice for inviting its staff."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from app.extensions import db
from app.models import Association, AuditEvent, User
from app.services import associations
from tests.app.security.checksum import checksum
from tests.app.security.principals import log_in
from tests.app.test_i18n import _untranslated
from tests.factories import make_user


@pytest.fixture
def admin_client(app):
    client = app.test_client()
    log_in(client, make_user("admin", association=None, locale="en"))
    return client


def _count() -> int:
    return db.session.scalar(select(func.count(Association.id)))


def test_the_list_leads_to_adding_one(admin_client):
    page = admin_client.get("/admin/associations").get_data(as_text=True)
    assert 'href="/admin/associations/new"' in page and "Add an association" in page
    form = admin_client.get("/admin/associations/new")
    assert form.status_code == 200
    assert "An association is never deleted" in form.get_data(as_text=True)


def test_adding_an_association_makes_it_a_choice_for_staff(app, admin_client):
    response = admin_client.post("/admin/associations/new", data={
        "name": "  Hallingdal Næringsforening ", "contact_email": "Post@Hallingdal.no",
        "website": "hallingdal.no"})
    assert response.status_code == 303 and response.location.endswith("/admin/associations")
    page = admin_client.get(response.location).get_data(as_text=True)
    assert "Hallingdal Næringsforening is added." in page
    added = db.session.scalar(select(Association).where(
        Association.name == "Hallingdal Næringsforening"))
    assert (added.slug, added.contact_email, added.website) == (
        "hallingdal-naeringsforening", "post@hallingdal.no", "https://hallingdal.no")
    event = db.session.scalar(select(AuditEvent).where(
        AuditEvent.action == "association_created"))
    assert event.target == "association:hallingdal-naeringsforening"
    assert "Added an association" in admin_client.get("/admin/audit").get_data(as_text=True)
    edit = admin_client.get(f"/admin/associations/{added.id}").get_data(as_text=True)
    assert "hallingdal-naeringsforening" in edit  # the short name, for the command line
    invite = admin_client.get("/admin/users/invite").get_data(as_text=True)
    assert f'<option value="{added.id}">Hallingdal Næringsforening</option>' in invite
    result = app.test_cli_runner().invoke(args=[
        "users", "create", "--role", "staff", "--association", added.slug,
        "--email", "per@hallingdal.no", "--name", "Per", "--password",
        "en lang setning som er lett å huske"])
    assert result.exit_code == 0, result.output
    assert db.session.scalar(select(User).where(User.email == "per@hallingdal.no")
                             ).association_id == added.id


@pytest.mark.parametrize("data, message", [
    ({"name": ""}, "This field is required."),
    ({"name": "asker næringsforening"}, "Another association has this name."),
    ({"name": "Ny", "contact_email": "nope"}, "Enter an e-mail address, such as kari@solkraft.no."),
    ({"name": "Ny", "website": "javascript:alert(1)"}, "Enter a web address"),
])
def test_bad_input_gets_a_message_and_adds_nothing(admin_client, data, message):
    before, count = checksum(), _count()
    response = admin_client.post("/admin/associations/new", data=data)
    assert response.status_code == 422
    assert message in response.get_data(as_text=True)
    assert _count() == count and checksum() == before


def test_short_names_are_plain_and_not_taken_twice(app):
    admin = make_user("admin", association=None)
    with app.test_request_context():
        first = associations.create(name="Øvre Eiker Næringsråd", contact_email=None,
                                    website=None, actor=admin)
        assert first.slug == "ovre-eiker-naeringsrad"
        assert associations.short_name("Øvre Eiker næringsråd!") == "ovre-eiker-naeringsrad-2"
        long = associations.short_name("Næringsforeningen for " + "Nore og Uvdal " * 6)
        assert len(long) <= 37 and not long.endswith("-")
        assert associations.short_name("Åsane") == "asane"


def test_the_add_page_is_bokmal(app):
    admin = make_user("admin", association=None)
    assert _untranslated(app, "/admin/associations/new", admin) == []


@pytest.mark.parametrize("role", ["founder", "investor", "staff", None])
def test_only_admins_add_associations(app, role):
    client = app.test_client()
    if role:
        log_in(client, make_user(role))
    before = checksum()
    for method in ("GET", "POST"):
        response = client.open("/admin/associations/new", method=method,
                               data={"name": "Kapret forening"})
        if role:
            assert response.status_code == 403
        else:
            assert response.status_code == 302 and "/auth/login" in response.location
    assert checksum() == before
