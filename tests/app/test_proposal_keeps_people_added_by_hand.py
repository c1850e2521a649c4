"""Asking the engine for a new proposal keeps the people staff added by hand.

"Propose invitations" replaced every unsent invitation, so a founder the staff had searched
for and added ("Added by the organisers") vanished from the list at the next proposal, with
no word of it: exploratory test as Asker staff on the demo's inviting arena, 8 Dec (Maria
Schmidt added, Propose, gone). Now those added by hand keep their places at the top of the
unsent list and their seats, the engine fills the seats left, and the message says so."""

from __future__ import annotations

import html

import pytest
from flask_babel import force_locale, ngettext

from app.extensions import db
from app.models import Invitation
from tests.factories import make_arena, make_investor, make_pitch, make_user


@pytest.fixture(params=("nb", "en"))
def staff_lang(request):
    return request.param


def _green_pitch():
    return make_pitch(make_user("founder"), sectors=["energy"], stage="growth",
                      green_objectives=["climate_mitigation", "circular_economy"])


def _investor():
    return make_investor(make_user("investor"), sectors=["energy"], stages=["seed", "growth"],
                         green_mandate="required",
                         green_objectives=["climate_mitigation", "circular_economy"])


def _unsent(arena, side):
    db.session.expire_all()
    return (db.session.query(Invitation)
            .filter(Invitation.arena_id == arena.id, Invitation.side == side,
                    Invitation.state.in_(("proposed", "waiting_list")))
            .order_by(Invitation.rank).all())


def test_a_new_proposal_keeps_those_added_by_hand(app, client, staff, staff_lang):
    for _ in range(4):
        _green_pitch()
    for _ in range(4):
        _investor()
    arena = make_arena(founder_capacity=3, investor_capacity=3, status="draft")
    base = f"/staff/arenas/{arena.id}/invitations"
    chosen = make_pitch(make_user("founder", name="Maria Schmidt"), title="Regnskapsapp",
                        sectors=["ict_software"], stage="seed", green_objectives=[])
    assert client.post(f"{base}/propose").status_code == 302
    assert client.post(f"{base}/add", data={"user_id": chosen.owner_id}).status_code == 302

    response = client.post(f"{base}/propose")
    assert response.status_code == 302
    founders = _unsent(arena, "founder")
    assert founders[0].user_id == chosen.owner_id  # still there, first of the unsent
    assert founders[0].state == "proposed"
    assert founders[0].reasons == {"added_by_staff": True}
    assert sum(1 for i in founders if i.state == "proposed") == 3  # the engine fills the rest
    assert len({i.user_id for i in founders}) == len(founders)
    assert [i.rank for i in founders] == sorted(i.rank for i in founders)

    page = client.get(response.headers["Location"]).get_data(as_text=True)
    with force_locale(staff_lang):
        said = ngettext("%(num)d person you added by hand stays at the top of those not yet "
                        "invited.",
                        "%(num)d people you added by hand stay at the top of those not yet "
                        "invited.", 1)
    assert html.escape(said, quote=False) in page
