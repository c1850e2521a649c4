"""Someone who deletes their own account reads the goodbye ("Your account is deleted. Thank
you for using Koble.") and the front page after it in the language they used Koble in. The
language came from the account (no choice in the session when the saved one was already
shown), and deleting logs out and wipes the account's language first: an English reader was
thanked in bokmål and landed on a bokmål front page."""

from __future__ import annotations

import pytest

from tests.app.security.principals import log_in
from tests.factories import DEFAULT_PASSWORD, make_user

GOODBYE = {"nb": "Kontoen din er slettet. Takk for at du brukte Koble.",
           "en": "Your account is deleted. Thank you for using Koble."}
OTHER = {"nb": "en", "en": "nb"}


def _delete(client):
    response = client.post("/account/delete", data={"password": DEFAULT_PASSWORD})
    assert response.status_code == 303
    page = client.get(response.headers["Location"])
    assert page.status_code == 200
    return " ".join(page.get_data(as_text=True).split())


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_the_goodbye_reads_in_the_accounts_language(app, lang):
    app.config["BABEL_DEFAULT_LOCALE"] = OTHER[lang]  # the site's default is not theirs
    client = app.test_client()
    log_in(client, make_user("investor", locale=lang))
    page = _delete(client)
    assert GOODBYE[lang] in page
    assert f'<html lang="{lang}"' in page
    # the next page too: the browser keeps reading in that language
    assert f'<html lang="{lang}"' in client.get("/").get_data(as_text=True)


@pytest.mark.parametrize("saved, chosen", [("nb", "en"), ("en", "nb")])
def test_a_language_chosen_in_the_session_still_wins(app, saved, chosen):
    """A guard: the language picked in the menu stays, as on every other page."""
    app.config["BABEL_DEFAULT_LOCALE"] = saved
    client = app.test_client()
    log_in(client, make_user("founder", locale=saved))
    client.post("/language", data={"lang": chosen})
    page = _delete(client)
    assert GOODBYE[chosen] in page
    assert f'<html lang="{chosen}"' in page
