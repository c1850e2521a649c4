"""A list page's filter given a value it does not offer (an address changed by hand, or kept
from before) says which filter and what to do, in the reader's language, on every page that
filters: WTForms' "Not a valid choice." (nb "Ikke et gyldig valg", no full stop) named no
filter. The page is shown again with the message at the filter, 422, as for other bad
filters (form_fields.FilterSelectField)."""

from __future__ import annotations

import html
import re

import pytest

from tests.factories import make_user

PAGES = [
    ("/admin/users?role=zzz", "Role", "Rolle"),
    ("/admin/users?association=abc", "Association", "Forening"),
    ("/admin/users?association=99999", "Association", "Forening"),
    ("/admin/audit?action=zzz", "Action", "Handling"),
    ("/admin/audit?subject_kind=zzz", "Subject", "Gjelder"),
    ("/pitches?sector=zzz", "Sector", "Bransje"),
    ("/pitches?sort=zzz", "Sort by", "Sorter etter"),
    ("/investors?investor_type=zzz", "Type", "Type"),
    ("/investors?region=zzz", "Region", "Region"),
    ("/staff/pitches?hidden=maybe", "Hidden", "Skjult"),
    ("/staff/dashboard?scope=zzz", "Association", "Forening"),
    ("/staff/dashboard?period=7", "Period", "Periode"),
]


def _messages(client, url: str) -> tuple[int, list[str]]:
    response = client.get(url)
    page = html.unescape(response.get_data(as_text=True))
    return response.status_code, [m.strip() for m in
                                  re.findall(r'class="invalid-feedback[^"]*"[^>]*>([^<]*)<', page)]


@pytest.mark.parametrize(("url", "en", "nb"), PAGES)
def test_an_unknown_filter_value_names_the_filter(client, auth, url, en, nb):
    auth.login(make_user("admin", association=None).email)
    client.post("/language", data={"lang": "en"})
    assert _messages(client, url) == (
        422, [f"Unknown choice for “{en}”: choose one from the list."])
    client.post("/language", data={"lang": "nb"})
    assert _messages(client, url) == (422, [f"Ukjent valg for «{nb}»: velg ett fra listen."])


def test_filters_left_empty_or_out_still_list(client, auth):
    auth.login(make_user("admin", association=None).email)
    for url in ("/admin/users?role=&association=", "/admin/users", "/admin/audit?action=",
                "/pitches?sector=&sort=", "/investors?region=", "/staff/pitches?hidden=",
                "/staff/dashboard", "/staff/dashboard?period=90"):
        assert _messages(client, url) == (200, []), url
