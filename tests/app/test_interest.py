"""Interest marks: not for me hides the pair on both sides; mutual interest reveals contacts."""

from __future__ import annotations

from sqlalchemy import select

from app.extensions import db
from app.models import Interest
from app.services import engine_index, recommendations, score_refresh
from tests.factories import outbox_of


def _url(market, kind: str) -> str:
    return f"/matches/{market['solar'].id}/{market['solar_investor'].id}/mark/{kind}"


def _founder_page(client, market) -> str:
    return client.get(f"/pitches/{market['solar'].id}/matches").get_data(as_text=True)


def test_not_for_me_removes_the_pair_from_both_lists(client, auth, market):
    investor = market["solar_investor"]
    auth.login(market["solar_founder"].email)
    assert investor.organisation in _founder_page(client, market)
    response = client.post(_url(market, "not_for_me"))
    assert response.status_code == 303
    page = _founder_page(client, market)
    assert "Marked not for me" in page or "not for me" in page.lower()
    ids = [m.investor_profile_id
           for m in recommendations.recommended_investors(market["solar"], 10)]
    assert investor.id not in ids
    pitch_ids = [m.pitch_id for m in recommendations.recommended_pitches(investor, {}, 1).items]
    assert market["solar"].id not in pitch_ids
    auth.logout()
    auth.login(investor.user.email)
    assert "Solcelletak for landbruket" not in client.get("/matches").get_data(as_text=True)
    # a rebuild keeps the pair apart (hard filter in the engine)
    engine_index.rebuild()
    assert recommendations.score_for(market["solar"].id, investor.id) is None
    # undo brings it back after the next refresh
    auth.logout()
    auth.login(market["solar_founder"].email)
    assert client.post(
        f"/matches/{market['solar'].id}/{investor.id}/clear").status_code == 303
    score_refresh.refresh_pitch(market["solar"])
    ids = [m.investor_profile_id
           for m in recommendations.recommended_investors(market["solar"], 10)]
    assert investor.id in ids


def test_mutual_interest_notifies_both_and_reveals_contacts(client, auth, market, app):
    founder, investor = market["solar_founder"], market["solar_investor"]
    email, phone = investor.contact_email, investor.contact_phone

    auth.login(founder.email)
    client.post(_url(market, "interested"))
    page = _founder_page(client, market)
    assert email not in page and phone not in page
    # one-sided: the investor alone hears of it, without the founder's name or contacts
    [told] = outbox_of(app)
    assert told.to == [investor.user.email] and "Solcelletak for landbruket" in told.body
    assert all(s not in told.body for s in (founder.name, founder.email, founder.phone))
    auth.logout()

    auth.login(investor.user.email)
    home = client.get("/matches").get_data(as_text=True)
    assert founder.email not in home and founder.phone not in home
    response = client.post(_url(market, "interested"))
    assert response.status_code == 303
    home = client.get("/matches").get_data(as_text=True)
    assert founder.email in home and founder.phone in home
    mutual = client.get("/matches/mutual").get_data(as_text=True)
    assert founder.email in mutual and "Solcelletak for landbruket" in mutual
    assert client.get("/notifications").get_data(as_text=True).count("Solcelletak") >= 1
    auth.logout()

    auth.login(founder.email)
    page = _founder_page(client, market)
    assert email in page and phone in page
    mutual = client.get("/matches/mutual").get_data(as_text=True)
    assert email in mutual and investor.organisation in mutual
    sent = outbox_of(app)[1:]
    assert sorted(m.to[0] for m in sent) == sorted([founder.email, investor.user.email])
    assert all("Solcelletak for landbruket" in m.body for m in sent)


def test_saved_and_undo_keep_one_answer_per_side(client, auth, market):
    auth.login(market["solar_investor"].user.email)
    client.post(_url(market, "saved"))
    client.post(_url(market, "interested"))
    rows = db.session.scalars(select(Interest)).all()
    assert [(r.side, r.kind) for r in rows] == [("investor", "interested")]
    client.post(f"/matches/{market['solar'].id}/{market['solar_investor'].id}/clear")
    assert db.session.scalars(select(Interest)).all() == []


def test_investor_cannot_mark_for_another_investor(client, auth, market):
    auth.login(market["sea_investor"].user.email)
    assert client.post(_url(market, "interested")).status_code == 404
    assert client.post(
        f"/matches/{market['solar'].id}/{market['sea_investor'].id}/mark/bogus").status_code == 404
    assert db.session.scalars(select(Interest)).all() == []


def test_marking_needs_post(client, auth, market):
    auth.login(market["solar_investor"].user.email)
    assert client.get(_url(market, "interested")).status_code == 405


def test_investor_answers_count_as_activity(market):
    from app.services import records

    before = records.investor_record(market["solar_investor"]).activity
    db.session.add(Interest(user_id=market["solar_investor"].user_id, pitch_id=market["fish"].id,
                            investor_profile_id=market["solar_investor"].id, side="investor",
                            kind="not_for_me"))
    db.session.commit()
    assert records.investor_record(market["solar_investor"]).activity > before
