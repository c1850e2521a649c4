"""The staff investor list and its export agree, as the moderation list and its export do
since c36f8c5: the list shows every association's investors (the network's directory,
which founders read and export whole too), and the file now holds the rows it shows, each
investor's association last. Contact details stay where contacts allow them: the staff
member's association's members and their arenas' invitees, so another association's member
is in the file without an address or phone, unless invited to the staff member's arena
(whose row the old file left out altogether)."""

from __future__ import annotations

import csv
import html
import io
import re

import pytest

from app.extensions import db
from tests.app.security.principals import log_in
from tests.factories import make_arena, make_investor, make_invitation, make_user


def _ids(page: str) -> set[int]:
    return {int(i) for i in re.findall(r'data-profile-id="(\d+)"', page)}


def _csv(response) -> list[dict]:
    assert response.status_code == 200
    text = response.get_data(as_text=True).lstrip("\ufeff")
    return list(csv.DictReader(io.StringIO(text)))


@pytest.fixture
def world():
    """Asker's and Modum's investors; a Modum investor invited to Asker's arena."""
    asker = make_investor(make_user("investor", "asker.invest@example.no",
                                    association="asker"),
                          organisation="Asker Solkapital", sectors=["energy"],
                          contact_email="", contact_phone="")
    modum = make_investor(make_user("investor", "modum.invest@example.no",
                                    association="modum", phone="90000001"),
                          organisation="Modum Havkapital", sectors=["maritime"],
                          contact_email="", contact_phone="")
    guest = make_investor(make_user("investor", "guest.invest@example.no",
                                    association="modum"),
                          organisation="Modum Solfond", sectors=["energy"],
                          contact_email="", contact_phone="")
    arena = make_arena(hosts=("asker",))
    make_invitation(arena, guest.user, "accepted")
    db.session.commit()
    return {"asker": asker.id, "modum": modum.id, "guest": guest.id}


def test_the_export_holds_the_rows_the_list_shows(app, world):
    client = app.test_client()
    log_in(client, make_user("staff", association="asker", locale="en"))
    client.post("/language", data={"lang": "en"})
    for query in ("", "?sector=energy", "?sector=maritime", "?q=modum"):
        listed = _ids(client.get(f"/investors{query}").get_data(as_text=True))
        rows = _csv(client.get(f"/exports/investors.csv{query}"))
        assert {int(row["Id"]) for row in rows} == listed, query
    rows = {int(row["Id"]): row for row in _csv(client.get("/exports/investors.csv"))}
    assert rows[world["asker"]]["E-mail"] == "asker.invest@example.no"
    assert rows[world["asker"]]["Association"] == "Asker Næringsforening"
    # another association's member: in the file as in the list, without their contacts
    assert rows[world["modum"]]["Organisation"] == "Modum Havkapital"
    assert rows[world["modum"]]["E-mail"] == rows[world["modum"]]["Phone"] == ""
    assert rows[world["modum"]]["Association"] == "Modum Næringsråd"
    # invited to the staff member's arena: contacts allow the address, as on the profile
    assert rows[world["guest"]]["E-mail"] == "guest.invest@example.no"


@pytest.mark.parametrize(("lang", "words"), [("en", "Download this list"),
                                             ("nb", "Last ned denne listen")])
def test_the_link_says_it_is_the_list(app, world, lang, words):
    client = app.test_client()
    log_in(client, make_user("staff", association="asker", locale=lang))
    client.post("/language", data={"lang": lang})
    page = html.unescape(client.get("/investors").get_data(as_text=True))
    link = re.search(r'id="export-list">(.*?):', page, re.S).group(1).strip()
    assert link == words


def test_a_founders_file_is_unchanged(app, world):
    """A guard: founders always had the whole list, without contacts or associations."""
    client = app.test_client()
    log_in(client, make_user("founder", association="asker", locale="en"))
    client.post("/language", data={"lang": "en"})
    rows = _csv(client.get("/exports/investors.csv"))
    assert {int(row["Id"]) for row in rows} == set(world.values())
    assert "Association" not in rows[0]
    assert all(row["E-mail"] == "" for row in rows)
