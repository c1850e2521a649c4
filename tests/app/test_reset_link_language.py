"""The e-mailed password link (a reset, or an admin's invitation of a new staff member)
opens in the language the e-mail was written in, the account's, though the person clicking
it is logged out; so does the login page it sends them on to."""

from __future__ import annotations

from app.services.tokens import make_reset_token
from tests.factories import make_user

GOOD = "a long enough pass phrase 7"


def test_password_link_speaks_the_accounts_language(client):
    # the test site's default is English; this account chose bokmål
    user = make_user("staff", locale="nb")
    path = f"/auth/reset/{make_reset_token(user)}"
    page = client.get(path)
    assert page.status_code == 200 and "Velg et nytt passord" in page.get_data(as_text=True)
    done = client.post(path, data={"password": GOOD, "confirm": GOOD})
    assert done.status_code == 302
    login = client.get(done.headers["Location"]).get_data(as_text=True)
    assert "Passordet er endret. Logg inn med det nye." in login
    assert login.startswith('<!doctype html>\n<html lang="nb">')


def test_a_language_chosen_in_the_browser_wins(client):
    user = make_user("staff", locale="nb")
    client.post("/language", data={"lang": "en"})
    page = client.get(f"/auth/reset/{make_reset_token(user)}").get_data(as_text=True)
    assert "Choose a new password" in page
