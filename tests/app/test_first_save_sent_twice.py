"""Save double-clicked on a create form (a first investor profile, a new pitch, a new arena):
both sends arrive before the browser draws a page, and the page it then draws says the
thing is saved, once, and nothing else. Before, the second send of a first profile found
the profile the first had saved and was answered as an edit, "Your profile is saved." on
the profile form, beside the first's "... Here are the pitches that fit it best"; the
second send of a new pitch's or arena's form was answered "This pitch was saved already,
so it was not saved again", meant for Back and Save again after seeing the saved pitch."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from app.extensions import db
from app.models import Arena, InvestorProfile, Pitch
from tests.app.test_arenas_staff import arena_form
from tests.app.test_create_forms_once import _token
from tests.app.test_first_profile_shows_recommendations import FIRST, LATER
from tests.app.test_first_profile_shows_recommendations import _form as profile_form
from tests.app.test_pitches import _form as pitch_form
from tests.factories import make_user

PITCH_SAVED = {"en": "Your pitch is saved as a draft. Publish it when you are ready.",
               "nb": "Pitchen er lagret som utkast. Publiser den når du er klar."}
ARENA_SAVED = {"en": "The arena is saved as a draft.", "nb": "Arenaen er lagret som utkast."}
ALREADY = ("This pitch was saved already", "This arena was saved already",
           "Denne pitchen var allerede lagret", "Denne arenaen var allerede lagret")


def _count(model) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


@pytest.mark.parametrize("lang", ["en", "nb"])
def test_a_first_profile_sent_twice_leads_once_to_the_recommendations(client, auth, lang):
    auth.login(make_user("investor", locale=lang).email)
    first = client.post("/profile", data=profile_form())
    second = client.post("/profile", data=profile_form())
    assert first.status_code == second.status_code == 302
    assert first.location.endswith("/matches") and second.location.endswith("/matches")
    page = client.get(second.location).get_data(as_text=True)
    assert page.count(FIRST[lang]) == 1
    assert LATER[lang] + "<" not in page.replace(FIRST[lang], "")  # no edit's message
    assert _count(InvestorProfile) == 1


def test_a_first_profile_form_with_other_values_after_a_save_is_still_refused(client, auth):
    """The same rule as before for a create form that is not the same save: another tab's
    first profile saved meanwhile is not overwritten unasked."""
    auth.login(make_user("investor", locale="en").email)
    assert client.post("/profile", data=profile_form()).status_code == 302
    other = client.post("/profile", data=profile_form(organisation="Annen AS"))
    assert other.status_code == 409
    assert db.session.scalar(select(InvestorProfile.organisation)) == "Ingrid Engel"


@pytest.mark.parametrize("lang", ["en", "nb"])
def test_a_new_pitch_sent_twice_says_saved_once(client, auth, lang):
    auth.login(make_user("founder", locale=lang).email)
    form = pitch_form(once=_token(client.get("/pitches/new").get_data(as_text=True)))
    first = client.post("/pitches/new", data=form)
    second = client.post("/pitches/new", data=form)
    assert first.status_code == second.status_code == 302
    assert second.location == first.location and _count(Pitch) == 1
    page = client.get(second.location).get_data(as_text=True)
    assert page.count(PITCH_SAVED[lang]) == 1
    assert not any(words in page for words in ALREADY)


@pytest.mark.parametrize("lang", ["en", "nb"])
def test_a_new_arena_sent_twice_says_saved_once(client, auth, lang):
    auth.login(make_user("staff", association="asker", locale=lang).email)
    form = arena_form(once=_token(client.get("/staff/arenas/new").get_data(as_text=True)))
    first = client.post("/staff/arenas/new", data=form)
    second = client.post("/staff/arenas/new", data=form)
    assert first.status_code == second.status_code == 302
    assert second.location == first.location and _count(Arena) == 1
    page = client.get(second.location).get_data(as_text=True)
    assert page.count(ARENA_SAVED[lang]) == 1
    assert not any(words in page for words in ALREADY)
