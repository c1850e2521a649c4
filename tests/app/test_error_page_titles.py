"""An error page's browser title says what its heading says: a 403 and a 404 were titled
"Noe gikk galt" (something went wrong) above the headings "Ingen tilgang" and "Fant ikke
siden", so a screen reader's first words and the tab told another story than the page."""

from __future__ import annotations

import re

import pytest

from tests.app.test_i18n import _client_in
from tests.factories import make_user


def _title_and_heading(response) -> tuple[str, str]:
    html = response.get_data(as_text=True)
    title = re.search(r"<title>(.*?)</title>", html, re.S).group(1)
    heading = re.search(r"<h1[^>]*>(.*?)</h1>", html, re.S).group(1)
    return " ".join(title.split()), " ".join(heading.split())


@pytest.mark.parametrize(("lang", "heading"), [("nb", "Fant ikke siden"),
                                               ("en", "Page not found")])
def test_not_found_is_titled_as_its_heading(app, lang, heading):
    response = _client_in(app, lang).get("/no-such-page")

    assert response.status_code == 404
    assert _title_and_heading(response) == (f"{heading} · Koble", heading)


@pytest.mark.parametrize(("lang", "heading"), [("nb", "Ingen tilgang"), ("en", "No access")])
def test_no_access_is_titled_as_its_heading(app, lang, heading):
    client = _client_in(app, lang, make_user("founder"))

    response = client.get("/admin/engine")

    assert response.status_code == 403
    assert _title_and_heading(response) == (f"{heading} · Koble", heading)


def test_a_server_error_keeps_its_title(app):
    @app.route("/boom-for-the-test")
    def _boom():
        raise RuntimeError("test")

    response = _client_in(app, "en").get("/boom-for-the-test")

    assert response.status_code == 500
    assert _title_and_heading(response) == ("Something went wrong · Koble",
                                            "Something went wrong")
