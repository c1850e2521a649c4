"""Staff see every published pitch (no draft: tests/app/test_drafts_are_the_founders.py) and
hide one with a reason the founder sees; all audited."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from app.extensions import db
from app.models import AuditEvent, Pitch
from tests.factories import make_pitch, make_user


def _ids(response) -> set[int]:
    return {int(x) for x in re.findall(r'data-pitch-id="(\d+)"', response.get_data(as_text=True))}


def _pitch(pitch_id: int) -> Pitch:
    db.session.expire_all()
    return db.session.get(Pitch, pitch_id)


@pytest.fixture
def staff(auth):
    user = make_user("staff")
    auth.login(user.email)
    return user


def test_staff_see_every_published_pitch_with_filters(client, staff):
    published = make_pitch().id
    make_pitch(status="draft")
    hidden = make_pitch(hidden=True, hidden_reason="spam").id
    assert _ids(client.get("/staff/pitches")) == {published, hidden}
    # an address kept from before the status filter went: read without it, still no draft
    assert _ids(client.get("/staff/pitches?status=draft")) == {published, hidden}
    assert _ids(client.get("/staff/pitches?hidden=yes")) == {hidden}
    assert _ids(client.get("/staff/pitches?hidden=no")) == {published}
    assert _ids(client.get("/staff/pitches?shown=yes")) == {published}
    assert _ids(client.get("/staff/pitches?shown=no")) == {hidden}
    assert client.get("/staff/pitches?shown=weird").status_code == 422


def test_admin_counts_as_staff(client, auth):
    auth.login(make_user("admin").email)
    assert client.get("/staff/pitches").status_code == 200


def test_hide_needs_a_reason(client, staff):
    pitch_id = make_pitch().id
    assert client.get(f"/staff/pitches/{pitch_id}/hide").status_code == 200
    response = client.post(f"/staff/pitches/{pitch_id}/hide", data={"reason": "   "})
    assert response.status_code == 422
    assert _pitch(pitch_id).hidden is False
    assert client.post(f"/staff/pitches/{pitch_id}/hide",
                       data={"reason": "x" * 501}).status_code == 422
    assert db.session.scalar(select(AuditEvent).where(AuditEvent.action == "pitch_hidden")) is None


def test_hide_and_unhide_are_audited_and_the_founder_sees_the_reason(client, auth, staff):
    founder = make_user("founder")
    pitch_id = make_pitch(founder, title="Regelbrudd").id
    response = client.post(f"/staff/pitches/{pitch_id}/hide",
                           data={"reason": "Inneholder reklame for et annet firma"})
    assert response.status_code == 302
    assert _pitch(pitch_id).hidden is True
    event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "pitch_hidden"))
    assert event.actor_id == staff.id and event.target == f"pitch:{pitch_id}"
    assert event.detail == "Inneholder reklame for et annet firma"

    auth.logout()
    auth.login(make_user("investor").email)
    assert client.get(f"/pitches/{pitch_id}").status_code == 404
    assert pitch_id not in _ids(client.get("/pitches"))
    auth.logout()

    auth.login(founder.email)
    assert "Inneholder reklame for et annet firma" in client.get(
        f"/pitches/{pitch_id}").get_data(as_text=True)
    assert "Inneholder reklame for et annet firma" in client.get(
        "/pitches/mine").get_data(as_text=True)
    auth.logout()

    auth.login(staff.email)
    assert client.post(f"/staff/pitches/{pitch_id}/unhide").status_code == 302
    after = _pitch(pitch_id)
    assert after.hidden is False and after.hidden_reason is None
    assert db.session.scalar(select(AuditEvent).where(AuditEvent.action == "pitch_unhidden"))
    auth.logout()
    auth.login(make_user("investor").email)
    assert client.get(f"/pitches/{pitch_id}").status_code == 200


@pytest.mark.parametrize("role", ["founder", "investor"])
def test_only_staff_moderate(client, auth, role):
    pitch_id = make_pitch().id
    auth.login(make_user(role).email)
    assert client.get("/staff/pitches").status_code == 403
    assert client.post(f"/staff/pitches/{pitch_id}/hide", data={"reason": "nope"}).status_code \
        == 403
    assert _pitch(pitch_id).hidden is False


def test_anonymous_is_sent_to_login(client):
    response = client.get("/staff/pitches")
    assert response.status_code == 302 and "/auth/login" in response.headers["Location"]


def test_hiding_a_missing_pitch_is_404(client, staff):
    assert client.post("/staff/pitches/999999/hide", data={"reason": "x"}).status_code == 404


def test_hide_is_post_only(client, staff):
    pitch_id = make_pitch().id
    assert client.get(f"/staff/pitches/{pitch_id}/unhide").status_code == 405


def test_staff_find_a_pitch_by_title_or_founder_with_the_other_filters(client, staff):
    """The moderation list ran to 11 pages of 20 in the demo with no way to find one pitch:
    its title or its founder's name now finds it, any case, Æ, Ø and Å too, and the search
    stays on the pager's links and beside the status and hidden filters."""
    solkraft = make_pitch(make_user("founder", name="Åse Ærlig"), title="Øvre Eiker Solkraft")
    hidden = make_pitch(make_user("founder", name="Per Hansen"), title="Fjordfisk",
                        hidden=True, hidden_reason="spam")
    make_pitch(make_user("founder", name="Kari Øvrebø"), title="Havvind", status="draft")
    for _ in range(25):
        make_pitch(title="Annet")
    assert _ids(client.get("/staff/pitches?q=øvre+solkraft")) == {solkraft.id}
    # the title, not the name of the founder whose draft is hers alone
    assert _ids(client.get("/staff/pitches?q=ØVRE")) == {solkraft.id}
    assert _ids(client.get("/staff/pitches?q=åse")) == {solkraft.id}  # founder's name
    assert _ids(client.get("/staff/pitches?q=hansen&hidden=yes")) == {hidden.id}
    assert _ids(client.get("/staff/pitches?q=hansen&hidden=no")) == set()
    assert _ids(client.get("/staff/pitches?q=havvind")) == set()  # a draft's title
    page = client.get("/staff/pitches?q=annet").get_data(as_text=True)
    assert "25 pitches." in page and 'name="q"' in page and 'value="annet"' in page
    links = re.findall(r'href="(/staff/pitches\?[^"]*page=2[^"]*)"', page)
    assert links and all("q=annet" in link for link in links)  # the pager keeps the search
    assert len(_ids(client.get("/staff/pitches?q=annet&page=2"))) == 5
    assert client.get("/staff/pitches?q=" + "x" * 201).status_code == 422
