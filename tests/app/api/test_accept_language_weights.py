"""A refusal without a usable token speaks the first of nb and en that Accept-Language
names, by its weights, as the API's description says: a regional tag names its language
("en-GB" is English), and q=0 refuses one. Werkzeug's best_match preferred an exact tag
whatever its weight, so "en-GB,nb;q=0.5" was answered in bokmål."""

from __future__ import annotations

import pytest

ENGLISH = "Send a personal API token: Authorization: Bearer <token>."
BOKMAL = "Send en personlig API-nøkkel: Authorization: Bearer <token>."


@pytest.mark.parametrize(("header", "words"), [
    ("en-GB,nb;q=0.5", ENGLISH),
    ("en-US, nb-NO;q=0.8", ENGLISH),
    ("nb-NO,en;q=0.9", BOKMAL),
    ("nb;q=0,en-GB;q=0.2", ENGLISH),
    ("en;q=0, de", BOKMAL),  # English refused, German not ours: the default
    ("de,en_GB;q=0.5", ENGLISH),
])
def test_the_heaviest_of_our_languages_wins(app, client, header, words):
    app.config["BABEL_DEFAULT_LOCALE"] = "nb"
    response = client.get("/api/v1/me", headers={"Accept-Language": header})
    assert response.status_code == 401
    assert response.get_json()["error"]["message"] == words
