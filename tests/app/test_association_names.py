"""After an admin renames an association, every page that offers or names it shows the new
name, in bokmål and English alike (a name is a proper noun), while forms keep storing the
association's slug."""

from __future__ import annotations

import re

import pytest

from app.extensions import db
from app.models import Arena, User
from app.services import associations
from app.services.accounts import association_by_slug
from tests.app.test_i18n import _client_in
from tests.factories import DEFAULT_PASSWORD, make_arena, make_invitation, make_user

OLD, NEW = "Asker Næringsforening", "Vestlandsporten Næringsforum"


@pytest.fixture
def renamed(app):
    """Asker renamed through the admin service, as /admin/associations does."""
    admin = make_user("admin", association=None)
    asker = association_by_slug("asker")
    associations.update(asker, name=NEW, contact_email=None, website=None, actor=admin)
    return asker


def option(html: str, field: str, slug: str) -> str:
    """The label people read for the slug in the form field (a select's <option>, or a
    checkbox and its <label>)."""
    select = re.search(rf'<select[^>]*name="{field}".*?</select>', html, re.S)
    if select is not None:
        found = re.search(rf'<option[^>]*value="{slug}"[^>]*>([^<]*)</option>', select.group(0))
    else:
        found = re.search(rf'name="{field}"[^>]*value="{slug}"[^>]*>\s*<label[^>]*>([^<]*)<',
                          html)
    return found.group(1).strip()


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_registration_offers_the_new_name(app, renamed, lang):
    page = _client_in(app, lang).get("/auth/register").get_data(as_text=True)
    assert option(page, "association", "asker") == NEW
    assert OLD not in page
    assert option(page, "association", "baerum") == "Bærum Næringsråd"  # the others keep theirs


def test_registering_with_a_renamed_association_stores_it(app, renamed):
    response = app.test_client().post("/auth/register", data={
        "role": "founder", "name": "Kari Nordmann", "email": "kari@grunder.no",
        "municipality": "drammen", "association": "asker", "password": DEFAULT_PASSWORD,
        "confirm": DEFAULT_PASSWORD})
    assert response.status_code == 302
    user = db.session.query(User).filter_by(email="kari@grunder.no").one()
    assert user.association_id == renamed.id


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_arena_form_offers_the_new_name_as_host(app, renamed, lang):
    staff = make_user("staff", association="asker")
    page = _client_in(app, lang, staff).get("/staff/arenas/new").get_data(as_text=True)
    assert option(page, "hosts", "asker") == NEW
    assert OLD not in page


def test_arena_edit_form_shows_the_new_name_and_keeps_the_hosts(app, renamed):
    staff = make_user("staff", association="asker")
    arena = make_arena(("asker", "drammen"), status="draft")
    client = _client_in(app, "en", staff)
    page = client.get(f"/staff/arenas/{arena.id}/edit").get_data(as_text=True)
    assert option(page, "hosts", "asker") == NEW and OLD not in page
    assert re.search(r'name="hosts"[^>]*value="asker" checked', page)
    db.session.expire_all()
    assert {a.slug for a in db.session.get(Arena, arena.id).hosts} == {"asker", "drammen"}


@pytest.mark.parametrize(("lang", "text"), [
    ("nb", f"{NEW}: rettferdig andel 2 reserverte plasser."),
    ("en", f"{NEW}: fair share 2 reserved seats."),
])
def test_invitation_page_names_the_association_by_its_new_name(app, renamed, lang, text):
    staff = make_user("staff", association="asker")
    arena = make_arena(status="draft")
    make_invitation(arena, make_user("founder"), state="proposed", rank=1, reasons={
        "value": 0.8, "good": 2, "association": "asker", "quota": 2})
    page = _client_in(app, lang, staff).get(
        f"/staff/arenas/{arena.id}/invitations").get_data(as_text=True)
    assert text in page
    assert OLD not in page
