"""The staff moderation list said "Published" of a pitch nobody but its founder and staff
can see: one whose founder's account an administrator deactivated, deleted, or made an
investor, staff or an admin (account_access.withdrawn_by_role). Staff read it as live. The
status now says it is published but not shown, and why, in bokmål and English."""

from __future__ import annotations

import html
import re

import pytest

from app.services import account_access
from app.services.erasure import anonymise
from tests.factories import make_pitch, make_user


def _cell(page: str, pitch_id: int, label: str = "Status") -> str:
    row = re.search(rf'<tr data-pitch-id="{pitch_id}".*?</tr>', page, re.S).group(0)
    cell = re.search(rf'data-label="{label}">(.*?)</td>', row, re.S).group(1)
    return html.unescape(re.sub(r"\s+", " ", cell)).strip()


@pytest.fixture
def pitches():
    shown = make_pitch(make_user("founder"), title="Vises")
    draft = make_pitch(make_user("founder"), title="Utkast", status="draft")
    off = make_user("founder")
    deactivated = make_pitch(off, title="Deaktivert")
    account_access.set_active(off, False)
    moved = make_user("founder")
    investor_now = make_pitch(moved, title="Investor nå")
    account_access.set_role(moved, "investor")
    gone = make_user("founder")
    deleted = make_pitch(gone, title="Slettet")
    anonymise(gone)
    return {"shown": shown.id, "draft": draft.id, "deactivated": deactivated.id,
            "role": investor_now.id, "deleted": deleted.id}


STATUS = {
    "en": {"shown": "Published",
           "deactivated": "Published — not shown: the founder's account is deactivated",
           "role": "Published — not shown: its owner is no longer a founder",
           "deleted": "Published — not shown: the founder's account is deleted"},
    "nb": {"shown": "Publisert",
           "deactivated": "Publisert – vises ikke: gründerens konto er deaktivert",
           "role": "Publisert – vises ikke: eieren er ikke lenger gründer",
           "deleted": "Publisert – vises ikke: gründerens konto er slettet"},
}


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_a_published_pitch_its_founder_no_longer_shows_says_so(client, staff, pitches, lang):
    client.post("/language", data={"lang": lang})
    page = client.get("/staff/pitches").get_data(as_text=True)  # "Status" in both
    draft = pitches.pop("draft")  # not listed: a draft is its founder's alone
    assert f'data-pitch-id="{draft}"' not in page
    assert {key: _cell(page, pitch_id) for key, pitch_id in pitches.items()} \
        == STATUS[lang]


def test_a_deleted_accounts_pitch_is_hidden_without_a_reason_to_show(client, staff, pitches):
    """Deleting an account hides its pitches with no reason (erasure.anonymise): the Hidden
    column said "Yes: None"."""
    client.post("/language", data={"lang": "en"})
    page = client.get("/staff/pitches").get_data(as_text=True)
    assert _cell(page, pitches["deleted"], "Hidden") == "Yes"
