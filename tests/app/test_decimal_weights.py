"""The admin's engine weights are written as the page's language writes numbers: in bokmål
0,5 is a number (and 0.5 too), and a stored 3.0 is shown as 3 and 0.5 as 0,5; in English
0.5, with 0,5 refused rather than read as 5. The weights were an <input type="number">
read by float(), so "0,5" got "Skriv inn et tall." and the fields showed "3.0"."""

from __future__ import annotations

import pytest

from app.services import engine_settings
from tests.app.test_form_fields import _control, _Page
from tests.app.test_i18n import _client_in
from tests.app.test_unreadable_input import NUMBER, _error_of
from tests.factories import make_user


def _admin(app, lang: str):
    return _client_in(app, lang, make_user("admin", association=None))


def _weights(**changes) -> dict:
    values = {name: "1" for name in engine_settings.weight_names()}
    values.update(changes)
    return values


@pytest.mark.parametrize("typed", ["0,5", "0.5", " 0,5 "])
def test_bokmal_takes_the_decimal_comma_and_the_point(app, typed):
    client = _admin(app, "nb")

    response = client.post("/admin/engine", data=_weights(text=typed))

    assert response.status_code == 303
    assert engine_settings.current_weights().as_dict()["text"] == 0.5


def test_bokmal_takes_spaces_between_digit_groups(app):
    client = _admin(app, "nb")

    response = client.post("/admin/engine", data=_weights(text="1 000", stage="1\u00a0000"))

    assert response.status_code == 303
    saved = engine_settings.current_weights().as_dict()
    assert saved["text"] == 1000.0 and saved["stage"] == 1000.0


def test_english_reads_the_point_and_refuses_a_comma_it_would_misread(app):
    client = _admin(app, "en")
    before = engine_settings.current_weights().as_dict()

    refused = client.post("/admin/engine", data=_weights(text="0,5"))

    assert refused.status_code == 422
    assert _error_of(refused, "text") == NUMBER["en"]
    assert engine_settings.current_weights().as_dict() == before
    assert client.post("/admin/engine", data=_weights(text="0.5")).status_code == 303
    assert engine_settings.current_weights().as_dict()["text"] == 0.5


@pytest.mark.parametrize("typed", ["nan", "inf", "1,2,3", "0,5x"])
def test_what_is_no_number_is_still_refused(app, typed):
    client = _admin(app, "nb")
    before = engine_settings.current_weights().as_dict()

    response = client.post("/admin/engine", data=_weights(text=typed))

    assert response.status_code == 422
    assert _error_of(response, "text") == NUMBER["nb"]
    assert engine_settings.current_weights().as_dict() == before


@pytest.mark.parametrize(("lang", "shown"), [("nb", ("3", "0,5")), ("en", ("3", "0.5"))])
def test_stored_weights_are_shown_in_the_pages_number_format(app, lang, shown):
    engine_settings.save_weights(_weights(text=3.0, stage=0.5))
    client = _admin(app, lang)

    page = _Page(client.get("/admin/engine").get_data(as_text=True))

    text, stage = _control(page, "text"), _control(page, "stage")
    assert (text["value"], stage["value"]) == shown
    # A text input with a decimal keypad: a number input cannot hold "0,5".
    assert text["type"] == "text" and text["inputmode"] == "decimal"


def test_a_refused_form_shows_what_was_typed(app):
    client = _admin(app, "nb")

    response = client.post("/admin/engine", data=_weights(text="0,5", stage="mye"))

    page = _Page(response.get_data(as_text=True))
    assert _control(page, "text")["value"] == "0,5"
    assert _control(page, "stage")["value"] == "mye"
