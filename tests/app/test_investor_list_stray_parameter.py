"""The investor list built its pager and export links from every query parameter: a stray
fmt=… in the address (a hand-made or pasted link) clashed with the export link's own fmt and
answered 500. The links now carry the list's own filters only."""

from __future__ import annotations

import html
import re

from tests.factories import make_investor, make_user


def test_a_stray_parameter_does_not_break_the_investor_list(client, auth):
    make_investor(organisation="Solkraft Invest", sectors=["energy"])
    auth.login(make_user("founder").email)
    response = client.get("/investors?sector=energy&fmt=zzz&page=1")
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert "Solkraft Invest" in page
    block = re.search(r'id="export-list">(.*?)</p>', page, re.S)
    assert block is not None
    links = [html.unescape(h) for h in re.findall(r'href="([^"]+)"', block.group(1))]
    assert links == ["/exports/investors.csv?sector=energy",
                     "/exports/investors.xlsx?sector=energy"]
