"""A form kept after a logout whose page no longer takes it back still gives the person
their text. Before, a pitch edit sent after being logged out, the pitch deleted (on another
device) before they logged in again, led to a bare "Not found" page: the kept text was
out of reach until it expired. Now that page shows what was kept, read-only, to copy, each
field under its label (a choice by its name), the form's hidden fields left out."""

from __future__ import annotations

import pytest
from werkzeug.datastructures import MultiDict

from app.extensions import db
from app.models import Pitch
from app.services import api_tokens, kept_forms, pitches
from app.stale_forms import KEPT_HERE, _shown
from tests.app.form_tokens import token_in
from tests.app.test_kept_forms import _log_in_again, _logged_in, _login_link
from tests.factories import make_pitch, make_user

TEXT = "Vi gjør om matavfall til biogass 🌱 <b>ikke HTML</b>\nAndre linje."


@pytest.fixture
def app_overrides():
    return {"WTF_CSRF_ENABLED": True}


def _kept_edit_of_a_deleted_pitch(app, locale: str, **chosen):
    founder = make_user("founder", locale=locale)
    pitch = make_pitch(founder)
    client = _logged_in(app, founder)
    path = f"/pitches/{pitch.id}/edit"
    page = client.get(path).get_data(as_text=True)
    with client.session_transaction() as session:
        session["seen"] = 0  # the text took hours to write: timed out
    sent = {"csrf_token": token_in(page), "version": str(pitch.version),
            "title": "Ny tittel", "summary": "Ny linje.", "description": TEXT,
            "sectors": ["energy"], "stage": "seed", **chosen}
    page = client.post(path, data=sent).get_data(as_text=True)
    pitches.delete(db.session.get(Pitch, pitch.id))  # meanwhile, on another device
    back = _log_in_again(client, founder, _login_link(page))
    return client.get(back)


def test_a_kept_edit_of_a_deleted_pitch_is_shown_to_copy(app):
    response = _kept_edit_of_a_deleted_pitch(app, "en")

    assert response.status_code == 404
    page = response.get_data(as_text=True)
    assert "What you wrote" in page
    assert ("It was not saved, and the form's page can no longer take it back: what it was "
            "for may have been deleted or changed meanwhile. Here it is, to copy.") in page
    assert "readonly>\nVi gjør om matavfall til biogass 🌱 &lt;b&gt;ikke HTML&lt;/b&gt;\n" \
           "Andre linje.</textarea>" in page
    assert ">Title</label>" in page and "Ny tittel</textarea>" in page
    assert ">Sectors</label>" in page and "Energy</textarea>" in page
    assert "version" not in page.split("<h1>", 1)[1]  # the hidden field is no text of theirs
    assert response.headers["Cache-Control"] == "no-store"


def test_it_is_said_in_norwegian_too(app):
    page = _kept_edit_of_a_deleted_pitch(app, "nb").get_data(as_text=True)
    assert "Det du skrev" in page
    assert ("Det ble ikke lagret, og skjemaets side kan ikke lenger ta det tilbake: det det "
            "gjaldt, kan ha blitt slettet eller endret i mellomtiden. Her er det, så du kan "
            "kopiere det.") in page
    assert ">Tittel</label>" in page


def test_choices_the_form_fills_in_when_made_are_shown_by_their_labels(app):
    """The pitch form fills in its stage, funding type and municipality when it is made
    (each with its "Not chosen" row), not on its class: they read as their labels in the
    reader's language, as the sectors named on the class do, not as their codes."""
    page = _kept_edit_of_a_deleted_pitch(
        app, "nb", funding_type="convertible_loan", municipality="ovre_eiker",
        sectors=["energy", "circular_economy"]).get_data(as_text=True)
    assert ">Finansieringsform</label>" in page and "Konvertibelt lån</textarea>" in page
    assert ">Kommune</label>" in page and "Øvre Eiker</textarea>" in page
    assert "Energi, Sirkulærøkonomi</textarea>" in page
    assert "convertible_loan" not in page and "ovre_eiker" not in page


def test_an_association_is_shown_by_its_name(app):
    """The associations are the place form's choices by their names in the database, filled
    in when the form is made."""
    with app.test_request_context("/"):
        shown = _shown(MultiDict({"municipality": "asker", "association": "asker",
                                  "version": "abc"}))
    assert shown == [("Municipality", "Asker"), ("Association", "Asker Næringsforening")]


def test_a_kept_form_whose_page_now_redirects_is_shown_with_the_way_on(app):
    """The page of a kept form that now sends its reader elsewhere (here: revoking a token
    already revoked goes to the token list) answers with what was kept and a link on."""
    founder = make_user("founder", locale="en")
    made = api_tokens.create(founder, "CRM", "read", 30)
    api_tokens.revoke(founder, made.token.id)
    path = f"/account/tokens/{made.token.id}/revoke"
    kept = kept_forms.keep(founder.id, path, MultiDict({"why": "Lekket i en e-post"}),
                           "csrf_token")
    client = _logged_in(app, founder)
    with client.session_transaction() as session:
        session[KEPT_HERE] = [kept]

    response = client.get(f"{path}?kept={kept}")

    assert response.status_code == 200 and "Location" not in response.headers
    page = response.get_data(as_text=True)
    assert "readonly>\nLekket i en e-post</textarea>" in page
    assert 'href="/account/tokens">Continue</a>' in page
