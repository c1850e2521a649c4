"""Staff's list of their association's members (/staff/members): its founders and investors,
searched by name, e-mail or organisation, filtered by role, account state and what they have
on Koble, counted at the top, each linked to the member page; an admin's every association's.
Before, staff had no list of their members at all (only one member's page)."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import func, select

from app.extensions import db
from app.models import User
from app.services.accounts import association_by_slug
from tests.app.security.principals import logged_in_client
from tests.factories import make_investor, make_pitch, make_user


def _text(response) -> str:
    return re.sub(r"\s+", " ", response.get_data(as_text=True))


def _words(response) -> str:
    """The page's text without its tags."""
    return " ".join(re.sub(r"<[^>]+>", " ", response.get_data(as_text=True)).split())


def _listed(response) -> list[str]:
    """The names in the list's rows, in order."""
    table = re.search(r'<table[^>]*id="member-list".*?</table>', response.get_data(as_text=True),
                      re.S)
    return re.findall(r'<a href="/staff/members/\d+">([^<]+)</a>', table.group(0)) if table else []


@pytest.fixture
def world(app):
    """Asker's six members (two founders, one with a published pitch; two investors, one
    listed; one deactivated; one whose address is not confirmed), and those never listed
    to Asker's staff: Drammen's founder, Asker's staff, a deleted account."""
    people = {
        "pitching": make_user("founder", "kari@gründer.no", name="Kari Østby"),
        "drafting": make_user("founder", name="Ola Utkast"),
        "listed": make_user("investor", name="Ivar Investor"),
        "unlisted": make_user("investor", name="Siri Skjult"),
        "gone": make_user("founder", name="Dag Deaktivert", active=False),
        "new": make_user("founder", name="Nina Ny"),
        "elsewhere": make_user("founder", name="Per Drammen", association="drammen"),
        "colleague": make_user("staff", name="Stine Stab"),
        "deleted": make_user("founder", "x1@deleted.invalid", name="Deleted user"),
    }
    people["new"].email_confirmed_at = None  # registered herself, the link not opened yet
    db.session.commit()
    make_pitch(people["pitching"], title="Solkraft")
    make_pitch(people["pitching"], title="Vindkraft", hidden=True)
    make_pitch(people["drafting"], status="draft")
    make_investor(people["listed"], organisation="Fjord Kapital AS")
    make_investor(people["unlisted"], organisation="Skjult Kapital AS", active=False)
    return people


MEMBERS = ["Dag Deaktivert", "Ivar Investor", "Kari Østby", "Nina Ny", "Ola Utkast",
           "Siri Skjult"]


def test_staff_see_their_associations_members(app, world):
    client = logged_in_client(app, make_user("staff", locale="en"))
    response = client.get("/staff/members")
    assert response.status_code == 200
    assert _listed(response) == MEMBERS  # by name; nobody else's, no staff, nobody deleted
    page = _text(response)
    assert ("6 members: Founders: 4 Investors: 2 Active: 4 Not confirmed: 1 Deactivated: 1"
            in _words(response))
    assert f"The founders and investors of {association_by_slug('asker').name}" in page
    pitching = world["pitching"]
    row = re.search(rf'<tr data-user-id="{pitching.id}".*?</tr>', page).group(0)
    assert f'href="/staff/members/{pitching.id}"' in row
    assert f'href="mailto:{pitching.email}"' in row  # their own member's address
    assert "2 published pitches" in row and "Active" in row
    assert "Fjord Kapital AS · listed" in page and "Skjult Kapital AS · not listed" in page
    assert "No published pitch." in page and "Not confirmed" in page
    assert "Per Drammen" not in page and world["elsewhere"].email not in page


def test_the_list_speaks_bokmal(app, world):
    client = logged_in_client(app, make_user("staff", locale="nb"))
    page = _words(client.get("/staff/members"))
    assert "6 medlemmer: Gründere: 4 Investorer: 2 Aktive: 4 Ikke bekreftet: 1 Deaktivert: 1" \
        in page
    assert "6 medlemmer funnet." in page and "2 publiserte pitcher" in page
    assert "Fjord Kapital AS · synlig" in page
    assert "Navn, e-post eller organisasjon" in page


