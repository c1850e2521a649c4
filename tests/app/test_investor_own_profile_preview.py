"""An investor opens their own public profile as founders see it (it answered 403): the page
founders get, with a note saying so and a link to edit it, linked from "My investor profile".
Their own contact line is shown, marked as what founders see only after mutual interest.
Another investor's profile stays closed to them (403), and so does a missing one."""

from __future__ import annotations

import re

import pytest

from tests.factories import make_investor, make_user

WORDS = {
    "en": ("This is how founders see your profile.", "Edit your profile",
           "Founders see this line only when you and they are both interested.",
           "See your profile as founders see it"),
    "nb": ("Slik ser gründerne profilen din.", "Endre profilen din",
           "Gründerne ser denne linjen bare når dere begge er interessert.",
           "Se profilen din slik gründerne ser den"),
}


def _investor(lang="en", **fields):
    user = make_user("investor", name="Ida Solberg", locale=lang)
    return user, make_investor(user, organisation="Fjord Kapital AS",
                               contact_email="deals@fjordkapital.no", **fields)


@pytest.mark.parametrize("lang", ["en", "nb"])
def test_investor_previews_their_own_profile(client, auth, lang):
    user, profile = _investor(lang, thesis="Vi investerer i **havvind**.")
    auth.login(user.email)
    response = client.get(f"/investors/{profile.id}")
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    note, edit, contact_note, _link = WORDS[lang]
    assert note in page and contact_note in page
    assert re.search(rf'<a href="/profile">{edit}</a>', page)
    assert "<h1>Fjord Kapital AS</h1>" in page and "<strong>havvind</strong>" in page
    assert "deals@fjordkapital.no" in page  # their own, shown to them
    # no founder's answer buttons on one's own page
    assert "/mark/" not in page


@pytest.mark.parametrize("lang", ["en", "nb"])
def test_profile_page_links_to_the_preview(client, auth, lang):
    user, profile = _investor(lang)
    auth.login(user.email)
    page = client.get("/profile").get_data(as_text=True)
    assert f'<a href="/investors/{profile.id}">{WORDS[lang][3]}</a>' in page


def test_no_preview_link_before_the_first_profile(client, auth):
    user = make_user("investor", locale="en")
    auth.login(user.email)
    assert WORDS["en"][3] not in client.get("/profile").get_data(as_text=True)


def test_investor_cannot_open_another_investors_profile(client, auth):
    user, profile = _investor()
    _other_user, other = _investor()
    auth.login(user.email)
    assert client.get(f"/investors/{other.id}").status_code == 403
    assert client.get(f"/investors/{other.id + profile.id + 100}").status_code == 403


def test_investor_without_a_profile_opens_none(client, auth):
    user = make_user("investor")
    _other_user, other = _investor()
    auth.login(user.email)
    assert client.get(f"/investors/{other.id}").status_code == 403


def test_founders_see_no_preview_note(client, auth):
    _user, profile = _investor()
    founder = make_user("founder", locale="en")
    auth.login(founder.email)
    page = client.get(f"/investors/{profile.id}").get_data(as_text=True)
    assert WORDS["en"][0] not in page and "deals@fjordkapital.no" not in page
