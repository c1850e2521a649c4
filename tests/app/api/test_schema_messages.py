"""The API's messages about a request's shape (marshmallow's "Not a valid integer.", "Missing
data for required field.", "Unknown field.", "Must be one of: …", and the schemas' own) speak
the token user's language, as its other refusals do: a bokmål caller got them in English.
English callers keep marshmallow's words. Nothing is saved."""

from __future__ import annotations

from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from sqlalchemy import func, select

from app import vocabulary
from app.api import arena_schemas, investor_schemas, match_schemas, pitch_schemas
from app.api.schema_messages import CatalogueText
from app.extensions import db
from app.models import InvestorProfile
from tests.app.api.helpers import bearer
from tests.factories import make_arena, make_participant, make_user

ROOT = Path(__file__).resolve().parents[3]
TYPES = ", ".join(vocabulary.INVESTOR_TYPES)
SECTORS = ", ".join(vocabulary.SECTORS)
WORDS = {
    "en": {"invalid": "Invalid input.",
           "string": "Not a valid string.",
           "missing": "Missing data for required field.",
           "unknown": "Unknown field.",
           "choice": f"Must be one of: {TYPES}.",
           "sector": f"Must be one of: {SECTORS}.",
           "integer": "Not a valid integer.",
           "boolean": "Not a valid boolean.",
           "range": "Must be greater than or equal to 0 and less than or equal to 1000.",
           "length": "Length must be between 1 and 120.",
           "list": "Not a valid list.",
           "body": "Invalid input type.",
           "query": "Unknown query parameter: colour.",
           "twice": "Each option can be chosen once.",
           "control": "Must not contain control characters.",
           "partner": 'A support partner offers no capital: leave out "capital" or choose '
                      "another investor type."},
    "nb": {"invalid": "Ugyldige verdier.",
           "string": "Ikke en gyldig tekststreng.",
           "missing": "Påkrevd felt mangler.",
           "unknown": "Ukjent felt.",
           "choice": f"Må være én av: {TYPES}.",
           "sector": f"Må være én av: {SECTORS}.",
           "integer": "Ikke et gyldig heltall.",
           "boolean": "Ikke en gyldig boolsk verdi.",
           "range": "Må være større enn eller lik 0 og mindre enn eller lik 1000.",
           "length": "Lengden må være mellom 1 og 120.",
           "list": "Ikke en gyldig liste.",
           "body": "Ugyldig type på innholdet.",
           "query": "Ukjent spørreparameter: colour.",
           "twice": "Hvert alternativ kan bare velges én gang.",
           "control": "Kan ikke inneholde kontrolltegn.",
           "partner": 'En støttepartner tilbyr ikke kapital: ta bort "capital" eller velg en '
                      "annen investortype."},
}


@pytest.fixture(params=["nb", "en"])
def caller(app, request):
    """(language, an investor's token header), the site defaulting to bokmål as in
    production: the language is the token user's own."""
    app.config["BABEL_DEFAULT_LOCALE"] = "nb"
    return request.param, bearer(make_user("investor", locale=request.param))


def _refused(response) -> dict:
    assert response.status_code == 422, response.get_data(as_text=True)
    return response.get_json()["error"]


def _profiles() -> int:
    return db.session.scalar(select(func.count(InvestorProfile.id)))


def test_wrong_types_missing_unknown_and_bad_choices_speak_the_callers_language(client, caller):
    lang, headers = caller
    words = WORDS[lang]
    error = _refused(client.put("/api/v1/profile", headers=headers, json={
        "organisation": 42, "investor_type": "bookshop", "sectors": ["energy", "space"],
        "regions": "asker", "stages_only": "yes", "past_investments": 1001, "ticket_min": "5",
        "colour": "green"}))
    assert error["message"] == words["invalid"]
    assert error["fields"] == {
        "organisation": [words["string"]], "investor_type": [words["choice"]],
        "sectors": {"1": [words["sector"]]}, "regions": [words["list"]],
        "stages_only": [words["boolean"]], "past_investments": [words["range"]],
        "ticket_min": [words["integer"]], "colour": [words["unknown"]]}
    missing = _refused(client.put("/api/v1/profile", headers=headers,
                                  json={"organisation": ""}))
    assert missing["fields"] == {"organisation": [words["length"]],
                                 "investor_type": [words["missing"]]}
    assert _profiles() == 0


