"""BREACH: a page another site makes the browser ask for (Sec-Fetch-Site cross-site or
same-site) goes uncompressed, so its length tells that site nothing of a guess it put in the
query string next to the page's secrets (the CSRF token, contact details); our own pages'
requests, typed addresses and clients that send no such header stay compressed."""

from __future__ import annotations

import gzip

import pytest

from tests.app.security.principals import log_in
from tests.factories import make_user

GUESS = "csrf_token%22+value%3D%22Ij"


def _get(client, path, site=None):
    headers = {"Accept-Encoding": "gzip, br"}
    if site is not None:
        headers["Sec-Fetch-Site"] = site
    return client.get(path, headers=headers)


@pytest.mark.parametrize("site", ["cross-site", "same-site", "Cross-Site"])
def test_a_search_asked_for_by_another_site_is_not_compressed(app, client, site):
    log_in(client, make_user("investor"))
    response = _get(client, f"/pitches?q={GUESS}", site)
    assert response.status_code == 200
    assert "Content-Encoding" not in response.headers
    page = response.get_data(as_text=True)
    assert 'name="csrf_token"' in page and 'csrf_token&#34; value=&#34;Ij' in page
    vary = response.headers["Vary"]
    assert "Sec-Fetch-Site" in vary and "Accept-Encoding" in vary


@pytest.mark.parametrize("site", ["same-origin", "none", None])
def test_our_own_pages_typed_addresses_and_programs_are_compressed(app, client, site):
    log_in(client, make_user("investor"))
    response = _get(client, f"/pitches?q={GUESS}", site)
    assert response.status_code == 200
    assert response.headers["Content-Encoding"] in ("br", "gzip")
    assert "Sec-Fetch-Site" in response.headers["Vary"]


def test_the_api_answers_another_site_uncompressed_too(app, client):
    log_in(client, make_user("founder"))
    other = _get(client, "/api/v1/openapi.json", "cross-site")
    own = _get(client, "/api/v1/openapi.json", "same-origin")
    assert own.status_code == other.status_code == 200
    assert "Content-Encoding" not in other.headers
    assert own.headers["Content-Encoding"] in ("br", "gzip")


def test_static_files_stay_compressed_for_any_site(app, client):
    response = client.get("/static/koble.css", headers={
        "Accept-Encoding": "gzip", "Sec-Fetch-Site": "cross-site"})
    assert response.status_code == 200
    assert response.headers["Content-Encoding"] == "gzip"
    assert gzip.decompress(response.get_data())
