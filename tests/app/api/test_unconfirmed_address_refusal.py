"""An API caller whose self-registered address is not confirmed is refused publishing and
marking interest (40d1344) in the API's own words: the pages' refusal sends them to "the
notice at the top of the page", which a token caller has no page to show. The pages keep
theirs, and the reference names the refusal for both operations.

The refusal is a 403 with its own code, `address_unconfirmed`, as a read-only token's is
`insufficient_scope`: the request is fine, the account may not do it yet; it was a 422
`validation_error`, which told a client to fix what it sent."""

from __future__ import annotations

import html

import pytest

from app.extensions import db
from tests.app.api.helpers import bearer
from tests.factories import make_investor, make_pitch, make_user

API_WORDS = {
    "en": "Open the link we sent you, or ask for a new one on the account page in Koble.",
    "nb": "Åpne lenken vi sendte deg, eller be om en ny på kontosiden i Koble.",
}
PAGE_WORDS = {"en": "the notice at the top of the page", "nb": "meldingen øverst på siden"}


def _unconfirmed(role: str, locale: str):
    user = make_user(role, locale=locale)
    user.email_confirmed_at = None
    return user


@pytest.mark.parametrize("locale", ["nb", "en"])
def test_publishing_and_interest_are_refused_in_the_apis_words(app, client, locale):
    app.config["BABEL_DEFAULT_LOCALE"] = "nb"  # as in production
    founder, investor = _unconfirmed("founder", locale), _unconfirmed("investor", locale)
    make_investor(investor)
    draft = make_pitch(founder, status="draft")
    other = make_pitch()
    db.session.commit()
    published = client.post(f"/api/v1/pitches/{draft.id}/publish", headers=bearer(founder))
    marked = client.put("/api/v1/interests", headers=bearer(investor),
                        json={"pitch_id": other.id, "kind": "interested"})
    for response in (published, marked):
        assert response.status_code == 403, response.get_data(as_text=True)
        error = response.get_json()["error"]
        assert error["code"] == "address_unconfirmed"
        assert error["message"].endswith(API_WORDS[locale])
        assert PAGE_WORDS[locale] not in error["message"]
        assert error["fields"] == {}
    db.session.expire_all()
    assert draft.status == "draft"


@pytest.mark.parametrize("lang, words", [
    ("en", ["Your self-registered e-mail address is not confirmed yet (code "
            "address_unconfirmed",
            '403 with the code address_unconfirmed for "interested" while your '
            "self-registered e-mail address is not confirmed yet",
            "or address_unconfirmed for publishing a pitch or marking interest"]),
    ("nb", ["E-postadressen du registrerte deg med er ikke bekreftet ennå (koden "
            "address_unconfirmed",
            '403 med koden address_unconfirmed for "interested" mens e-postadressen du '
            "registrerte deg med ikke er bekreftet",
            "eller address_unconfirmed for å publisere en pitch eller markere interesse"]),
])
def test_the_reference_names_the_refusal(client, lang, words):
    page = html.unescape(client.get(f"/api/v1/docs?lang={lang}").get_data(as_text=True))
    page = " ".join(page.replace("<code>", "").replace("</code>", "").split())
    for said in words:
        assert said in page


def test_the_description_and_the_publish_reference_name_the_code(client):
    spec = client.get("/api/v1/openapi.json").get_json()
    assert ("`address_unconfirmed` for publishing a pitch or marking interest"
            in spec["info"]["description"])
    publish = spec["paths"]["/api/v1/pitches/{pitch_id}/publish"]["post"]["responses"]
    assert "`address_unconfirmed`" in publish["403"]["description"]
    assert "not confirmed" not in publish["422"]["description"]


def test_a_confirmed_callers_other_refusals_keep_their_codes(client):
    """Only the address gets the new code: what publishing lacks stays a 422
    validation_error naming the fields (guard)."""
    founder = make_user("founder")
    draft = make_pitch(founder, status="draft", description="", sectors=[])
    db.session.commit()
    response = client.post(f"/api/v1/pitches/{draft.id}/publish", headers=bearer(founder))
    assert response.status_code == 422
    assert response.get_json()["error"]["code"] == "validation_error"
