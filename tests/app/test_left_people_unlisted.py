"""Someone who left Koble (an admin deactivated them, or they deleted their account) leaves
every list others read with them: a founder's pitches are no longer on the investors'
browse page, its export or the API, and their pages answer as a withdrawn pitch does; an
investor's profile leaves the founders' investor search. Before, the browse page and the
API listed a deactivated founder's pitch (only recommendations left it out) and the
investor search listed a deactivated investor. Staff, who manage accounts, still open them."""

from __future__ import annotations

import re

import pytest

from app.extensions import db
from app.services import account_access, erasure
from tests.app.api.helpers import bearer
from tests.app.security.principals import logged_in_client
from tests.factories import make_arena, make_investor, make_participant, make_pitch, make_user


@pytest.fixture
def people():
    """A founder who stays and one who is deactivated, each with a pitch; an investor who
    stays and one who is deactivated; an investor and a founder who look."""
    staying = make_pitch(make_user("founder"), title="Tang fra fjorden")
    leaving = make_pitch(make_user("founder"), title="Solceller på låven")
    kept = make_investor(make_user("investor"), organisation="Fjord Kapital")
    gone = make_investor(make_user("investor"), organisation="Borte Invest")
    admin = make_user("admin", association=None)
    for user in (leaving.owner, gone.user):
        account_access.set_active(user, False, actor=admin)
    db.session.commit()
    return {"staying": staying, "leaving": leaving, "kept": kept, "gone": gone,
            "investor": make_user("investor"), "founder": make_user("founder")}


def _pitch_ids(page: str) -> set[int]:
    return {int(x) for x in re.findall(r'data-pitch-id="(\d+)"', page)}


def test_the_browse_page_and_its_export_leave_out_a_deactivated_founders_pitch(app, people):
    client = logged_in_client(app, people["investor"])
    page = client.get("/pitches").get_data(as_text=True)
    assert _pitch_ids(page) == {people["staying"].id}
    found = client.get("/pitches?q=solceller").get_data(as_text=True)
    assert people["leaving"].id not in _pitch_ids(found)
    export = client.get("/exports/pitches.csv").get_data(as_text=True)
    assert "Tang fra fjorden" in export and "Solceller på låven" not in export


def test_an_investor_cannot_open_a_deactivated_founders_pitch(app, people):
    client = logged_in_client(app, people["investor"])
    assert client.get(f"/pitches/{people['staying'].id}").status_code == 200
    assert client.get(f"/pitches/{people['leaving'].id}").status_code == 404


def test_staff_still_open_a_deactivated_founders_pitch(app, people):
    staff = make_user("staff", association=None)
    assert logged_in_client(app, staff).get(f"/pitches/{people['leaving'].id}").status_code == 200


def test_the_api_neither_lists_nor_returns_a_deactivated_founders_pitch(app, people):
    client = app.test_client()
    headers = bearer(people["investor"])
    listed = client.get("/api/v1/pitches", headers=headers).get_json()
    assert [p["id"] for p in listed["items"]] == [people["staying"].id]
    assert client.get(f"/api/v1/pitches/{people['leaving'].id}",
                      headers=headers).status_code == 404


def test_a_deleted_founders_pitch_leaves_the_browse_page(app, people):
    owner = people["staying"].owner
    erasure.anonymise(owner)
    db.session.commit()
    page = logged_in_client(app, people["investor"]).get("/pitches").get_data(as_text=True)
    assert _pitch_ids(page) == set()


def test_the_investor_search_leaves_out_a_deactivated_investor(app, people):
    client = logged_in_client(app, people["founder"])
    page = client.get("/investors").get_data(as_text=True)
    assert "Fjord Kapital" in page and "Borte Invest" not in page
    assert client.get(f"/investors/{people['gone'].id}").status_code == 404
    export = client.get("/exports/investors.csv").get_data(as_text=True)
    assert "Fjord Kapital" in export and "Borte Invest" not in export


def test_staff_still_open_a_deactivated_investors_profile(app, people):
    staff = make_user("staff", association=None)
    assert logged_in_client(app, staff).get(f"/investors/{people['gone'].id}").status_code == 200


def test_the_home_page_counts_only_what_others_may_see(app, people):
    from app.services.home import home_context

    counts = home_context(people["investor"])
    assert (counts["pitch_count"], counts["investor_count"]) == (1, 1)


def test_staff_read_no_withdrawn_pitch_badge_on_a_founder_who_left(app):
    """Their pitch is no longer visible because they left, not because it was withdrawn:
    the row says cancelled, not "Pitch hidden … until it is shown again"."""
    arena = make_arena()
    left = make_participant(arena, "founder")
    account_access.set_active(left.user, False)
    staff = make_user("staff", association="asker")
    page = logged_in_client(app, staff).get(f"/staff/arenas/{arena.id}/invitations").get_data(
        as_text=True)
    row = re.search(rf'<tr[^>]*data-invitation-id="{left.id}".*?</tr>', page, re.S).group(0)
    assert "Pitch hidden" not in row and "shown again" not in row
