"""A deleted account's pitch offered staff "Unhide" (and "Hide"): pressing Unhide said "The
pitch is no longer hidden." though nobody saw it, as its founder is gone. Staff now get no
Hide or Unhide for it on the moderation list or the pitch's page, but are told why, in
bokmål and English; the routes, reached by their address, change nothing and say so."""

from __future__ import annotations

import html
import re

import pytest
from sqlalchemy import select

from app.extensions import db
from app.models import AuditEvent, Pitch
from app.services.erasure import anonymise
from tests.factories import make_pitch, make_user

WHY = {"nb": "Ingenting å skjule eller vise igjen: gründerens konto er slettet.",
       "en": "Nothing to hide or unhide: the founder's account is deleted."}


@pytest.fixture
def gone(staff):
    """Two pitches of an account since deleted (one hidden by staff first; deleting the
    account hides both, with no reason: erasure.anonymise), and one live."""
    founder = make_user("founder", association="asker")
    hidden = make_pitch(founder, title="Skjult og slettet", hidden=True,
                        hidden_reason="Reklame")
    shown = make_pitch(founder, title="Slettet")
    anonymise(founder)
    live = make_pitch(make_user("founder", association="asker"), title="Lever")
    return {"hidden": hidden.id, "shown": shown.id, "live": live.id}


def _actions(page: str, pitch_id: int) -> str:
    row = re.search(rf'<tr data-pitch-id="{pitch_id}".*?</tr>', page, re.S).group(0)
    cell = re.search(r'class="table-stack-actions">(.*?)</td>', row, re.S).group(1)
    return html.unescape(re.sub(r"\s+", " ", cell)).strip()


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_the_list_offers_no_hide_or_unhide_for_a_deleted_accounts_pitch(client, gone, lang):
    client.post("/language", data={"lang": lang})
    page = client.get("/staff/pitches").get_data(as_text=True)
    for key in ("hidden", "shown"):
        cell = _actions(page, gone[key])
        assert WHY[lang] in cell and "/unhide" not in cell and "/hide" not in cell
    assert f"/staff/pitches/{gone['live']}/hide" in _actions(page, gone["live"])


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_the_pitch_page_offers_staff_neither(client, gone, lang):
    client.post("/language", data={"lang": lang})
    for key in ("hidden", "shown"):
        page = html.unescape(client.get(f"/pitches/{gone[key]}").get_data(as_text=True))
        assert WHY[lang] in page
        assert f"/staff/pitches/{gone[key]}/unhide" not in page
        assert f"/staff/pitches/{gone[key]}/hide" not in page


def test_unhide_and_hide_by_address_change_nothing_and_say_why(app, client, gone):
    client.post("/language", data={"lang": "en"})
    assert client.post(f"/staff/pitches/{gone['hidden']}/unhide").status_code == 302
    page = html.unescape(client.get("/staff/pitches").get_data(as_text=True))
    assert page.count(WHY["en"]) == 3  # the flash and the two rows
    assert "The pitch is no longer hidden." not in page
    db.session.expire_all()
    assert db.session.get(Pitch, gone["hidden"]).hidden is True  # as deleting it left it
    assert db.session.scalar(select(AuditEvent).where(
        AuditEvent.action == "pitch_unhidden")) is None
    assert client.post(f"/staff/pitches/{gone['shown']}/hide",
                       data={"reason": "Nei"}).status_code == 302
    page = html.unescape(client.get("/staff/pitches").get_data(as_text=True))
    assert page.count(WHY["en"]) == 3
    db.session.expire_all()
    assert db.session.get(Pitch, gone["shown"]).hidden_reason is None  # no reason "Nei"