@pytest.mark.parametrize(("query", "names"), [
    ("q=%C3%98STBY", ["Kari Østby"]),  # any case, beyond A-Z too
    ("q=gr%C3%BCnder.no", ["Kari Østby"]),  # the e-mail address
    ("q=fjord+kapital", ["Ivar Investor"]),  # the investor's organisation
    ("q=kapital", ["Ivar Investor", "Siri Skjult"]),
    ("q=drammen", []),  # another association's member is not found either
    ("role=investor", ["Ivar Investor", "Siri Skjult"]),
    ("state=active", ["Ivar Investor", "Kari Østby", "Ola Utkast", "Siri Skjult"]),
    ("state=unconfirmed", ["Nina Ny"]),
    ("state=deactivated", ["Dag Deaktivert"]),
    ("holding=pitch", ["Kari Østby"]),
    ("holding=no_pitch", ["Dag Deaktivert", "Nina Ny", "Ola Utkast"]),
    ("holding=listed", ["Ivar Investor"]),
    ("holding=not_listed", ["Siri Skjult"]),
    ("role=founder&state=active&q=kari", ["Kari Østby"]),
])
def test_search_and_filters(app, world, query, names):
    client = logged_in_client(app, make_user("staff", locale="en"))
    response = client.get(f"/staff/members?{query}")
    assert response.status_code == 200
    assert _listed(response) == names
    if not names:
        assert "No members match." in _text(response)


def test_a_bad_filter_is_named(app, world):
    client = logged_in_client(app, make_user("staff", locale="en"))
    response = client.get("/staff/members?state=asleep")
    assert response.status_code == 422
    assert "Unknown choice for “Account”" in _text(response)


def test_staff_list_only_their_own_association_whatever_the_address_says(app, world):
    drammen = association_by_slug("drammen")
    client = logged_in_client(app, make_user("staff", locale="en"))
    response = client.get(f"/staff/members?association={drammen.id}")
    assert response.status_code == 200
    assert _listed(response) == MEMBERS
    theirs = logged_in_client(app, make_user("staff", association="drammen"))
    assert _listed(theirs.get("/staff/members")) == ["Per Drammen"]
    nobodys = logged_in_client(app, make_user("staff", association=None, locale="en"))
    response = nobodys.get("/staff/members")
    assert response.status_code == 200 and _listed(response) == []
    assert "Your account belongs to no association" in _text(response)


def test_admins_list_every_association_or_one(app, world):
    admin = logged_in_client(app, make_user("admin", association=None, locale="en"))
    response = admin.get("/staff/members")
    assert _listed(response) == ["Dag Deaktivert", "Ivar Investor", "Kari Østby", "Nina Ny",
                                 "Ola Utkast", "Per Drammen", "Siri Skjult"]
    assert "Drammen" in _text(response)  # the association column
    drammen = association_by_slug("drammen")
    response = admin.get(f"/staff/members?association={drammen.id}")
    assert _listed(response) == ["Per Drammen"]
    # the counts follow the association chosen, and their links keep it
    page = _text(response)
    assert "1 member:" in _words(response)
    assert f'href="/staff/members?role=founder&amp;association={drammen.id}"' in page


def test_founders_investors_and_strangers_are_refused(app, world):
    for role in ("founder", "investor"):
        assert logged_in_client(app, make_user(role)).get("/staff/members").status_code == 403
    response = app.test_client().get("/staff/members")
    assert response.status_code == 302 and "/auth/login" in response.location


def test_pages_of_members(app):
    for n in range(30):
        make_user("founder", name=f"Medlem {n:02d}")
    client = logged_in_client(app, make_user("staff"))
    first = client.get("/staff/members")
    assert len(_listed(first)) == 25 and 'href="/staff/members?page=2"' in _text(first)
    assert _listed(client.get("/staff/members?page=2")) == [f"Medlem {n}" for n in range(25, 30)]
    past = client.get("/staff/members?page=9&role=founder")
    assert past.status_code == 302 and "page=2" in past.location and "role=founder" in past.location


def test_statements_do_not_grow_with_the_rows(app, statements):
    staff = make_user("staff")
    client = logged_in_client(app, staff)
    client.get("/staff/members")  # the first request of a client does more
    counted = []
    for size in (5, 50):
        while db.session.scalar(select(func.count(User.id)).where(
                User.role.in_(("founder", "investor")))) < size:
            make_pitch(make_user("founder"))
            make_investor(make_user("investor"))
        db.session.expire_all()
        counted.append((statements(client, "/staff/members"),
                        statements(client, "/staff/members?q=e&holding=listed")))
    assert counted[0] == counted[1], counted
    assert counted[1][0] <= 8, counted


def test_the_menu_and_the_member_page_lead_to_the_list(app, world):
    client = logged_in_client(app, make_user("staff", locale="en"))
    page = client.get("/staff/members").get_data(as_text=True)
    assert 'aria-current="page" href="/staff/members">Members</a>' in page
    member = client.get(f"/staff/members/{world['pitching'].id}").get_data(as_text=True)
    assert '<a href="/staff/members">Back to members</a>' in member
    assert 'href="/staff/members">Members</a>' in member  # in the menu, not the page shown
    admin = logged_in_client(app, make_user("admin", association=None, locale="nb"))
    assert 'href="/staff/members">Medlemmer</a>' in admin.get("/staff/members").get_data(
        as_text=True)