def test_the_schemas_own_rules_speak_it_too(client, caller):
    lang, headers = caller
    words = WORDS[lang]
    body = {"organisation": "Kari\x00 Engel", "investor_type": "angel"}
    assert _refused(client.put("/api/v1/profile", headers=headers, json=body))["fields"] == {
        "organisation": [words["control"]]}
    body = {"organisation": "Kari Engel", "investor_type": "partner",
            "support_offers": ["capital"], "stages": ["seed", "seed"]}
    error = _refused(client.put("/api/v1/profile", headers=headers, json=body))
    assert error["fields"] == {"support_offers": [words["partner"]],  # both at once
                               "stages": [words["twice"]]}
    body["support_offers"] = []
    error = _refused(client.put("/api/v1/profile", headers=headers, json=body))
    assert error["fields"] == {"stages": [words["twice"]]}
    assert _profiles() == 0


def test_a_body_that_is_no_object_and_query_parameters_too(client, caller):
    lang, headers = caller
    words = WORDS[lang]
    error = _refused(client.put("/api/v1/profile", headers=headers, json=["Kari"]))
    assert error["fields"] == {"_schema": [words["body"]]}
    assert _refused(client.get("/api/v1/pitches?page=two", headers=headers))["fields"] == {
        "page": [words["integer"]]}
    unknown = _refused(client.get("/api/v1/pitches?colour=green", headers=headers))
    assert unknown["message"] == words["query"]
    assert unknown["fields"] == {"colour": [words["unknown"]]}
    assert _profiles() == 0


def test_arena_times_name_a_missing_field_in_the_callers_language(client, caller):
    lang, _headers = caller
    arena = make_arena()
    me = make_participant(arena, "investor")
    me.user.locale = lang
    db.session.commit()
    error = _refused(client.put(f"/api/v1/arenas/{arena.id}/times", headers=bearer(me.user),
                                json={"arrive": None, "meeting_cap": None}))
    assert error["fields"] == {"leave": [WORDS[lang]["missing"]]}


def _messages_of(field, found: set[str]) -> None:
    found.update(m for m in field.error_messages.values() if isinstance(m, str))
    for validator in field.validators:
        for name in ("error", "message_min", "message_max", "message_all", "message_equal"):
            if isinstance(getattr(validator, name, None), str):
                found.add(getattr(validator, name))
    for inner in (getattr(field, "inner", None), getattr(field, "value_field", None)):
        if inner is not None:
            _messages_of(inner, found)


def test_every_message_the_input_schemas_can_give_has_bokmal(app):
    """A field or validator added to an input schema whose marshmallow message is not in the
    catalogue would answer a bokmål caller in English: add the message to
    app/api/schema_messages.py TEXTS and its bokmål to the catalogue."""
    found: set[str] = set()
    inputs = [pitch_schemas.PitchArgs, pitch_schemas.PitchIn, pitch_schemas.PitchUpdate,
              investor_schemas.ProfileIn,
              arena_schemas.TimesIn, match_schemas.RecommendationArgs, match_schemas.InterestIn,
              match_schemas.InterestPair]
    for cls in inputs:
        schema = cls()
        found.update(schema.error_messages.values())
        for field in schema.fields.values():
            _messages_of(field, found)
    assert "Must be one of: {choices}." in found and "Unknown field." in found
    untold = sorted(m for m in found if not isinstance(m, CatalogueText))
    assert not untold, f"messages the schemas hand marshmallow as plain English: {untold}"
    with (ROOT / "translations/nb/LC_MESSAGES/messages.po").open("rb") as handle:
        catalogue = {m.id: m.string for m in read_po(handle, locale="nb") if m.id}
    missing = sorted(m for m in found if not catalogue.get(str(m)))
    assert not missing, f"no bokmål for: {missing}"
