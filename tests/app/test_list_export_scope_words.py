"""Staff's investor export holds their own association's investors, while the investor
list shows every association's: the link said "Download this list", so a staff member
expected the rows on screen and got fewer. For staff it says what the file holds; an
admin's file is the whole list, and says so. The moderation list's export holds the rows the
list shows, every association's (staff moderate them all), and its link says "Download this
list" to staff too."""

from __future__ import annotations

import csv
import io
import re

import pytest

from tests.factories import make_investor, make_pitch, make_user

PART = {"en": "Download your association’s part of this list",
        "nb": "Last ned din forenings del av denne listen"}
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
    assert _link_words(investors) == PART[lang]
    exported = _csv_text(client.get("/exports/investors.csv"))
    assert "Asker Kapital" in exported and "Bærum Kapital" not in exported


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
