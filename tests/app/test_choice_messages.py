"""A value a choice field does not offer (a forged or stale form) is refused with the app's
own words in the reader's language, saying what to do, and nothing changes.

WTForms said "Not a valid choice." (its bokmål "Ikke et gyldig valg", no full stop) for a
select or radio buttons, and "'x' is not a valid choice for this field." for a
multi-select, quoting what was sent; every KobleForm's choice field now says
"Velg ett av alternativene i listen." / "Choose one of the options in the list." (a
multi-select: "Velg bare blant alternativene i listen." / "Choose only from the listed
options.")."""

from __future__ import annotations

import pytest
from wtforms import RadioField, SelectField, SelectMultipleField

from app.form_base import KobleForm
from tests.app.security.checksum import checksum
from tests.app.test_arenas_staff import arena_form
from tests.app.test_i18n import _client_in
from tests.app.test_investor_profile import _form as profile_form
from tests.app.test_pitches import _form as pitch_form
from tests.factories import DEFAULT_PASSWORD, make_investor, make_user

ONE = {"nb": "Velg ett av alternativene i listen.",
       "en": "Choose one of the options in the list."}
SOME = {"nb": "Velg bare blant alternativene i listen.",
        "en": "Choose only from the listed options."}
WTFORMS = ("Not a valid choice", "Ikke et gyldig valg", "not a valid choice",
           "Invalid Choice", "could not coerce")

REGISTRATION = {"role": "founder", "name": "Kari Nordmann", "email": "kari@example.no",
                "municipality": "drammen", "association": "",
                "password": "fjord sol batteri 2026", "confirm": "fjord sol batteri 2026"}


def _refused(response, lang: str, message=ONE) -> None:
    page = response.get_data(as_text=True)
    assert response.status_code in (200, 422), response.status_code
    assert message[lang] in page
    assert not any(words in page for words in WTFORMS)


def _sent_and_refused(client, url: str, data: dict, lang: str) -> None:
    """The form sent to url is refused with the app's words, and nothing saved changes."""
    before = checksum()
    _refused(client.post(url, data=data), lang)
    assert checksum() == before


@pytest.mark.parametrize("lang", ["nb", "en"])
@pytest.mark.parametrize("field", ["role", "municipality", "association"])
def test_registration_with_a_forged_choice_creates_nobody(app, lang, field):
    _sent_and_refused(_client_in(app, lang), "/auth/register",
                      {**REGISTRATION, field: "admin"}, lang)


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_account_language_not_offered_changes_nothing(app, lang):
    user = make_user("founder", locale=lang, name="Kari Gammel")
    _sent_and_refused(_client_in(app, lang, user), "/account/",
                      {"name": "Kari Ny", "phone": "", "locale": "de"}, lang)


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_token_with_a_forged_scope_is_not_made(app, lang):
    user = make_user("investor", locale=lang)
    _sent_and_refused(_client_in(app, lang, user), "/account/tokens",
                      {"name": "CRM", "scope": "admin", "days": "30",
                       "password": DEFAULT_PASSWORD}, lang)


@pytest.mark.parametrize("lang", ["nb", "en"])
@pytest.mark.parametrize("field", ["stage", "funding_type", "municipality"])
def test_pitch_with_a_forged_choice_is_not_saved(app, lang, field):
    user = make_user("founder", locale=lang)
    _sent_and_refused(_client_in(app, lang, user), "/pitches/new",
                      pitch_form(**{field: "moon"}), lang)


@pytest.mark.parametrize("lang", ["nb", "en"])
@pytest.mark.parametrize(("field", "saved_before"), [("investor_type", False),
                                                     ("green_mandate", False),
                                                     ("investor_type", True)],
                         ids=["new-investor_type", "new-green_mandate",
                              "edit-investor_type"])
def test_investor_profile_with_a_forged_choice_changes_nothing(app, lang, field,
                                                               saved_before):
    """A new profile is not saved; a saved one, edited, stays as it was."""
    user = make_user("investor", locale=lang)
    if saved_before:
        make_investor(user)
    _sent_and_refused(_client_in(app, lang, user), "/profile",
                      profile_form(**{field: "moon"}), lang)


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_arena_with_a_forged_theme_is_not_made(app, lang):
    staff = make_user("staff", locale=lang, association="asker")
    _sent_and_refused(_client_in(app, lang, staff), "/staff/arenas/new",
                      arena_form(theme="moon"), lang)


@pytest.mark.parametrize("lang", ["nb", "en"])
@pytest.mark.parametrize("data", [{"role": "boss"}, {"role": "staff", "association": "abc"},
                                  {"role": "staff", "association": "99999"}])
def test_admin_role_not_offered_changes_nothing(app, lang, data):
    admin = make_user("admin", locale=lang)
    person = make_user("founder")
    client = _client_in(app, lang, admin)
    before = checksum()
    response = client.post(f"/admin/users/{person.id}/role", data=data)
    # refused on the person's page: POST, redirect, GET (tests/app/test_admin_users.py)
    assert response.status_code == 303
    _refused(client.get(response.headers["Location"]), lang)
    assert checksum() == before


class _Choices(KobleForm):
    class Meta:
        csrf = False

    one = SelectField(choices=[("a", "A"), ("b", "B")])
    number = SelectField(choices=[(1, "1"), (2, "2")], coerce=int)
    radio = RadioField(choices=[("a", "A"), ("b", "B")])
    many = SelectMultipleField(choices=[("a", "A"), ("b", "B")])
    many_numbers = SelectMultipleField(choices=[(1, "1"), (2, "2")], coerce=int)
    own = SelectField(choices=[("a", "A")], invalid_choice_message="Its own words.")


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_every_kind_of_choice_field_says_what_to_do(app, lang):
    from werkzeug.datastructures import MultiDict

    sent = MultiDict([("one", "x"), ("number", "nine"), ("radio", "x"), ("many", "a"),
                      ("many", "x"), ("many_numbers", "nine"), ("own", "x")])
    with app.test_request_context(headers={"Accept-Language": lang}):
        from flask_babel import force_locale

        with force_locale(lang):
            form = _Choices(formdata=sent)
            assert not form.validate()
            errors = {name: [str(message) for message in messages]
                      for name, messages in form.errors.items()}
    assert errors == {"one": [ONE[lang]], "number": [ONE[lang]], "radio": [ONE[lang]],
                      "many": [SOME[lang]], "many_numbers": [SOME[lang]],
                      "own": ["Its own words."]}
