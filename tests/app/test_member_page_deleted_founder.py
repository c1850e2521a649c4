"""A deleted founder's pitches on staff's member page say the account was deleted, not that
moderation hid them: the deletion (erasure) hides them itself, and the page asked `hidden`
first, so a pitch nobody moderated read "Hidden by moderation" beside "Deleted by its owner"."""

from __future__ import annotations

import re

import pytest

from tests.app.leaving import delete_own_account
from tests.app.security.principals import logged_in_client
from tests.factories import make_pitch, make_user

SAYS = {
    "en": ("Published — not shown: the founder's account is deleted", "Hidden by moderation"),
    "nb": ("Publisert – vises ikke: gründerens konto er slettet", "Skjult av moderator"),
}


@pytest.mark.parametrize("locale", ["en", "nb"])
def test_a_deleted_founders_pitches_say_the_account_is_deleted(app, locale):
    person = make_user("founder", name="Kari Gründer", municipality="asker")
    make_pitch(person, title="Solkraft på låvetak")
    make_pitch(person, title="Skjult idé", hidden=True, hidden_reason="Reklame")
    delete_own_account(app, person)
    client = logged_in_client(app, make_user("staff", locale=locale))
    page = client.get(f"/staff/members/{person.id}")
    assert page.status_code == 200
    items = re.findall(r'<li data-pitch-id="\d+">(.*?)</li>', page.get_data(as_text=True), re.S)
    deleted, hidden = SAYS[locale]
    assert len(items) == 2
    for item in items:
        assert deleted in item and hidden not in item
        assert "/hide" not in item  # nothing for staff to moderate


def test_a_pitch_staff_hid_still_says_so(app):
    person = make_user("founder")
    make_pitch(person, title="Skjult idé", hidden=True, hidden_reason="Reklame")
    client = logged_in_client(app, make_user("staff", locale="en"))
    page = client.get(f"/staff/members/{person.id}").get_data(as_text=True)
    assert "Hidden by moderation: Reklame" in re.sub(r"\s+", " ", page)
