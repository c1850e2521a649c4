"""The data page promises an import only to those who have one: staff import members;
founders and investors only download lists (and may use the API), and the page and its menu
item say so in a plain word."""

from __future__ import annotations

import pytest

from tests.factories import make_user

TITLES = {
    ("investor", "en"): "Downloads",
    ("investor", "nb"): "Nedlastinger",
    ("founder", "en"): "Downloads",
    ("staff", "en"): "Data: import, export and API",
    ("staff", "nb"): "Data: import, eksport og API",
}


@pytest.mark.parametrize("role,lang", list(TITLES))
def test_the_data_page_names_what_the_person_can_do_there(client, auth, role, lang):
    auth.login(make_user(role, locale=lang).email)
    page = client.get("/exports").get_data(as_text=True)
    assert f"<h1>{TITLES[role, lang]}</h1>" in page
    assert f"<title>{TITLES[role, lang]} · Koble</title>" in page
