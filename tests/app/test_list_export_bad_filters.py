"""A list's export link with a filter value the list no longer offers (a link kept from
before, an address changed by hand) answered a bare 400 page. Every list export now downloads
nothing and goes back to its list with the same filters, which names the filter to correct
in the reader's language (422, as the list itself does) under a message saying nothing was
downloaded."""

from __future__ import annotations

import html
import re

import pytest

from tests.factories import make_investor, make_user

CASES = [
    # (role, export address, list it came from, filter label en, nb)
    ("staff", "/exports/pitches.{fmt}?hidden=maybe&q=sol", "/staff/pitches", "Hidden", "Skjult"),
    ("staff", "/exports/investors.{fmt}?region=zzz", "/investors", "Region", "Region"),
    ("founder", "/exports/investors.{fmt}?investor_type=zzz&sector=energy", "/investors",
     "Type", "Type"),
    ("investor", "/exports/pitches.{fmt}?stage=unicorn", "/pitches", "Stage", "Fase"),
]
NOTHING = {"en": "Nothing was downloaded: correct the marked filters, then download again.",
           "nb": "Ingenting ble lastet ned: rett opp filtrene som er markert, og last ned på nytt."}
UNKNOWN = {"en": "Unknown choice for “{}”: choose one from the list.",
           "nb": "Ukjent valg for «{}»: velg ett fra listen."}


def _login(client, auth, role: str) -> None:
    user = make_user(role)
    if role == "investor":
        make_investor(user)
    auth.login(user.email)


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
@pytest.mark.parametrize(("role", "export", "back", "en", "nb"), CASES)
def test_an_export_with_a_stale_filter_goes_back_to_its_list_with_the_message(
        client, auth, role, export, back, en, nb, fmt):
    _login(client, auth, role)
    url = export.format(fmt=fmt)
    query = url.split("?", 1)[1]
    for lang, label in (("en", en), ("nb", nb)):
        client.post("/language", data={"lang": lang})
        response = client.get(url)
        assert response.status_code == 303, (url, response.status_code)
        assert response.headers["Location"] == f"{back}?{query}"
        page = client.get(response.headers["Location"])
        assert page.status_code == 422
        assert page.mimetype == "text/html"
        text = html.unescape(page.get_data(as_text=True))
        assert NOTHING[lang] in text
        feedback = [m.strip() for m in
                    re.findall(r'class="invalid-feedback[^"]*"[^>]*>([^<]*)<', text)]
        assert feedback == [UNKNOWN[lang].format(label)]


def test_an_export_with_good_filters_still_downloads(client, auth):
    make_investor(organisation="Solkraft Invest", sectors=["energy"])
    _login(client, auth, "founder")
    response = client.get("/exports/investors.csv?sector=energy&region=")
    assert response.status_code == 200
    assert "Solkraft Invest" in response.get_data(as_text=True)
