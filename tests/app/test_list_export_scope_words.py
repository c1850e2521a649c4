"""Staff's list exports hold the rows the lists show, every association's: the moderation
list's (staff moderate them all) and the investor list's (the network's directory, which
founders export whole too), contact details only where contacts allow them. Before, the
investor export held only the staff member's association's investors while the list showed
every association's; its link said so ("Download your association's part of this list").
Now both links say "Download this list", as an admin's do."""

from __future__ import annotations

import csv
import io
import re

import pytest

from tests.factories import make_investor, make_pitch, make_user

WHOLE = {"en": "Download this list", "nb": "Last ned denne listen"}


def _link_words(page: str) -> str:
    block = re.search(r'id="export-list">(.*?):', page, re.S)
    assert block is not None, "no export link on the list"
    return block.group(1).strip()


def _csv_text(response) -> str:
    return response.get_data(as_text=True).lstrip("\ufeff")


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_staff_are_told_what_each_file_holds(client, auth, lang):
    make_pitch(make_user("founder", association="asker"), title="Solcelletak i Asker")
    make_pitch(make_user("founder", association="baerum"), title="Solcelletak i Bærum")
    make_investor(make_user("investor", association="asker"), organisation="Asker Kapital")
    make_investor(make_user("investor", association="baerum"), organisation="Bærum Kapital")
    auth.login(make_user("staff", association="asker").email)
    client.post("/language", data={"lang": lang})
    pitches = client.get("/staff/pitches?q=solcelletak").get_data(as_text=True)
    assert "Solcelletak i Bærum" in pitches  # the list shows every association's
    assert _link_words(pitches) == WHOLE[lang]  # and so does its file
    exported = _csv_text(client.get("/exports/pitches.csv?q=solcelletak"))
    assert "Solcelletak i Asker" in exported and "Solcelletak i Bærum" in exported
    investors = client.get("/investors").get_data(as_text=True)
    assert "Bærum Kapital" in investors
    assert _link_words(investors) == WHOLE[lang]  # and so does its file
    exported = _csv_text(client.get("/exports/investors.csv"))
    assert "Asker Kapital" in exported and "Bærum Kapital" in exported


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_an_admins_link_is_the_whole_list(client, auth, lang):
    make_pitch(make_user("founder", association="baerum"), title="Solcelletak i Bærum")
    auth.login(make_user("admin").email)
    client.post("/language", data={"lang": lang})
    page = client.get("/staff/pitches?q=solcelletak").get_data(as_text=True)
    assert _link_words(page) == WHOLE[lang]
    exported = _csv_text(client.get("/exports/pitches.csv?q=solcelletak"))
    assert "Solcelletak i Bærum" in exported
    assert list(csv.reader(io.StringIO(exported)))  # a readable file
