"""An investor without a profile who marks or clears interest is refused with 403 and a code
of its own, `profile_missing`: it was a 422 `validation_error` with an empty `fields`, which
tells a client to fix what it sent, while the same body succeeds once the profile is
written. Like `address_unconfirmed` (a9445c8): the request is fine, the account may not do
it yet. A body with problems is still 422 naming them."""

from __future__ import annotations

import html

import pytest

from app.extensions import db
from app.models import Interest
from tests.app.api.helpers import bearer
from tests.factories import make_investor, make_pitch, make_user

WORDS = {"en": "Write your investor profile first.", "nb": "Skriv investorprofilen din først."}


@pytest.mark.parametrize("locale", ["nb", "en"])
def test_interest_without_a_profile_is_403_profile_missing(app, client, locale):
    app.config["BABEL_DEFAULT_LOCALE"] = "nb"  # as in production
    investor = make_user("investor", locale=locale)
    pitch = make_pitch()
    db.session.commit()
    headers = bearer(investor)
    for kind in ("interested", "saved"):
        marked = client.put("/api/v1/interests", headers=headers,
                            json={"pitch_id": pitch.id, "kind": kind})
        assert marked.status_code == 403, marked.get_data(as_text=True)
        assert marked.get_json()["error"] == {
            "code": "profile_missing", "message": WORDS[locale], "fields": {},
            "request_id": marked.get_json()["error"]["request_id"]}
    cleared = client.delete(f"/api/v1/interests?pitch_id={pitch.id}", headers=headers)
    assert cleared.status_code == 403
    assert cleared.get_json()["error"]["code"] == "profile_missing"
    assert db.session.scalars(db.select(Interest)).all() == []
    # what the body says wrong is still a 422 naming it
    broken = client.put("/api/v1/interests", headers=headers, json={"kind": "saved"})
    assert broken.status_code == 422 and "pitch_id" in broken.get_json()["error"]["fields"]


def test_with_a_profile_the_same_body_is_answered(client):
    """Guard: writing the profile is all it takes."""
    investor = make_user("investor")
    make_investor(investor)
    pitch = make_pitch()
    db.session.commit()
    marked = client.put("/api/v1/interests", headers=bearer(investor),
                        json={"pitch_id": pitch.id, "kind": "saved"})
    assert marked.status_code == 200 and marked.get_json()["kind"] == "saved"


def test_the_reference_names_the_code(client):
    spec = client.get("/api/v1/openapi.json").get_json()
    assert "or `profile_missing` for an investor's interest" in spec["info"]["description"]
    put = " ".join(spec["paths"]["/api/v1/interests"]["put"]["description"].split())
    assert "403 with the code `profile_missing` for an investor who has not written" in put
    assert "for an investor without a profile, with an empty `fields`" not in put


@pytest.mark.parametrize("lang, words", [
    ("en", ["or profile_missing for an investor's interest before their profile is written",
            "403 with the code profile_missing for an investor who has not written a profile "
            "yet (PUT /api/v1/profile writes it). 403 with the code address_unconfirmed"]),
    ("nb", ["eller profile_missing for en investors interesse før profilen er skrevet",
            "403 med koden profile_missing for en investor som ikke har skrevet profilen sin "
            "ennå (PUT /api/v1/profile skriver den). 403 med koden address_unconfirmed"]),
])
def test_the_docs_page_says_it_in_the_readers_language(client, lang, words):
    page = html.unescape(client.get(f"/api/v1/docs?lang={lang}").get_data(as_text=True))
    page = " ".join(page.replace("<code>", "").replace("</code>", "").split())
    for said in words:
        assert said in page
