"""Staff and admins read an address whose domain is stored in its ASCII form (e70c367) in
its own letters, as its owner and the other side have since 46885c5: the admin list of
people, a person's page, the deactivate and delete pages, the associations' contacts and
the arena's invitation search show oystein@blåbær.no, not oystein@xn--blbr-roah.no. A
mailto link keeps the stored form every mail program takes."""

from __future__ import annotations

from app.extensions import db
from app.models import Association
from tests.app.security.principals import logged_in_client
from tests.factories import make_arena, make_pitch, make_user

STORED, SHOWN = "oystein@xn--blbr-roah.no", "oystein@blåbær.no"


def test_admin_pages_show_the_domain_in_its_own_letters(app):
    admin = make_user("admin")
    person = make_user("founder", STORED, name="Øystein Ærø")
    association = db.session.get(Association, admin.association_id) or Association(
        name="Blåbærlaget", slug="blaabaerlaget")
    association.contact_email = "post@xn--blbr-roah.no"
    db.session.add(association)
    db.session.commit()
    client = logged_in_client(app, admin)
    for path in ("/admin/users", f"/admin/users/{person.id}",
                 f"/admin/users/{person.id}/deactivate", f"/admin/users/{person.id}/delete"):
        page = client.get(path).get_data(as_text=True)
        assert SHOWN in page, path
        assert STORED not in page, path
    page = client.get("/admin/associations").get_data(as_text=True)
    assert '<a href="mailto:post@xn--blbr-roah.no">post@blåbær.no</a>' in page


def test_the_invitation_search_shows_the_domain_in_its_own_letters(app):
    arena = make_arena()
    staff = make_user("staff")  # of asker, the arena's host
    make_pitch(make_user("founder", STORED, name="Øystein Ærø"))  # a founder with a pitch
    db.session.commit()
    page = logged_in_client(app, staff).get(
        f"/staff/arenas/{arena.id}/invitations?q=ystein").get_data(as_text=True)
    assert "Øystein Ærø" in page
    assert SHOWN in page and STORED not in page
