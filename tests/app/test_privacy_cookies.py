"""The privacy page lists every cookie Koble sets, what it is for and how long it is kept. It
listed none, while a browser got four: the session, "keep me logged in", the device cookie
that shields the owner's logins from a stranger's guessing, and the language."""

from __future__ import annotations

import re

import pytest

from tests.factories import DEFAULT_PASSWORD, make_user

KEPT = {"nb": ("høyst 12 timer", "7 dager", "365 dager"),
        "en": ("12 hours at most", "7 days", "365 days")}


def _cookies_a_browser_gets(app, user) -> set[str]:
    """The names of the cookies set along a visit: a page, a language chosen, a login with
    "keep me logged in", a page as that user."""
    client = app.test_client()
    names: set[str] = set()

    def seen(response):
        for header in response.headers.getlist("Set-Cookie"):
            names.add(header.split("=", 1)[0])

    seen(client.get("/"))
    seen(client.post("/language", data={"lang": "en"}))
    seen(client.post("/auth/login", data={"email": user.email, "password": DEFAULT_PASSWORD,
                                          "remember": "y"}))
    seen(client.get("/"))
    return names


def _listed(page: str) -> set[str]:
    table = page[page.index('id="cookies"'):]
    return set(re.findall(r"<code>([^<]+)</code>", table[:table.index("</table>")]))


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_the_privacy_page_lists_every_cookie_a_browser_gets(app, lang):
    app.config["WTF_CSRF_ENABLED"] = False
    user = make_user("founder", locale="nb")
    got = _cookies_a_browser_gets(app, user)
    assert {"session", "remember_token", "koble_device", "koble_lang"} <= got
    client = app.test_client()
    client.post("/language", data={"lang": lang})
    page = client.get("/privacy").get_data(as_text=True)
    assert got <= _listed(page)
    for kept in KEPT[lang]:
        assert kept in page


def test_the_list_follows_the_configured_lifetimes(app):
    app.config["REMEMBER_COOKIE_DURATION"] = app.config["REMEMBER_COOKIE_DURATION"] * 2
    page = app.test_client().get("/privacy?lang=en").get_data(as_text=True)
    assert "14 days" in page and "7 days" not in page
