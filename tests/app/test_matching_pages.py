"""The founder's matches page, the investor's recommendations, roles and the admin page."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from app.extensions import cache, db
from app.models import AuditEvent, EngineSettings
from app.services import engine_index, engine_settings, interest, recommendations
from tests.factories import make_pitch, make_user


def _ids(html: str, marker: str) -> list[int]:
    return [int(x) for x in re.findall(marker + r"(\d+)", html)]


def test_founder_sees_explained_investors_for_own_pitch(client, auth, market):
    auth.login(market["solar_founder"].email)
    response = client.get(f"/pitches/{market['solar'].id}/matches")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert "Grønn Kapital AS" in html
    # ranked first, with a sentence naming a shared term and an accessible bar chart
    if "Havkapital" in html:
        assert html.index("Grønn Kapital AS") < html.index("Havkapital")
    match = recommendations.score_for(market["solar"].id, market["solar_investor"].id)
    assert any(term in html for term in match.shared_terms)
    assert "mention" in html or "nevner" in html
    assert 'role="progressbar"' in html and "aria-valuenow" in html and "w-score-" in html
    assert "style=" not in html
    # contact details stay hidden before mutual interest
    assert market["solar_investor"].contact_email not in html
    assert market["solar_investor"].contact_phone not in html


def test_investor_home_lists_best_pitches_with_filters_and_pages(client, auth, market, app):
    auth.login(market["solar_investor"].user.email)
    html = client.get("/matches").get_data(as_text=True)
    positions = [html.find(t) for t in ("Solcelletak for landbruket", "Lukket oppdrett av laks")]
    assert positions[0] != -1
    assert positions[1] == -1 or positions[0] < positions[1]
    filtered = client.get("/matches?sector=maritime").get_data(as_text=True)
    assert "Solcelletak for landbruket" not in filtered
    bad = client.get("/matches?ask_min=5000000&ask_max=1000")
    assert bad.status_code == 422
    app.config["PITCHES_PER_PAGE"] = 1
    cache.clear()  # a changed setting means a restart, which empties the page cache
    first = client.get("/matches").get_data(as_text=True)
    assert "page=2" in first
    second = client.get("/matches?page=2")
    assert second.status_code == 200


def test_not_for_me_on_the_last_recommendation_of_a_page_lands_on_the_page_before(
        client, auth, market, app):
    # The mark sends the investor back to the page they were on; once it is empty, it said
    # "No recommended pitches match these filters yet." with no filter set.
    investor = market["solar_investor"]
    app.config["PITCHES_PER_PAGE"] = 1
    cache.clear()
    auth.login(investor.user.email)
    first = client.get("/matches").get_data(as_text=True)
    last = max(int(n) for n in re.findall(r"/matches\?page=(\d+)", first))
    assert last >= 2
    page = client.get(f"/matches?page={last}").get_data(as_text=True)
    [pitch_id] = set(re.findall(rf"/matches/(\d+)/{investor.id}/mark/", page))
    client.post(f"/matches/{pitch_id}/{investor.id}/mark/not_for_me",
                data={"next": f"/matches?page={last}"})
    response = client.get(f"/matches?page={last}")
    assert response.status_code == 302
    assert response.location.endswith(f"/matches?page={last - 1}")
    filtered = client.get(f"/matches?page={last + 5}&stage=seed")
    assert filtered.status_code == 302
    assert "stage=seed" in filtered.location and "page=" in filtered.location


def test_a_mutual_pair_is_shown_once_on_the_first_page_with_the_founders_contacts(
        client, auth, market, app):
    # the pair ranks on a later page; it is listed under "Interested in you" on the first,
    # with the contacts, and not again in the ranking (test_incoming_not_repeated)
    investor, fish = market["solar_investor"], market["fish"]
    interest.mark(fish.owner, fish.id, investor.id, "interested")
    interest.mark(investor.user, fish.id, investor.id, "interested")
    app.config["PITCHES_PER_PAGE"] = 1
    auth.login(investor.user.email)
    first = client.get("/matches").get_data(as_text=True)
    section = first.split('id="interested-in-you"')[1].split("</section>")[0]
    card = section.split(f">{fish.title}</a>")[1].split("</li>")[0]
    assert fish.owner.email in card
    later = [client.get(f"/matches?page={n}").get_data(as_text=True) for n in (2, 3)]
    assert not any(f">{fish.title}</a>" in html for html in later)


def test_wrong_role_is_forbidden_and_others_pitch_is_not_found(client, auth, market):
    auth.login(market["solar_investor"].user.email)
    assert client.get(f"/pitches/{market['solar'].id}/matches").status_code == 403
    auth.logout()
    other = make_user("founder")
    auth.login(other.email)
    assert client.get(f"/pitches/{market['solar'].id}/matches").status_code == 404
    assert client.get("/pitches/999999/matches").status_code == 404
    assert client.get("/matches").status_code == 403
    assert client.get("/admin/engine").status_code == 403
    mark = f"/matches/{market['solar'].id}/{market['solar_investor'].id}/mark/interested"
    assert client.post(mark).status_code == 404  # not their pitch


def test_anonymous_is_sent_to_login(client, market):
    response = client.get("/matches")
    assert response.status_code == 302 and "/auth/login" in response.headers["Location"]


def test_founder_overview_and_draft_notice(client, auth, market):
    draft = make_pitch(owner=market["solar_founder"], title="Utkast", status="draft")
    auth.login(market["solar_founder"].email)
    html = client.get("/matches/pitches").get_data(as_text=True)
    assert "Grønn Kapital AS" in html and "Utkast" in html
    assert client.get(f"/pitches/{draft.id}/matches").status_code == 200


def test_founder_overview_links_each_investor_to_their_page(client, auth, market):
    """The overview's investors are links to the page where the founder reads the profile
    and answers it, not plain names."""
    auth.login(market["solar_founder"].email)
    html = client.get("/matches/pitches").get_data(as_text=True)
    investor = market["solar_investor"]
    link = f'<a href="/investors/{investor.id}">{investor.organisation}</a>'
    assert link in html
    page = client.get(f"/investors/{investor.id}")
    assert page.status_code == 200 and investor.organisation in page.get_data(as_text=True)


@pytest.fixture
def admin(auth):
    user = make_user("admin", association=None)
    auth.login(user.email)
    return user


def _weights(**changes) -> dict:
    values = {name: "1" for name in engine_settings.weight_names()}
    values.update({k: str(v) for k, v in changes.items()})
    return values


def test_admin_saves_valid_weights_with_audit(client, admin, market):
    page = client.get("/admin/engine")
    assert page.status_code == 200
    assert 'action="/admin/engine/rebuild"' in page.get_data(as_text=True)
    response = client.post("/admin/engine", data=_weights(text=5, activity=0))
    assert response.status_code == 303
    row = db.session.get(EngineSettings, 1)
    assert row.weights["text"] == 5.0 and row.weights["activity"] == 0.0
    assert db.session.scalar(select(AuditEvent).where(AuditEvent.action == "engine_weights"))
    assert engine_index.is_stale()
    engine_index.rebuild()
    assert engine_index.latest_index().weights["text"] == 5.0


@pytest.mark.parametrize("values", [
    _weights(text=-1), _weights(stage="abc"), _weights(ticket="nan"), _weights(sectors="1e9"),
], ids=["negative", "not-a-number", "nan", "huge"])
def test_admin_bad_weights_get_a_clear_message_and_nothing_is_saved(client, admin, market,
                                                                   values):
    before = engine_settings.current_weights().as_dict()
    response = client.post("/admin/engine", data=values)
    assert response.status_code == 422
    html = response.get_data(as_text=True)
    assert "alert-danger" in html
    assert engine_settings.current_weights().as_dict() == before
    audit = select(AuditEvent).where(AuditEvent.action == "engine_weights")
    assert db.session.scalar(audit) is None


def test_all_zero_weights_say_so(client, admin, market):
    client.post("/language", data={"lang": "en"})
    before = engine_settings.current_weights().as_dict()
    response = client.post("/admin/engine", data={n: "0" for n in engine_settings.weight_names()})
    assert response.status_code == 422
    assert "At least one weight must be greater than zero" in response.get_data(as_text=True)
    assert engine_settings.current_weights().as_dict() == before


def test_admin_rebuild_runs_in_the_background(client, admin, market, app):
    before = engine_index.latest_index().version
    response = client.post("/admin/engine/rebuild")
    assert response.status_code == 303
    for thread in app.extensions.get("koble_rebuild_threads", []):
        thread.join(timeout=60)
    db.session.expire_all()
    assert engine_index.latest_index().version == before + 1
    assert db.session.get(EngineSettings, 1).rebuild_status == "done"
    assert db.session.scalar(select(AuditEvent).where(AuditEvent.action == "engine_rebuild"))
    page = client.get("/admin/engine").get_data(as_text=True)
    assert str(before + 1) in page
