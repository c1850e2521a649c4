"""A member list over the site's body limit (5 MB) sent to the member import is refused with
the import's own limit and a way back to it. The page said "Koble takes at most 5 MB at a
time" beside an import page that says 2 MB (a 3 MB file is refused on the form with "The file
is larger than 2 MB."), so a staff member who cut an 8 MB list to 4 MB was refused again,
and its only link led to the front page. Other forms keep the site's 5 MB words."""

from __future__ import annotations

import io
import re

import pytest

from tests.app.test_i18n import _client_in
from tests.factories import make_user

WORDS = {
    "en": {"file": "The file is larger than 2 MB.", "back": "Back to the import",
           "site": "Koble takes at most 5 MB at a time"},
    "nb": {"file": "Filen er større enn 2 MB.", "back": "Tilbake til importen",
           "site": "Koble tar imot høyst 5 MB om gangen"},
}


def _upload(client, size: int):
    return client.post("/staff/members/import", content_type="multipart/form-data",
                       data={"file": (io.BytesIO(b"x" * size), "members.csv")})


@pytest.mark.parametrize("lang", ["en", "nb"])
def test_a_list_over_the_site_limit_is_told_the_imports_limit_and_the_way_back(app, lang):
    client = _client_in(app, lang, make_user("staff"))
    response = _upload(client, app.config["MAX_CONTENT_LENGTH"] + 1)
    assert response.status_code == 413
    page = " ".join(response.get_data(as_text=True).split())
    words = WORDS[lang]
    assert words["file"] in page and words["site"] not in page
    assert re.search(r'<a href="/staff/members/import">\s*' + words["back"] + r"\s*</a>", page)


@pytest.mark.parametrize("lang", ["en", "nb"])
def test_a_list_over_the_imports_limit_only_says_the_same_on_the_form(app, lang):
    """A guard: the form's own refusal, the words the page above now repeats."""
    client = _client_in(app, lang, make_user("staff"))
    response = _upload(client, 3 * 1024 * 1024)
    assert response.status_code in (200, 422)
    assert WORDS[lang]["file"] in response.get_data(as_text=True)


@pytest.mark.parametrize("lang", ["en", "nb"])
def test_another_form_keeps_the_sites_limit_and_the_front_page(app, lang):
    """A guard: a pitch too large is told the site's 5 MB, and no way back to an import."""
    client = _client_in(app, lang, make_user("founder"))
    response = client.post("/pitches/new", data={
        "title": "Sol", "summary": "x" * (app.config["MAX_CONTENT_LENGTH"] + 1)})
    assert response.status_code == 413
    page = " ".join(response.get_data(as_text=True).split())
    assert WORDS[lang]["site"] in page and WORDS[lang]["back"] not in page
