"""Every list page builds its pager and export links from its own filters. They took every
query parameter of the address, so a stray one named like url_for's own argument
(`endpoint`) or the export's (`fmt`), from a hand-made or pasted link, made the page answer
500. The fix for the investor and moderation lists (d911402, 54da9d6) was one route each;
the pitch search, the investor's recommendations and the admin's people and audit lists
passed the address on as it was."""

from __future__ import annotations

import pytest

from tests.factories import make_investor, make_pitch, make_user

STRAYS = ["fmt=zzz", "endpoint=x", "_external=1", "_anchor=x"]


@pytest.mark.parametrize("stray", STRAYS)
def test_an_investors_lists_ignore_a_stray_parameter(client, auth, stray):
    make_pitch(title="Solcelletak for skoler", sectors=["energy"])
    investor = make_user("investor")
    make_investor(investor, sectors=["energy"])
    auth.login(investor.email)
    for path in (f"/pitches?q=solcelletak&{stray}", f"/matches?sector=energy&{stray}"):
        response = client.get(path)
        assert response.status_code == 200, path
        page = response.get_data(as_text=True)
        assert stray.split("=")[0] + "=" not in page.split("<main", 1)[1], path
    assert "Solcelletak for skoler" in client.get(
        f"/pitches?q=solcelletak&{stray}").get_data(as_text=True)


@pytest.mark.parametrize("stray", STRAYS)
def test_the_admins_lists_ignore_a_stray_parameter(client, auth, stray):
    auth.login(make_user("admin").email)
    for path in (f"/admin/users?role=admin&{stray}", f"/admin/audit?action=login&{stray}"):
        assert client.get(path).status_code == 200, path


def test_the_links_keep_the_lists_own_filters(client, auth):
    make_pitch(title="Solcelletak for skoler", sectors=["energy"])
    investor = make_user("investor")
    make_investor(investor)
    auth.login(investor.email)
    page = client.get("/pitches?q=solcelletak&sector=energy&fmt=zzz").get_data(as_text=True)
    assert "/exports/pitches.csv?q=solcelletak&amp;sector=energy" in page \
        or "/exports/pitches.csv?sector=energy&amp;q=solcelletak" in page
